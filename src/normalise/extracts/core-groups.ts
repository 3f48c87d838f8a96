import { choice, date, defineExtract, flag, id } from '../define.js';
import { CHILD_ID } from './common.js';

const ATTENDED = 'did the agency attend: `Y`/`N`, `Yes`/`No`, `TRUE`/`FALSE`, `1`/`0`';

/** Core group meetings of children on a child protection plan. */
export const coreGroups = defineExtract({
  name: 'core_groups',
  file: 'core_groups.csv',
  noun: 'meeting',
  fields: {
    meeting_id: id({ distinct: true }),
    child_id: CHILD_ID,
    meeting_date: date({ required: true }),
    status: choice(
      { held: ['held'], cancelled: ['cancelled', 'canceled'] },
      { blankAs: 'held', doc: '`held` (also when blank) or `cancelled`; cancelled meetings are ignored' },
    ),
    education: flag({ doc: ATTENDED }),
    police: flag({ doc: ATTENDED }),
    health: flag({ doc: ATTENDED }),
    other: flag({ doc: ATTENDED }),
  },
  key: 'meeting_id',
  compositeKey: ['child_id', 'meeting_date'],
  order: [],
});
