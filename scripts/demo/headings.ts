/**
 * The first line of each demo file: the Annex A headings the council's
 * system exports for contacts, assessments and CP plans (taken from the
 * extract definitions), a few headings of its own, and plain column names
 * for the rest. The cells of a row follow the same order.
 */
import { presetHeading } from '../../src/normalise/extracts.js';

const contact = (column: string) => presetHeading('contacts', column);
const assessment = (column: string) => presetHeading('assessments', column);
const plan = (column: string) => presetHeading('cp_plans', column);
const referral = (column: string) => presetHeading('referrals', column);
const s47 = (column: string) => presetHeading('s47', column);
const visit = (column: string) => presetHeading('cp_visits', column, 'ssd');

export const HEADERS = {
  contacts: [
    'Contact ID',
    contact('child_id'),
    'Gender',
    contact('contact_date'),
    'Decision Date',
    contact('source'),
    'Outcome',
    contact('team'),
    contact('worker'),
  ],
  assessments: [
    'Assessment ID',
    assessment('child_id'),
    'Referral Date',
    assessment('start_date'),
    assessment('authorised_date'),
    'Kind',
    'Factors Identified at End of Assessment',
    'Team',
    'Worker',
    assessment('child_seen'),
    'Education',
    'Police',
    'Health',
    'Other',
  ],
  cp_plans: [
    'Plan ID',
    plan('child_id'),
    plan('start_date'),
    plan('end_date'),
    plan('category'),
    plan('previous_plans'),
    'Team',
    'Worker',
  ],
  core_groups: ['meeting_id', 'child_id', 'meeting_date', 'status', 'education', 'police', 'health', 'other', 'venue'],
  supervisions: ['supervision_id', 'child_id', 'supervision_date', 'worker', 'supervisor'],
  cases: ['case_id', 'child_id', 'start_date', 'end_date', 'case_type', 'worker', 'team', 'primary_need'],
  referrals: ['Referral ID', referral('child_id'), referral('referral_date'), referral('source'), referral('nfa'), referral('team'), referral('worker')],
  s47: [
    'Enquiry ID',
    s47('child_id'),
    'Strategy Date',
    s47('start_date'),
    s47('icpc_date'),
    s47('icpc_not_required'),
    s47('plan_made'),
    'End Date',
    s47('team'),
    s47('worker'),
  ],
  cp_reviews: ['review_id', 'child_id', 'review_date', 'team', 'worker'],
  /** The Standard Safeguarding Dataset's names (ssd_cp_visits). */
  cp_visits: [visit('visit_id'), visit('child_id'), visit('visit_date'), visit('seen'), visit('seen_alone')],
} as const satisfies Readonly<Record<string, readonly string[]>>;
