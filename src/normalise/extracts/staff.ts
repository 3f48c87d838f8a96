import { choice, date, defineExtract, id, number, text } from '../define.js';
import { TEAM } from './common.js';

/**
 * The social care workforce: one row per appointment (a post held on one
 * contract from a start date), so a worker who moves from an agency contract
 * to a permanent one has two rows. Start and end may be after the as-at date
 * (a booked starter, a planned leaving date).
 */
export const staff = defineExtract({
  name: 'staff',
  file: 'staff.csv',
  noun: 'appointment',
  fields: {
    staff_id: id({ required: true, doc: 'the worker (the same on each of their appointments)' }),
    start_date: date({ required: true, future: true, doc: 'first day in the post; may be after as-at (a booked starter)' }),
    end_date: date({ future: true, doc: 'blank = in post; may be after as-at (a planned leaving date)' }),
    contract: choice(
      { permanent: ['perm', 'employed'], agency: ['locum', 'interim'] },
      { doc: '`permanent` or `agency` (`locum` and `interim` are agency); blank = not known' },
    ),
    role: text({ doc: 'e.g. social worker, team manager: `staff.roles` picks the roles counted' }),
    team: TEAM,
    fte: number(2, { doc: 'full-time equivalent, e.g. `1` or `0.6`; counts are by FTE when every row has one' }),
  },
  compositeKey: ['staff_id', 'start_date'],
  order: [['start_date', 'end_date']],
});
