/**
 * Agency attendance at core groups: held meetings in the period (with a
 * plan); the numerator is those the agency attended. A blank attendance
 * cell counts as not attended. When the extract has no column for the
 * agency at all, the measure is not computable rather than zero.
 */
import { evaluateMeetings } from './core-groups-common.js';
import type { Measure } from './types.js';

type Agency = 'education' | 'police' | 'health' | 'other';

function attendance(agency: Agency, title: string): Measure {
  return {
    id: `core_groups_${agency}`,
    title,
    unit: 'percent',
    scale: 100,
    direction: 'higher',
    extracts: ['core_groups', 'cp_plans'],
    rule: () => `held meetings with meeting_date in the period and a plan; counted when ${agency} attended (blank = not attended)`,
    unavailable: (data) =>
      data.core_groups?.hasColumn(agency) ? undefined : `the core_groups extract has no ${agency} column`,
    evaluate: (data, context, out) =>
      evaluateMeetings(data, context, out, (m) => ({
        met: m.meeting[agency] === true,
        detail: { attended: m.meeting[agency] === null ? null : m.meeting[agency] ? 'Y' : 'N' },
      })),
  };
}

export const coreGroupsEducation = attendance('education', 'Core groups attended by education');
export const coreGroupsPolice = attendance('police', 'Core groups attended by police');
export const coreGroupsHealth = attendance('health', 'Core groups attended by health');
export const coreGroupsOther = attendance('other', 'Core groups attended by other agencies');
