/**
 * Whatever bytes an extract holds, csc-kpi answers with an exit status and a
 * message, never a stack trace, and every row it read is accounted for.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { runCli, tempFolder } from '../helpers/cli.js';

const folder = tempFolder();
afterAll(() => folder.cleanup());

const HEADER = Buffer.from('contact_id,child_id,contact_date,decision_date,source\n');

/** Bytes that look like CSV often enough to reach the row checks. */
const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(',', '\n', '\r\n', '"', '""', '2021-01-05', '05/01/2021', 'C1', '1001', ' ', '\u0000', 'é', '\uFEFF'),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Buffer.from(parts.join(''), 'utf8'));

/** Runs validate and scorecard on `bytes` as contacts.csv; `exits` lists the statuses allowed. */
async function check(bytes: Buffer, exits: readonly number[]): Promise<void> {
  writeFileSync(join(folder.dir, 'contacts.csv'), bytes);
  for (const args of [
    ['validate', '--data', folder.dir, '--as-at', '2021-05-10', '--format', 'json'],
    ['scorecard', '--data', folder.dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json'],
  ]) {
    const r = await runCli(args);
    expect(exits).toContain(r.code);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    if (r.code !== 0) expect(r.stderr).not.toBe('');
    if (r.code === 1) expect(r.stderr).toMatch(/^csc-kpi: /);
    if (args[0] === 'scorecard' && r.code === 0) {
      const rows = JSON.parse(r.stdout).inputs.contacts.rows;
      expect(rows.read).toBe(rows.valid + rows.rejected + rows.duplicate);
    }
    if (args[0] === 'validate' && r.code !== 1) {
      const x = JSON.parse(r.stdout).extracts.contacts;
      expect(x.rows.read).toBe(x.rows.valid + x.rows.rejected + x.rows.duplicate);
      expect(x.problems).toHaveLength(x.rows.rejected);
      expect(r.code).toBe(x.rows.rejected > 0 ? 2 : 0);
    }
  }
}

it('random bytes as an extract: exit 1 or 2 with a message, never a stack trace', async () => {
  await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), (b) => check(Buffer.from(b), [1, 2])), { numRuns: 60 });
});

it('a valid header followed by random CSV-like text: every row accounted for', async () => {
  await fc.assert(fc.asyncProperty(csvish, (b) => check(Buffer.concat([HEADER, b]), [0, 1, 2])), { numRuns: 120 });
});
