/**
 * Which periods a run covers, from --every / --window / --from / --to /
 * --period and the configuration's `periods.yearStart` (SPEC §9).
 */
import type { Day } from '../core/day.js';
import {
  type MonthIndex,
  monthEnd,
  MONTHLY,
  monthOf,
  MONTHS_IN,
  parsePeriod,
  type Period,
  PERIOD_KINDS,
  PeriodError,
  periodFormHint,
  type PeriodKind,
  type PeriodSpec,
  periodStartOf,
  periodsBetween,
} from '../core/period.js';
import { CliError } from './errors.js';

export interface PeriodOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly period?: string | undefined;
  /** `month` (default), `quarter` or `year`. */
  readonly every?: string | undefined;
  /** A rolling window for "in P" counts: `12m`, 1 to 24 months. */
  readonly window?: string | undefined;
}

/** Months in a default run: the last 13 complete months, so a year-on-year change shows. */
export const DEFAULT_MONTHS = 13;

/** Periods in a default run of each kind: 13 months, 5 quarters, 3 years, all complete. */
export const DEFAULT_COUNT: Readonly<Record<PeriodKind, number>> = { month: DEFAULT_MONTHS, quarter: 5, year: 3 };

/** The longest rolling window, in months. */
export const MAX_WINDOW = 24;

/** Parses --every: month, quarter or year. */
export function parseEvery(text: string | undefined): PeriodKind {
  if (text === undefined) return 'month';
  if ((PERIOD_KINDS as readonly string[]).includes(text)) return text as PeriodKind;
  throw new CliError(`--every ${text}: choose one of ${PERIOD_KINDS.join(', ')}`);
}

/** Parses --window: `12m` (or `12`), a whole number of months from 1 to 24; absent: no window. */
export function parseWindow(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = /^(\d{1,2})m?$/.exec(text.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_WINDOW) {
    throw new CliError(`--window ${text}: give a number of months from 1 to ${MAX_WINDOW}, e.g. 12m`);
  }
  return n;
}

/** The period spec of a run: --every and --window with the configuration's first month of the year. */
export function periodSpecOf(options: PeriodOptions, yearStart: number): PeriodSpec {
  return { kind: parseEvery(options.every), yearStart, window: parseWindow(options.window) };
}

function periodStart(text: string, option: string, spec: PeriodSpec): MonthIndex {
  const m = parsePeriod(spec.kind, text, spec.yearStart);
  if (m === undefined) throw new CliError(`${option} ${text}: ${periodFormHint(spec.kind, spec.yearStart)}`);
  return m;
}

/** The last month that had ended by the as-at date. */
export function lastCompleteMonth(asAt: Day): MonthIndex {
  const m = monthOf(asAt);
  return monthEnd(m) <= asAt ? m : m - 1;
}

/** The first month of the last period of `spec.kind` that had ended by the as-at date. */
export function lastCompletePeriod(asAt: Day, spec: PeriodSpec): MonthIndex {
  const start = periodStartOf(spec.kind, monthOf(asAt), spec.yearStart);
  return monthEnd(start + MONTHS_IN[spec.kind] - 1) <= asAt ? start : start - MONTHS_IN[spec.kind];
}

/**
 * --period P gives one period; --from and --to a range (--to defaults to the
 * period holding the as-at date, --from to the default count of periods
 * ending at --to); neither gives the last 13 complete months, 5 complete
 * quarters or 3 complete years before the as-at date. Labels are of the kind
 * --every names. --from later than --to is a usage error naming both.
 */
export function resolvePeriods(options: PeriodOptions, asAt: Day, spec: PeriodSpec = MONTHLY): Period[] {
  const size = MONTHS_IN[spec.kind];
  const count = DEFAULT_COUNT[spec.kind];
  let from: MonthIndex;
  let to: MonthIndex;
  if (options.period !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new CliError('use either --period or --from/--to, not both');
    }
    from = to = periodStart(options.period, '--period', spec);
  } else if (options.from === undefined && options.to === undefined) {
    to = lastCompletePeriod(asAt, spec);
    from = to - (count - 1) * size;
  } else {
    to = options.to !== undefined ? periodStart(options.to, '--to', spec) : periodStartOf(spec.kind, monthOf(asAt), spec.yearStart);
    from = options.from !== undefined ? periodStart(options.from, '--from', spec) : to - (count - 1) * size;
    if (from > to && options.from !== undefined) {
      const toText = options.to ?? `${spec.kind} of the as-at date`;
      throw new CliError(`--from ${options.from} is later than --to ${toText}: give the earlier ${spec.kind} first`);
    }
  }
  try {
    return periodsBetween(from, to, asAt, spec);
  } catch (e) {
    if (e instanceof PeriodError) throw new CliError(e.message);
    throw e;
  }
}
