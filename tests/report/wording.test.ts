/**
 * Problems are data; this is the one module that words them. CSV wording is
 * pinned byte for byte (fixtures/errors/README.md has the same sentences);
 * a sheet of a workbook is located as a spreadsheet user would say it, and
 * gets no CSV advice.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../src/core/day.js';
import type { ExtractWarning, Problem, ProblemCode, Rejection } from '../../src/normalise/problems.js';
import type { Location, Provenance, SourceRef } from '../../src/read/source.js';
import { lineWord, locationText, problemLine, problemText, readAsText, rejectionLine, sourceText, warningLine } from '../../src/report/wording.js';

const CSV: SourceRef = { kind: 'csv', path: 'contacts.csv' };
const SHEET: SourceRef = { kind: 'sheet', path: 'annex-a.xlsx', sheet: 'List 4' };

const at = (source: SourceRef, line: number, column = 0): Location => ({ source, line, column });

describe('where a problem is', () => {
  const LOCATIONS: readonly { name: string; at: Location; header?: string; text: string }[] = [
    { name: 'a CSV cell', at: at(CSV, 14, 3), header: 'Date of Contact', text: 'contacts.csv:14: column C (Date of Contact)' },
    { name: 'a CSV cell beyond Z', at: at(CSV, 2, 28), header: 'child_id', text: 'contacts.csv:2: column AB (child_id)' },
    { name: 'a CSV record as a whole', at: at(CSV, 3), text: 'contacts.csv:3' },
    { name: 'a CSV file as a whole', at: at(CSV, 0), text: 'contacts.csv' },
    { name: 'a cell of a sheet', at: at(SHEET, 17, 3), text: 'annex-a.xlsx!List 4!C17' },
    { name: 'a cell of a sheet, with its heading', at: at(SHEET, 17, 3), header: 'Date of Contact', text: 'annex-a.xlsx!List 4!C17 (Date of Contact)' },
    { name: 'a row of a sheet as a whole', at: at(SHEET, 17), text: 'annex-a.xlsx!List 4!17:17' },
    { name: 'a sheet as a whole', at: at(SHEET, 0), text: 'annex-a.xlsx!List 4' },
  ];

  it.each(LOCATIONS)('$name: $text', ({ at: where, header, text }) => {
    expect(locationText(where, header)).toBe(text);
  });

  it('names a source, and what its lines are called', () => {
    expect([sourceText(CSV), lineWord(CSV)]).toEqual(['contacts.csv', 'line']);
    expect([sourceText(SHEET), lineWord(SHEET)]).toEqual(['annex-a.xlsx!List 4', 'row']);
  });

  it('says how the text was read: the encoding of a CSV file, the sheet of a workbook', () => {
    const figures = { bytes: 10, sha256: 'ab', blankLines: 0 };
    const csv: Provenance = { kind: 'csv', path: 'contacts.csv', encoding: 'windows-1252', ...figures };
    const sheet: Provenance = { kind: 'sheet', path: 'annex-a.xlsx', sheet: 'List 4', ...figures };
    expect([readAsText(csv), readAsText(sheet)]).toEqual(['Windows-1252', 'sheet "List 4"']);
  });
});

/** One rejected cell, C14 (Date of Contact), of either source. */
function rejection(source: SourceRef, problem: Pick<Rejection, 'code' | 'params'>, column = 3): Rejection {
  return { ...problem, at: at(source, 14, column), header: column ? 'Date of Contact' : '', field: column ? 'contact_date' : '', value: '' } as Rejection;
}

