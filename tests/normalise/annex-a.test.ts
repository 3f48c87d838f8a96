/**
 * Which extract a sheet is: by its header, with its name (an Annex A list
 * or an extract's own name) as a tie-break and a check.
 */
import { describe, expect, it } from 'vitest';
import { annexAList, ANNEX_A_LISTS, chooseSheetUse, sheetNameWarnings } from '../../src/normalise/annex-a.js';
import { EXTRACT_NAMES } from '../../src/normalise/extracts.js';

const CONTACTS = ['Child Unique ID', 'Gender', 'Date of Contact', 'Contact Source'];
const ASSESSMENTS = ['Child Unique ID', 'Continuous Assessment Start Date', 'Continuous Assessment Date of Authorisation', 'Allocated Team'];
const CIN = ['Child Unique ID', 'CIN Start Date', 'CIN Closure Date', 'Allocated Worker'];
const REFERRALS = ['Child Unique ID', 'Date of Referral', 'Referral Source'];

describe('Annex A list names', () => {
  it.each([
    ['List 1', 1],
    ['List 10', 10],
    ['List 11', 11],
    ['list 4', 4],
    [' List  6 ', 6],
    ['List 01', 1],
    ['List 12', undefined],
    ['List 1a', undefined],
    ['List', undefined],
    ['Contacts', undefined],
  ] as const)('%j is list %s', (name, number) => {
    expect(annexAList(name)?.number).toBe(number);
  });

  it('has every list once, and each extract it names exists', () => {
    expect(ANNEX_A_LISTS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const l of ANNEX_A_LISTS) if (l.extract !== null) expect(EXTRACT_NAMES).toContain(l.extract);
  });
});

describe('which extract a sheet is', () => {
  it.each([
    ['List 1', CONTACTS, { kind: 'extract', extract: 'contacts', fixed: {} }],
    ['List 4', ASSESSMENTS, { kind: 'extract', extract: 'assessments', fixed: {} }],
    // Found by header, whatever the sheet is called.
    ['Sheet1', ASSESSMENTS, { kind: 'extract', extract: 'assessments', fixed: {} }],
    ['List 6', CIN, { kind: 'extract', extract: 'cases', fixed: { case_type: 'CIN' } }],
    // A List 6 saved under another name still has case type CIN: its own headings say so.
    ['Children in need', CIN, { kind: 'extract', extract: 'cases', fixed: { case_type: 'CIN' } }],
    // cases under its own headings is not List 6: no case type is made up.
    ['cases', ['child_id', 'start_date'], { kind: 'extract', extract: 'cases', fixed: {} }],
    ['List 3', REFERRALS, { kind: 'extract', extract: 'referrals', fixed: {} }],
    [
      'List 5',
      ['Child Unique ID', 'Strategy discussion initiating Section 47 Enquiry Start Date', 'Date of Initial Child Protection Conference'],
      { kind: 'extract', extract: 's47', fixed: {} },
    ],
    ['List 2', ['Child Unique ID', 'Assessment start date'], { kind: 'not-used', reason: 'not-read' }],
    ['List 10', ['Child Unique ID', 'Date of Adoption Order'], { kind: 'not-used', reason: 'not-read' }],
    // List 10 shares the periods of care's columns, but its own headings say it is the adoption list, under any name.
    [
      'Sheet3',
      ['Child Unique ID', 'Date of Birth', 'Date Started to be Looked After', 'Date Placed for Adoption', 'Date of Adoption Order'],
      { kind: 'not-used', reason: 'not-read' },
    ],
    ['List 8', ['Child Unique ID', 'Date of Birth', 'Date Started to be Looked After', "Child's Legal Status"], { kind: 'extract', extract: 'cla_periods', fixed: {} }],
    ['Notes', ['Anything', 'at all'], { kind: 'not-used', reason: 'no-match' }],
    ['List 1', null, { kind: 'not-used', reason: 'empty' }],
    // Named as an extract, header matching none: read as that extract, so the missing column is reported.
    ['List 1', ['Child Unique ID', 'Contact Date Typo'], { kind: 'extract', extract: 'contacts', fixed: {} }],
    ['cp_plans', ['child'], { kind: 'extract', extract: 'cp_plans', fixed: {} }],
    // The header wins over the name (a warning says so): List 10 holding contacts is contacts.
    ['List 10', CONTACTS, { kind: 'extract', extract: 'contacts', fixed: {} }],
    ['List 4', CONTACTS, { kind: 'extract', extract: 'contacts', fixed: {} }],
  ] as const)('%s with %j', (sheet, headers, use) => {
    expect(chooseSheetUse(sheet, headers, {})).toEqual(use);
  });

  it('uses the configured headings of each extract', () => {
    const headers = ['Child Unique ID', 'Contact Received'];
    expect(chooseSheetUse('Sheet1', headers, {}).kind).toBe('not-used');
    expect(chooseSheetUse('Sheet1', headers, { contacts: { columns: { contact_date: ['Contact Received'] } } })).toMatchObject({ extract: 'contacts' });
  });

  it('on a tie, the extract the name says wins; else the first in the usual order', () => {
    // child_id and start_date alone match assessments, cp_plans and cases equally.
    const headers = ['child_id', 'start_date'];
    expect(chooseSheetUse('Sheet1', headers, {})).toMatchObject({ extract: 'assessments' });
    expect(chooseSheetUse('List 7', headers, {})).toMatchObject({ extract: 'cp_plans' });
    expect(chooseSheetUse('cases', headers, {})).toMatchObject({ extract: 'cases' });
  });
});

describe('a sheet whose name says otherwise than its header', () => {
  const at = (sheet: string) => ({ kind: 'sheet', path: 'book.xlsx', sheet }) as const;

  it('draws a warning naming both', () => {
    const [w] = sheetNameWarnings('contacts', at('List 4'), 1);
    expect(w).toMatchObject({ code: 'sheet-name', params: { sheet: 'List 4', says: 'Annex A List 4 (Assessments), the assessments extract', extract: 'contacts' } });
    // List 10 is the adoption list, not List 1.
    expect(sheetNameWarnings('contacts', at('List 10'), 1)[0]!.params).toMatchObject({ says: 'Annex A List 10 (Adoption)' });
    expect(sheetNameWarnings('contacts', at('assessments'), 1)[0]!.params).toMatchObject({ says: 'the assessments extract' });
  });

  it.each([['List 1'], ['contacts'], ['Sheet1'], ['Front door']])('none when %s holds contacts', (sheet) => {
    expect(sheetNameWarnings('contacts', at(sheet), 1)).toEqual([]);
  });
});
