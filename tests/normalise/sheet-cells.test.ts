/**
 * Cells of a sheet as the validator reads them: a date cell is its day, a
 * number in a date column a serial date of the workbook's date system, a
 * text cell is read as a CSV cell would be, other numbers are their plain
 * digits and yes/no cells TRUE or FALSE.
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd, formatDay } from '../../src/core/day.js';
import { extractDef } from '../../src/normalise/extracts.js';
import { ExtractValidator, type ExtractMapping } from '../../src/normalise/validate.js';
import { type SheetCell, SheetDate } from '../../src/read/sheet-source.js';

const AS_AT = dayFromYmd(2021, 5, 10);
const SHEET = { kind: 'sheet', path: 'book.xlsx', sheet: 'List 1' } as const;
const HEADER = ['contact_id', 'Child Unique ID', 'Date of Contact', 'decision_date', 'Contact Source'];

/** Reads one contact row of cells; the record, or the rejection. */
function readRow(cells: readonly SheetCell[], options: { serialDates?: '1900' | '1904'; mapping?: ExtractMapping } = {}) {
  const v = new ExtractValidator(extractDef('contacts'), SHEET, { asAt: AS_AT, serialDates: options.serialDates ?? '1900', ...(options.mapping ? { mapping: options.mapping } : {}) });
  v.onHeader(HEADER, 1);
  v.onCells(cells, 2);
  v.records.seal();
  const record = v.records.length ? v.records.get(0) : undefined;
  return { record, rejection: v.rejections[0], counts: v.counts };
}

const jan5 = new SheetDate(dayFromYmd(2021, 1, 5));

describe('a date column of a sheet', () => {
  const CASES: readonly { name: string; cell: SheetCell; options?: Parameters<typeof readRow>[1]; day?: string; problem?: string }[] = [
    { name: 'a date cell', cell: jan5, day: '2021-01-05' },
    { name: 'text day first', cell: '05/01/2021', day: '2021-01-05' },
    { name: 'text with a time', cell: '2021-01-05 14:05:00.000', day: '2021-01-05' },
    { name: 'a serial number (1900 system)', cell: 44201, day: '2021-01-05' },
    { name: 'a serial number with a time of day', cell: 44201.75, day: '2021-01-05' },
    { name: 'a serial number before the phantom 29 Feb 1900', cell: 59, day: '1900-02-28' },
    { name: 'a serial number (1904 system)', cell: 42739, options: { serialDates: '1904' }, day: '2021-01-05' },
    { name: 'a date cell in a 1904 workbook (already a day)', cell: jan5, options: { serialDates: '1904' }, day: '2021-01-05' },
    { name: 'a serial number typed as text is refused', cell: '44201', problem: 'serial-number' },
    { name: 'a serial number typed as text, with excelDates', cell: '44201', options: { mapping: { excelDates: true } }, day: '2021-01-05' },
    { name: 'serial 0 is no day', cell: 0, problem: 'serial-number' },
    { name: 'serial 60 is Excel\'s 29 Feb 1900, no day', cell: 60, problem: 'serial-number' },
    { name: 'a negative number is no day', cell: -3, problem: 'not-a-date' },
    { name: 'a date cell after the as-at date', cell: new SheetDate(dayFromYmd(2021, 6, 1)), problem: 'future-date' },
    { name: 'the placeholder 1900-01-01 as a date cell', cell: new SheetDate(dayFromYmd(1900, 1, 1)), problem: 'missing-value' },
    { name: 'a yes/no cell is no date', cell: true, problem: 'not-a-date' },
  ];

  it.each(CASES)('$name', ({ cell, options, day, problem }) => {
    const { record, rejection } = readRow(['C1', 'DFE1', cell, null, 'Police'], options);
    if (day !== undefined) {
      expect(rejection).toBeUndefined();
      expect(formatDay(record!.contactDate)).toBe(day);
    } else {
      expect(record).toBeUndefined();
      const got = rejection!.code === 'invalid-date' ? rejection!.params.problem : rejection!.code;
      expect(got).toBe(problem);
      expect(rejection!.at).toEqual({ source: SHEET, line: 2, column: 3 });
    }
  });
});

describe('other columns of a sheet', () => {
  it.each([
    ['a whole number is its digits, never 1234.0', 1234, '1234'],
    ['a fraction keeps its digits', 1234.5, '1234.5'],
    ['text is tidied as in a CSV file', '  DFE\u00a0 12 ', 'DFE 12'],
  ] as const)('%s', (_name, cell, id) => {
    expect(readRow(['C1', cell, jan5, null, 'Police']).record!.childId).toBe(id);
  });

  it('a yes/no cell reads TRUE or FALSE', () => {
    expect(readRow(['C1', 'DFE1', jan5, null, true]).record!.source).toBe('TRUE');
    expect(readRow(['C1', 'DFE1', jan5, null, false]).record!.source).toBe('FALSE');
  });

  it('the identifier placeholder -1, as a number cell, is blank: missing-value naming it', () => {
    const { rejection } = readRow(['C1', -1, jan5, null, 'Police']);
    expect(rejection).toMatchObject({ code: 'missing-value', params: { field: 'child_id', placeholder: '-1' }, at: { line: 2, column: 2 } });
  });

  it('a row shorter than the header is blank to the right; a cell beyond it is a row too long', () => {
    expect(readRow(['C1', 'DFE1', jan5]).counts).toEqual({ read: 1, valid: 1, rejected: 0, duplicate: 0 });
    const { rejection } = readRow(['C1', 'DFE1', jan5, null, 'Police', null, 'stray']);
    expect(rejection).toMatchObject({ code: 'field-count', params: { fields: 7, expected: 5 } });
  });
});
