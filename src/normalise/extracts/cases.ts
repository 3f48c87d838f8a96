import { code, date, defineExtract, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Allocated cases (episodes): who holds each child's case, and of what type. */
export const cases = defineExtract({
  name: 'cases',
  file: 'cases.csv',
  noun: 'case',
  fields: {
    case_id: id({ distinct: true }),
    child_id: CHILD_ID,
    start_date: date({ required: true, doc: 'an open, allocated case (episode)' }),
    end_date: date({ doc: 'blank: open' }),
    case_type: code({ doc: '`CIN`, `CP`, `CLA`, `CL` ...; chooses the supervision interval' }),
    worker: WORKER,
    team: TEAM,
  },
  key: 'case_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
