import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExtractName } from '../../src/normalise/extracts.js';
import { type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import type { Rejection } from '../../src/normalise/problems.js';
import { ExtractError, type ExtractMapping, type Placeholders, tidy } from '../../src/normalise/validate.js';
import { csvSource } from '../../src/read/csv-source.js';
import { problemText } from '../../src/report/wording.js';
import { day } from '../helpers/records.js';

const AS_AT = '2021-05-10';

interface LoadOptions {
  readonly asAt?: string;
  readonly mapping?: ExtractMapping;
  readonly placeholders?: Placeholders;
}

/** Feeds CSV text through the real reader and validator. */
function load<N extends ExtractName>(name: N, text: string, options: LoadOptions = {}): Promise<LoadedExtract<N>> {
  return loadExtract(name, csvSource(`${name}.csv`, Readable.from([Buffer.from(text, 'utf8')])), {
    asAt: day(options.asAt ?? AS_AT),
    ...(options.mapping ? { mapping: options.mapping } : {}),
    ...(options.placeholders ? { placeholders: options.placeholders } : {}),
  });
}

/** The error a load fails with; fails the test when it succeeds. */
async function failure(p: Promise<unknown>): Promise<ExtractError> {
  const outcome = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(ExtractError);
  return outcome as ExtractError;
}

/** The parts of a rejection a test pins. */
function where(r: Rejection): { code: string; line: number; column: number; field: string } {
  return { code: r.code, line: r.at.line, column: r.at.column, field: r.field };
}

function totals(x: LoadedExtract): [number, number, number, number] {
  return [x.counts.read, x.counts.valid, x.counts.rejected, x.counts.duplicate];
}

// ---------------------------------------------------------------- headers

describe('header matching', () => {
  const HEADERS: readonly { name: string; header: string }[] = [
    { name: 'canonical names', header: 'child_id,contact_date' },
    { name: 'spaces and capitals (Contact Date)', header: 'Child ID,Contact Date' },
    { name: 'upper case with hyphens (CONTACT-DATE)', header: 'CHILD-ID,CONTACT-DATE' },
    { name: 'no separators at all', header: 'childid,contactdate' },
    { name: 'the Annex A alias (Date of Contact, Child Unique ID)', header: 'Child Unique ID,Date of Contact' },
    { name: 'a UTF-8 byte order mark before the first header', header: '\uFEFFchild_id,contact_date' },
    { name: 'a BOM and a loose first header', header: '\uFEFFChild Id,Contact  Date' },
    { name: 'underscores and spaces mixed', header: ' child__id , contact_ date ' },
  ];

  it.each(HEADERS)('accepts $name', async ({ header }) => {
    const x = await load('contacts', `${header}\n42,05/01/2021\n`);
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    const c = x.records.get(0);
    expect(c.childId).toBe('42');
    expect(c.contactDate).toBe(day('2021-01-05'));
  });

  it('ignores columns it does not know, and lists them', async () => {
    const x = await load('contacts', 'Notes,child_id,Ethnicity,contact_date\nhello,42,WBRI,2021-01-05\n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    expect(x.columns.ignored).toEqual(['Notes', 'Ethnicity']);
    expect(x.records.get(0).childId).toBe('42');
  });

  it('accepts extra header spellings from mapping.columns', async () => {
    const x = await load('contacts', 'Person ID,Contact Received\n42,2021-01-05\n', {
      mapping: { columns: { child_id: ['Person ID'], contact_date: ['contact received'] } },
    });
    expect(totals(x)).toEqual([1, 1, 0, 0]);
  });

  it('records which optional columns the header had', async () => {
    const x = await load('core_groups', 'child_id,meeting_date,education\n1,2021-01-05,Y\n');
    expect(x.records.hasColumn('education')).toBe(true);
    expect(x.records.hasColumn('police')).toBe(false);
  });

  const MISSING: readonly { name: string; extract: ExtractName; header: string; column: string }[] = [
    { name: 'contacts without contact_date', extract: 'contacts', header: 'contact_id,child_id,decision_date', column: 'contact_date' },
    { name: 'contacts without child_id', extract: 'contacts', header: 'contact_id,contact_date', column: 'child_id' },
    { name: 'assessments without start_date', extract: 'assessments', header: 'child_id,authorised_date', column: 'start_date' },
    { name: 'cp_plans without start_date', extract: 'cp_plans', header: 'child_id,end_date', column: 'start_date' },
    { name: 'core_groups without meeting_date', extract: 'core_groups', header: 'child_id,education', column: 'meeting_date' },
    { name: 'supervisions without supervision_date', extract: 'supervisions', header: 'child_id,worker', column: 'supervision_date' },
    { name: 'cases without child_id', extract: 'cases', header: 'case_id,start_date', column: 'child_id' },
  ];

  it.each(MISSING)('a missing required column is a header error naming it: $name', async ({ extract, header, column }) => {
    const error = await failure(load(extract, `${header}\n1,2021-01-05\n`));
    expect(error.problem).toMatchObject({ code: 'missing-column', at: { line: 1, source: { kind: 'csv', path: `${extract}.csv` } } });
    expect(problemText(error.problem)).toContain(column);
  });

  it('two columns meaning the same field are a header error naming both', async () => {
    const error = await failure(load('contacts', 'child_id,contact_date,Date of Contact\n1,2021-01-05,2021-01-05\n'));
    expect(error.problem).toMatchObject({ code: 'ambiguous-column', at: { line: 1 } });
    expect(problemText(error.problem)).toContain('contact_date');
    expect(problemText(error.problem)).toContain('Date of Contact');
  });

  it('two spellings of the same column are a header error', async () => {
    const error = await failure(load('contacts', 'child_id,Contact Date,CONTACT_DATE\n'));
    expect(error.problem).toMatchObject({ code: 'ambiguous-column' });
    expect(problemText(error.problem)).toContain('Contact Date');
    expect(problemText(error.problem)).toContain('CONTACT_DATE');
  });

  it('the header error is on the header line, after leading blank lines', async () => {
    const error = await failure(load('contacts', '\n\nchild_id,decision_date\n'));
    expect(error.problem).toMatchObject({ code: 'missing-column', at: { line: 3 } });
  });

  it('an empty file is an error, not zero rows', async () => {
    const error = await failure(load('contacts', ''));
    expect(error.problem).toMatchObject({ code: 'empty-file' });
  });

  it('the header is the first non-blank line', async () => {
    const x = await load('contacts', '\n\nchild_id,contact_date\n1,2021-01-05\n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    expect(x.records.get(0).line).toBe(4);
  });
});

// ---------------------------------------------------------------- identifiers

describe('identifiers', () => {
  const IDS: readonly { name: string; cell: string; expected: string }[] = [
    { name: 'Excel-mangled 1234.0 is 1234', cell: '1234.0', expected: '1234' },
    { name: 'Excel-mangled 1234.00 is 1234', cell: '1234.00', expected: '1234' },
    { name: 'surrounding spaces are trimmed', cell: '  1234  ', expected: '1234' },
    { name: 'spaces and .0 together', cell: ' 1234.0 ', expected: '1234' },
    { name: 'a real decimal is kept', cell: '1234.5', expected: '1234.5' },
    { name: 'text ids are kept', cell: 'AB-12.0x', expected: 'AB-12.0x' },
    { name: 'leading zeros are kept', cell: '007', expected: '007' },
  ];

  it.each(IDS)('$name', async ({ cell, expected }) => {
    const x = await load('contacts', `contact_id,child_id,contact_date,worker\n"${cell}","${cell}",2021-01-05,"${cell}"\n`);
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    const c = x.records.get(0);
    expect(c.childId).toBe(expected);
    expect(c.contactId).toBe(expected);
    expect(c.worker).toBe(expected);
  });

  it('1234.0 and 1234 are the same key', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\n1234,1,2021-01-05\n1234.0,1,2021-01-05\n');
    expect(totals(x)).toEqual([2, 1, 0, 1]);
  });

  it('text cells are trimmed and case types upper-cased', async () => {
    const x = await load('cases', 'child_id,start_date,case_type,team\n1,2021-01-05, cla , North Team \n');
    const k = x.records.get(0);
    expect(k.caseType).toBe('CLA');
    expect(k.team).toBe('North Team');
  });
});

// ---------------------------------------------------------------- rejections

interface RejectCase {
  readonly name: string;
  readonly extract: ExtractName;
  readonly text: string;
  readonly rejection: { code: string; line: number; column: number; field: string };
  readonly asAt?: string;
}

const REJECTS: readonly RejectCase[] = [
  {
    name: 'blank required child_id',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,,2021-01-05\n',
    rejection: { code: 'missing-value', line: 2, column: 2, field: 'child_id' },
  },
  {
    name: 'blank required contact_date (spaces only)',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1,   \n',
    rejection: { code: 'missing-value', line: 2, column: 3, field: 'contact_date' },
  },
  {
    name: 'blank required start_date, in the column where the file has it',
    extract: 'assessments',
    text: 'start_date,assessment_id,child_id\n,A1,1\n',
    rejection: { code: 'missing-value', line: 2, column: 1, field: 'start_date' },
  },
  {
    name: 'blank required meeting_date on line 3',
    extract: 'core_groups',
    text: 'child_id,meeting_date\n1,2021-01-05\n2,\n',
    rejection: { code: 'missing-value', line: 3, column: 2, field: 'meeting_date' },
  },
  {
    name: 'an unparseable date',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1,yesterday\n',
    rejection: { code: 'invalid-date', line: 2, column: 3, field: 'contact_date' },
  },
  {
    name: 'a day that does not exist',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1,29/02/2021\n',
    rejection: { code: 'invalid-date', line: 2, column: 3, field: 'contact_date' },
  },
  {
    name: 'a two-digit year in an optional date',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-05,06/01/21\n',
    rejection: { code: 'invalid-date', line: 2, column: 4, field: 'decision_date' },
  },
  {
    name: 'month-first date 01/13/2021',
    extract: 'supervisions',
    text: 'child_id,supervision_date\n1,01/13/2021\n',
    rejection: { code: 'invalid-date', line: 2, column: 2, field: 'supervision_date' },
  },
  {
    name: 'an initial conference before its section 47 enquiry started',
    extract: 's47',
    text: 'enquiry_id,child_id,start_date,icpc_date\nE1,1,2021-01-05,2021-01-04\n',
    rejection: { code: 'date-order', line: 2, column: 4, field: 'icpc_date' },
  },
  {
    name: 'a strategy discussion after the enquiry start (the same day is fine)',
    extract: 's47',
    text: 'enquiry_id,child_id,strategy_date,start_date\nE1,1,2021-01-05,2021-01-05\nE2,1,2021-01-06,2021-01-05\n',
    rejection: { code: 'date-order', line: 3, column: 4, field: 'start_date' },
  },
  {
    name: 'decision before contact',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-05,2021-01-04\n',
    rejection: { code: 'date-order', line: 2, column: 4, field: 'decision_date' },
  },
  {
    name: 'authorised before start',
    extract: 'assessments',
    text: 'assessment_id,child_id,start_date,authorised_date\nA1,1,05/01/2021,04/01/2021\n',
    rejection: { code: 'date-order', line: 2, column: 4, field: 'authorised_date' },
  },
  {
    name: 'plan end before start',
    extract: 'cp_plans',
    text: 'plan_id,child_id,start_date,end_date\nP1,1,2021-01-05,2020-12-31\n',
    rejection: { code: 'date-order', line: 2, column: 4, field: 'end_date' },
  },
  {
    name: 'case end before start',
    extract: 'cases',
    text: 'case_id,child_id,start_date,end_date\nK1,1,2021-01-05,2021-01-04\n',
    rejection: { code: 'date-order', line: 2, column: 4, field: 'end_date' },
  },
  {
    name: 'a contact date after as-at',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1,2021-05-11\n',
    rejection: { code: 'future-date', line: 2, column: 3, field: 'contact_date' },
  },
  {
    name: 'a decision date after as-at',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-05-10,2021-05-11\n',
    rejection: { code: 'future-date', line: 2, column: 4, field: 'decision_date' },
  },
  {
    name: 'a future referral date',
    extract: 'assessments',
    text: 'assessment_id,child_id,start_date,referral_date\nA1,1,2021-05-01,12/05/2021\n',
    rejection: { code: 'future-date', line: 2, column: 4, field: 'referral_date' },
  },
  {
    name: 'a future plan end date',
    extract: 'cp_plans',
    text: 'child_id,start_date,end_date\n1,2021-01-05,2022-01-01\n',
    rejection: { code: 'future-date', line: 2, column: 3, field: 'end_date' },
  },
  {
    name: 'an unknown assessment kind',
    extract: 'assessments',
    text: 'assessment_id,child_id,start_date,kind\nA1,1,2021-01-05,initial\n',
    rejection: { code: 'invalid-value', line: 2, column: 4, field: 'kind' },
  },
  {
    name: 'an unknown meeting status',
    extract: 'core_groups',
    text: 'child_id,meeting_date,status\n1,2021-01-05,postponed\n',
    rejection: { code: 'invalid-value', line: 2, column: 3, field: 'status' },
  },
  {
    name: 'an unknown attendance flag',
    extract: 'core_groups',
    text: 'child_id,meeting_date,education,police\n1,2021-01-05,Y,maybe\n',
    rejection: { code: 'invalid-value', line: 2, column: 4, field: 'police' },
  },
  {
    name: 'too many fields',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1,2021-01-05,extra\n',
    rejection: { code: 'field-count', line: 2, column: 0, field: '' },
  },
  {
    name: 'too few fields',
    extract: 'contacts',
    text: 'contact_id,child_id,contact_date\nC1,1\n',
    rejection: { code: 'field-count', line: 2, column: 0, field: '' },
  },
  {
    name: 'too few fields even when the missing ones are optional',
    extract: 'contacts',
    text: 'child_id,contact_date,decision_date,source\n1,2021-01-05\n',
    rejection: { code: 'field-count', line: 2, column: 0, field: '' },
  },
];

describe('rejected rows', () => {
  it.each(REJECTS)('$name → $rejection.code', async (c) => {
    const x = await load(c.extract, c.text, { asAt: c.asAt ?? AS_AT });
    const rows = c.rejection.line - 1;
    expect(x.counts.rejected).toBe(1);
    expect(x.counts.read).toBe(rows);
    expect(x.counts.valid).toBe(rows - 1);
    expect(x.rejections).toHaveLength(1);
    expect(where(x.rejections[0]!)).toEqual(c.rejection);
    expect(x.rejections[0]!.at.source).toEqual({ kind: 'csv', path: `${c.extract}.csv` });
    expect(x.records.length).toBe(rows - 1);
  });

  it('the rejection names the header as written and the cell as read', async () => {
    const x = await load('contacts', 'Child Unique ID,Date of Contact\n1, not a date \n');
    const r = x.rejections[0]!;
    expect(r.header).toBe('Date of Contact');
    expect(r.field).toBe('contact_date');
    expect(r.value).toBe(' not a date ');
    expect(problemText(r)).not.toBe('');
  });

  it('columns beyond Z are numbered on (column 28)', async () => {
    const filler = Array.from({ length: 26 }, (_, i) => `x${i}`).join(',');
    const blanks = Array.from({ length: 26 }, () => '').join(',');
    const x = await load('contacts', `${filler},contact_date,child_id\n${blanks},2021-01-05,\n`);
    expect(where(x.rejections[0]!)).toEqual({ code: 'missing-value', line: 2, column: 28, field: 'child_id' });
  });

  const SAME_DAY: readonly { name: string; extract: ExtractName; text: string }[] = [
    { name: 'decided the day of contact', extract: 'contacts', text: 'child_id,contact_date,decision_date\n1,2021-01-05,05/01/2021\n' },
    { name: 'authorised the day it started', extract: 'assessments', text: 'child_id,start_date,authorised_date\n1,2021-01-05,2021-01-05\n' },
    { name: 'a plan ending the day it started', extract: 'cp_plans', text: 'child_id,start_date,end_date\n1,2021-01-05,2021-01-05\n' },
    { name: 'a case ending the day it started', extract: 'cases', text: 'child_id,start_date,end_date\n1,2021-01-05,2021-01-05\n' },
    { name: 'a date on the as-at day', extract: 'contacts', text: 'child_id,contact_date,decision_date\n1,2021-05-10,2021-05-10\n' },
    { name: 'a time on the as-at day', extract: 'contacts', text: 'child_id,contact_date\n1,2021-05-10 23:59\n' },
    { name: 'a referral after the start (the order is not checked)', extract: 'assessments', text: 'child_id,start_date,referral_date\n1,2021-01-05,2021-01-06\n' },
  ];

  it.each(SAME_DAY)('is valid: $name', async ({ extract, text }) => {
    const x = await load(extract, text);
    expect(x.rejections).toEqual([]);
    expect(totals(x)).toEqual([1, 1, 0, 0]);
  });

  it('trailing empty fields are fine', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\nC1,1,2021-01-05,,\nC2,1,2021-01-06,\n');
    expect(totals(x)).toEqual([2, 2, 0, 0]);
  });

  it('trailing fields of spaces are fine', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\nC1,1,2021-01-05, , \n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
  });

  it('a trailing comma on the header and every row is fine', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,\nC1,1,2021-01-05,\n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
  });

  it('a rejected row is not kept, so a later row with its key is valid', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\nC1,1,bad\nC1,1,2021-01-05\n');
    expect(totals(x)).toEqual([2, 1, 1, 0]);
    expect(x.records.get(0).line).toBe(3);
  });
});

