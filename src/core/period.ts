/**
 * Reporting periods: calendar months written `YYYY-MM`.
 *
 * A month is also held as an integer index (`year * 12 + month - 1`) so that
 * bucketing a record by month is one division, not a string comparison.
 */
import { type Day, dayFromYmd, daysInMonth, formatDayLong, ymdFromDay, MONTH_ABBREVIATIONS } from './day.js';

/** `year * 12 + (month - 1)`. */
export type MonthIndex = number;

/** One reporting month and the snapshot day its "open at" measures use. */
export interface Period {
  /** `YYYY-MM`. */
  readonly id: string;
  readonly month: MonthIndex;
  /** First day of the month. */
  readonly start: Day;
  /**
   * First day of the range an "in P" measure counts events in: the month's
   * first day, or earlier under a rolling window. Events are counted from
   * here to `end` inclusive.
   */
  readonly countFrom: Day;
  /** Last day of the month. */
  readonly end: Day;
  /**
   * The snapshot day S: the last day of the month, or the as-at date when the
   * month is still in progress on that date.
   */
  readonly snapshot: Day;
  /** True when the month had not finished on the as-at date. */
  readonly partial: boolean;
}

const MONTH_ID = /^(\d{4})-(\d{2})$/;

/** The month index of `YYYY-MM`, or `undefined` when the text is not a month. */
export function parseMonth(text: string): MonthIndex | undefined {
  const m = MONTH_ID.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index. */
export function formatMonth(month: MonthIndex): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** `Jan 2021` of a month index. */
export function formatMonthLong(month: MonthIndex): string {
  return `${MONTH_ABBREVIATIONS[month % 12]} ${Math.floor(month / 12)}`;
}

/** The month a day falls in. */
export function monthOf(d: Day): MonthIndex {
  const { year, month } = ymdFromDay(d);
  return year * 12 + month - 1;
}

/** First day of a month. */
export function monthStart(month: MonthIndex): Day {
  return dayFromYmd(Math.floor(month / 12), (month % 12) + 1, 1);
}

/** Last day of a month. */
export function monthEnd(month: MonthIndex): Day {
  const year = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return dayFromYmd(year, m, daysInMonth(year, m));
}

/** Why a run of periods cannot be built. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
}

/**
 * The periods from `from` to `to` inclusive, each with its snapshot day.
 * A month that starts after `asAt` has no data yet and is refused.
 * @example periodsBetween(parseMonth('2021-04')!, parseMonth('2021-05')!, dayFromYmd(2021, 5, 10))
 * //=> [{ id: '2021-04', snapshot: 30 Apr 2021 }, { id: '2021-05', snapshot: 10 May 2021, partial: true }]
 */
export function periodsBetween(from: MonthIndex, to: MonthIndex, asAt: Day): Period[] {
  if (to < from) {
    throw new PeriodError(`the period range ends (${formatMonth(to)}) before it starts (${formatMonth(from)})`);
  }
  const periods: Period[] = [];
  for (let month = from; month <= to; month++) {
    const start = monthStart(month);
    if (start > asAt) {
      throw new PeriodError(
        `${formatMonth(month)} starts after the as-at date ${formatDayLong(asAt)}: there is no data for it yet`,
      );
    }
    const end = monthEnd(month);
    const partial = asAt < end;
    periods.push({ id: formatMonth(month), month, start, countFrom: start, end, snapshot: partial ? asAt : end, partial });
  }
  return periods;
}
