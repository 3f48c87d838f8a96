/**
 * Random contacts extracts for differential tests: ids and child ids with
 * spaces, Excel decimals, placeholders and letter case; dates in several
 * spellings, impossible, two-digit, future and placeholder ones; names
 * spelt in several cases; quoted cells with commas, quotes and line
 * breaks; stray fields, ragged rows, blank lines and all-blank rows, any
 * line ending, a byte order mark, headers in other orders and spellings;
 * and now and then something only csv-parse reads (a stray quote, a NUL, a
 * quote never closed).
 */
import fc from 'fast-check';
import type { ExtractMapping } from '../../src/normalise/validate.js';

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A cell: mostly one of `good`, now and then one of `bad`; sometimes quoted. */
const cell = (good: readonly string[], bad: readonly string[] = []) => {
  const value = bad.length ? fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...good) }, { weight: 1, arbitrary: fc.constantFrom(...bad) }) : fc.constantFrom(...good);
  return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: value.map(quote) });
};

const ID = cell(['C1', 'C2', 'c1', 'C3', ' C4 ', 'C5', 'C6', 'C7', '1234.0', '1234', '', 'C\u00a05'], ['-1', '"']);
const CHILD = cell(['100', '101', '102', ' 103', '100.0', '104'], ['', '-1', 'x,y']);
const DATE = cell(['2021-01-05', '05/01/2021', '5 Jan 2021', '2021-01-06 14:05', '2021-01-04', '04/01/2021', ''], ['31/02/2021', '05/01/21', '1900-01-01', '2022-01-01', 'TBC']);
const TEXT = cell(['Police', 'police', 'School', ' Health  visitor ', '', 'Team\nA', 'Équipe', 'N/A', '\u2003', 'POLICE']);

const row = fc
  .tuple(ID, CHILD, DATE, DATE, TEXT, TEXT, TEXT, fc.constantFrom([], [], [], [''], ['stray'], [' ']))
  .map(([id, child, c, d, s, t, w, extra]) => [id, child, c, d, s, t, w, ...extra].join(','));
export const line = fc.oneof(
  { weight: 20, arbitrary: row },
  { weight: 2, arbitrary: fc.constantFrom('C9,100', '', ',,,,', ' ') },
  { weight: 1, arbitrary: fc.constantFrom('C8,100,2021-01-05,"x"y,,,', 'C7,10\u00000,2021-01-05,,,,', 'C6,"100,2021-01-05') },
);
export const HEADERS = [
  'contact_id,child_id,contact_date,decision_date,source,team,worker',
  'Contact ID,Child Unique ID,Date of Contact,decision_date,Contact Source,Allocated Team,Allocated Worker',
  'child_id,contact_id,contact_date,decision_date,source,team,worker',
];


/** A whole contacts extract: a header, then rows with any line endings, maybe a byte order mark. */
export const contactsText = fc
  .tuple(fc.constantFrom(...HEADERS), fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 60 }), fc.boolean())
  .map(([header, lines, bom]) => (bom ? '\ufeff' : '') + `${header}\n` + lines.map(([l, end]) => l + end).join(''));

/** Both ways of settling a key clash. */
export const MAPPINGS: readonly ExtractMapping[] = [{}, { onDuplicateKey: 'keep-last' }];