// ---------------------------------------------------------------- duplicates

describe('duplicates and conflicting keys', () => {
  it('same key and identical values: a duplicate, the first kept', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,source\nC1,1,2021-01-05,Police\nC1,1,2021-01-05,Police\n');
    expect(totals(x)).toEqual([2, 1, 0, 1]);
    expect(x.duplicates).toEqual([{ line: 3, firstLine: 2, key: 'C1' }]);
    expect(x.records.get(0).line).toBe(2);
  });

  it('same key and different values: rejected duplicate-key, the first kept', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,source\nC1,1,2021-01-05,Police\nC1,1,2021-01-05,School\n');
    expect(totals(x)).toEqual([2, 1, 1, 0]);
    expect(where(x.rejections[0]!)).toEqual({ code: 'duplicate-key', line: 3, column: 1, field: 'contact_id' });
    expect(x.records.get(0).source).toBe('Police');
    expect(x.records.length).toBe(1);
  });

  it('the first row is kept even when a later conflicting row comes after a duplicate', async () => {
    const text = 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-05,\nC1,1,2021-01-05,\nC1,1,2021-01-05,2021-01-06\n';
    const x = await load('contacts', text);
    expect(totals(x)).toEqual([3, 1, 1, 1]);
    expect(x.records.get(0).decisionDate).toBeNull();
  });

  it('a row identical after normalisation (05/01/2021 vs 2021-01-05) is a duplicate', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\nC1,1,05/01/2021\nC1, 1 ,2021-01-05\n');
    expect(totals(x)).toEqual([2, 1, 0, 1]);
  });

  it('a row identical after normalisation of choices and flags is a duplicate', async () => {
    const x = await load('core_groups', 'meeting_id,child_id,meeting_date,status,education\nM1,1,5 Jan 2021,,Yes\nM1,1,2021-01-05,HELD,y\n');
    expect(totals(x)).toEqual([2, 1, 0, 1]);
  });

  it('with contact_id, two rows with different ids are two contacts even if child, date and source agree', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,source\nC1,1,2021-01-05,Police\nC2,1,2021-01-05,Police\n');
    expect(totals(x)).toEqual([2, 2, 0, 0]);
    expect(x.records.get(1).key).toBe('C2');
  });

  it('without contact_id the key is child_id + contact_date + source', async () => {
    const x = await load('contacts', 'child_id,contact_date,source,outcome\n1,2021-01-05,Police,NFA\n1,05/01/2021,Police,NFA\n1,2021-01-05,Police,S47\n');
    expect(totals(x)).toEqual([3, 1, 1, 1]);
    expect(where(x.rejections[0]!)).toMatchObject({ code: 'duplicate-key', line: 4 });
    expect(x.records.get(0).outcome).toBe('NFA');
  });

  it('the same composite key with a different source is a different record', async () => {
    const x = await load('contacts', 'child_id,contact_date,source\n1,2021-01-05,Police\n1,2021-01-05,School\n1,2021-01-05,\n');
    expect(totals(x)).toEqual([3, 3, 0, 0]);
  });

  it('a different child or date is a different composite key', async () => {
    const x = await load('contacts', 'child_id,contact_date,source\n1,2021-01-05,Police\n2,2021-01-05,Police\n1,2021-01-06,Police\n');
    expect(totals(x)).toEqual([3, 3, 0, 0]);
  });

  it('a blank contact_id falls back to the composite key', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,source\n,1,2021-01-05,Police\n,1,2021-01-05,Police\n,1,2021-01-05,School\n');
    expect(totals(x)).toEqual([3, 2, 0, 1]);
  });

  it('an id never collides with a composite key that happens to spell the same', async () => {
    const x = await load('supervisions', 'supervision_id,child_id,supervision_date\n1|2021-01-05,9,2021-02-01\n,1,2021-01-05\n');
    expect(totals(x)).toEqual([2, 2, 0, 0]);
  });

  const COMPOSITE: readonly { extract: ExtractName; header: string; a: string; b: string; c: string }[] = [
    { extract: 'assessments', header: 'child_id,start_date,kind', a: '1,2021-01-05,new', b: '1,05/01/2021,New', c: '1,2021-01-05,update' },
    { extract: 'cp_plans', header: 'child_id,start_date,category', a: '1,2021-01-05,Neglect', b: '1,5/1/2021,Neglect', c: '1,2021-01-05,Emotional' },
    { extract: 'core_groups', header: 'child_id,meeting_date,health', a: '1,2021-01-05,Y', b: '1,2021-01-05,yes', c: '1,2021-01-05,N' },
    { extract: 'supervisions', header: 'child_id,supervision_date,worker', a: '1,2021-01-05,W1', b: '1.0,2021-01-05,W1', c: '1,2021-01-05,W2' },
    { extract: 'cases', header: 'child_id,start_date,worker', a: '1,2021-01-05,W1', b: '1,05.01.2021,W1', c: '1,2021-01-05,W2' },
  ];

  it.each(COMPOSITE)('$extract: composite key, duplicate and conflict', async ({ extract, header, a, b, c }) => {
    const x = await load(extract, `${header}\n${a}\n${b}\n${c}\n`);
    expect(totals(x)).toEqual([3, 1, 1, 1]);
    expect(x.duplicates[0]).toMatchObject({ line: 3, firstLine: 2 });
    expect(where(x.rejections[0]!)).toMatchObject({ code: 'duplicate-key', line: 4 });
  });
});

