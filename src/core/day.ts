/**
 * Calendar dates as integer day numbers.
 *
 * A `Day` is the number of days since 1970-01-01 (day 0), with no time and no
 * time zone. All date arithmetic in csc-kpi is done on these integers, so a
 * result never depends on the machine's `TZ`. Conversions use the proleptic
 * Gregorian calendar (Howard Hinnant's `days_from_civil` / `civil_from_days`).
 */
import { UTCDate } from '@date-fns/utc';
import { addMonths as dfAddMonths } from 'date-fns/addMonths';

/** Days since 1970-01-01. */
export type Day = number;

/** A calendar date split into its parts; `month` is 1-12. */
export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MS_PER_DAY = 86_400_000;

/** Whether `year` is a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Number of days in a month (`month` 1-12).
 * @example daysInMonth(2020, 2) //=> 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Whether year-month-day names a real date. */
export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/**
 * The day number of a valid date. The caller checks validity first.
 * @example dayFromYmd(1970, 1, 2) //=> 1
 */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The parts of a day number. */
export function ymdFromDay(d: Day): Ymd {
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Day of the week, 0 = Sunday ... 6 = Saturday.
 * @example weekday(dayFromYmd(2021, 1, 1)) //=> 5 (a Friday)
 */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * ISO form of a day number.
 * @example formatDay(dayFromYmd(2021, 5, 10)) //=> '2021-05-10'
 */
export function formatDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Three-letter English month names, January first. */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTH_NAMES;

/**
 * A date as people write it in a UK board paper.
 * @example formatDayLong(dayFromYmd(2021, 5, 10)) //=> '10 May 2021'
 */
export function formatDayLong(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Strict `YYYY-MM-DD`, as used on the command line and in configuration.
 * Returns `undefined` when the text is not a real date in that form.
 */
export function parseIsoDay(text: string): Day | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : undefined;
}

const monthCache = new Map<number, Map<Day, Day>>();

/**
 * `d` plus `n` calendar months, clamped to the end of the month, exactly as
 * date-fns `addMonths` (31 Jan + 1 month = 28 or 29 Feb). Computed on a
 * UTC date so the machine's time zone cannot shift it; results are memoised
 * because extracts repeat the same few thousand dates.
 * @example formatDay(addMonths(dayFromYmd(2020, 5, 31), 9)) //=> '2021-02-28'
 */
export function addMonths(d: Day, n: number): Day {
  let byDay = monthCache.get(n);
  if (!byDay) {
    byDay = new Map();
    monthCache.set(n, byDay);
  }
  const hit = byDay.get(d);
  if (hit !== undefined) return hit;
  const result = Math.round(dfAddMonths(new UTCDate(d * MS_PER_DAY), n).getTime() / MS_PER_DAY);
  byDay.set(d, result);
  return result;
}

/**
 * A person's age in whole years on day `s`: the number of birthdays on or
 * before `s`. A 29 February birthday falls on 1 March in other years (SPEC
 * section 7): a child born on 29 Feb 2004 turned 16 on 29 Feb 2020 (a leap
 * year) and 17 on 1 Mar 2021.
 * @example ageAt(dayFromYmd(2005, 3, 1), dayFromYmd(2021, 3, 1)) //=> 16
 * @example ageAt(dayFromYmd(2004, 2, 29), dayFromYmd(2021, 2, 28)) //=> 16 (turns 17 on 1 Mar 2021)
 */
export function ageAt(birth: Day, s: Day): number {
  const b = ymdFromDay(birth);
  const t = ymdFromDay(s);
  // Comparing month and day as written: in a common year no day is on or after
  // 29 February until 1 March, so a 29 February birthday falls on 1 March.
  const before = t.month < b.month || (t.month === b.month && t.day < b.day);
  return t.year - b.year - (before ? 1 : 0);
}
