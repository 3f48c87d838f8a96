import { choice, date, defineExtract, id, text } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Care leavers' status records: activity and accommodation as last known on
 * record_date (Annex A List 9: one row per young person, its latest date of
 * contact the record date).
 */
export const careLeavers = defineExtract({
  name: 'care_leavers',
  file: 'care_leavers.csv',
  noun: 'care leaver record',
  fields: {
    record_id: id({ distinct: true }),
    child_id: CHILD_ID,
    record_date: date({ required: true, annexA: 'Latest Date of Contact', doc: 'the day the status was recorded' }),
    date_of_birth: date({ required: true, annexA: 'Date of Birth' }),
    activity: text({
      annexA: 'Activity Status',
      doc: 'SSDA903 OC3 code, with or without its text (`F1`, `F1: Full time in higher education`); F1-F5, P1-P5: in education, employment or training; `0` or blank: not known',
    }),
    accommodation_suitable: choice(
      { Suitable: ['suitable', 'y', 'yes', 'true', '1'], Unsuitable: ['unsuitable', 'n', 'no', 'false', '0'] },
      { annexA: 'Suitability of Accommodation', doc: '`Suitable` or `Unsuitable` (also `Y`/`N`); blank: not known' },
    ),
    in_touch: text({ annexA: 'LA in Touch' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'record_id',
  compositeKey: ['child_id', 'record_date'],
  order: [],
});
