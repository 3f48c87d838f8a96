import { code, date, defineExtract, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Placements of children in care. A row with reason `L` (a change of legal
 * status only) continues the child's previous placement rather than
 * starting one.
 */
export const placements = defineExtract({
  name: 'placements',
  file: 'placements.csv',
  noun: 'placement',
  fields: {
    placement_id: id({ distinct: true }),
    child_id: CHILD_ID,
    start_date: date({ required: true }),
    end_date: date({ doc: 'blank: the child is still placed there' }),
    placement_type: code({ doc: 'SSDA903 placement code; `A3`-`A6`: placed for adoption' }),
    reason: code({ annexA: 'RNE', doc: 'reason for the new placement; `L`: change of legal status only (continues the previous placement)' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'placement_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
