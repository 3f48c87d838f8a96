/**
 * The largest CSV file read by two threads (split in two, the later part in
 * a worker thread) gives exactly what one thread gives. These runs use the
 * built code: workers need the compiled modules.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type * as Extracts from '../../src/cli/extracts.js';
import { defaultConfig } from '../../src/config/config.js';
import { dayFromYmd } from '../../src/core/day.js';
import type { LoadedExtract } from '../../src/normalise/load.js';
import { tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const built = (await import(new URL('../../dist/cli/extracts.js', import.meta.url).href)) as typeof Extracts;

const folder = tempFolder(messyExtracts({ seed: 5, size: 3000 }));
afterAll(() => folder.cleanup());

function plain(x: LoadedExtract) {
  const records: unknown[] = [];
  for (let row = 0; row < x.records.length; row++) records.push([x.records.line(row), ...x.records.cells(row)]);
  return { name: x.name, counts: x.counts, rejections: x.rejections, duplicates: x.duplicates, records, source: x.source };
}

describe('one large file read by two threads', () => {
  it('loads every extract exactly as one thread does, keep-first and keep-last', async () => {
    const located = await built.locateExtracts({ data: folder.dir, files: {} });
    const asAt = dayFromYmd(2021, 5, 10);
    for (const onDuplicateKey of ['keep-first', 'keep-last'] as const) {
      const config = defaultConfig();
      const mapped = { ...config, mapping: { ...config.mapping, contacts: { ...config.mapping.contacts, onDuplicateKey } } };
      const one = await built.loadExtracts(located, asAt, mapped, { jobs: 1 });
      const two = await built.loadExtracts(located, asAt, mapped, { jobs: 2, splitFromBytes: 1 });
      expect(two.extracts.map(plain)).toEqual(one.extracts.map(plain));
    }
  });
});
