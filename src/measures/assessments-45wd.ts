import { ASSESSMENT_WORKING_DAYS, assessmentSettings, REFERRAL_CLOCK, authorisedTitle, clockWords, evaluateAuthorised } from './assessments-common.js';
import { defineMeasure } from './define.js';

/** Assessments authorised within 45 working days. */
export const assessments45wd = defineMeasure({
  id: 'assessments_45wd',
  title: (rules) => authorisedTitle('Assessments', rules),
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { assessments: ['authorised_date', REFERRAL_CLOCK] },
  settings: [assessmentSettings],
  rule: (rules) =>
    `assessments with authorised_date in the period; met when workingDaysBetween(${clockWords(rules.assessmentClock === 'referral')}, authorised_date) <= ${ASSESSMENT_WORKING_DAYS}`,
  doc: {
    text: 'Assessments authorised in P. Met if authorised no more than 45 working days after the start date. The clock can start at the referral date instead (configurable); an assessment with no referral date is then left out as `no-referral-date`, and one whose referral date is after its authorisation as `referral-after-authorisation`.',
  },
  evaluate: (data, context, out) => evaluateAuthorised(data, context, out, false),
});
