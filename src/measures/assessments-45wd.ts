import { ASSESSMENT_WORKING_DAYS, clockWords, evaluateAuthorised } from './assessments-common.js';
import type { Measure } from './types.js';

/** Assessments authorised within 45 working days. */
export const assessments45wd: Measure = {
  id: 'assessments_45wd',
  title: 'Assessments authorised within 45 working days',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  extracts: ['assessments'],
  rule: (rules) =>
    `assessments with authorised_date in the period; met when workingDaysBetween(${clockWords(rules.assessmentClock === 'referral')}, authorised_date) <= ${ASSESSMENT_WORKING_DAYS}`,
  evaluate: (data, context, out) => evaluateAuthorised(data, context, out, false),
};