// ---------------------------------------------------------------- lines

describe('rows and line numbers', () => {
  it('blank lines and all-blank rows are not rows', async () => {
    const text = 'contact_id,child_id,contact_date\n\nC1,1,2021-01-05\n,,\n , ,  \n\n\nC2,1,2021-01-06\n,,,,\n';
    const x = await load('contacts', text);
    expect(totals(x)).toEqual([2, 2, 0, 0]);
    expect([x.records.get(0).line, x.records.get(1).line]).toEqual([3, 8]);
  });

  it('a line of spaces is not a row', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\n   \nC1,1,2021-01-05\n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
  });

  it('line numbers count the blank lines before a rejected row', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\n\n\nC1,1,2021-01-05\n\n,,\nC2,,2021-01-05\n');
    expect(x.rejections.map(where)).toEqual([{ code: 'missing-value', line: 7, column: 2, field: 'child_id' }]);
  });

  it('a quoted field spanning two lines: the next record starts two lines on', async () => {
    const text = 'contact_id,child_id,contact_date,outcome\nC1,1,2021-01-05,"first line\nsecond line"\nC2,,2021-01-05,x\nC3,1,2021-01-05,"a\n\nb"\nC4,1,bad,x\n';
    const x = await load('contacts', text);
    // The line break inside the cell is white space, collapsed like any other (SPEC §6).
    expect(x.records.get(0).outcome).toBe('first line second line');
    expect(x.records.get(0).line).toBe(2);
    expect(x.records.get(1).line).toBe(5);
    expect(x.rejections.map((r) => [r.at.line, r.code])).toEqual([
      [4, 'missing-value'],
      [8, 'invalid-date'],
    ]);
  });

  it('a rejected record spanning two lines is reported at the line it starts on', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date,outcome\nC1,,2021-01-05,"multi\nline"\nC2,1,nope,x\n');
    expect(x.rejections.map((r) => r.at.line)).toEqual([2, 4]);
  });

  it('CRLF files read the same, with the same line numbers', async () => {
    const lf = 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-05,2021-01-06\n\nC2,,2021-01-05,\nC3,1,2021-01-05,2021-01-05\nC4,1,2021-01-05,"x\ny"\nC5,1,2021-01-05,\n';
    const a = await load('contacts', lf);
    const b = await load('contacts', lf.replace(/\n/g, '\r\n'));
    expect(totals(b)).toEqual(totals(a));
    expect(b.rejections.map(where)).toEqual(a.rejections.map(where));
    expect([...b.records].map((r) => [r.line, r.decisionDate])).toEqual([...a.records].map((r) => [r.line, r.decisionDate]));
    expect([...b.records].map((r) => r.line)).toEqual([2, 5, 8]);
    expect(b.rejections.map((r) => [r.at.line, r.code])).toEqual([
      [4, 'missing-value'],
      [6, 'invalid-date'],
    ]);
  });

  it('a last line without a newline is read', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\r\nC1,1,2021-01-05');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    expect(x.records.get(0).contactDate).toBe(day('2021-01-05'));
  });

  it('a header only is zero rows', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\n');
    expect(totals(x)).toEqual([0, 0, 0, 0]);
  });
});

