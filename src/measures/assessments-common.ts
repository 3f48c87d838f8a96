import { z } from 'zod';
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import type { Assessment } from '../normalise/extracts.js';
import { iso } from './common.js';
import { defineSettings, type RulesOf, setting } from './settings.js';
import { type MeasureContext, type MeasureData, type NeededColumn, type Outcomes, need } from './types.js';

/** The assessment timescale, in working days. */
export const ASSESSMENT_WORKING_DAYS = 45;

/** The `assessments:` section of the configuration, read by the measures of authorised assessments. */
export const assessmentSettings = defineSettings({
  key: 'assessments',
  settings: {
    clockStart: setting(z.enum(['start', 'referral']), {
      default: 'start',
      comment: [
        'Where the 45 working days start: "start" (the assessment\'s start date)',
        'or "referral" (the referral date; assessments without one are left out).',
      ],
    }),
  },
  rules: (values) => ({ assessmentClock: values.clockStart }),
});

export type AssessmentRules = RulesOf<typeof assessmentSettings>;

/** The referral date is needed only when the clock starts at referral. */
export const REFERRAL_CLOCK: NeededColumn<AssessmentRules, 'referral_date'> = {
  column: 'referral_date',
  when: (rules) => rules.assessmentClock === 'referral',
  because: 'the clock starts at referral',
};

/** The title of an authorised-assessments measure: its timescale is counted from the referral when so configured. */
export function authorisedTitle(what: string, rules: AssessmentRules): string {
  return `${what} authorised within ${ASSESSMENT_WORKING_DAYS} working days${rules.assessmentClock === 'referral' ? ' of referral' : ''}`;
}

/** Where an assessment's 45 working days start: the column and its date (null when that column is blank). */
export interface AssessmentClock {
  readonly event: 'start_date' | 'referral_date';
  readonly date: Day | null;
}

/** The clock start of an assessment under the rules: its start date, or its referral date when so configured. */
export function assessmentClock(a: Pick<Assessment, 'startDate' | 'referralDate'>, rules: AssessmentRules): AssessmentClock {
  return rules.assessmentClock === 'referral' ? { event: 'referral_date', date: a.referralDate } : { event: 'start_date', date: a.startDate };
}

/**
 * The day an assessment must be authorised by: the 45th working day after
 * its clock start, as the worklist shows it. The measures judge an
 * authorisation by `workingDaysBetween(clock, authorised_date) <= 45`, which
 * also counts as met one authorised on the non-working days straight after
 * this day (a Saturday after a Friday due date adds no working day).
 * @example assessmentDue(Mon 4 Jan 2021, cal) //=> Mon 8 Mar 2021
 */
export function assessmentDue(clock: Day, calendar: WorkingCalendar): Day {
  return calendar.addWorkingDays(clock, ASSESSMENT_WORKING_DAYS);
}

/**
 * Assessments authorised in the period, met when authorised within 45
 * working days of the clock start (the assessment's start date, or the
 * referral date when so configured).
 */
export function evaluateAuthorised(data: MeasureData, context: MeasureContext<AssessmentRules>, out: Outcomes, onlyNew: boolean): void {
  const { calendar, rules } = context;
  out.from('assessments');
  for (const a of need(data, 'assessments')) {
    const ps = a.authorisedDate === null ? NO_PERIOD : out.periodsOf(a.authorisedDate);
    if (a.authorisedDate === null || ps.length === 0) {
      if (out.observingSkipped) {
        const reason = a.authorisedDate === null ? 'not-authorised' : 'not-in-period';
        out.skip(-1, a, reason, { start_date: iso(a.startDate), authorised_date: iso(a.authorisedDate) });
      }
      continue;
    }
    const clock = assessmentClock(a, rules).date;
    const workingDays = clock === null || clock > a.authorisedDate ? null : calendar.workingDaysBetween(clock, a.authorisedDate);
    const detail = out.observing
      ? {
          kind: a.kind,
          start_date: iso(a.startDate),
          referral_date: iso(a.referralDate),
          clock_start: iso(clock),
          authorised_date: iso(a.authorisedDate),
          working_days: workingDays,
        }
      : undefined;
    for (const p of ps) {
      if (onlyNew && a.kind !== 'new') out.exclude(p, a, a.kind === null ? 'kind-blank' : 'not-new', detail);
      else if (clock === null) out.exclude(p, a, 'no-referral-date', detail);
      else if (workingDays === null) out.exclude(p, a, 'referral-after-authorisation', detail);
      else if (workingDays <= ASSESSMENT_WORKING_DAYS) out.met(p, a, detail);
      else out.notMet(p, a, detail);
    }
  }
}

const NO_PERIOD: readonly number[] = [];

export function clockWords(fromReferral: boolean): string {
  return fromReferral ? 'referral_date' : 'start_date';
}
