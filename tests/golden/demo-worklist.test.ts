/**
 * Golden worklist of the demo council at 10 May 2021: the exact table and
 * JSON. Regenerate deliberately with UPDATE_GOLDEN=1 and read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'tests/golden/__golden__');
const ARGS = ['due', '--data', 'fixtures/demo', '--as-at', '2021-05-10'];

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  expect(existsSync(path), `${name} is missing; run with UPDATE_GOLDEN=1 to create it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('the demo worklist at 10 May 2021', () => {
  it.each([
    ['table', 'demo-worklist.txt'],
    ['json', 'demo-worklist.json'],
  ])('as %s', async (format, file) => {
    const r = await runCli([...ARGS, '--format', format]);
    expect(r.code).toBe(0);
    golden(file, r.stdout);
  });

  it('with --strict exits 2 and lists nothing (the demo has rejected rows)', async () => {
    const r = await runCli([...ARGS, '--strict']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--strict: 33 row\(s\) rejected; no worklist written/);
  });
});
