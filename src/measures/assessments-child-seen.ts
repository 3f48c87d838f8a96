import { evaluateAssessmentFlag } from './assessments-flags-common.js';
import { defineMeasure } from './define.js';

/** Assessments authorised in the period during which the child was seen (blank: not seen). */
export const assessmentsChildSeen = defineMeasure({
  id: 'assessments_child_seen',
  title: 'Assessments in which the child was seen',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { assessments: ['authorised_date', 'child_seen'] },
  rule: () => 'assessments with authorised_date in the period; counted when child_seen is yes (blank = not seen)',
  doc: {
    text: 'Assessments authorised in P: the percentage in which the child was seen (`child_seen`, Annex A\'s "Child Seen During Continuous Assessment"). A blank cell counts as not seen; without the column the measure is not computable.',
  },
  evaluate: (data, _context, out) => evaluateAssessmentFlag(data, out, 'child_seen'),
});