describe('a rejected row on one line', () => {
  const future = { code: 'future-date', params: { field: 'contact_date', date: dayFromYmd(2021, 6, 1), asAt: dayFromYmd(2021, 5, 10) } } as const;
  const LINES: readonly { name: string; r: Rejection; line: string }[] = [
    {
      name: 'a CSV cell',
      r: rejection(CSV, future),
      line: 'contacts.csv:14: column C (Date of Contact) future-date: contact_date 2021-06-01 is after the as-at date 2021-05-10; check the date, or give the date the extract was taken with --as-at',
    },
    {
      name: 'a CSV record as a whole',
      r: rejection(CSV, { code: 'field-count', params: { fields: 6, expected: 5 } }, 0),
      line: 'contacts.csv:14: field-count: the row has 6 fields but the header has 5; check for a stray comma or a missing quote',
    },
    {
      name: 'a cell of a sheet',
      r: rejection(SHEET, future),
      line: 'annex-a.xlsx!List 4!C14 (Date of Contact): future-date: contact_date 2021-06-01 is after the as-at date 2021-05-10; check the date, or give the date the extract was taken with --as-at',
    },
    {
      name: 'a row of a sheet as a whole',
      r: rejection(SHEET, { code: 'field-count', params: { fields: 6, expected: 5 } }, 0),
      line: 'annex-a.xlsx!List 4!14:14: field-count: the row has 6 cells but the header has 5',
    },
  ];

  it.each(LINES)('$name', ({ r, line }) => {
    expect(rejectionLine(r)).toBe(line);
  });

  it('no-valid-rows says "the only data row" of a one-row extract', () => {
    const one: ExtractWarning = { code: 'no-valid-rows', at: at(CSV, 1), params: { noun: 'plan', rejected: 1 } };
    expect(warningLine(one)).toBe(
      'warning: contacts.csv:1: the only data row of the file was rejected, so the measures see no valid plans and are not computable; fix the problems reported on its rows',
    );
  });

  it('a file problem and a warning carry their location first', () => {
    const empty: Problem = { code: 'empty-file', at: at(CSV, 1), params: { onlyBlankLines: false } };
    const noRows: ExtractWarning = { code: 'no-rows', at: at(SHEET, 1), params: { noun: 'contact' } };
    expect(problemLine(empty)).toBe('contacts.csv:1: the file is empty: there is no header row');
    expect(warningLine(noRows)).toBe(
      'warning: annex-a.xlsx!List 4!1:1: the sheet has a header but no data rows, so the measures see no contacts at all; check that the export finished and covers the right dates',
    );
  });

  it('a source that cannot be opened is described in the words the system gave, which name it already', () => {
    const p: Problem = { code: 'unreadable', at: at(CSV, 0), params: { message: 'cannot read contacts.csv: no such file or folder' } };
    expect(problemLine(p)).toBe('cannot read contacts.csv: no such file or folder');
  });
});

/** A problem of every code, with the sentence it gives for a CSV file (fixtures/errors/README.md has the same). */
const CSV_TEXT: { readonly [C in ProblemCode]: readonly [Problem<C>['params'], string, number?] } = {
  'missing-value': [
    { field: 'child_id', noun: 'contact' },
    'child_id is required but the cell is blank; fill it in, or remove the row if it is not a real contact',
  ],
  'invalid-date': [
    { field: 'contact_date', text: '31/02/2021', problem: 'no-such-day' },
    'contact_date "31/02/2021": there is no such day (dates are read day first: dd/mm/yyyy)',
  ],
  'invalid-value': [
    { extract: 'assessments', field: 'kind', text: 'Re-assessment', accepted: ['new', 'update'] },
    'kind "Re-assessment" is not one of: new, update (add a spelling under mapping.assessments.values.kind)',
  ],
  'invalid-number': [
    { field: 'fte', text: '1,0', min: 0, max: 2 },
    'fte "1,0" is not a number greater than 0 and at most 2 (write it with a decimal point, e.g. 0.5)',
  ],
  'value-too-long': [
    { field: 'child_id', length: 5000, max: 4096 },
    'child_id is 5,000 characters long; no child_id is longer than 4096 (check the column is the right one)',
  ],
  'date-order': [
    { field: 'decision_date', date: dayFromYmd(2021, 1, 4), earlierField: 'contact_date', earlierDate: dayFromYmd(2021, 1, 5) },
    'decision_date 2021-01-04 is before contact_date 2021-01-05; one of the two dates is wrong',
  ],
  'future-date': [
    { field: 'contact_date', date: dayFromYmd(2021, 6, 1), asAt: dayFromYmd(2021, 5, 10) },
    'contact_date 2021-06-01 is after the as-at date 2021-05-10; check the date, or give the date the extract was taken with --as-at',
  ],
  'duplicate-key': [
    { key: 'C1', firstLine: 2, noun: 'contact' },
    'key C1 was already used on line 2 with different values; the row on line 2 is kept (give each contact its own key, or remove the stale row)',
  ],
  'field-count': [{ fields: 6, expected: 5 }, 'the row has 6 fields but the header has 5; check for a stray comma or a missing quote'],
  'unclosed-quote': [
    {},
    'a quote opened in the record starting on line 3 is never closed, so the rest of the file could not be read as rows; close the quote or remove it',
  ],
  'nul-byte': [{}, 'the record contains a NUL byte (binary data in a text file); re-export the extract as CSV'],
  'record-too-long': [{}, 'the record starting on line 3 is too long (usually a quote that is never closed); reading stopped there'],
  'bad-csv': [{ detail: 'Invalid Closing Quote' }, 'the record starting on line 3 is not valid CSV: Invalid Closing Quote'],
  undecodable: [
    {
      tried: [
        { encoding: 'utf-8', offset: 114, byte: 0xe9 },
        { encoding: 'windows-1252', offset: 116, byte: 0x81 },
      ],
    },
    'cannot decode the file: it is not UTF-8 (byte 114) nor Windows-1252 (byte 116 is 0x81, which Windows-1252 leaves undefined); re-export it as "CSV UTF-8"',
  ],
  unreadable: [{ message: 'cannot read contacts.csv: permission denied' }, 'cannot read contacts.csv: permission denied'],
  'empty-file': [{ onlyBlankLines: true }, 'the file has no header row, only blank lines'],
  'missing-column': [
    { extract: 'contacts', needed: [['child_id', 'Child Unique ID'], ['contact_date']], headers: ['contact_id', 'child'] },
    'the contacts extract needs a column "child_id" or "Child Unique ID", and a column "contact_date"; the header has "contact_id", "child"',
  ],
  'ambiguous-column': [
    { field: 'child_id', headers: ['child_id', 'Child Unique ID'] },
    'columns "child_id" and "Child Unique ID" both mean child_id; keep one',
  ],
  'unreadable-header': [
    { problem: { code: 'nul-byte', column: 2, params: {} } },
    'the header line cannot be read: the record contains a NUL byte (binary data in a text file); re-export the extract as CSV',
  ],
  'no-rows': [
    { noun: 'contact' },
    'the file has a header but no data rows, so the measures see no contacts at all; check that the export finished and covers the right dates',
  ],
  // Only a sheet has a name to disagree with its header; the sentence is the same wherever it is.
  'sheet-name': [
    { sheet: 'List 4', says: 'Annex A List 4 (Assessments), the assessments extract', extract: 'contacts' },
    'the sheet "List 4" is named as Annex A List 4 (Assessments), the assessments extract, but its header is that of the contacts extract, so it is read as contacts; check that it is the right sheet, or rename it',
  ],
  'no-valid-rows': [
    { noun: 'contact', rejected: 1234 },
    'all 1,234 data rows of the file were rejected, so the measures see no valid contacts and are not computable; fix the problems reported on its rows',
  ],
};

