import { date, defineExtract, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Care proceedings, one row per child: siblings in the same application
 * share a proceedings_id (the court case number), so a row's key is the
 * proceedings_id with the child_id.
 */
export const proceedings = defineExtract({
  name: 'proceedings',
  file: 'proceedings.csv',
  noun: 'proceedings row',
  fields: {
    proceedings_id: id({ doc: 'court case number; siblings share it' }),
    child_id: CHILD_ID,
    issue_date: date({ required: true, doc: 'the application was issued' }),
    end_date: date({ doc: 'final order; blank: proceedings still open' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'proceedings_id',
  keyWith: ['child_id'],
  compositeKey: ['child_id', 'issue_date'],
  order: [['issue_date', 'end_date']],
});
