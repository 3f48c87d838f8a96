import { choice, date, defineExtract, flag, id } from '../define.js';
import { TEAM, WORKER } from './common.js';

/** Complaints made under the Children Act 1989 representations procedure, and their responses. */
export const complaints = defineExtract({
  name: 'complaints',
  file: 'complaints.csv',
  noun: 'complaint',
  fields: {
    complaint_id: id({ distinct: true }),
    child_id: id({ doc: 'the child the complaint is about, when recorded' }),
    received_date: date({ required: true }),
    response_date: date({ doc: 'blank = not answered yet' }),
    stage: choice(
      { '1': ['stage 1', 'one'], '2': ['stage 2', 'two'], '3': ['stage 3', 'three'] },
      { blankAs: '1', doc: '`1` (also when blank), `2` or `3`: only stage 1 responses are timed' },
    ),
    extended: flag({ doc: 'the extension to 20 working days was agreed (blank = no)' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'complaint_id',
  compositeKey: ['child_id', 'received_date'],
  order: [['received_date', 'response_date']],
});
