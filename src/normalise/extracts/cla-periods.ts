import { code, date, defineExtract, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Periods of care: a child looked after from start_date to end_date (Annex A
 * List 8). Periods with legal status `V3` or `V4` (a series of short breaks)
 * are left out of every children-in-care measure.
 */
export const claPeriods = defineExtract({
  name: 'cla_periods',
  file: 'cla_periods.csv',
  noun: 'period of care',
  fields: {
    period_id: id({ distinct: true }),
    child_id: CHILD_ID,
    start_date: date({ required: true, annexA: 'Date Started to be Looked After', doc: 'the child became looked after' }),
    end_date: date({ annexA: 'Date Ceased to be Looked After', doc: 'blank: still looked after' }),
    date_of_birth: date({ annexA: 'Date of Birth' }),
    legal_status: code({
      annexA: 'LS',
      aliases: ["Child's Legal Status", 'Legal Status'],
      doc: 'SSDA903 code, with or without its text (`C2`, `V3: Short term breaks`); `V3`/`V4` (short breaks) are left out',
    }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'period_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
