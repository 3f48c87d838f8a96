import { date, defineExtract, id, text, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Contacts received by the front door (Annex A List 1; the SSD's
 * ssd_contacts, which, like List 1, has no decision date).
 */
export const contacts = defineExtract({
  name: 'contacts',
  file: 'contacts.csv',
  ssdTable: 'ssd_contacts',
  noun: 'contact',
  fields: {
    contact_id: id({ distinct: true, ssd: 'cont_contact_id' }),
    child_id: withSsd(CHILD_ID, 'cont_person_id'),
    contact_date: date({ required: true, annexA: 'Date of Contact', ssd: 'cont_contact_date' }),
    decision_date: date({ doc: 'blank: not decided yet' }),
    source: text({ annexA: 'Contact Source', ssd: 'cont_contact_source_code' }),
    outcome: text(),
    team: TEAM,
    worker: WORKER,
  },
  key: 'contact_id',
  compositeKey: ['child_id', 'contact_date', 'source'],
  order: [['contact_date', 'decision_date']],
});
