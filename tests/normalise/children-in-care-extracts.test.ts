/**
 * Reading the children-in-care extracts: a return interview dated before
 * the return is read as blank with a warning and the episode kept; care
 * proceedings rows are keyed by proceedings_id with child_id, so siblings
 * are not duplicates; Annex A List 8 and List 9 headings and the SSD's
 * ssd_missing columns are recognised.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExtractName } from '../../src/normalise/extracts.js';
import { extractFileNames } from '../../src/normalise/extracts.js';
import { extractWarnings, type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import { csvSource } from '../../src/read/csv-source.js';
import { problemLine } from '../../src/report/wording.js';
import { day } from '../helpers/records.js';

function load<N extends ExtractName>(name: N, text: string): Promise<LoadedExtract<N>> {
  return loadExtract(name, csvSource(`${name}.csv`, Readable.from([Buffer.from(text, 'utf8')])), { asAt: day('2021-05-10') });
}

const totals = (x: LoadedExtract) => [x.counts.read, x.counts.valid, x.counts.rejected, x.counts.duplicate];

describe('missing episodes: an rhi_date before the return', () => {
  it('is read as blank, with a date-order warning naming line and column; the episode is kept', async () => {
    const x = await load(
      'missing_episodes',
      'episode_id,child_id,start_date,end_date,rhi_offered,rhi_date\nE1,1,2021-01-03,2021-01-05,Y,2021-01-04\nE2,2,2021-01-03,2021-01-05,Y,2021-01-05\nE3,3,2021-01-06,2021-01-05,Y,\n',
    );
    expect(totals(x)).toEqual([3, 2, 1, 0]);
    expect(x.records.get(0).rhiDate).toBeNull();
    expect(x.records.get(1).rhiDate).toBe(day('2021-01-05'));
    // end before start still rejects the row.
    expect(x.rejections.map((r) => [r.code, r.at.line, r.field])).toEqual([['date-order', 4, 'end_date']]);
    const warnings = extractWarnings(x);
    expect(warnings.map((w) => [w.code, w.at.line, w.at.column])).toEqual([['date-order', 2, 6]]);
    expect(problemLine(warnings[0]!)).toBe(
      'missing_episodes.csv:2: column F: rhi_date 2021-01-04 is before end_date 2021-01-05, so rhi_date is read as blank and the row is kept; correct the date',
    );
  });

  it('the SSD table ssd_missing and its column names are the missing episodes extract', async () => {
    expect(extractFileNames('missing_episodes')).toContain('ssd_missing.csv');
    const x = await load('missing_episodes', 'miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_end_date,miss_missing_rhi_offered\nM1,7,03/01/2021,05/01/2021,Yes\n');
    expect(totals(x)).toEqual([1, 1, 0, 0]);
    expect(x.records.get(0)).toMatchObject({ key: 'M1', childId: '7', rhiOffered: true });
  });
});

describe('care proceedings are keyed by proceedings_id with child_id', () => {
  it('siblings sharing a proceedings id are two rows; the same child twice is a duplicate or a duplicate-key', async () => {
    const x = await load(
      'proceedings',
      'proceedings_id,child_id,issue_date,end_date\nC1,1,2020-07-06,\nC1,2,2020-07-20,\nc1,1,2020-07-06,\nC1,1,2020-07-07,\n,3,2020-08-01,\n,3,2020-08-01,2020-09-01\n',
    );
    expect(totals(x)).toEqual([6, 3, 2, 1]);
    expect(x.rejections.map((r) => [r.code, r.at.line])).toEqual([
      ['duplicate-key', 5],
      ['duplicate-key', 7],
    ]);
    expect([...x.records].map((r) => r.key)).toEqual(['C1|1', 'C1|2', '3|2020-08-01']);
  });
});

describe('Annex A headings', () => {
  it('List 8 columns are the periods of care; List 9 columns the care leavers', async () => {
    const periods = await load('cla_periods', 'Child Unique ID,Date of Birth,Date Started to be Looked After,Date Ceased to be Looked After,LS\n1,01/02/2010,04/01/2021,,C2\n');
    expect(periods.records.get(0)).toMatchObject({ childId: '1', dateOfBirth: day('2010-02-01'), startDate: day('2021-01-04'), endDate: null, legalStatus: 'C2' });
    const leavers = await load('care_leavers', 'Child Unique ID,Date of Birth,Activity Status,Suitability of Accommodation,Latest Date of Contact,LA in Touch\n1,01/06/2000,F1: Full time in higher education,Y,01/01/2021,YES\n');
    expect(leavers.records.get(0)).toMatchObject({ activity: 'F1: Full time in higher education', accommodationSuitable: 'Suitable', recordDate: day('2021-01-01') });
  });
});
