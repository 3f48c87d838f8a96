/**
 * Working days.
 *
 * A working day is Monday to Friday, not a bank holiday of the chosen UK
 * region (from the maintained `date-holidays` data, which carries the
 * one-off days such as 8 May 2020 and 19 Sep 2022, and the substitute days
 * when a holiday falls at a weekend), and not one of the council's own
 * closure dates.
 *
 * Counting convention: the start day never counts. `addWorkingDays(d, n)` is
 * the n-th working day after `d`; `workingDaysBetween(a, b)` counts the
 * working days in `(a, b]`. So a contact on Friday decided on Monday took 1
 * working day, and one decided on the day it arrived took 0 ("same day").
 * Validators that count both ends report one more.
 */
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { type Day, dayFromYmd, formatDay, parseIsoDay, weekday, ymdFromDay } from './day.js';

/**
 * date-holidays, loaded the first time a year's bank holidays are needed
 * (its data takes a tenth of a second to load; a run given the holidays it
 * needs, see adoptBankHolidays, never loads it). Its CommonJS build, which
 * loads faster than its modules.
 */
let holidaysClass: typeof HolidaysClass | undefined;
/** One date-holidays instance per region, made once (each takes several milliseconds to set up). */
const holidaysByRegion = new Map<Region, HolidaysClass>();
function holidaysOf(region: Region): HolidaysClass {
  let hd = holidaysByRegion.get(region);
  if (!hd) {
    holidaysClass ??= createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass;
    const { country, state } = REGIONS[region];
    hd = new holidaysClass(country, state);
    holidaysByRegion.set(region, hd);
  }
  return hd;
}

/** The UK bank-holiday regions. */
export const REGIONS = {
  'england-and-wales': { country: 'GB', state: 'ENG', label: 'England and Wales' },
  scotland: { country: 'GB', state: 'SCT', label: 'Scotland' },
  'northern-ireland': { country: 'GB', state: 'NIR', label: 'Northern Ireland' },
} as const;

export type Region = keyof typeof REGIONS;

export interface CalendarOptions {
  readonly region: Region;
  /** When false, every Monday to Friday is a working day (bank holidays ignored). */
  readonly bankHolidays: boolean;
  /** Extra non-working days (office closures), as day numbers. */
  readonly closures: readonly Day[];
}

/** Why a day is not a working day. */
export type NonWorkingReason = 'weekend' | 'bank-holiday' | 'closure';

export interface NonWorkingDay {
  readonly day: Day;
  readonly reason: NonWorkingReason;
  /** The holiday's name, for bank holidays. */
  readonly name?: string;
}

const holidayCache = new Map<string, Map<Day, string>>();

/**
 * Bank holidays of a region in one year, from date-holidays (types `public`
 * and `bank`; observances such as Mother's Day are not holidays).
 */
export function bankHolidays(region: Region, year: number): Map<Day, string> {
  const cacheKey = `${region}:${year}`;
  const cached = holidayCache.get(cacheKey);
  if (cached) return cached;
  const hd = holidaysOf(region);
  const days = new Map<Day, string>();
  for (const h of hd.getHolidays(year)) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    // `date` is the local calendar date as text ("2020-12-28 00:00:00"); the
    // Date objects beside it are instants and would drag in a time zone.
    const day = parseIsoDay(h.date.slice(0, 10));
    if (day !== undefined && !days.has(day)) days.set(day, h.name);
  }
  holidayCache.set(cacheKey, days);
  return days;
}

/** Bank holidays of a region, by year, as plain data (to hand them to another thread). */
export interface BankHolidayTable {
  readonly region: Region;
  readonly years: readonly (readonly [year: number, holidays: readonly (readonly [Day, string])[]])[];
}

/** The bank holidays of a region in each of `years` (see bankHolidays), as plain data. */
export function bankHolidayTable(region: Region, years: readonly number[]): BankHolidayTable {
  return { region, years: years.map((year) => [year, [...bankHolidays(region, year)]] as const) };
}

/**
 * Takes the bank holidays in `table` as known (made by bankHolidayTable,
 * from the same date-holidays data, on another thread): bankHolidays gives
 * them without loading date-holidays. Years already known are kept.
 */
export function adoptBankHolidays(table: BankHolidayTable): void {
  for (const [year, holidays] of table.years) {
    const cacheKey = `${table.region}:${year}`;
    if (!holidayCache.has(cacheKey)) holidayCache.set(cacheKey, new Map(holidays));
  }
}

/**
 * A working-day calendar over a window of whole years that grows on demand.
 *
 * It keeps `count[i]`, the number of working days from the window's first day
 * up to and including day `first + i`, and `workingDays`, the working days in
 * order, so both operations are two array reads.
 */
