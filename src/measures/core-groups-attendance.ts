/**
 * Agency attendance at core groups: held meetings in the period (with a
 * plan); the numerator is those the agency attended. A blank attendance
 * cell counts as not attended. When the extract has no column for the
 * agency at all, the measure is not computable rather than zero.
 */
import { coreGroupSettings, evaluateMeetings } from './core-groups-common.js';
import { defineMeasure } from './define.js';
import type { MeasureDoc } from './types.js';

type Agency = 'education' | 'police' | 'health' | 'other';

/** The four measures share one row of the README's table. */
const doc: MeasureDoc = {
  ids: '`core_groups_education`, `_police`, `_health`, `_other`',
  text: 'The same held meetings with a plan: the percentage the agency attended. A blank attendance cell counts as not attended; if the extract has no column for the agency the measure is not computable.',
};

function attendance(agency: Agency, title: string) {
  return defineMeasure({
    id: `core_groups_${agency}`,
    title,
    unit: 'percent',
    scale: 100,
    direction: 'higher',
    needs: { core_groups: [agency], cp_plans: ['end_date'] },
    owner: 'cp_plans',
    settings: [coreGroupSettings],
    rule: () => `held meetings with meeting_date in the period and a plan; counted when ${agency} attended (blank = not attended)`,
    doc,
    evaluate: (data, context, out) =>
      evaluateMeetings(data, context, out, (m) => ({
        met: m.meeting[agency] === true,
        detail: { attended: m.meeting[agency] === null ? null : m.meeting[agency] ? 'Y' : 'N' },
      })),
  });
}

export const coreGroupsEducation = attendance('education', 'Core groups attended by education');
export const coreGroupsPolice = attendance('police', 'Core groups attended by police');
export const coreGroupsHealth = attendance('health', 'Core groups attended by health');
export const coreGroupsOther = attendance('other', 'Core groups attended by other agencies');
