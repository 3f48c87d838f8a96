import { z } from 'zod';
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import type { Case } from '../normalise/extracts.js';
import { addDuration, type Duration, describeDuration } from '../core/duration.js';
import { CASE_DATES, iso, openAt } from './common.js';
import { defineMeasure } from './define.js';
import { type ChildDays, childOf, daysByChild, lastAtOrBefore } from './indexes.js';
import { defineSettings, durationSchema, type RulesOf, setting } from './settings.js';
import { type MeasureData, type NeededColumn, need } from './types.js';

/** The `supervision:` section of the configuration. */
export const supervisionSettings = defineSettings({
  key: 'supervision',
  settings: {
    interval: setting(durationSchema, {
      default: '1m',
      comment: ['Case supervision interval, and per case type (CIN, CP, CLA, CL ...).'],
    }),
    /** Interval per case type, matched without regard to case. */
    byCaseType: setting(z.record(z.string(), durationSchema), { default: {}, comment: [], examples: ['CP: 4w'], blankAsDefault: true }),
  },
  rules: (values) => ({
    supervisionInterval: values.interval,
    /** Upper-case case type → interval. */
    supervisionByCaseType: new Map(Object.entries(values.byCaseType).map(([type, d]) => [type.trim().toUpperCase(), d])) as ReadonlyMap<string, Duration>,
  }),
});

export type SupervisionRules = RulesOf<typeof supervisionSettings>;

/** A case's supervision due date at a day, with what it is counted from. */
export interface SupervisionDue {
  /** The latest supervision of the child from the case start up to the day, or null when there has been none. */
  readonly last: Day | null;
  /** The interval for the case type (the default when the type has none of its own). */
  readonly interval: Duration;
  readonly due: Day;
}

/** Each child's supervision dates, sorted (memoised on the records). */
export function supervisionDays(data: MeasureData): ChildDays {
  return daysByChild(need(data, 'supervisions'), 'supervisionDate');
}

/**
 * When a case's next supervision is due, seen at day `s`: (the child's
 * latest supervision date between the case start and `s`, else the case
 * start) plus the interval for the case type (1 month by default). The case
 * is within timescale at `s` when `s <= due`. Shared by supervision_in_time
 * and the worklist.
 * @example supervisionDue(case started 4 Jan 2021, supervised 1 Feb 2021, at 10 Mar 2021, ...) //=> { last: 1 Feb 2021, due: 1 Mar 2021 }
 */
export function supervisionDue(c: Pick<Case, 'childId' | 'startDate' | 'caseType'>, supervisions: ChildDays, s: Day, rules: SupervisionRules, calendar: WorkingCalendar): SupervisionDue {
  return dueAt(childOf(supervisions.children, c.childId), c.startDate, intervalOf(c.caseType, rules), supervisions, s, calendar);
}

/** The supervision interval for a case type: its own, else the default. */
function intervalOf(caseType: string | null, rules: SupervisionRules): Duration {
  return (caseType !== null && rules.supervisionByCaseType.get(caseType)) || rules.supervisionInterval;
}

/** supervisionDue for the child `k` of the supervisions' index (undefined: never supervised), the case start and its interval. */
function dueAt(k: number | undefined, start: Day, interval: Duration, supervisions: ChildDays, s: Day, calendar: WorkingCalendar): SupervisionDue {
  const { children, days: dates } = supervisions;
  const from = k === undefined ? 0 : children.start[k]!;
  const to = k === undefined ? 0 : children.start[k + 1]!;
  const i = lastAtOrBefore(dates, from, to, s);
  const last = i >= from && dates[i]! >= start ? dates[i]! : null;
  return { last, interval, due: addDuration(last ?? start, interval, calendar) };
}

/** The case type is needed only when some case type has an interval of its own. */
const CASE_TYPE_INTERVALS: NeededColumn<RulesOf<typeof supervisionSettings>, 'case_type'> = {
  column: 'case_type',
  when: (rules) => rules.supervisionByCaseType.size > 0,
  because: 'the supervision interval is set by case type',
};

/**
 * Cases open at the snapshot S whose case supervision is up to date: the
 * last supervision of the child between the case start and S (or the case
 * start, when there has been none) plus the interval for the case type is
 * on or after S.
 */
export const supervisionInTime = defineMeasure({
  id: 'supervision_in_time',
  title: 'Cases with case supervision within timescale',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { cases: ['end_date', CASE_TYPE_INTERVALS], supervisions: [] },
  settings: [supervisionSettings],
  rule: (rules) => {
    const types = [...rules.supervisionByCaseType].map(([t, d]) => `${t} ${describeDuration(d)}`).join(', ');
    return `cases open at the snapshot S; due = (latest supervision_date of the child between case start and S, else case start) + ${describeDuration(rules.supervisionInterval)}${types ? ` (${types})` : ''}; met when S <= due`;
  },
  doc: {
    text: 'Cases open at S. The last supervision is the latest supervision date of the child from the case start up to S. The case is due (last supervision, or the case start if there has been none) plus one calendar month (configurable per case type). Met if S is on or before that due date.',
  },
  evaluate(data, { calendar, rules }, out) {
    const supervisions = supervisionDays(data);
    out.from('cases');
    for (const c of need(data, 'cases')) {
      const { startDate: start, endDate: end, caseType } = c;
      // The child and the interval are the case's, whatever the period: looked up once, when the case is first open.
      let child: { k: number | undefined; interval: Duration } | undefined;
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (!openAt(out, p, c, start, end, s, CASE_DATES)) return;
        child ??= { k: childOf(supervisions.children, c.childId), interval: intervalOf(caseType, rules) };
        const { last, interval, due } = dueAt(child.k, start, child.interval, supervisions, s, calendar);
        const detail = out.observing
          ? {
              case_type: caseType,
              case_start: iso(start),
              last_supervision: iso(last),
              interval: describeDuration(interval),
              due: iso(due),
              snapshot: iso(s),
            }
          : undefined;
        if (s <= due) out.met(p, c, detail);
        else out.notMet(p, c, detail);
      });
    }
  },
});
