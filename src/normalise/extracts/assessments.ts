import { choice, date, defineExtract, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Children's social care assessments (Annex A List 4). */
export const assessments = defineExtract({
  name: 'assessments',
  file: 'assessments.csv',
  noun: 'assessment',
  fields: {
    assessment_id: id({ distinct: true }),
    child_id: CHILD_ID,
    start_date: date({ required: true, annexA: 'Continuous Assessment Start Date' }),
    authorised_date: date({ annexA: 'Continuous Assessment Date of Authorisation', doc: 'blank: still open' }),
    referral_date: date({ annexA: 'Date of Referral', doc: 'used when the clock starts at referral' }),
    kind: choice({ new: ['new'], update: ['update'] }, { doc: '`new` (from a new referral) or `update` (a re-assessment)' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'assessment_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'authorised_date']],
});
