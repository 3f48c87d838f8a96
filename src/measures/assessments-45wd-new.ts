import { ASSESSMENT_WORKING_DAYS, clockWords, evaluateAuthorised } from './assessments-common.js';
import type { Measure } from './types.js';

/** The same as assessments_45wd, for assessments from a new referral (kind = new) only. */
export const assessments45wdNew: Measure = {
  id: 'assessments_45wd_new',
  title: 'New-referral assessments authorised within 45 working days',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  extracts: ['assessments'],
  rule: (rules) =>
    `assessments of kind new with authorised_date in the period; met when workingDaysBetween(${clockWords(rules.assessmentClock === 'referral')}, authorised_date) <= ${ASSESSMENT_WORKING_DAYS}`,
  evaluate: (data, context, out) => evaluateAuthorised(data, context, out, true),
};
