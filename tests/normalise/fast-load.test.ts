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

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const cell = (values: readonly string[]) =>
  fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom(...values).map(quote) });

const ID = cell(['C1', 'C2', 'c1', 'C3', ' C4 ', '1234.0', '1234', '-1', '', 'C\u00a05', '"']);
const CHILD = cell(['100', '101', '102', ' 103', '100.0', '', '-1', 'x,y']);
const DATE = cell(['2021-01-05', '05/01/2021', '5 Jan 2021', '2021-01-06 14:05', '31/02/2021', '05/01/21', '1900-01-01', '2022-01-01', '', 'TBC', '2021-01-04']);
const TEXT = cell(['Police', 'police', 'School', ' Health  visitor ', '', 'Team\nA', 'Équipe', 'N/A', '\u2003']);

const row = fc.tuple(ID, CHILD, DATE, DATE, TEXT, TEXT, TEXT, fc.constantFrom([], [''], ['stray'], [' '])).map(([id, child, c, d, s, t, w, extra]) =>
  [id, child, c, d, s, t, w, ...extra].join(','),
);
/** A row, a ragged one, a blank line, an all-blank row, or (rarely) something only csv-parse reads. */
const line = fc.oneof(
  { weight: 20, arbitrary: row },
  { weight: 2, arbitrary: fc.constantFrom('C9,100', '', ',,,,', ' ') },
  { weight: 1, arbitrary: fc.constantFrom('C8,100,2021-01-05,"x"y,,,', 'C7,10\u00000,2021-01-05,,,,', 'C6,"100,2021-01-05') },
);
const HEADERS = [
  'contact_id,child_id,contact_date,decision_date,source,team,worker',
  'Contact ID,Child Unique ID,Date of Contact,decision_date,Contact Source,Allocated Team,Allocated Worker',
  'child_id,contact_id,contact_date,decision_date,source,team,worker',
];

describe('a whole extract loaded by the fast reader and by csv-parse', () => {
  it('property: identical row accounting, problems, duplicates, records and provenance', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...HEADERS),
        fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 40 }),
        fc.constantFrom<ExtractMapping>({}, { onDuplicateKey: 'keep-last' }),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        async (header, lines, mapping, bom, chunk) => {
          // With the header's columns in another order the rows are shuffled alike (child_id first).
          const text = (bom ? '\ufeff' : '') + `${header}\n` + lines.map(([l, end]) => l + end).join('');
          const bytes = Buffer.from(text);
          const fast = await load(bytes, 'fast', mapping, chunk);
          const reference = await load(bytes, 'csv-parse', mapping, chunk);
          expect(fast).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});
