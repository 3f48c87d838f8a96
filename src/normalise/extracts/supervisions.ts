import { date, defineExtract, id } from '../define.js';
import { CHILD_ID, WORKER } from './common.js';

/** Case supervisions: a manager's supervision of one child's case. */
export const supervisions = defineExtract({
  name: 'supervisions',
  file: 'supervisions.csv',
  noun: 'supervision',
  fields: {
    supervision_id: id({ distinct: true }),
    child_id: CHILD_ID,
    supervision_date: date({ required: true, doc: "a case supervision of that child's case" }),
    worker: WORKER,
    supervisor: id(),
  },
  key: 'supervision_id',
  compositeKey: ['child_id', 'supervision_date'],
  order: [],
});
