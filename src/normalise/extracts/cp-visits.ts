import { date, defineExtract, flag, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Statutory visits to children on a child protection plan (the SSD's ssd_cp_visits). */
export const cpVisits = defineExtract({
  name: 'cp_visits',
  file: 'cp_visits.csv',
  ssdTable: 'ssd_cp_visits',
  noun: 'visit',
  fields: {
    visit_id: id({ distinct: true, ssd: 'cppv_cp_visit_id' }),
    child_id: withSsd(CHILD_ID, 'cppv_person_id'),
    visit_date: date({ required: true, ssd: 'cppv_cp_visit_date' }),
    seen: flag({ ssd: 'cppv_cp_visit_seen', doc: 'was the child seen: `N` means the visit does not count (blank counts)' }),
    seen_alone: flag({ ssd: 'cppv_cp_visit_seen_alone' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'visit_id',
  compositeKey: ['child_id', 'visit_date'],
  order: [],
});
