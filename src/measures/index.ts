/**
 * The measures, in scorecard order, and what is derived from the list: the
 * settings sections (hence the configuration and `Rules`), lookup by id,
 * and evaluation with the "not computable" reasons.
 *
 * A new measure is a module that exports `defineMeasure(...)` and one line
 * in `LIST`.
 */
import { NO_POPULATION, type Population } from './population.js';
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
import { assessmentsChildSeen } from './assessments-child-seen.js';
import { assessmentsEducation, assessmentsHealth, assessmentsOther, assessmentsPolice } from './assessments-partners.js';
import { cpOpenAvgDays } from './cp-open-avg-days.js';
import { cpRatePer10k } from './cp-rate-per-10k.js';
import { cpRepeat } from './cp-repeat.js';
import { cpReviewsInTime } from './cp-reviews-in-time.js';
import { cpReviewsOverdue } from './cp-reviews-overdue.js';
import { cpVisitsInTime } from './cp-visits-in-time.js';
import { icpc15wd } from './icpc-15wd.js';
import { referralsRatePer10k } from './referrals-rate-per-10k.js';
import { referralsRepeat12m } from './referrals-repeat-12m.js';
import { careLeaversEet } from './care-leavers-eet.js';
import { careLeaversSuitableAccommodation } from './care-leavers-suitable-accommodation.js';
import { claLongTermStability } from './cla-long-term-stability.js';
import { claPermanenceBy2ndReview } from './cla-permanence-by-2nd-review.js';
import { claPlacements3plus } from './cla-placements-3plus.js';
import { claRatePer10k } from './cla-rate-per-10k.js';
import { claReviewsInTime } from './cla-reviews-in-time.js';
import { claReviewsOverdue } from './cla-reviews-overdue.js';
import { missingRhi72h } from './missing-rhi-72h.js';
import { missingRhiDone } from './missing-rhi-done.js';
import { missingRhiOffered } from './missing-rhi-offered.js';
import { proceedings26wk } from './proceedings-26wk.js';
import { proceedingsOpenOver26wk } from './proceedings-open-over-26wk.js';
import { staffPermanent } from './staff-permanent.js';
import { staffTurnover12m } from './staff-turnover-12m.js';
import { complaintsInTime } from './complaints-in-time.js';
import { complaintsOverdue } from './complaints-overdue.js';
import type { Period } from '../core/period.js';
import type { RulesOf, SectionOf, SettingsSection } from './settings.js';
import { type Grouping, type Measure, type MeasureContext, type MeasureData, type Observer, type OutcomeOptions, Outcomes, type Tally } from './types.js';

const LIST = [
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
  // The front door and child protection.
  referralsRepeat12m,
  referralsRatePer10k,
  assessmentsChildSeen,
  assessmentsEducation,
  assessmentsPolice,
  assessmentsHealth,
  assessmentsOther,
  icpc15wd,
  cpRepeat,
  cpOpenAvgDays,
  cpRatePer10k,
  cpReviewsInTime,
  cpReviewsOverdue,
  cpVisitsInTime,
  claRatePer10k,
  claPlacements3plus,
  claLongTermStability,
  claReviewsInTime,
  claReviewsOverdue,
  claPermanenceBy2ndReview,
  missingRhiOffered,
  missingRhiDone,
  missingRhi72h,
  careLeaversEet,
  careLeaversSuitableAccommodation,
  proceedings26wk,
  proceedingsOpenOver26wk,
  staffPermanent,
  staffTurnover12m,
  complaintsInTime,
  complaintsOverdue,
] as const;

/** The settings sections of the measures in the list (a union of their types). */
export type MeasureSection = SectionOf<typeof LIST>;

/** The rules the measures read, resolved from the configuration: every field some section of theirs makes. */
export type Rules = RulesOf<MeasureSection>;

export const MEASURES: readonly Measure[] = LIST;

export const MEASURE_IDS: readonly string[] = MEASURES.map((m) => m.id);

/**
 * The settings sections of the measures, each once, in the order of the
 * first measure that reads it.
 */
export const SETTINGS_SECTIONS: readonly MeasureSection[] = sectionsOf(LIST);

function sectionsOf<L extends readonly { readonly settings: readonly SettingsSection[] }[]>(measures: L): SectionOf<L>[] {
  const sections: SectionOf<L>[] = [];
  for (const m of measures) {
    for (const s of m.settings as readonly SectionOf<L>[]) {
      if (sections.includes(s)) continue;
      const clash = sections.find((other) => other.key === s.key);
      if (clash) throw new Error(`internal: two settings sections are both called ${s.key}`);
      sections.push(s);
    }
  }
  return sections;
}

export function findMeasure(id: string): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}

/** A measure's outcome over a run of periods (and per group, when grouping). */
export type Evaluation =
  | { readonly computable: true; readonly tallies: readonly Tally[]; readonly groups: ReadonlyMap<string, readonly Tally[]> }
  | { readonly computable: false; readonly reason: string };

/**
 * Why a measure cannot be computed from the data supplied, if it cannot: an
 * extract it needs was not supplied, had data rows of which none was valid,
 * or has no column it needs under the rules in force. An absent column is
 * never read as a column of blanks.
 * @example whyNotComputable(coreGroupsEducation, { core_groups }, rules) //=> 'no cp_plans extract'
 * @example whyNotComputable(contacts1wd, { contacts: annexAList1 }, rules) //=> 'the contacts extract has no decision_date column'
 */
export function whyNotComputable(measure: Measure, data: MeasureData, rules: Rules, population?: Population): string | undefined {
  const missing = measure.extracts.filter((name) => !data[name]);
  if (missing.length > 0) return `no ${missing.join(' or ')} extract`;
  for (const name of measure.extracts) {
    const records = data[name]!;
    if (records.length === 0 && (records.rowsRead ?? 0) > 0) return `the ${name} extract has no valid rows`;
    for (const { column, when, because } of measure.columns[name] ?? []) {
      if (when !== undefined && !when(rules)) continue;
      if (!records.hasColumn(column)) return `the ${name} extract has no ${column} column${because === undefined ? '' : ` (${because})`}`;
    }
  }
  if (measure.needsPopulation && population === undefined) return NO_POPULATION;
  return undefined;
}

/**
 * Why a measure cannot be broken down by team or worker, if it cannot: the
 * extract whose team and worker its records count under has no such column.
 * The whole-service figure stands.
 * @example whyNoBreakdown(assessments45wd, { assessments: withoutTeam }, 'team') //=> 'the assessments extract has no team column'
 */
export function whyNoBreakdown(measure: Measure, data: MeasureData, by: Grouping): string | undefined {
  const always = measure.noBreakdown(by);
  if (always !== undefined) return always;
  const owner = measure.owner;
  if (owner === null) return undefined;
  const records = data[owner];
  if (records === undefined || records.hasColumn(by)) return undefined;
  return `the ${owner} extract has no ${by} column`;
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
  const reason = whyNotComputable(measure, data, context.rules, context.population);
  if (reason !== undefined) return { computable: false, reason };
  const out = new Outcomes(periods, observer, options);
  measure.evaluate(data, context, out);
  return { computable: true, tallies: out.tallies, groups: out.groups };
}