// ---------------------------------------------------------------- choices and flags

describe('choices and flags', () => {
  const KINDS: readonly { cell: string; expected: 'new' | 'update' | null }[] = [
    { cell: 'new', expected: 'new' },
    { cell: 'New', expected: 'new' },
    { cell: ' NEW ', expected: 'new' },
    { cell: 'update', expected: 'update' },
    { cell: 'Update', expected: 'update' },
    { cell: '', expected: null },
  ];

  it.each(KINDS)('kind "$cell" → $expected', async ({ cell, expected }) => {
    const x = await load('assessments', `child_id,start_date,kind\n1,2021-01-05,${cell}\n`);
    expect(x.rejections).toEqual([]);
    expect(x.records.get(0).kind).toBe(expected);
  });

  const STATUSES: readonly { cell: string; expected: 'held' | 'cancelled' }[] = [
    { cell: 'held', expected: 'held' },
    { cell: 'Held', expected: 'held' },
    { cell: '', expected: 'held' },
    { cell: 'cancelled', expected: 'cancelled' },
    { cell: 'Cancelled', expected: 'cancelled' },
    { cell: 'CANCELLED', expected: 'cancelled' },
    { cell: 'Canceled', expected: 'cancelled' },
  ];

  it.each(STATUSES)('status "$cell" → $expected', async ({ cell, expected }) => {
    const x = await load('core_groups', `child_id,meeting_date,status\n1,2021-01-05,${cell}\n`);
    expect(x.rejections).toEqual([]);
    expect(x.records.get(0).status).toBe(expected);
  });

  const FLAGS: readonly { cell: string; expected: boolean | null }[] = [
    { cell: 'Y', expected: true },
    { cell: 'y', expected: true },
    { cell: 'Yes', expected: true },
    { cell: 'YES', expected: true },
    { cell: 'TRUE', expected: true },
    { cell: 'true', expected: true },
    { cell: 'True', expected: true },
    { cell: '1', expected: true },
    { cell: 'N', expected: false },
    { cell: 'n', expected: false },
    { cell: 'No', expected: false },
    { cell: 'NO', expected: false },
    { cell: 'FALSE', expected: false },
    { cell: 'false', expected: false },
    { cell: '0', expected: false },
    { cell: ' Y ', expected: true },
    // Ofsted Annex A's lettered answers.
    { cell: 'a) Yes', expected: true },
    { cell: 'b) No', expected: false },
    { cell: '', expected: null },
  ];

  it.each(FLAGS)('attendance "$cell" → $expected', async ({ cell, expected }) => {
    const x = await load('core_groups', `child_id,meeting_date,education,police,health,other\n1,2021-01-05,${cell},${cell},${cell},${cell}\n`);
    expect(x.rejections).toEqual([]);
    const m = x.records.get(0);
    expect([m.education, m.police, m.health, m.other]).toEqual([expected, expected, expected, expected]);
  });

  it.each(['maybe', '2', 'attended', 'Y/N'])('attendance "%s" is invalid-value', async (cell) => {
    const x = await load('core_groups', `child_id,meeting_date,health\n1,2021-01-05,${cell}\n`);
    expect(x.rejections.map(where)).toEqual([{ code: 'invalid-value', line: 2, column: 3, field: 'health' }]);
  });

  it('child seen and partner flags of an assessment, and seen on a visit, read as yes, no or blank', async () => {
    const a = await load('assessments', 'child_id,start_date,Child Seen During Continuous Assessment,education,police,health,other\n1,2021-01-05,a) Yes,Y,No,,0\n');
    expect(a.rejections).toEqual([]);
    const r = a.records.get(0);
    expect([r.childSeen, r.education, r.police, r.health, r.other]).toEqual([true, true, false, null, false]);
    const v = await load('cp_visits', 'cppv_person_id,cppv_cp_visit_date,cppv_cp_visit_seen\n1,2021-01-05,N\n');
    expect(v.records.get(0).seen).toBe(false);
  });

  it('mapping.values adds spellings for a choice', async () => {
    const mapping: ExtractMapping = { values: { kind: { new: ['Initial', 'Single'], update: ['re-assessment'] } } };
    const x = await load('assessments', 'child_id,start_date,kind\n1,2021-01-04,initial\n2,2021-01-05,SINGLE\n3,2021-01-06,Re-Assessment\n4,2021-01-07,new\n5,2021-01-08,other\n', { mapping });
    expect([...x.records].map((a) => a.kind)).toEqual(['new', 'new', 'update', 'new']);
    expect(x.rejections.map(where)).toEqual([{ code: 'invalid-value', line: 6, column: 3, field: 'kind' }]);
  });

  it('mapping.values adds spellings for a flag', async () => {
    const mapping: ExtractMapping = { values: { education: { Y: ['attended', 'A'], N: ['DNA', 'apologies'] } } };
    const x = await load('core_groups', 'child_id,meeting_date,education\n1,2021-01-04,Attended\n2,2021-01-05,dna\n3,2021-01-06,Apologies\n4,2021-01-07,y\n', { mapping });
    expect(x.rejections).toEqual([]);
    expect([...x.records].map((m) => m.education)).toEqual([true, false, false, true]);
  });

  it('mapping.values adds spellings for a status', async () => {
    const mapping: ExtractMapping = { values: { status: { cancelled: ['Did not take place'] } } };
    const x = await load('core_groups', 'child_id,meeting_date,status\n1,2021-01-04,did not take place\n', { mapping });
    expect(x.records.get(0).status).toBe('cancelled');
  });
});

