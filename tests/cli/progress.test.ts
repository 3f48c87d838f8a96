import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

describe('Progress', () => {
  it('draws a bar no more than ten times a second and clears it at the end', () => {
    let out = '';
    let t = 0;
    const p = new Progress({ write: (s) => (out += String(s)), isTTY: true }, true, () => t);
    p.start('contacts.csv', 1000);
    t = 1000;
    p.advance(250);
    t = 1050;
    p.advance(250); // too soon: not drawn
    t = 1200;
    p.advance(500);
    p.finish();
    expect(out).toBe(
      '\r[######                  ]  25% reading contacts.csv' + '\r[########################] 100% reading contacts.csv' + '\r\u001b[2K',
    );
  });

  it('draws nothing when disabled', () => {
    let out = '';
    const p = new Progress({ write: (s) => (out += String(s)) }, false, () => 1e9);
    p.start('x', 10);
    p.advance(10);
    p.finish();
    expect(out).toBe('');
  });

  it('is only wanted on a terminal, outside CI', () => {
    expect(Progress.forTerminal({ write: () => 0, isTTY: true }, {}).enabled).toBe(true);
    expect(Progress.forTerminal({ write: () => 0, isTTY: false }, {}).enabled).toBe(false);
    expect(Progress.forTerminal({ write: () => 0, isTTY: true }, { CI: 'true' }).enabled).toBe(false);
  });
});

describe('the scorecard command', () => {
  it('shows progress on a terminal stderr only, and never in stdout', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `C${i},${i},2021-01-05,2021-01-06`).join('\n');
    const dir = scratchFolder({ 'contacts.csv': `contact_id,child_id,contact_date,decision_date\n${rows}\n` });
    const args = ['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json'];
    const piped = await runCli(args);
    const terminal = await runCli(args, { stderrIsTTY: true });
    expect(piped.stderr).toBe('');
    expect(terminal.stderr).toMatch(/reading 1 extract/);
    expect(terminal.stdout).toBe(piped.stdout);
  });
});
