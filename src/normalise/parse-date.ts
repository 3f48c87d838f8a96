/**
 * Reading a date cell of an extract.
 *
 * Accepted, day first unless the extract's mapping says otherwise (below):
 *   2021-01-05  2021/01/05   yyyy-mm-dd, yyyy/mm/dd (one-digit month or day allowed)
 *   05/01/2021  5/1/2021  dd/mm/yyyy, d/m/yyyy
 *   05-01-2021  05.01.2021
 *   05-Jan-2021  5 Jan 2021  5 January 2021   (English month names or their
 *                              three-letter abbreviations, any case)
 * each optionally followed by a time, which is checked and then ignored:
 *   `14:05`, `14:05:33`, `14:05:33.250` (SQL Server's `00:00:00.000`),
 *   12-hour `12:00 AM`, `1:05:33 pm`, or ISO `T14:05:33Z` / `T14:05:33+01:00`.
 *
 * Refused: two-digit years (`05/01/21`), month-first dates (`01/13/2021` is not a
 * date), days that do not exist (`29/02/2021`), bare numbers (Excel serial
 * dates), years before 1900, and anything else.
 *
 * Two settings, per extract, for systems that export otherwise:
 * - `order: 'month-first'` reads all-numeric dates such as 01/05/2021 as
 *   5 January (ISO dates and named months are never ambiguous);
 * - `excelSerial: true` reads a bare number as a spreadsheet serial date
 *   (1900 date system: 44197 is 1 Jan 2021; a fraction is a time, ignored).
 */
import { type Day, dayFromYmd, isValidYmd, MONTH_ABBREVIATIONS } from '../core/day.js';

/** Why a date cell could not be read (worded in src/report/wording.ts). */
export type DateProblem = 'two-digit-year' | 'no-such-day' | 'bad-time' | 'serial-number' | 'year-out-of-range' | 'not-a-date';

const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "jan" and "january" → 1 ... "dec" and "december" → 12. */
const MONTHS: Readonly<Record<string, number>> = Object.fromEntries([
  ...MONTH_ABBREVIATIONS.map((m, i) => [m.toLowerCase(), i + 1] as const),
  ...FULL_MONTHS.map((m, i) => [m, i + 1] as const),
]);

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:([T ])(.*))?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)(?: (.*))?$/;
const NAMED = /^(\d{1,2})([ -])([A-Za-z]{3,9})\2(\d+)(?: (.*))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?: ?([AaPp][Mm]))?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const SERIAL = /^\d+(?:\.\d+)?$/;

/** Two ASCII digits at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function fromParts(year: number, month: number, day: number): Day | DateProblem {
  if (year < 1900) return 'year-out-of-range';
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : 'no-such-day';
}

function checkTime(time: string | undefined): boolean {
  if (time === undefined) return true;
  const m = TIME.exec(time);
  if (!m) return false;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  // A 12-hour time runs from 12:00 AM to 11:59 PM.
  const hourOk = m[4] === undefined ? h <= 23 : h >= 1 && h <= 12;
  return hourOk && min <= 59 && sec <= 59;
}

function withYear(yearText: string, month: number, day: number, time: string | undefined): Day | DateProblem {
  if (yearText.length === 2) return 'two-digit-year';
  if (yearText.length !== 4) return 'not-a-date';
  if (!checkTime(time)) return 'bad-time';
  return fromParts(Number(yearText), month, day);
}

export interface DateOptions {
  readonly order?: 'day-first' | 'month-first';
  readonly excelSerial?: boolean;
}

/** Unix day number of Excel serial 0 in the 1900 system, for serials after the phantom 29 Feb 1900. */
const EXCEL_EPOCH = 25_569;

/**
 * A spreadsheet serial date. Excel counts 1900 as a leap year, so serial 60
 * (its 29 Feb 1900) is no day at all, and serials below it are one day later.
 */
function fromSerial(text: string): Day | DateProblem {
  const serial = Math.floor(Number(text));
  if (serial < 1 || serial === 60 || serial > 2_958_465) return 'no-such-day';
  return serial < 60 ? serial - EXCEL_EPOCH + 1 : serial - EXCEL_EPOCH;
}

/**
 * The day a date cell names, or why it names none. The text must already be
 * trimmed and non-empty.
 * @example parseDate('05/01/2021') //=> day of 5 Jan 2021
 * @example parseDate('5 Jan 2021 14:05') //=> day of 5 Jan 2021
 * @example parseDate('05/01/21') //=> 'two-digit-year'
 */
export function parseDate(text: string, options: DateOptions = {}): Day | DateProblem {
  const monthFirst = options.order === 'month-first';
  // Fast paths for the two forms that fill most extracts: 2021-01-05 and 05/01/2021.
  if (text.length === 10 && !monthFirst) {
    const c4 = text.charCodeAt(4);
    if (c4 === 45 /* - */ && text.charCodeAt(7) === 45) {
      const hi = twoDigits(text, 0);
      const lo = twoDigits(text, 2);
      const month = twoDigits(text, 5);
      const day = twoDigits(text, 8);
      if (hi >= 0 && lo >= 0 && month >= 0 && day >= 0) return fromParts(hi * 100 + lo, month, day);
    } else if (text.charCodeAt(2) === 47 /* / */ && text.charCodeAt(5) === 47) {
      const day = twoDigits(text, 0);
      const month = twoDigits(text, 3);
      const hi = twoDigits(text, 6);
      const lo = twoDigits(text, 8);
      if (hi >= 0 && lo >= 0 && month >= 0 && day >= 0) return fromParts(hi * 100 + lo, month, day);
    }
  }
  let m = ISO.exec(text);
  if (m) {
    // A space before a time; the ISO `T` only after a dash-separated date.
    if (m[5] === 'T' && m[2] === '/') return 'not-a-date';
    if (!checkTime(m[6])) return 'bad-time';
    return fromParts(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[3])];
    return monthFirst ? withYear(m[4]!, first, second, m[5]) : withYear(m[4]!, second, first, m[5]);
  }
  m = NAMED.exec(text);
  if (m) {
    const month = MONTHS[m[3]!.toLowerCase()];
    if (month === undefined) return 'not-a-date';
    return withYear(m[4]!, month, Number(m[1]), m[5]);
  }
  if (SERIAL.test(text)) return options.excelSerial ? fromSerial(text) : 'serial-number';
  return 'not-a-date';
}