export class WorkingCalendar {
  readonly options: CalendarOptions;
  private readonly closures: ReadonlySet<Day>;
  private firstYear = 0;
  private lastYear = -1;
  private first: Day = 0;
  private last: Day = -1;
  private count = new Int32Array(0);
  private workingDays = new Int32Array(0);
  private lowest = Infinity;
  private highest = -Infinity;

  constructor(options: CalendarOptions) {
    this.options = options;
    this.closures = new Set(options.closures);
  }

  /** Whether `d` is a working day. */
  isWorkingDay(d: Day): boolean {
    this.touch(d);
    this.cover(d);
    const i = d - this.first;
    return this.count[i]! - (i > 0 ? this.count[i - 1]! : 0) === 1;
  }

  /**
   * The n-th working day after `d` (`d` itself never counts); `d` when n = 0.
   * @example addWorkingDays(Fri 29 Jan 2021, 1) //=> Mon 1 Feb 2021
   * @example addWorkingDays(Thu 24 Dec 2020, 1) //=> Tue 29 Dec 2020 (25, 28 Dec bank holidays)
   */
  addWorkingDays(d: Day, n: number): Day {
    if (n === 0) return d;
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number of days >= 0, got ${n}`);
    const before = this.countUpTo(d);
    // There are roughly 250 working days a year; make sure the answer is inside the window.
    while (before + n > this.workingDays.length) this.extendTo(this.lastYear + Math.ceil(n / 200) + 1);
    const result = this.workingDays[before + n - 1]!;
    this.touch(result);
    return result;
  }

  /**
   * The number of working days in `(a, b]`; negative when `b < a`.
   * @example workingDaysBetween(Fri 29 Jan 2021, Mon 1 Feb 2021) //=> 1
   * @example workingDaysBetween(Sat 30 Jan 2021, Mon 1 Feb 2021) //=> 1
   */
  workingDaysBetween(a: Day, b: Day): number {
    // Both days must be inside the window before either is counted: widening
    // the window for the second would move the first count's origin.
    this.cover(Math.min(a, b));
    this.cover(Math.max(a, b));
    return this.countUpTo(b) - this.countUpTo(a);
  }

  /** Every day in `[from, to]` that is not a working day, with why. */
  nonWorkingDays(from: Day, to: Day): NonWorkingDay[] {
    const out: NonWorkingDay[] = [];
    for (let d = from; d <= to; d++) {
      const why = this.whyNotWorking(d);
      if (why) out.push(why);
    }
    return out;
  }

  private whyNotWorking(d: Day): NonWorkingDay | undefined {
    const wd = weekday(d);
    if (wd === 0 || wd === 6) return { day: d, reason: 'weekend' };
    if (this.options.bankHolidays) {
      const name = bankHolidays(this.options.region, ymdFromDay(d).year).get(d);
      if (name !== undefined) return { day: d, reason: 'bank-holiday', name };
    }
    if (this.closures.has(d)) return { day: d, reason: 'closure' };
    return undefined;
  }

  /**
   * The first and last day any working-day question has been asked about,
   * so a manifest can list the bank holidays and closures that were used.
   */
  usedRange(): { from: Day; to: Day } | undefined {
    return this.lowest <= this.highest ? { from: this.lowest, to: this.highest } : undefined;
  }

  private touch(d: Day): void {
    if (d < this.lowest) this.lowest = d;
    if (d > this.highest) this.highest = d;
  }

  /** Working days from the window's first day up to and including `d`. */
  private countUpTo(d: Day): number {
    this.touch(d);
    this.cover(d);
    return this.count[d - this.first]!;
  }

  private cover(d: Day): void {
    if (d >= this.first && d <= this.last) return;
    const { year } = ymdFromDay(d);
    if (this.lastYear < this.firstYear) {
      this.build(year - 1, year + 1);
    } else if (d < this.first) {
      this.build(year - 1, this.lastYear);
    } else {
      this.build(this.firstYear, year + 1);
    }
  }

  private extendTo(lastYear: number): void {
    this.build(this.firstYear, lastYear);
  }

  private build(firstYear: number, lastYear: number): void {
    const first = dayFromYmd(firstYear, 1, 1);
    const last = dayFromYmd(lastYear, 12, 31);
    const count = new Int32Array(last - first + 1);
    const working: Day[] = [];
    let running = 0;
    for (let d = first; d <= last; d++) {
      if (!this.whyNotWorking(d)) {
        running++;
        working.push(d);
      }
      count[d - first] = running;
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.first = first;
    this.last = last;
    this.count = count;
    this.workingDays = Int32Array.from(working);
  }

  /** A one-line description, for reports and manifests. */
  describe(): string {
    const label = REGIONS[this.options.region].label;
    const holidays = this.options.bankHolidays ? `${label} bank holidays` : 'no bank holidays (weekdays only)';
    const closures = this.options.closures.length
      ? `, ${this.options.closures.length} closure day(s): ${this.options.closures.map(formatDay).join(', ')}`
      : '';
    return `Monday to Friday, ${holidays}${closures}`;
  }
}
