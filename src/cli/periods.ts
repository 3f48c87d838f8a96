/**
 * Which months a run covers, from --from / --to / --period.
 */
import type { Day } from '../core/day.js';
import { type MonthIndex, monthEnd, monthOf, parseMonth, type Period, PeriodError, periodsBetween } from '../core/period.js';
import { CliError } from './errors.js';

export interface PeriodOptions {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly period?: string | undefined;
}

/** Months in a default run: the last 13 complete months, so a year-on-year change shows. */
export const DEFAULT_MONTHS = 13;

function month(text: string, option: string): MonthIndex {
  const m = parseMonth(text);
  if (m === undefined) throw new CliError(`${option} ${text}: a month is written YYYY-MM, e.g. 2021-01`);
  return m;
}

/** The last month that had ended by the as-at date. */
export function lastCompleteMonth(asAt: Day): MonthIndex {
  const m = monthOf(asAt);
  return monthEnd(m) <= asAt ? m : m - 1;
}

/**
 * --period P gives one month; --from and --to a range (--to defaults to the
 * as-at month, --from to twelve months before --to); neither gives the last
 * 13 complete months before the as-at date.
 */
export function resolvePeriods(options: PeriodOptions, asAt: Day): Period[] {
  let from: MonthIndex;
  let to: MonthIndex;
  if (options.period !== undefined) {
    if (options.from !== undefined || options.to !== undefined) {
      throw new CliError('use either --period or --from/--to, not both');
    }
    from = to = month(options.period, '--period');
  } else if (options.from === undefined && options.to === undefined) {
    to = lastCompleteMonth(asAt);
    from = to - (DEFAULT_MONTHS - 1);
  } else {
    to = options.to !== undefined ? month(options.to, '--to') : monthOf(asAt);
    from = options.from !== undefined ? month(options.from, '--from') : to - (DEFAULT_MONTHS - 1);
  }
  try {
    return periodsBetween(from, to, asAt);
  } catch (e) {
    if (e instanceof PeriodError) throw new CliError(e.message);
    throw e;
  }
}
