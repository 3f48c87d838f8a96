/**
 * The context measures are run in, from the configuration and the as-at
 * date: the same on every thread.
 */
import { type Config, coverageOf, populationOf, rulesOf } from '../config/config.js';
import { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import type { MeasureContext } from '../measures/types.js';

/** The as-at date, the working calendar, the rules, each extract's coverage and the population. */
export function measureContext(config: Config, asAt: Day): MeasureContext {
  return { asAt, calendar: new WorkingCalendar(config.calendar), rules: rulesOf(config), coverageFrom: coverageOf(config), population: populationOf(config) };
}
