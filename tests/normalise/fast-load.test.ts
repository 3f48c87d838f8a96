/**
 * The whole load of an extract, read by the fast CSV reader and by csv-parse
 * alone, on random extracts: the same row accounting (read, valid,
 * rejected, duplicate), the same problems with their lines and columns, the
 * same duplicates, the same records on the same lines, the same provenance.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/day.js';
import { type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import { ExtractError, type ExtractMapping } from '../../src/normalise/validate.js';
import { type CsvReader, csvSource } from '../../src/read/csv-source.js';
import { contactsText, MAPPINGS } from '../helpers/random-csv.js';

const AS_AT = dayFromYmd(2021, 5, 10);

/** Everything a load yields, as plain data. */
function plain(x: LoadedExtract) {
  const records: unknown[] = [];
  for (let row = 0; row < x.records.length; row++) records.push([x.records.line(row), ...x.records.cells(row)]);
  return {
    counts: x.counts,
    headerLine: x.headerLine,
    columns: { headers: x.columns.headers, mapped: x.columns.mapped.map((m) => [m.field.name, m.index, m.header]), ignored: x.columns.ignored },
    rejections: x.rejections,
    duplicates: x.duplicates,
    records,
    source: x.source,
  };
}

async function load(bytes: Buffer, reader: CsvReader, mapping: ExtractMapping, chunk: number) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const source = csvSource('contacts.csv', () => Readable.from(chunks), { reader, size: bytes.length });
  try {
    return plain(await loadExtract('contacts', source, { asAt: AS_AT, mapping }));
  } catch (e) {
    if (e instanceof ExtractError) return { error: e.problem };
    throw e;
  }
}

describe('a whole extract loaded by the fast reader and by csv-parse', () => {
  it('property: identical row accounting, problems, duplicates, records and provenance', async () => {
    await fc.assert(
      fc.asyncProperty(contactsText, fc.constantFrom(...MAPPINGS), fc.integer({ min: 1, max: 200 }), async (text, mapping, chunk) => {
        const bytes = Buffer.from(text);
        const fast = await load(bytes, 'fast', mapping, chunk);
        const reference = await load(bytes, 'csv-parse', mapping, chunk);
        expect(fast).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });
});
