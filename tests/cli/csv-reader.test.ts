/**
 * The fast CSV reader changes nothing a user sees: the demo, the messy
 * extracts and every error fixture give byte-identical output, exit status
 * and stderr whether CSV files are read the fast way (the default) or by
 * csv-parse alone (`CSC_KPI_CSV_READER=csv-parse`), on one thread or two.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, scratchFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const REFERENCE = { CSC_KPI_CSV_READER: 'csv-parse' };

async function bothReaders(args: readonly string[]): Promise<void> {
  const fast = await runCli(args);
  const reference = await runCli(args, { env: REFERENCE });
  expect(fast.stdout).toBe(reference.stdout);
  expect(fast.stderr).toBe(reference.stderr);
  expect(fast.code).toBe(reference.code);
}

const DATES = ['--as-at', '2021-05-10', '--from', '2020-04', '--to', '2021-05'];

describe('fast reader and csv-parse give byte-identical output', () => {
  it('on the demo council: scorecard (JSON) and validate (JSON)', async () => {
    await bothReaders(['scorecard', '--data', 'fixtures/demo', ...DATES, '--format', 'json']);
    await bothReaders(['validate', '--data', 'fixtures/demo', '--as-at', '2021-05-10', '--format', 'json']);
  });

  it.each([3, 8, 21])('on messy extracts (seed %i): scorecard and validate, one thread and two', async (seed) => {
    const dir = scratchFolder(messyExtracts({ seed, size: 400 }));
    for (const jobs of ['1', '2']) {
      await bothReaders(['scorecard', '--data', dir, ...DATES, '--format', 'json', '--jobs', jobs]);
      await bothReaders(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json', '--jobs', jobs]);
    }
  });

  const fixtures = readdirSync(join(ROOT, 'fixtures/errors'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  it.each(fixtures)('on the error fixture %s: validate', async (name) => {
    await bothReaders(['validate', '--data', join('fixtures/errors', name), '--as-at', '2021-05-10', '--format', 'json']);
  });
});
