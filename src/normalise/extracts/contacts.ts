import { date, defineExtract, id, text } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Contacts received by the front door (Annex A List 1). */
export const contacts = defineExtract({
  name: 'contacts',
  file: 'contacts.csv',
  noun: 'contact',
  fields: {
    contact_id: id({ distinct: true }),
    child_id: CHILD_ID,
    contact_date: date({ required: true, annexA: 'Date of Contact' }),
    decision_date: date({ doc: 'blank: not decided yet' }),
    source: text({ annexA: 'Contact Source' }),
    outcome: text(),
    team: TEAM,
    worker: WORKER,
  },
  key: 'contact_id',
  compositeKey: ['child_id', 'contact_date', 'source'],
  order: [['contact_date', 'decision_date']],
});