// ---------------------------------------------------------------- accounting property

type RowKind = 'valid' | 'invalid' | 'duplicate' | 'conflict' | 'blank';

interface GeneratedRow {
  readonly kind: RowKind;
  /** Which earlier valid row a duplicate or conflict repeats (modulo their number). */
  readonly pick: number;
  readonly invalid: number;
  readonly blank: number;
  readonly source: string;
  readonly dateStyle: number;
  readonly day: number;
}

const SOURCE_CHARS = fc.constantFrom('a', 'B', ' ', ',', '"', '\n', 'é', '1', '.', '-');
const rowArb: fc.Arbitrary<GeneratedRow> = fc.record({
  kind: fc.constantFrom<RowKind>('valid', 'valid', 'invalid', 'duplicate', 'conflict', 'blank'),
  pick: fc.nat(),
  invalid: fc.nat({ max: 7 }),
  blank: fc.nat({ max: 3 }),
  source: fc.string({ unit: SOURCE_CHARS, maxLength: 8 }),
  dateStyle: fc.nat({ max: 3 }),
  day: fc.integer({ min: 1, max: 28 }),
});

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function dateText(dayOfMonth: number, style: number): string {
  const dd = String(dayOfMonth).padStart(2, '0');
  switch (style) {
    case 0:
      return `2021-02-${dd}`;
    case 1:
      return `${dd}/02/2021`;
    case 2:
      return `${dayOfMonth} Feb 2021`;
    default:
      return `${dd}.02.2021 10:30`;
  }
}

