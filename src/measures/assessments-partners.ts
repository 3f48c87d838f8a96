/**
 * Partner engagement in assessments: assessments authorised in the period;
 * the numerator is those the partner agency contributed to. A blank cell
 * counts as not contributed; an extract without the agency's column makes
 * that agency's measure not computable rather than zero.
 */
import { evaluateAssessmentFlag } from './assessments-flags-common.js';
import { defineMeasure } from './define.js';
import type { MeasureDoc } from './types.js';

type Partner = 'education' | 'police' | 'health' | 'other';

/** The four measures share one row of the README's table. */
const doc: MeasureDoc = {
  ids: '`assessments_education`, `_police`, `_health`, `_other`',
  text: 'Assessments authorised in P: the percentage the partner agency contributed to. A blank cell counts as not contributed; if the extract has no column for the agency the measure is not computable.',
};

function partner(agency: Partner, title: string) {
  return defineMeasure({
    id: `assessments_${agency}`,
    title,
    unit: 'percent',
    scale: 100,
    direction: 'higher',
    needs: { assessments: ['authorised_date', agency] },
    rule: () => `assessments with authorised_date in the period; counted when ${agency} contributed (blank = not contributed)`,
    doc,
    evaluate: (data, _context, out) => evaluateAssessmentFlag(data, out, agency),
  });
}

export const assessmentsEducation = partner('education', 'Assessments with a contribution from education');
export const assessmentsPolice = partner('police', 'Assessments with a contribution from police');
export const assessmentsHealth = partner('health', 'Assessments with a contribution from health');
export const assessmentsOther = partner('other', 'Assessments with a contribution from other agencies');
