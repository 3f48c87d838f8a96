import { code, date, defineExtract, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Allocated cases (episodes): who holds each child's case, and of what type
 * (the SSD's ssd_involvements: a worker's involvement with a child, which
 * has no case type).
 */
export const cases = defineExtract({
  name: 'cases',
  file: 'cases.csv',
  ssdTable: 'ssd_involvements',
  noun: 'case',
  fields: {
    case_id: id({ distinct: true, ssd: 'invo_involvements_id' }),
    child_id: withSsd(CHILD_ID, 'invo_person_id'),
    start_date: date({ required: true, ssd: 'invo_involvement_start_date', doc: 'an open, allocated case (episode)' }),
    end_date: date({ ssd: 'invo_involvement_end_date', doc: 'blank: open' }),
    case_type: code({ doc: '`CIN`, `CP`, `CLA`, `CL` ...; chooses the supervision interval' }),
    worker: withSsd(WORKER, 'invo_professional_id'),
    team: withSsd(TEAM, 'invo_professional_team'),
  },
  key: 'case_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
