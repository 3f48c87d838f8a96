/**
 * Golden runs of the whole command line on the demo extracts: the exact
 * table, JSON and CSV output, and the problems summary on stderr.
 * Regenerate deliberately with UPDATE_GOLDEN=1 after a change meant to
 * alter them, and read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'tests/golden/__golden__');
const ARGS = [
  'scorecard',
  '--data', 'fixtures/demo',
  '--as-at', '2021-05-10',
  '--from', '2020-04',
  '--to', '2021-05',
  '--targets', 'fixtures/targets/improvement-plan-2021.yaml',
  '--config', 'fixtures/demo/csc-kpi.yaml',
];

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('the demo scorecard', () => {
  it.each([
    ['table', 'demo-scorecard.txt'],
    ['json', 'demo-scorecard.json'],
    ['csv', 'demo-scorecard.csv'],
  ])('as %s', async (format, file) => {
    const r = await runCli([...ARGS, '--format', format]);
    expect(r.code).toBe(0);
    golden(file, r.stdout);
    golden('demo-scorecard.stderr.txt', r.stderr);
  });

  it('with --strict exits 2 and prints no scorecard (the demo has rejected rows)', async () => {
    const r = await runCli([...ARGS, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--strict: 33 row\(s\) rejected; no scorecard written/);
  });
});
