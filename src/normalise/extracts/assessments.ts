import { choice, date, defineExtract, flag, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

const PARTNER = 'did the partner agency contribute: `Y`/`N`, `Yes`/`No`, `TRUE`/`FALSE`, `1`/`0`';

/** Children's social care assessments (Annex A List 4; the SSD's ssd_cin_assessments). */
export const assessments = defineExtract({
  name: 'assessments',
  file: 'assessments.csv',
  ssdTable: 'ssd_cin_assessments',
  noun: 'assessment',
  fields: {
    assessment_id: id({ distinct: true, ssd: 'cina_assessment_id' }),
    child_id: withSsd(CHILD_ID, 'cina_person_id'),
    start_date: date({ required: true, annexA: 'Continuous Assessment Start Date', ssd: 'cina_assessment_start_date' }),
    authorised_date: date({ annexA: 'Continuous Assessment Date of Authorisation', ssd: 'cina_assessment_auth_date', doc: 'blank: still open' }),
    referral_date: date({ annexA: 'Date of Referral', doc: 'used when the clock starts at referral' }),
    kind: choice({ new: ['new'], update: ['update'] }, { doc: '`new` (from a new referral) or `update` (a re-assessment)' }),
    team: withSsd(TEAM, 'cina_assessment_team'),
    worker: withSsd(WORKER, 'cina_assessment_worker_id'),
    child_seen: flag({ annexA: 'Child Seen During Continuous Assessment', ssd: 'cina_assessment_child_seen', doc: 'was the child seen during the assessment' }),
    education: flag({ doc: PARTNER }),
    police: flag({ doc: PARTNER }),
    health: flag({ doc: PARTNER }),
    other: flag({ doc: PARTNER }),
  },
  key: 'assessment_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'authorised_date']],
});
