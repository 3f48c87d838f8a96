import { date, defineExtract, id, text, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Child protection plans (Annex A List 7; the SSD's ssd_cp_plans). */
export const cpPlans = defineExtract({
  name: 'cp_plans',
  file: 'cp_plans.csv',
  ssdTable: 'ssd_cp_plans',
  noun: 'plan',
  fields: {
    plan_id: id({ distinct: true, ssd: 'cppl_cp_plan_id' }),
    child_id: withSsd(CHILD_ID, 'cppl_person_id'),
    start_date: date({ required: true, annexA: 'Child Protection Plan Start Date', ssd: 'cppl_cp_plan_start_date', doc: 'the initial conference' }),
    end_date: date({ annexA: 'Child Protection Plan End Date', ssd: 'cppl_cp_plan_end_date', doc: 'blank: open' }),
    category: text({ annexA: 'Latest Category of Abuse', ssd: 'cppl_cp_plan_latest_category' }),
    previous_plans: text({ annexA: 'Number of Previous Child Protection Plans' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'plan_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
