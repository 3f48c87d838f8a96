/**
 * The measures, in scorecard order.
 */
import { assessments45wd } from './assessments-45wd.js';
import { assessments45wdNew } from './assessments-45wd-new.js';
import { assessmentsOpenOver45wd } from './assessments-open-over-45wd.js';
import { caseloadAvg } from './caseload-avg.js';
import { contacts1wd } from './contacts-1wd.js';
import { coreGroupsEducation, coreGroupsHealth, coreGroupsOther, coreGroupsPolice } from './core-groups-attendance.js';
import { coreGroupsInTime } from './core-groups-in-time.js';
import { cpOver9m } from './cp-over-9m.js';
import { cpOver9mAvgDays } from './cp-over-9m-avg-days.js';
import { supervisionInTime } from './supervision-in-time.js';
import type { Period } from '../core/period.js';
import { type Measure, type MeasureContext, type MeasureData, type Observer, type OutcomeOptions, Outcomes, type Tally } from './types.js';

export const MEASURES: readonly Measure[] = [
  contacts1wd,
  assessments45wd,
  assessments45wdNew,
  assessmentsOpenOver45wd,
  cpOver9m,
  cpOver9mAvgDays,
  coreGroupsInTime,
  coreGroupsEducation,
  coreGroupsPolice,
  coreGroupsHealth,
  coreGroupsOther,
  supervisionInTime,
  caseloadAvg,
];

export const MEASURE_IDS: readonly string[] = MEASURES.map((m) => m.id);

export function findMeasure(id: string): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}

/** A measure's outcome over a run of periods (and per group, when grouping). */
export type Evaluation =
  | { readonly computable: true; readonly tallies: readonly Tally[]; readonly groups: ReadonlyMap<string, readonly Tally[]> }
  | { readonly computable: false; readonly reason: string };

/** Why a measure cannot be computed from the data supplied, if it cannot. */
export function whyNotComputable(measure: Measure, data: MeasureData): string | undefined {
  const missing = measure.extracts.filter((name) => !data[name]);
  if (missing.length > 0) return `no ${missing.join(' or ')} extract`;
  return measure.unavailable?.(data);
}

/**
 * Runs one measure over the periods; `observer` receives every record's
 * outcome, and with `skipped` also the records outside the periods.
 */
export function evaluate(
  measure: Measure,
  data: MeasureData,
  context: MeasureContext,
  periods: readonly Period[],
  observer?: Observer,
  options: OutcomeOptions = {},
): Evaluation {
  const reason = whyNotComputable(measure, data);
  if (reason !== undefined) return { computable: false, reason };
  const out = new Outcomes(periods, observer, options);
  measure.evaluate(data, context, out);
  return { computable: true, tallies: out.tallies, groups: out.groups };
}
