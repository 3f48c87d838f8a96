/**
 * Durations as written in configuration: `10wd` (working days), `28d`
 * (calendar days), `4w` (weeks of 7 calendar days) and `1m` (calendar months,
 * clamped to the month's end).
 */
import type { WorkingCalendar } from './calendar.js';
import { type Day, addMonths } from './day.js';

export type DurationUnit = 'wd' | 'd' | 'w' | 'm';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const DURATION = /^(\d{1,4})(wd|d|w|m)$/;

/**
 * Parses `10wd`, `28d`, `4w` or `1m`; `undefined` for anything else.
 * @example parseDuration('10wd') //=> { amount: 10, unit: 'wd' }
 */
export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text.trim().toLowerCase());
  if (!m) return undefined;
  return { amount: Number(m[1]), unit: m[2] as DurationUnit };
}

/** The canonical text of a duration. */
export function formatDuration(d: Duration): string {
  return `${d.amount}${d.unit}`;
}

/** Plain words, for reports: `10 working days`, `1 month`. */
export function describeDuration(d: Duration): string {
  const words: Record<DurationUnit, [string, string]> = {
    wd: ['working day', 'working days'],
    d: ['day', 'days'],
    w: ['week', 'weeks'],
    m: ['month', 'months'],
  };
  const [one, many] = words[d.unit];
  return `${d.amount} ${d.amount === 1 ? one : many}`;
}

/**
 * `from` plus a duration.
 * @example addDuration(Fri 29 Jan 2021, { amount: 1, unit: 'wd' }, cal) //=> Mon 1 Feb 2021
 */
export function addDuration(from: Day, duration: Duration, calendar: WorkingCalendar): Day {
  switch (duration.unit) {
    case 'wd':
      return calendar.addWorkingDays(from, duration.amount);
    case 'd':
      return from + duration.amount;
    case 'w':
      return from + 7 * duration.amount;
    case 'm':
      return addMonths(from, duration.amount);
  }
}
