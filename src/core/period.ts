/**
 * Reporting periods: calendar months written `YYYY-MM`, financial quarters
 * (`2021-22Q2`) and financial years (`2021-22`), optionally counted over a
 * rolling window of months (SPEC §9).
 *
 * A month is also held as an integer index (`year * 12 + month - 1`) so that
 * bucketing a record by month is one division, not a string comparison.
 */
import { addMonths, type Day, dayFromYmd, daysInMonth, formatDayLong, ymdFromDay, MONTH_ABBREVIATIONS } from './day.js';

/** `year * 12 + (month - 1)`. */
export type MonthIndex = number;

/** How long a period is: a calendar month, a financial quarter or a financial year. */
export type PeriodKind = 'month' | 'quarter' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/** Months in a period of each kind. */
export const MONTHS_IN: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, year: 12 };

/**
 * How a run's periods are cut: their kind, the month a financial year starts
 * in (1-12, 4 = April, the DfE's year), and a rolling window in months
 * (null: each period counts its own days).
 */
export interface PeriodSpec {
  readonly kind: PeriodKind;
  readonly yearStart: number;
  readonly window: number | null;
}

/** Calendar months, April years, no window: the default. */
export const MONTHLY: PeriodSpec = { kind: 'month', yearStart: 4, window: null };

/** One reporting period and the snapshot day its "open at" measures use. */
export interface Period {
  /** `YYYY-MM`, `2021-22Q2` or `2021-22` (`2021Q3`, `2021` for years starting in January). */
  readonly id: string;
  readonly kind: PeriodKind;
  /** Its first month. */
  readonly month: MonthIndex;
  /** Its last month: the one whose target it takes (SPEC §9). */
  readonly lastMonth: MonthIndex;
  /** As shown to a reader: `Jan 2021` for a month, the id for a quarter or year. */
  readonly label: string;
  /** First day of the period. */
  readonly start: Day;
  /**
   * First day of the range an "in P" measure counts events in: the month's
   * first day, or earlier under a rolling window. Events are counted from
   * here to `end` inclusive.
   */
  readonly countFrom: Day;
  /** Last day of the period. */
  readonly end: Day;
  /**
   * The snapshot day S: the last day of the month, or the as-at date when the
   * month is still in progress on that date.
   */
  readonly snapshot: Day;
  /** True when the period had not finished on the as-at date. */
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

/** The first month of the financial year holding `month`, for years starting in month `yearStart` (1-12). */
export function yearStartOf(month: MonthIndex, yearStart: number): MonthIndex {
  return month - ((((month % 12) - (yearStart - 1)) % 12) + 12) % 12;
}

/**
 * The first month of the period of `kind` holding `month`.
 * @example formatMonth(periodStartOf('quarter', parseMonth('2021-08')!, 4)) //=> '2021-07'
 */
export function periodStartOf(kind: PeriodKind, month: MonthIndex, yearStart: number): MonthIndex {
  if (kind === 'month') return month;
  const first = yearStartOf(month, yearStart);
  return kind === 'year' ? first : first + 3 * Math.floor((month - first) / 3);
}

/** `2021-22` for a year starting in 2021 (any start but January), `2021` with a January start. */
function yearLabel(first: MonthIndex, yearStart: number): string {
  const y = Math.floor(first / 12);
  return yearStart === 1 ? String(y) : `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

/**
 * The label of the period of `kind` starting in month `first`.
 * @example formatPeriod('quarter', parseMonth('2021-07')!, 4) //=> '2021-22Q2'
 * @example formatPeriod('quarter', parseMonth('2021-07')!, 1) //=> '2021Q3'
 */
export function formatPeriod(kind: PeriodKind, first: MonthIndex, yearStart: number): string {
  if (kind === 'month') return formatMonth(first);
  const fy = yearStartOf(first, yearStart);
  const year = yearLabel(fy, yearStart);
  return kind === 'year' ? year : `${year}Q${Math.floor((first - fy) / 3) + 1}`;
}

const YEAR_ID = /^(\d{4})-(\d{2})$/;
const CALENDAR_YEAR_ID = /^(\d{4})$/;

/**
 * The first month of the period a label names, or `undefined` when the text
 * is not a label of that kind: `YYYY-MM` for months; `2021-22` (`2021` with a
 * January start) for years; the year followed by `Q1`-`Q4` for quarters.
 */
export function parsePeriod(kind: PeriodKind, text: string, yearStart: number): MonthIndex | undefined {
  if (kind === 'month') return parseMonth(text);
  let yearText = text;
  let quarter = 0;
  if (kind === 'quarter') {
    const q = /^(.*)Q([1-4])$/.exec(text);
    if (!q) return undefined;
    yearText = q[1]!;
    quarter = Number(q[2]) - 1;
  }
  let year: number;
  if (yearStart === 1) {
    const m = CALENDAR_YEAR_ID.exec(yearText);
    if (!m) return undefined;
    year = Number(m[1]);
  } else {
    const m = YEAR_ID.exec(yearText);
    if (!m) return undefined;
    year = Number(m[1]);
    if (Number(m[2]) !== (year + 1) % 100) return undefined;
  }
  return year * 12 + yearStart - 1 + 3 * quarter;
}

/** How a label of each kind is written, for messages. */
export function periodFormHint(kind: PeriodKind, yearStart: number): string {
  const y = yearStart === 1 ? '2021' : '2021-22';
  if (kind === 'month') return 'a month is written YYYY-MM, e.g. 2021-01';
  if (kind === 'quarter') return `a quarter is written as its financial year and Q1-Q4, e.g. ${y}Q2`;
  return `a financial year is written ${yearStart === 1 ? 'YYYY' : 'YYYY-YY'}, e.g. ${y}`;
}

/**
 * The periods from the one starting in month `from` to the one starting in
 * month `to` inclusive (both first months of periods of `spec.kind`), each
 * with its snapshot day S (its last day, or as-at while in progress). A
 * period that starts after `asAt` has no data yet and is refused. Under a
 * window of N months, "in P" counts run from `addMonths(E + 1 day, -N)` to E,
 * E being S: whole calendar months for a complete period, a true rolling
 * window for the one in progress.
 * @example periodsBetween(parseMonth('2021-04')!, parseMonth('2021-05')!, dayFromYmd(2021, 5, 10))
 * //=> [{ id: '2021-04', snapshot: 30 Apr 2021 }, { id: '2021-05', snapshot: 10 May 2021, partial: true }]
 */
export function periodsBetween(from: MonthIndex, to: MonthIndex, asAt: Day, spec: PeriodSpec = MONTHLY): Period[] {
  const { kind, yearStart, window } = spec;
  const id = (m: MonthIndex) => formatPeriod(kind, m, yearStart);
  if (to < from) {
    throw new PeriodError(`the period range ends (${id(to)}) before it starts (${id(from)})`);
  }
  const size = MONTHS_IN[kind];
  const periods: Period[] = [];
  for (let month = from; month <= to; month += size) {
    const start = monthStart(month);
    if (start > asAt) {
      throw new PeriodError(`${id(month)} starts after the as-at date ${formatDayLong(asAt)}: there is no data for it yet`);
    }
    const lastMonth = month + size - 1;
    const end = monthEnd(lastMonth);
    const partial = asAt < end;
    const snapshot = partial ? asAt : end;
    const countFrom = window === null ? start : addMonths(snapshot + 1, -window);
    const label = kind === 'month' ? formatMonthLong(month) : id(month);
    periods.push({ id: id(month), kind, month, lastMonth, label, start, countFrom, end, snapshot, partial });
  }
  return periods;
}
