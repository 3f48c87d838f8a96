import { date, defineExtract, id, text } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Child protection plans (Annex A List 7). */
export const cpPlans = defineExtract({
  name: 'cp_plans',
  file: 'cp_plans.csv',
  noun: 'plan',
  fields: {
    plan_id: id({ distinct: true }),
    child_id: CHILD_ID,
    start_date: date({ required: true, annexA: 'Child Protection Plan Start Date', doc: 'the initial conference' }),
    end_date: date({ annexA: 'Child Protection Plan End Date', doc: 'blank: open' }),
    category: text({ annexA: 'Latest Category of Abuse' }),
    previous_plans: text({ annexA: 'Number of Previous Child Protection Plans' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'plan_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
