import { date, defineExtract, flag, id, text, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Referrals to children's social care (Annex A List 3; the SSD's
 * ssd_cin_episodes, one row per referral): the re-referral and
 * referral-rate measures count them.
 */
export const referrals = defineExtract({
  name: 'referrals',
  file: 'referrals.csv',
  ssdTable: 'ssd_cin_episodes',
  noun: 'referral',
  fields: {
    referral_id: id({ distinct: true, ssd: 'cine_referral_id' }),
    child_id: withSsd(CHILD_ID, 'cine_person_id'),
    referral_date: date({ required: true, annexA: 'Date of Referral', ssd: 'cine_referral_date' }),
    source: text({ annexA: 'Referral Source', ssd: 'cine_referral_source_code' }),
    nfa: flag({ annexA: 'Referral NFA?', ssd: 'cine_referral_nfa', doc: 'no further action: `Y`/`N`; counted like any referral' }),
    team: withSsd(TEAM, 'cine_referral_team'),
    worker: withSsd(WORKER, 'cine_referral_worker_id'),
  },
  key: 'referral_id',
  compositeKey: ['child_id', 'referral_date'],
  order: [],
});
