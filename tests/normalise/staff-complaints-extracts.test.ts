/**
 * The staff and complaints extracts (SPEC §7, §8 details): no child id
 * required, staff keyed by staff_id + start_date with dates after as-at
 * allowed, contract spellings, fte a number, complaint stage blank = 1 and
 * received ≤ response.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatDay } from '../../src/core/day.js';
import type { ExtractName } from '../../src/normalise/extracts.js';
import { type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import { csvSource } from '../../src/read/csv-source.js';
import { problemText } from '../../src/report/wording.js';
import { day } from '../helpers/records.js';

function load<N extends ExtractName>(name: N, text: string): Promise<LoadedExtract<N>> {
  return loadExtract(name, csvSource(`${name}.csv`, Readable.from([Buffer.from(text, 'utf8')])), { asAt: day('2021-05-10') });
}

const totals = (x: LoadedExtract) => [x.counts.read, x.counts.valid, x.counts.rejected, x.counts.duplicate];
const rejections = (x: LoadedExtract) => x.rejections.map((r) => [r.code, r.at.line, r.field]);

describe('the staff extract', () => {
  it('accepts a booked starter and a planned leaving date after as-at, and still refuses an end before the start', async () => {
    const x = await load(
      'staff',
      ['staff_id,start_date,end_date,contract,fte', 'W1,2021-06-01,,permanent,1', 'W2,2019-01-01,2021-09-30,Locum,0.5', 'W3,2021-02-01,2021-01-31,agency,1'].join('\n'),
    );
    expect(totals(x)).toEqual([3, 2, 1, 0]);
    expect(rejections(x)).toEqual([['date-order', 4, 'end_date']]);
    const rows = [...x.records];
    expect(rows.map((r) => [r.staffId, formatDay(r.startDate), r.endDate === null ? null : formatDay(r.endDate), r.contract, r.fte])).toEqual([
      ['W1', '2021-06-01', null, 'permanent', 1],
      ['W2', '2019-01-01', '2021-09-30', 'agency', 0.5],
    ]);
  });

  it('keys rows by staff_id and start date: two appointments of one worker are two rows; the same twice is a duplicate', async () => {
    const x = await load(
      'staff',
      ['staff_id,start_date,contract', 'W1,2020-01-01,agency', 'W1,2021-01-01,permanent', 'w1,01/01/2021,permanent', 'W1,2021-01-01,interim'].join('\n'),
    );
    expect(totals(x)).toEqual([4, 2, 1, 1]);
    expect(rejections(x)).toEqual([['duplicate-key', 5, 'staff_id']]);
  });

  it.each(['0', '-1', 'one', '1,0', '2.5', ''])('fte %j: refused unless blank', async (fte) => {
    const x = await load('staff', `staff_id,start_date,fte\nW1,2020-01-01,"${fte}"\n`);
    if (fte === '') {
      expect(totals(x)).toEqual([1, 1, 0, 0]);
      return;
    }
    expect(rejections(x)).toEqual([['invalid-number', 2, 'fte']]);
    expect(problemText(x.rejections[0]!)).toContain(`fte "${fte}" is not a number greater than 0 and at most 2`);
  });

  it('refuses a start date after as-at nowhere else: a contact in the future is still future-date', async () => {
    const x = await load('contacts', 'child_id,contact_date\n1,2021-06-01\n');
    expect(rejections(x)).toEqual([['future-date', 2, 'contact_date']]);
  });
});

describe('the complaints extract', () => {
  it('needs no child id, reads a blank stage as 1, and refuses a response before receipt', async () => {
    const x = await load(
      'complaints',
      ['complaint_id,received_date,response_date,stage,extended', 'C1,2021-01-04,2021-01-18,,', 'C2,2021-01-04,,Stage 2,Y', 'C3,2021-01-10,2021-01-04,1,N'].join('\n'),
    );
    expect(totals(x)).toEqual([3, 2, 1, 0]);
    expect(rejections(x)).toEqual([['date-order', 4, 'response_date']]);
    expect([...x.records].map((r) => [r.complaintId, r.childId, r.stage, r.extended])).toEqual([
      ['C1', null, '1', null],
      ['C2', null, '2', true],
    ]);
  });

  it('reads a complaint as stage 1 and not extended when the file has no stage or extended column', async () => {
    const x = await load('complaints', 'complaint_id,received_date,response_date\nC1,2021-01-04,2021-01-20\n');
    expect([...x.records].map((r) => [r.stage, r.extended])).toEqual([['1', null]]);
  });
});