const problemOf = <C extends ProblemCode>(code: C, source: SourceRef): Problem =>
  ({ code, at: at(source, 3, CSV_TEXT[code][2] ?? 0), params: CSV_TEXT[code][0] }) as Problem;

const CODES = Object.keys(CSV_TEXT) as ProblemCode[];

describe('what the problem is', () => {
  it.each(CODES)('%s, in a CSV file', (code) => {
    expect(problemText(problemOf(code, CSV))).toBe(CSV_TEXT[code][1]);
  });

  it.each(CODES)('%s, in a sheet: a whole sentence with every parameter filled in', (code) => {
    const text = problemText(problemOf(code, SHEET));
    expect(text.length).toBeGreaterThan(10);
    // ("which Windows-1252 leaves undefined" is a sentence, not a missing parameter.)
    expect(text).not.toMatch(/(?<!leaves )undefined|NaN|\[object/);
  });

  const UNDECODABLE: readonly { name: string; tried: Problem<'undecodable'>['params']['tried']; text: string }[] = [
    {
      name: 'not UTF-8 after a byte order mark said so',
      tried: [{ encoding: 'utf-8', offset: 10, byte: 0xe9 }],
      text: 'cannot decode the file: byte 10 is not UTF-8; the file is not UTF-8 throughout; re-export it as "CSV UTF-8", or set mapping.<extract>.encoding in the configuration',
    },
    {
      name: 'an undefined byte in a file configured as Windows-1252',
      tried: [{ encoding: 'windows-1252', offset: 4, byte: 0x8d }],
      text: 'cannot decode the file: byte 4 is 0x8d, which Windows-1252 leaves undefined; re-export it as "CSV UTF-8"',
    },
    {
      name: 'broken UTF-16',
      tried: [{ encoding: 'utf-16le', offset: 512, byte: 0 }],
      text: 'cannot decode the file: the bytes from offset 512 are not UTF-16 LE (an odd byte or a broken surrogate pair); the file is not UTF-16 LE throughout; re-export it as "CSV UTF-8", or set mapping.<extract>.encoding in the configuration',
    },
  ];

  it.each(UNDECODABLE)('undecodable: $name', ({ tried, text }) => {
    expect(problemText({ code: 'undecodable', at: at(CSV, 0), params: { tried } })).toBe(text);
  });

  const SHEET_TEXT: readonly { code: ProblemCode; text: string }[] = [
    { code: 'field-count', text: 'the row has 6 cells but the header has 5' },
    { code: 'nul-byte', text: 'the row contains a NUL character (binary data in a cell)' },
    { code: 'empty-file', text: 'the sheet has no header row, only blank rows' },
    { code: 'duplicate-key', text: 'key C1 was already used on row 2 with different values; row 2 is kept (give each contact its own key, or remove the stale row)' },
  ];

  it.each(SHEET_TEXT)('a sheet gets no CSV advice: $code', ({ code, text }) => {
    expect(problemText(problemOf(code, SHEET))).toBe(text);
    expect(problemText(problemOf(code, CSV))).not.toBe(text);
  });

  it('an empty sheet and an empty file', () => {
    const empty = (source: SourceRef) => problemText({ code: 'empty-file', at: at(source, 1), params: { onlyBlankLines: false } });
    expect([empty(CSV), empty(SHEET)]).toEqual(['the file is empty: there is no header row', 'the sheet is empty: there is no header row']);
  });
});
