import { ASSESSMENT_WORKING_DAYS, assessmentSettings, REFERRAL_CLOCK, authorisedTitle, clockWords, evaluateAuthorised } from './assessments-common.js';
import { defineMeasure } from './define.js';

/** The same as assessments_45wd, for assessments from a new referral (kind = new) only. */
export const assessments45wdNew = defineMeasure({
  id: 'assessments_45wd_new',
  title: (rules) => authorisedTitle('New-referral assessments', rules),
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { assessments: ['authorised_date', 'kind', REFERRAL_CLOCK] },
  settings: [assessmentSettings],
  rule: (rules) =>
    `assessments of kind new with authorised_date in the period; met when workingDaysBetween(${clockWords(rules.assessmentClock === 'referral')}, authorised_date) <= ${ASSESSMENT_WORKING_DAYS}`,
  doc: {
    text: 'The same, for assessments of kind `new` only; others are left out as `not-new` or `kind-blank`.',
  },
  evaluate: (data, context, out) => evaluateAuthorised(data, context, out, true),
});
