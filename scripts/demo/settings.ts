/**
 * What the demo is generated for: the seed, the as-at date and reporting
 * window, the rules and working-day calendar in force (the project's
 * defaults), and where the files go.
 */
import { join, resolve } from 'node:path';
import { defaultConfig, rulesOf } from '../../src/config/config.js';
import { WorkingCalendar } from '../../src/core/calendar.js';
import { dayFromYmd } from '../../src/core/day.js';
import { type Period, parseMonth, periodsBetween } from '../../src/core/period.js';

/** Every random stream of the generator starts from this seed and its own name. */
export const SEED = 20_210_510;
const ROOT = resolve(import.meta.dirname, '../..');
export const OUT_DIR = join(ROOT, 'fixtures/demo');
export const TARGETS_FILE = join(ROOT, 'fixtures/targets/improvement-plan-2021.yaml');
/** The demo council's configuration (its child population, for rates per 10,000), written by hand. */
export const CONFIG_FILE = join(OUT_DIR, 'csc-kpi.yaml');

/** The as-at date: the extracts were taken on 10 May 2021. */
export const AS_AT = dayFromYmd(2021, 5, 10);
/** First day of the reporting window; the extracts hold what was open on or after it. */
export const WINDOW_START = dayFromYmd(2020, 4, 1);
/** The day the CP plan simulation starts from. */
export const STOCK_DAY = dayFromYmd(2020, 3, 31);

/** The project's default rules and calendar: the demo is scored with no configuration file. */
const CONFIG = defaultConfig();
export const RULES = rulesOf(CONFIG);
export const CAL = new WorkingCalendar(CONFIG.calendar);
/** April 2020 to May 2021, the last month partial (up to the as-at date). */
export const PERIODS: readonly Period[] = periodsBetween(parseMonth('2020-04')!, parseMonth('2021-05')!, AS_AT);