const INVALID_ROWS: readonly ((id: string, date: string) => string)[] = [
  (id, date) => `${id},,${date},,x`, // missing child
  (id) => `${id},7,not a date,,x`, // invalid date
  (id) => `${id},7,2021-02-10,2021-02-09,x`, // date order
  (id) => `${id},7,2099-01-01,,x`, // future
  (id, date) => `${id},7,${date},,x,surplus`, // too many fields
  (id, date) => `${id},7,${date}`, // too few fields
  (id, date) => `${id},7,${date},31/02/2021,x`, // no such day
  (id) => `${id},7,   ,,x`, // blank required date
];

const BLANK_ROWS = ['', ',,,,', ' , , , , ', '   '];

interface GeneratedFile {
  readonly body: string;
  readonly expected: { read: number; valid: number; rejected: number; duplicate: number };
  /** Physical lines where the rejected rows start, in order. */
  readonly rejectLines: readonly number[];
  /** Physical lines where the valid rows start, in order. */
  readonly validLines: readonly number[];
}

/** A contacts file from generated rows, with the counts and lines the rows must give. */
function generate(rows: readonly GeneratedRow[], crlf: boolean, finalNewline: boolean): GeneratedFile {
  const eol = crlf ? '\r\n' : '\n';
  const lines: string[] = ['contact_id,child_id,contact_date,decision_date,source'];
  const validRows: string[] = [];
  const expected = { read: 0, valid: 0, rejected: 0, duplicate: 0 };
  const rejectLines: number[] = [];
  const validLines: number[] = [];
  let line = 2;
  rows.forEach((r, i) => {
    const id = `C${i}`;
    const date = dateText(r.day, r.dateStyle);
    let text: string;
    let kind = r.kind;
    if ((kind === 'duplicate' || kind === 'conflict') && validRows.length === 0) kind = 'valid';
    switch (kind) {
      case 'valid':
        text = `${id},${1 + (i % 5)},${date},,${quote(r.source)}`;
        validRows.push(text);
        validLines.push(line);
        expected.valid++;
        break;
      case 'duplicate':
        text = validRows[r.pick % validRows.length]!;
        expected.duplicate++;
        break;
      case 'conflict':
        // Same id, another child: the values differ.
        text = validRows[r.pick % validRows.length]!.replace(/^(C\d+),\d+,/, '$1,X,');
        expected.rejected++;
        rejectLines.push(line);
        break;
      case 'invalid':
        text = INVALID_ROWS[r.invalid]!(id, date);
        expected.rejected++;
        rejectLines.push(line);
        break;
      case 'blank':
        text = BLANK_ROWS[r.blank]!;
        break;
    }
    if (kind !== 'blank') expected.read++;
    lines.push(crlf ? text.replace(/\n/g, '\r\n') : text);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  });
  return { body: lines.join(eol) + (finalNewline ? eol : ''), expected, rejectLines, validLines };
}

const fileArb = fc
  .tuple(fc.array(rowArb, { maxLength: 40 }), fc.boolean(), fc.boolean())
  .map(([rows, crlf, finalNewline]) => generate(rows, crlf, finalNewline));

describe('row accounting (property)', () => {
  it('read = valid + rejected + duplicate, read = the non-blank rows written, and nothing escapes', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const x = await load('contacts', file.body);
        expect(x.counts.read).toBe(x.counts.valid + x.counts.rejected + x.counts.duplicate);
        expect(x.counts).toEqual(file.expected);
        expect(x.rejections.length).toBe(x.counts.rejected);
        expect(x.duplicates.length).toBe(x.counts.duplicate);
        expect(x.records.length).toBe(x.counts.valid);
      }),
      { numRuns: 150 },
    );
  });

  it('every valid and rejected row carries the physical line it starts on (LF and CRLF)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const x = await load('contacts', file.body);
        expect(x.rejections.map((r) => r.at.line)).toEqual(file.rejectLines);
        expect([...x.records].map((r) => r.line)).toEqual(file.validLines);
      }),
      { numRuns: 150 },
    );
  });

  it('no exception escapes for arbitrary cell text', async () => {
    const cell = fc.string({ unit: fc.constantFrom('1', '2', '0', '/', '-', ' ', 'a', 'Y', '.', ':', 'T', '"', ','), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 0, maxLength: 7 }), { maxLength: 20 }), async (table) => {
        const body = ['meeting_id,child_id,meeting_date,status,education,police']
          .concat(table.map((cells) => cells.map(quote).join(',')))
          .join('\n');
        const x = await load('core_groups', body);
        const nonBlank = table.filter((cells) => cells.some((c) => c.trim() !== '')).length;
        expect(x.counts.read).toBe(nonBlank);
        expect(x.counts.read).toBe(x.counts.valid + x.counts.rejected + x.counts.duplicate);
        expect(x.rejections.length).toBe(x.counts.rejected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('values (SPEC §6): white space, letter case, placeholders, unknowns, keep-last', () => {
  it.each([
    ['Dustin\u00a0Hazlett', 'Dustin Hazlett'],
    ['Dustin  Hazlett', 'Dustin Hazlett'],
    ['  Dustin \t Hazlett ', 'Dustin Hazlett'],
    ['\u00a0DFE123\u00a0', 'DFE123'],
    ['Dustin Hazlett', 'Dustin Hazlett'],
    ['', ''],
  ])('tidy(%j) = %j', (raw, tidied) => {
    expect(tidy(raw)).toBe(tidied);
  });

  it('names that differ only in spacing or case are one name, spelt as first seen', async () => {
    const x = await load(
      'cases',
      'case_id,child_id,start_date,worker,team\nK1,1,2021-01-04,Dustin\u00a0Hazlett,Team A\nK2,2,2021-01-04,Dustin Hazlett,team a\nK3,3,2021-01-04,Dustin  Hazlett,TEAM  A\nK4,4,2021-01-04,dustin hazlett,Team A\n',
    );
    expect([...x.records].map((c) => c.worker)).toEqual(['Dustin Hazlett', 'Dustin Hazlett', 'Dustin Hazlett', 'Dustin Hazlett']);
    expect([...x.records].map((c) => c.team)).toEqual(['Team A', 'Team A', 'Team A', 'Team A']);
  });

  it('keys that differ only in case are one key: the same values make a duplicate, other values a conflict', async () => {
    const x = await load('contacts', 'contact_id,child_id,contact_date\nc1,DFE123,2021-01-05\nC1,dfe123,2021-01-05\nC1,DFE123,2021-01-06\n');
    expect(x.counts).toEqual({ read: 3, valid: 1, rejected: 1, duplicate: 1 });
    expect(x.rejections.map(where)).toEqual([{ code: 'duplicate-key', line: 4, column: 1, field: 'contact_id' }]);
    const composite = await load('cp_plans', 'child_id,start_date\nDFE123,2021-01-04\n dfe123 ,2021-01-04\n');
    expect(composite.counts).toEqual({ read: 2, valid: 1, rejected: 0, duplicate: 1 });
  });

  it('placeholder identifiers and dates are blank: -1 and 1900-01-01 in any accepted spelling, with any time', async () => {
    const x = await load(
      'cp_plans',
      'plan_id,child_id,start_date,end_date,worker\n-1,C1,2021-01-04,1900-01-01 00:00:00.000,-1\nP2,C2,2021-01-04,01/01/1900 00:00,W1\nP3,C3,2021-01-04,1 January 1900,W1\n',
    );
    expect(x.counts).toEqual({ read: 3, valid: 3, rejected: 0, duplicate: 0 });
    expect([...x.records].map((p) => [p.planId, p.key, p.endDate, p.worker])).toEqual([
      [null, 'C1|2021-01-04', null, null],
      ['P2', 'P2', null, 'W1'],
      ['P3', 'P3', null, 'W1'],
    ]);
  });

  it('a placeholder in a required column is a missing value whose message names the placeholder', async () => {
    const x = await load('cp_plans', 'child_id,start_date\n-1,2021-01-04\nC2,1900-01-01\nC3,2021-01-04\n');
    expect(x.rejections.map(where)).toEqual([
      { code: 'missing-value', line: 2, column: 1, field: 'child_id' },
      { code: 'missing-value', line: 3, column: 2, field: 'start_date' },
    ]);
    expect(problemText(x.rejections[0]!)).toBe(
      'child_id is required but the cell holds "-1", a placeholder for none; fill it in, or remove the row if it is not a real plan',
    );
    expect(problemText(x.rejections[1]!)).toContain('holds "1900-01-01"');
  });

  it('placeholders are configurable, and an empty list switches them off', async () => {
    const text = 'child_id,start_date,end_date\n-1,2021-01-04,\nC2,2021-01-04,1900-01-01\nNONE,2021-01-04,\n';
    const off = await load('cp_plans', text, { placeholders: { ids: [], dates: [] } });
    // Without placeholders, -1 is a child, and 1900-01-01 a real end before the start.
    expect([...off.records].map((p) => p.childId)).toEqual(['-1', 'NONE']);
    expect(off.rejections.map(where)).toEqual([{ code: 'date-order', line: 3, column: 3, field: 'end_date' }]);
    const own = await load('cp_plans', text, { placeholders: { ids: ['none'], dates: [] } });
    expect(own.rejections.map(where)).toEqual([
      { code: 'date-order', line: 3, column: 3, field: 'end_date' },
      { code: 'missing-value', line: 4, column: 1, field: 'child_id' },
    ]);
  });

  it.each(['Unknown', 'not known', 'NK', 'N/A', '-', ' unknown '])('attendance %j is not known (blank), not a rejected row', async (cell) => {
    const x = await load('core_groups', `child_id,meeting_date,education\n1,2021-01-05,${cell}\n`);
    expect(x.counts.valid).toBe(1);
    expect(x.records.get(0).education).toBeNull();
  });

  it('a coded value matching nothing is still invalid-value; a status not known is the value for blank', async () => {
    const x = await load('core_groups', 'child_id,meeting_date,education,status\n1,2021-01-05,maybe,held\n2,2021-01-05,Y,Unknown\n');
    expect(x.rejections.map(where)).toEqual([{ code: 'invalid-value', line: 2, column: 3, field: 'education' }]);
    expect(x.records.get(0).status).toBe('held');
  });

  it('keep-last: the later row with a key is kept, in its place in file order, and the earlier one rejected', async () => {
    const text = 'contact_id,child_id,contact_date,decision_date\nC1,1,2021-01-05,\nC2,2,2021-01-05,\nC1,1,2021-01-05,2021-01-06\nC3,3,bad,\n';
    const first = await load('contacts', text);
    expect([...first.records].map((c) => [c.key, c.line, c.decisionDate])).toEqual([
      ['C1', 2, null],
      ['C2', 3, null],
    ]);
    const last = await load('contacts', text, { mapping: { onDuplicateKey: 'keep-last' } });
    expect(last.counts).toEqual({ read: 4, valid: 2, rejected: 2, duplicate: 0 });
    expect([...last.records].map((c) => [c.key, c.line, c.decisionDate])).toEqual([
      ['C2', 3, null],
      ['C1', 4, day('2021-01-06')],
    ]);
    expect(last.rejections.map(where)).toEqual([
      { code: 'duplicate-key', line: 2, column: 1, field: 'contact_id' },
      { code: 'invalid-date', line: 5, column: 3, field: 'contact_date' },
    ]);
    expect(last.rejections[0]!.value).toBe('C1');
    expect(problemText(last.rejections[0]!)).toBe(
      'key C1 is used again on line 4 with different values; the row on line 4 is kept, as onDuplicateKey is keep-last (give each contact its own key, or remove the stale row)',
    );
  });

  it('keep-last: an exact repeat is still a duplicate, and a third version replaces the second', async () => {
    const text = 'contact_id,child_id,contact_date,outcome\nC1,1,2021-01-05,a\nC1,1,2021-01-05,a\nC1,1,2021-01-05,b\nC1,1,2021-01-05,c\n';
    const last = await load('contacts', text, { mapping: { onDuplicateKey: 'keep-last' } });
    expect(last.counts).toEqual({ read: 4, valid: 1, rejected: 2, duplicate: 1 });
    expect([...last.records].map((c) => [c.line, c.outcome])).toEqual([[5, 'c']]);
    expect(last.rejections.map((r) => r.at.line)).toEqual([2, 4]);
  });
});

describe('values: not-known spellings in code columns', () => {
  it.each(['Unknown', 'N/A', 'nk'])('case type %j is blank, not a case type of its own', async (cell) => {
    const x = await load('cases', `child_id,start_date,case_type\n1,2021-01-04,${cell}\n2,2021-01-04,cp\n`);
    expect([...x.records].map((c) => c.caseType)).toEqual([null, 'CP']);
  });
});
