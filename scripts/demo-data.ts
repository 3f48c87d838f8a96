/**
 * Demo data for csc-kpi: the six extracts of a fictional mid-size English
 * council's children's social care case system, 1 April 2020 to 10 May 2021
 * (the as-at date), written to fixtures/demo/.
 *
 *     npx tsx scripts/demo-data.ts            (or: npm run demo:data)
 *
 * The output is byte-identical on every run (and in every time zone): all
 * randomness comes from the seeded mulberry32 generator (scripts/lib), with a
 * separate stream for each part of the generator, and every date is an
 * integer day number formatted by hand. Working days, due dates and month
 * arithmetic come from the project's own src/core code.
 *
 * The extracts reproduce the figures published in the council's improvement
 * plan exactly (PUBLISHED below). Each figure is built, not hoped for:
 *
 * - contacts_1wd: every month has a set number of contacts and a set number
 *   decided within one working day; the referral contacts behind new
 *   assessments are placed first and the rest fill the month to the count.
 * - assessments_45wd (and _new): every authorisation month has a set number
 *   of assessments, of new ones, and of each authorised within 45 working
 *   days; start dates are counted back from the authorisation in working days.
 * - cp_over_9m / cp_over_9m_avg_days: CP plans are simulated month by month
 *   from the plans open on 31 March 2020. Each month a set number start and a
 *   set number end, and the plans chosen to end steer the count and average
 *   age of plans open nine months or more; on 31 January 2021 the count is
 *   exact and a few start dates are then nudged to make the total of days exact.
 * - core_groups_in_time: each plan's meetings follow the 10-working-day /
 *   4-week rule with some late. Then, month by month: when no whole number of
 *   meetings gives the ratio, one or two short plans that open and close
 *   inside the month are added, or a late meeting at the month end slips
 *   into the next month; then single meetings are moved across their due
 *   date (the plan's later meetings follow, in months not yet set).
 * - supervision_in_time: with supervisions on days 1-27 of a month, a case
 *   open at a month end is in time exactly when it was supervised that month
 *   or is too new to be due, so each month the number supervised is set. (A
 *   few supervisions are then moved to the last days of a month where the
 *   case was supervised again the next month, which changes nothing.)
 * - caseload_avg: workers have start and leaving dates and only hold cases
 *   open while they are in post; a worker in post with no case at a month
 *   end is handed one; in December 2020 a few case closures are moved across
 *   the month end to make the average exact.
 *
 * The extracts also carry a little of the mess real ones have (Annex A
 * headings, mixed date formats, a byte order mark, CRLF line endings, unused
 * columns, Excel-mangled ids, duplicate and invalid rows, blank lines); none
 * of it changes a figure.
 *
 * Finally the script runs the real scorecard (src/cli/main.ts) over the files
 * it wrote and exits 1 if any published figure, the row accounting, or the
 * mix of RAG ratings for February to April 2021 is not as intended. The row
 * accounting check also proves that no generated row was refused (a date
 * after the as-at date, say): only the deliberate problem rows are.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CliIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { defaultConfig, rulesOf } from '../src/config/config.js';
import { WorkingCalendar } from '../src/core/calendar.js';
import { type Day, MONTH_ABBREVIATIONS, dayFromYmd, formatDay, ymdFromDay } from '../src/core/day.js';
import { type Duration, addDuration } from '../src/core/duration.js';
import { type Period, monthEnd, monthOf, monthStart, parseMonth, periodsBetween } from '../src/core/period.js';
import { isLongPlan } from '../src/measures/cp-common.js';
import type { ScorecardJson, ScorecardJsonResult as Result } from '../src/render/json.js';
import { roundedRatio } from '../src/render/numbers.js';
import { mulberry32 } from './lib/mulberry32.js';

const started = performance.now();

// ------------------------------------------------------------------ settings

const SEED = 20_210_510;
const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'fixtures/demo');
const TARGETS_FILE = join(ROOT, 'fixtures/targets/improvement-plan-2021.yaml');

const AS_AT = dayFromYmd(2021, 5, 10);
/** First day of the reporting window; the extracts hold what was open on or after it. */
const WINDOW_START = dayFromYmd(2020, 4, 1);
/** The day the CP plan simulation starts from. */
const STOCK_DAY = dayFromYmd(2020, 3, 31);

const CONFIG = defaultConfig();
const RULES = rulesOf(CONFIG);
const CAL = new WorkingCalendar(CONFIG.calendar);
const PERIODS: readonly Period[] = periodsBetween(parseMonth('2020-04')!, parseMonth('2021-05')!, AS_AT);

/** The figures quoted in the improvement plan: [measure, period, value to one decimal, numerator, denominator]. */
const PUBLISHED: readonly (readonly [string, string, string, number | null, number | null])[] = [
  ['contacts_1wd', '2020-11', '69.0', null, null],
  ['contacts_1wd', '2021-01', '77.1', null, null],
  ['assessments_45wd', '2020-12', '50.3', 76, 151],
  ['assessments_45wd', '2021-01', '47.0', 109, 232],
  ['assessments_45wd_new', '2020-11', '70.3', null, null],
  ['core_groups_in_time', '2020-10', '75.0', null, null],
  ['core_groups_in_time', '2020-11', '82.0', null, null],
  ['core_groups_in_time', '2021-01', '86.6', null, null],
  ['supervision_in_time', '2020-11', '45.0', null, null],
  ['caseload_avg', '2020-12', '24.1', null, null],
  ['cp_over_9m', '2021-01', '25.8', 94, 365],
  ['cp_over_9m_avg_days', '2021-01', '386.0', null, 94],
];

/** Contacts per month (decided or overdue; pending ones come on top) and the percentage decided in time. */
const CONTACTS: Readonly<Record<string, readonly [number, number]>> = {
  '2020-04': [905, 71.2],
  '2020-05': [938, 70.4],
  '2020-06': [1012, 68.9],
  '2020-07': [1108, 67.5],
  '2020-08': [948, 69.8],
  '2020-09': [1187, 66.3],
  '2020-10': [1214, 68.1],
  '2020-11': [1156, 69.0],
  '2020-12': [1043, 71.6],
  '2021-01': [1027, 77.1],
  '2021-02': [1058, 81.3],
  '2021-03': [1268, 87.2],
  '2021-04': [1096, 92.4],
  '2021-05': [265, 93.5],
};

interface AssessmentMonth {
  /** Assessments authorised in the month. */
  readonly n: number;
  /** Percentage within 45 working days. */
  readonly pct: number;
  /** How many were from a new referral, and their percentage in time (defaults: 62%, pct + 9). */
  readonly newN?: number;
  readonly newPct?: number;
}

/**
 * Assessments by month of authorisation. Those authorised before April 2020
 * are not in the extract: they only give the children whose cases were
 * already open when it begins. May to July 2021 run past the as-at date:
 * those authorised after it are written as still open.
 */
const ASSESSMENTS: Readonly<Record<string, AssessmentMonth>> = {
  '2019-08': { n: 176, pct: 57.0 },
  '2019-09': { n: 192, pct: 55.0 },
  '2019-10': { n: 201, pct: 56.0 },
  '2019-11': { n: 189, pct: 58.0 },
  '2019-12': { n: 158, pct: 54.0 },
  '2020-01': { n: 207, pct: 53.0 },
  '2020-02': { n: 188, pct: 57.0 },
  '2020-03': { n: 171, pct: 59.0 },
  '2020-04': { n: 164, pct: 58.5 },
  '2020-05': { n: 171, pct: 55.0 },
  '2020-06': { n: 188, pct: 52.7 },
  '2020-07': { n: 203, pct: 50.2 },
  '2020-08': { n: 179, pct: 48.6 },
  '2020-09': { n: 196, pct: 51.5 },
  '2020-10': { n: 214, pct: 53.7 },
  '2020-11': { n: 207, pct: 60.4, newN: 128, newPct: 70.3 },
  '2020-12': { n: 151, pct: 50.3 },
  '2021-01': { n: 232, pct: 47.0 },
  '2021-02': { n: 219, pct: 55.3 },
  '2021-03': { n: 236, pct: 62.7 },
  '2021-04': { n: 198, pct: 68.7 },
  '2021-05': { n: 205, pct: 76.0 },
  '2021-06': { n: 210, pct: 77.0 },
  '2021-07': { n: 205, pct: 78.0 },
};

/**
 * CP plans: [open at the month end, plans starting, open 9+ months at the
 * month end, their average days open]. The first row is the stock on 31
 * March 2020. Plans ending = previous open + starting - open.
 */
const CP: Readonly<Record<string, readonly [number, number, number, number]>> = {
  '2020-03': [341, 0, 70, 392],
  '2020-04': [338, 31, 71, 391],
  '2020-05': [343, 36, 73, 395],
  '2020-06': [350, 40, 76, 392],
  '2020-07': [356, 41, 79, 388],
  '2020-08': [352, 33, 81, 390],
  '2020-09': [357, 39, 84, 393],
  '2020-10': [363, 42, 87, 389],
  '2020-11': [370, 44, 90, 387],
  '2020-12': [368, 34, 92, 388],
  '2021-01': [365, 38, 94, 386],
  '2021-02': [360, 37, 86, 378],
  '2021-03': [352, 41, 75, 371],
  '2021-04': [347, 36, 64, 361],
};
/** Total days open of the plans open 9+ months on 31 January 2021 (94 plans, 386.0 days on average). */
const CP_JAN_DAYS = 36_284;
const CP_MAY_STARTS = 12;
const CP_MAY_ENDS = 8;

/** Core groups held in time, per cent, by month of the meeting. */
const CORE_GROUPS: Readonly<Record<string, number>> = {
  '2020-04': 79.4,
  '2020-05': 77.9,
  '2020-06': 76.2,
  '2020-07': 78.5,
  '2020-08': 72.8,
  '2020-09': 74.1,
  '2020-10': 75.0,
  '2020-11': 82.0,
  '2020-12': 80.3,
  '2021-01': 86.6,
  '2021-02': 88.9,
  '2021-03': 91.2,
  '2021-04': 93.1,
  /** As-at month: aimed at, not exact. */
  '2021-05': 96.0,
};

/** Cases supervised within timescale at the month end, per cent. */
const SUPERVISION: Readonly<Record<string, number>> = {
  '2020-04': 52.4,
  '2020-05': 49.8,
  '2020-06': 51.2,
  '2020-07': 47.6,
  '2020-08': 41.9,
  '2020-09': 46.3,
  '2020-10': 44.2,
  '2020-11': 45.0,
  '2020-12': 43.7,
  '2021-01': 51.8,
  '2021-02': 66.2,
  '2021-03': 78.9,
  '2021-04': 95.6,
};

/** Average caseload set exactly (the other months follow from the case flows). */
const CASELOAD_MONTH = '2020-12';
const CASELOAD_VALUE = '24.1';

// ---------------------------------------------------------------- randomness

function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A stream of mulberry32 numbers named for the part of the generator that draws from it. */
class Rng {
  /** Uniform in [0, 1). */
  readonly next: () => number;

  constructor(name: string) {
    this.next = mulberry32((hashText(name) ^ SEED) >>> 0);
  }

  /** A whole number in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('internal: pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** A geometric whole number >= 0 with the given mean (no logarithms, so no platform differences). */
  geometric(mean: number): number {
    const p = 1 / (mean + 1);
    let n = 0;
    while (!this.chance(p)) n++;
    return n;
  }

  /** `k` items drawn one at a time without replacement, each in proportion to its weight. */
  sample<T>(items: readonly T[], k: number, weight: (item: T) => number): T[] {
    const pool = items.map((item) => ({ item, w: Math.max(weight(item), 0) }));
    let total = pool.reduce((t, x) => t + x.w, 0);
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      let x = this.next() * total;
      let i = 0;
      while (i < pool.length - 1 && x >= pool[i]!.w) x -= pool[i++]!.w;
      const [chosen] = pool.splice(i, 1);
      out.push(chosen!.item);
      total -= chosen!.w;
    }
    return out;
  }
}

// ------------------------------------------------------------- small helpers

/** What the generator adjusted to make the figures exact, printed at the end. */
const NOTES: string[] = [];

function fail(message: string): never {
  throw new Error(message);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) fail(`internal: ${message}`);
}

const isWd = (d: Day): boolean => CAL.isWorkingDay(d);
const addWd = (d: Day, n: number): Day => CAL.addWorkingDays(d, n);

/** The first working day on or after `d`. */
function nextWd(d: Day): Day {
  let x = d;
  while (!isWd(x)) x++;
  return x;
}

/** The last working day on or before `d`. */
function prevWd(d: Day): Day {
  let x = d;
  while (!isWd(x)) x--;
  return x;
}

/** The working day `k` working days before the working day `d` (so workingDaysBetween(result, d) = k). */
function wdBefore(d: Day, k: number): Day {
  let x = d;
  for (let i = 0; i < k; i++) x = prevWd(x - 1);
  return x;
}

function workingDaysIn(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d++) if (isWd(d)) out.push(d);
  return out;
}

function randomWd(rng: Rng, from: Day, to: Day): Day | null {
  const days = workingDaysIn(from, to);
  return days.length ? rng.pick(days) : null;
}

function monthId(d: Day): string {
  return formatDay(d).slice(0, 7);
}

function periodOf(id: string): Period {
  return PERIODS.find((p) => p.id === id) ?? fail(`internal: no period ${id}`);
}

const MONTH_IDS = PERIODS.map((p) => p.id);

/**
 * The numerator k in [0, n] closest to n * pct / 100 whose percentage shows
 * as `pct` to one decimal, or null when no whole number does.
 */
function numeratorFor(n: number, pct: number): number | null {
  const want = pct.toFixed(1);
  const ideal = Math.round((n * pct) / 100);
  for (let step = 0; step <= n; step++) {
    for (const k of [ideal - step, ideal + step]) {
      if (k >= 0 && k <= n && roundedRatio(k, n, 100) === want) return k;
    }
    if (step > 3) break;
  }
  return null;
}

function isOpenAt(start: Day, end: Day | null, s: Day): boolean {
  return start <= s && (end === null || end > s);
}

function supervisionInterval(caseType: string): Duration {
  return RULES.supervisionByCaseType.get(caseType) ?? RULES.supervisionInterval;
}

// -------------------------------------------------------- dates as written

const pad2 = (n: number): string => String(n).padStart(2, '0');

const DATE_FORMATS = {
  iso: (d: Day) => formatDay(d),
  dmy: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}/${pad2(month)}/${year}`;
  },
  dmyShort: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${day}/${month}/${year}`;
  },
  dotted: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}.${pad2(month)}.${year}`;
  },
  named: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
  },
  namedDash: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}-${MONTH_ABBREVIATIONS[month - 1]}-${year}`;
  },
} as const;

type DateFormat = keyof typeof DATE_FORMATS;

function clock(rng: Rng, fromHour = 8, toHour = 18): string {
  return `${pad2(rng.int(fromHour, toHour))}:${pad2(rng.int(0, 59))}`;
}

// -------------------------------------------------------------- children

class ChildIds {
  private readonly used = new Set<string>();
  private readonly rng = new Rng('child-ids');

  mint(): string {
    for (;;) {
      const id = String(this.rng.int(100_000, 199_999));
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

const childIds = new ChildIds();

// ----------------------------------------------------------------- workers

type TeamKey = 'A1' | 'A2' | 'SN' | 'SS' | 'CIC' | 'LC' | 'MASH';

const TEAM_NAMES: Readonly<Record<TeamKey, string>> = {
  A1: 'Assessment Team 1',
  A2: 'Assessment Team 2',
  SN: 'Safeguarding North',
  SS: 'Safeguarding South',
  CIC: 'Children in Care',
  LC: 'Leaving Care',
  MASH: 'MASH',
};

/** Team managers, who sign off case supervision. */
const TEAM_MANAGERS: Readonly<Record<TeamKey, readonly string[]>> = {
  A1: ['TM02'],
  A2: ['TM05'],
  SN: ['TM01', 'TM07'],
  SS: ['TM03', 'TM08'],
  CIC: ['TM04'],
  LC: ['TM06'],
  MASH: ['TM09'],
};

interface Worker {
  readonly code: string;
  readonly team: TeamKey;
  /** First day in post (null: before the extracts begin). */
  readonly join: Day | null;
  /** Last day in post (null: still in post on the as-at date). */
  readonly leave: Day | null;
}

/**
 * The staff: per team, how many were in post throughout, and the leavers
 * and joiners. A worker only holds cases that are open while they are in post.
 */
const ROSTER: readonly (readonly [TeamKey, number, readonly (readonly ['join' | 'leave', string])[]])[] = [
  ['A1', 7, [['leave', '2020-07-17'], ['join', '2020-08-10'], ['join', '2021-01-11']]],
  ['A2', 7, [['leave', '2020-10-30'], ['join', '2020-11-16'], ['join', '2021-02-01']]],
  ['SN', 9, [['leave', '2021-02-26'], ['join', '2021-03-08'], ['join', '2021-01-18']]],
  ['SS', 9, [['leave', '2020-06-12'], ['join', '2020-06-29'], ['join', '2021-03-01']]],
  ['CIC', 8, [['leave', '2020-09-04'], ['join', '2020-09-21']]],
  ['LC', 5, []],
  ['MASH', 6, []],
];

function buildRoster(): Worker[] {
  const rng = new Rng('workers');
  const numbers = rng.shuffle(Array.from({ length: 79 }, (_, i) => i + 1));
  let next = 0;
  const code = () => `SW${String(numbers[next++]!).padStart(3, '0')}`;
  const workers: Worker[] = [];
  for (const [team, stayers, changes] of ROSTER) {
    for (let i = 0; i < stayers; i++) workers.push({ code: code(), team, join: null, leave: null });
    for (const [kind, date] of changes) {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const day = dayFromYmd(y, m, d);
      workers.push({ code: code(), team, join: kind === 'join' ? day : null, leave: kind === 'leave' ? day : null });
    }
  }
  return workers;
}

const WORKERS = buildRoster();

function inPost(w: Worker, from: Day, to: Day): boolean {
  return (w.join === null || w.join <= from) && (w.leave === null || w.leave >= to);
}

// ------------------------------------------------------------- assessments

type Kind = 'new' | 'update';

interface Assessment {
  id: string;
  child: string;
  start: Day;
  /** null: still open on the as-at date. */
  authorised: Day | null;
  referral: Day | null;
  kind: Kind;
  factors: string;
  team: TeamKey;
  worker: string;
  /** Taken by a child who went on to a CP plan. */
  linked: boolean;
  /** The child's case, once cases are built (the last, when there are several): its team and worker may do the assessment. */
  caseRef: Case | null;
}

const FACTORS = [
  'Domestic abuse',
  'Mental health (parent)',
  'Drug misuse (parent)',
  'Alcohol misuse (parent)',
  'Neglect',
  'Emotional abuse',
  'Physical abuse',
  'Child sexual exploitation',
  'Going missing',
  'Learning disability (parent)',
  'Socially unacceptable behaviour',
];

/** Authorised before the extracts begin: not written, but the child's case may still be open. */
function beforeWindow(a: Assessment): boolean {
  return a.authorised !== null && a.authorised < WINDOW_START;
}

function buildAssessments(): Assessment[] {
  const rng = new Rng('assessments');
  const out: Assessment[] = [];
  for (const [month, spec] of Object.entries(ASSESSMENTS)) {
    const m = parseMonth(month)!;
    const days = workingDaysIn(monthStart(m), monthEnd(m));
    const met = numeratorFor(spec.n, spec.pct) ?? Math.round((spec.n * spec.pct) / 100);
    const newN = spec.newN ?? Math.round(spec.n * 0.62);
    const newPct = spec.newPct ?? Math.min(spec.pct + 9, 92);
    let metNew = spec.newPct !== undefined ? (numeratorFor(newN, newPct) ?? fail(`no ${newPct}% of ${newN}`)) : Math.round((newN * newPct) / 100);
    metNew = Math.min(metNew, met);
    const metUpdate = met - metNew;
    check(metUpdate >= 0 && metUpdate <= spec.n - newN, `assessment split for ${month}`);
    // Which rows are new, and which of each kind are in time.
    const rows: { kind: Kind; inTime: boolean }[] = [];
    for (let i = 0; i < newN; i++) rows.push({ kind: 'new', inTime: i < metNew });
    for (let i = 0; i < spec.n - newN; i++) rows.push({ kind: 'update', inTime: i < metUpdate });
    rng.shuffle(rows);
    for (const row of rows) {
      const authorised = rng.pick(days);
      const wd = row.inTime
        ? rng.chance(0.5)
          ? rng.int(12, 45)
          : rng.int(32, 45)
        : rng.weighted([
            [rng.int(46, 60), 55],
            [rng.int(61, 85), 35],
            [rng.int(86, 130), 10],
          ]);
      const start = wdBefore(authorised, wd);
      if (start > AS_AT) continue;
      const referral = row.kind === 'new' ? wdBefore(start, rng.weighted([[0, 50], [1, 30], [2, 20]])) : null;
      const factorCount = rng.weighted([[1, 45], [2, 35], [3, 20]]);
      const factors = rng.shuffle([...FACTORS]).slice(0, factorCount).join(', ');
      out.push({
        id: '',
        child: '',
        start,
        authorised: authorised <= AS_AT ? authorised : null,
        referral,
        kind: row.kind,
        factors,
        team: 'A1',
        worker: '',
        linked: false,
        caseRef: null,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- CP plans

interface Meeting {
  date: Day;
  /** A meeting booked for this date was cancelled and rearranged (written as a cancelled row). */
  cancelled: Day | null;
}

interface Family {
  /** The initial child protection conference: every sibling's plan starts that day. */
  start: Day;
  readonly category: string;
  readonly members: Plan[];
  readonly meetings: Meeting[];
  /** A short plan that opens and closes within one month. */
  readonly short: boolean;
  team: TeamKey;
}

interface Plan {
  id: string;
  readonly family: Family;
  readonly child: string;
  end: Day | null;
  readonly previous: number;
  caseRef: Case | null;
}

const CATEGORIES: readonly (readonly [string, number])[] = [
  ['Neglect', 46],
  ['Emotional abuse', 34],
  ['Physical abuse', 10],
  ['Sexual abuse', 5],
  ['Multiple', 5],
];

function newFamily(rng: Rng, start: Day, size: number, short = false): Family {
  const family: Family = {
    start,
    category: rng.weighted(CATEGORIES),
    members: [],
    meetings: [],
    short,
    team: rng.chance(0.5) ? 'SN' : 'SS',
  };
  for (let i = 0; i < size; i++) {
    family.members.push({
      id: '',
      family,
      child: childIds.mint(),
      end: null,
      previous: rng.weighted([[0, 72], [1, 20], [2, 6], [3, 2]]),
      caseRef: null,
    });
  }
  return family;
}

function familySizes(rng: Rng, total: number): number[] {
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    const size = Math.min(left, rng.weighted([[1, 60], [2, 28], [3, 10], [4, 2]]));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

const planEnd = (p: Plan): Day => p.end ?? Number.POSITIVE_INFINITY;

/** Plans open on 31 March 2020: young ones by month of start, and the long-running ones. */
function buildStock(rng: Rng): Family[] {
  const families: Family[] = [];
  const byMonth: readonly (readonly [string, number])[] = [
    ['2019-07', 22],
    ['2019-08', 22],
    ['2019-09', 24],
    ['2019-10', 25],
    ['2019-11', 27],
    ['2019-12', 28],
    ['2020-01', 38],
    ['2020-02', 41],
    ['2020-03', 44],
  ];
  for (const [month, count] of byMonth) {
    const m = parseMonth(month)!;
    const days = workingDaysIn(monthStart(m), Math.min(monthEnd(m), STOCK_DAY));
    for (const size of familySizes(rng, count)) families.push(newFamily(rng, rng.pick(days), size));
  }
  const [open, , long] = CP['2020-03']!;
  check(byMonth.reduce((n, [, c]) => n + c, 0) + long === open, 'CP stock adds up');
  for (const size of familySizes(rng, long)) {
    const age = Math.min(276 + rng.geometric(110), 1000);
    let start = prevWd(STOCK_DAY - age);
    while (!isLongPlan(start, STOCK_DAY)) start = prevWd(start - 1);
    families.push(newFamily(rng, start, size));
  }
  return families;
}

interface EndChoice {
  readonly family: Family;
  readonly members: Plan[];
}

function groupByFamily(plans: readonly Plan[]): EndChoice[] {
  const byFamily = new Map<Family, Plan[]>();
  for (const p of plans) {
    const list = byFamily.get(p.family);
    if (list) list.push(p);
    else byFamily.set(p.family, [p]);
  }
  return [...byFamily].map(([family, members]) => ({ family, members }));
}

/** Takes whole families from `groups` until `count` plans are taken (the last family may be split). */
function takePlans(groups: readonly EndChoice[], count: number): Plan[] {
  const out: Plan[] = [];
  for (const g of groups) {
    for (const p of g.members) {
      if (out.length >= count) return out;
      out.push(p);
    }
  }
  return out;
}

/**
 * Chooses the plans that end in a month. Enough long-running plans end to
 * leave `longTarget` open at the month end; whether the oldest or the
 * youngest of them end steers their average age towards `avgTarget`. Short
 * plans end mostly around their three-month review.
 */
function chooseEnds(
  rng: Rng,
  open: readonly Plan[],
  period: Period,
  count: number,
  longTarget: number,
  avgTarget: number,
): Plan[] {
  const s = period.snapshot;
  const candidates = open.filter((p) => p.family.start < period.start - 28);
  const long = candidates.filter((p) => isLongPlan(p.family.start, s));
  const short = candidates.filter((p) => !isLongPlan(p.family.start, s));
  const kLong = Math.max(0, Math.min(long.length - longTarget, count));
  const oldestFirst = groupByFamily([...long].sort((a, b) => a.family.start - b.family.start));
  const youngestFirst = [...oldestFirst].reverse();
  let best: Plan[] = [];
  let bestGap = Number.POSITIVE_INFINITY;
  for (let x = 0; x <= kLong; x++) {
    const oldest = takePlans(oldestFirst, x);
    const taken = new Set(oldest);
    const youngest = takePlans(
      youngestFirst.map((g) => ({ family: g.family, members: g.members.filter((p) => !taken.has(p)) })),
      kLong - x,
    );
    const ended = new Set([...oldest, ...youngest]);
    const remaining = long.filter((p) => !ended.has(p));
    const avg = remaining.reduce((t, p) => t + (s - p.family.start), 0) / Math.max(remaining.length, 1);
    const gap = Math.abs(avg - avgTarget);
    if (gap < bestGap) {
      bestGap = gap;
      best = [...oldest, ...youngest];
    }
  }
  const kShort = Math.min(count - best.length, short.length);
  const mid = period.start + 15;
  const shortGroups = rng
    .sample(groupByFamily(short), short.length, (g) => {
      const age = mid - g.family.start;
      return age >= 80 && age <= 130 ? 6 : age > 130 && age <= 200 ? 2 : 1;
    });
  const ended = [...best, ...takePlans(shortGroups, kShort)];
  check(ended.length === count, `CP ends for ${period.id}: wanted ${count}, found ${ended.length}`);
  return ended;
}

function setEndDates(rng: Rng, ended: readonly Plan[], period: Period): void {
  for (const g of groupByFamily(ended)) {
    const from = Math.max(period.start, g.family.start + 42);
    const end = randomWd(rng, from, period.snapshot) ?? fail(`no end date for a plan in ${period.id}`);
    for (const p of g.members) p.end = end;
  }
}

/**
 * Moves the start of a few single-child long-running plans by a few days so
 * that their total days open on `s` is exactly `target`.
 */
function nudgeStarts(rng: Rng, open: readonly Plan[], s: Day, target: number): void {
  const long = open.filter((p) => isLongPlan(p.family.start, s));
  let diff = target - long.reduce((t, p) => t + (s - p.family.start), 0);
  let moved = 0;
  let shifted = 0;
  const singles = rng.shuffle(long.filter((p) => p.family.members.length === 1));
  for (const p of singles) {
    if (diff === 0) break;
    let delta = Math.max(-12, Math.min(12, diff));
    while (delta !== 0) {
      const start = p.family.start - delta;
      if (isWd(start) && isLongPlan(start, s)) {
        p.family.start = start;
        diff -= delta;
        moved++;
        shifted += Math.abs(delta);
        break;
      }
      delta -= Math.sign(delta);
    }
  }
  check(diff === 0, `could not make the CP days total exact (${diff} left)`);
  NOTES.push(`cp_plans: ${moved} start date(s) moved by ${shifted} day(s) in all to make the days open on ${formatDay(s)} total ${target}`);
}

function buildPlans(): Family[] {
  const rng = new Rng('cp-plans');
  const families = buildStock(rng);
  let open: Plan[] = families.flatMap((f) => f.members);
  let previousOpen = CP['2020-03']![0];
  for (const period of PERIODS) {
    const spec = CP[period.id];
    const starts = spec ? spec[1] : CP_MAY_STARTS;
    const days = workingDaysIn(period.start, period.snapshot);
    const fresh: Plan[] = [];
    for (const size of familySizes(rng, starts)) {
      const f = newFamily(rng, rng.pick(days), size);
      families.push(f);
      fresh.push(...f.members);
    }
    let ended: Plan[];
    if (spec) {
      const [target, , longTarget, avgTarget] = spec;
      ended = chooseEnds(rng, open, period, previousOpen + starts - target, longTarget, avgTarget);
    } else {
      const candidates = open.filter((p) => p.family.start < period.start - 28);
      ended = takePlans(rng.sample(groupByFamily(candidates), candidates.length, () => 1), CP_MAY_ENDS);
    }
    setEndDates(rng, ended, period);
    const endedSet = new Set(ended);
    open = [...open.filter((p) => !endedSet.has(p)), ...fresh];
    if (spec) {
      check(open.length === spec[0], `CP open at the end of ${period.id}: ${open.length}, wanted ${spec[0]}`);
      previousOpen = spec[0];
    }
    if (period.id === '2021-01') {
      const long = open.filter((p) => isLongPlan(p.family.start, period.snapshot));
      check(long.length === spec![2], `CP plans open 9+ months in January 2021: ${long.length}`);
      nudgeStarts(rng, open, period.snapshot, CP_JAN_DAYS);
    }
  }
  return families;
}

// ------------------------------------------------------------- core groups

function dueOf(f: Family, k: number): Day {
  return k === 0
    ? addDuration(f.start, RULES.coreGroupFirst, CAL)
    : addDuration(f.meetings[k - 1]!.date, RULES.coreGroupEvery, CAL);
}

function familyLastDay(f: Family): Day {
  return Math.min(AS_AT, Math.max(...f.members.map(planEnd)));
}

/** From March 2021 the few late core groups were rarely more than a week or two late. */
const RECOVERY = dayFromYmd(2021, 3, 1);

function onTimeChance(due: Day): number {
  if (due >= AS_AT - 21) return 0.97;
  const pct = CORE_GROUPS[monthId(due)];
  if (pct !== undefined) return pct / 100;
  return due < WINDOW_START ? 0.8 : 0.96;
}

/** Each family's meetings: on time mostly a few days early, late by days or weeks. */
function scheduleMeetings(rng: Rng, f: Family): void {
  const last = familyLastDay(f);
  for (;;) {
    const k = f.meetings.length;
    const due = dueOf(f, k);
    let date: Day;
    if (rng.chance(onTimeChance(due))) {
      date = prevWd(due - rng.weighted([[0, 35], [1, 20], [2, 15], [3, 12], [4, 10], [5, 8]]));
    } else {
      const delay =
        due >= RECOVERY
          ? rng.weighted([
              [rng.int(1, 7), 70],
              [rng.int(8, 14), 30],
            ])
          : rng.weighted([
              [rng.int(1, 7), 50],
              [rng.int(8, 21), 40],
              [rng.int(22, 40), 10],
            ]);
      date = nextWd(due + delay);
    }
    if (date > last) return;
    f.meetings.push({ date, cancelled: null });
  }
}

function tallyMeetings(families: readonly Family[], period: Period): { met: number; n: number } {
  let met = 0;
  let n = 0;
  for (const f of families) {
    f.meetings.forEach((mtg, k) => {
      if (mtg.date < period.start || mtg.date > period.end) return;
      const onTime = mtg.date <= dueOf(f, k);
      for (const p of f.members) {
        if (mtg.date > planEnd(p)) continue;
        n++;
        if (onTime) met++;
      }
    });
  }
  return { met, n };
}

/**
 * Moves meeting k of a single-child family across its due date, staying in
 * the month. When the next meeting is in the same month, its verdict must not
 * change; when it is in a later month, the rest of the plan's meetings are
 * scheduled afresh from the moved one (those months are not yet set), as long
 * as none of them lands back in this month. Returns false when not possible.
 */
function flipMeeting(rng: Rng, f: Family, k: number, period: Period, toOnTime: boolean): boolean {
  const mtg = f.meetings[k];
  if (!mtg || mtg.date < period.start || mtg.date > period.end) return false;
  const due = dueOf(f, k);
  const onTime = mtg.date <= due;
  if (onTime === toOnTime) return false;
  const previous = k === 0 ? f.start : f.meetings[k - 1]!.date;
  const next = f.meetings[k + 1];
  const member = f.members[0]!;
  const date = toOnTime ? prevWd(due - rng.int(0, 3)) : nextWd(due + rng.int(1, 6));
  if (date < period.start || date > period.end || date > AS_AT || date <= previous || date > planEnd(member)) return false;
  if (next && next.date <= period.end) {
    if (date >= next.date - 3) return false;
    const nextOnTime = next.date <= addDuration(mtg.date, RULES.coreGroupEvery, CAL);
    if ((next.date <= addDuration(date, RULES.coreGroupEvery, CAL)) !== nextOnTime) return false;
    mtg.date = date;
    return true;
  }
  const old = mtg.date;
  const tail = f.meetings.splice(k + 1);
  mtg.date = date;
  scheduleMeetings(rng, f);
  const following = f.meetings[k + 1];
  if (following && following.date <= period.end) {
    f.meetings.splice(k + 1);
    f.meetings.push(...tail);
    mtg.date = old;
    return false;
  }
  return true;
}

/** A late meeting at the end of the month slips into the next one (still late); the plan's later meetings follow it. */
function spillMeeting(rng: Rng, f: Family, k: number, period: Period): boolean {
  const mtg = f.meetings[k];
  if (!mtg || mtg.date < period.start || mtg.date > period.end || mtg.date <= dueOf(f, k)) return false;
  const date = nextWd(period.end + rng.int(1, 5));
  if (date > AS_AT || date > planEnd(f.members[0]!)) return false;
  const next = f.meetings[k + 1];
  if (next && next.date <= period.end) return false;
  f.meetings.splice(k + 1);
  mtg.date = date;
  scheduleMeetings(rng, f);
  return true;
}

/** A plan that opens and closes inside the month with one core group, on time or late. */
function shortPlan(rng: Rng, period: Period, onTime: boolean): Family {
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = randomWd(rng, period.start, period.start + 5) ?? fail('no start for a short plan');
    const date = addWd(start, onTime ? rng.int(7, 10) : rng.int(11, 12));
    const end = Math.min(date + rng.int(1, 5), period.end - 1);
    if (date > period.end - 1 || end < date) continue;
    const f = newFamily(rng, start, 1, true);
    f.meetings.push({ date, cancelled: null });
    f.members[0]!.end = end;
    check((date <= dueOf(f, 0)) === onTime, 'short plan meeting verdict');
    return f;
  }
  return fail(`could not place a short plan in ${period.id}`);
}

function buildCoreGroups(families: Family[]): void {
  const rng = new Rng('core-groups');
  for (const f of families) scheduleMeetings(rng, f);
  for (const period of PERIODS) {
    const pct = CORE_GROUPS[period.id]!;
    const { met, n } = tallyMeetings(families, period);
    // The denominator nearest the month's own that admits the ratio: more meetings come from short plans,
    // fewer from late meetings at the month end slipping into the next month. The as-at month is only
    // steered towards its figure (a short plan could not close inside it).
    const late: [Family, number][] = [];
    for (const f of families) {
      if (f.members.length !== 1 || f.short) continue;
      f.meetings.forEach((mtg, k) => {
        if (mtg.date >= period.end - 14 && mtg.date <= period.end && mtg.date > dueOf(f, k)) late.push([f, k]);
      });
    }
    // Slipping into the as-at month would leave it with a run of late meetings.
    const nextPartial = PERIODS.some((p) => p.partial && p.start === period.end + 1);
    const maxSpills = nextPartial ? 0 : Math.min(6, Math.floor(late.length / 2));
    let change = 0;
    let want: number | null = period.partial ? Math.round((n * pct) / 100) : null;
    for (let step = 0; step <= 15 && want === null; step++) {
      for (const d of step === 0 ? [0] : [step, -step]) {
        if (d < -maxSpills) continue;
        want = numeratorFor(n + d, pct);
        if (want !== null) {
          change = d;
          break;
        }
      }
    }
    check(want !== null, `core groups ${period.id}: no ratio`);
    const extraOnTime = Math.max(0, Math.min(change, want - met));
    for (let i = 0; i < change; i++) families.push(shortPlan(rng, period, i < extraOnTime));
    let spills = Math.max(0, -change);
    for (const [f, k] of rng.shuffle(late)) {
      if (spills > 0 && spillMeeting(rng, f, k, period)) spills--;
    }
    check(spills === 0, `core groups ${period.id}: ${spills} late meetings could not slip into the next month`);
    let moves = want - met - extraOnTime;
    const flips = Math.abs(moves);
    const candidates: [Family, number][] = [];
    for (const f of families) {
      if (f.members.length !== 1 || f.short) continue;
      f.meetings.forEach((mtg, k) => {
        if (mtg.date >= period.start && mtg.date <= period.end) candidates.push([f, k]);
      });
    }
    for (let pass = 0; pass < 4 && moves !== 0; pass++) {
      for (const [f, k] of rng.shuffle(candidates)) {
        if (moves === 0) break;
        if (flipMeeting(rng, f, k, period, moves > 0)) moves -= Math.sign(moves);
      }
    }
    const adjusted = [
      change > 0 ? `${change} short plan(s)` : '',
      change < 0 ? `${-change} late meeting(s) slipped into the next month` : '',
      flips - Math.abs(moves) > 0 ? `${flips - Math.abs(moves)} meeting(s) moved across their due date` : '',
    ].filter(Boolean);
    if (adjusted.length) NOTES.push(`core_groups ${period.id}: ${adjusted.join(', ')}`);
    if (period.partial) continue;
    check(moves === 0, `core groups ${period.id}: ${moves} meetings could not be moved (${met} of ${n}, wanted ${want} of ${n + change})`);
    const after = tallyMeetings(families, period);
    check(roundedRatio(after.met, after.n, 100) === pct.toFixed(1), `core groups ${period.id} ratio`);
  }
  // Some late meetings had first been booked for a day nearer the due date and cancelled.
  for (const f of families) {
    f.meetings.forEach((mtg, k) => {
      const due = dueOf(f, k);
      if (mtg.date > due && rng.chance(0.3)) {
        const booked = prevWd(due - rng.int(0, 3));
        const previous = k === 0 ? f.start : f.meetings[k - 1]!.date;
        if (booked > previous && booked < mtg.date) mtg.cancelled = booked;
      }
    });
  }
}

// ------------------------------------------------------------------- cases

type CaseType = 'CIN' | 'CP' | 'CLA' | 'CL';

interface Case {
  id: string;
  readonly child: string;
  start: Day;
  end: Day | null;
  type: CaseType;
  readonly team: TeamKey;
  worker: Worker | null;
  readonly need: string;
  /** For a child-in-need case opened by an assessment: when that was authorised (null while open). */
  readonly assessed: Day | null;
  readonly supervisions: Day[];
}

const NEEDS: readonly (readonly [string, number])[] = [
  ['N1', 52],
  ['N2', 4],
  ['N3', 3],
  ['N4', 19],
  ['N5', 3],
  ['N6', 2],
  ['N7', 1],
  ['N8', 5],
  ['N9', 3],
];

function newCase(
  rng: Rng,
  child: string,
  start: Day,
  end: Day | null,
  type: CaseType,
  team: TeamKey,
  assessed: Day | null = null,
): Case {
  return { id: '', child, start, end, type, team, worker: null, need: rng.weighted(NEEDS), assessed, supervisions: [] };
}

/** Links new plans to the assessments that led to them: same child, assessment started before the conference. */
function linkAssessments(rng: Rng, families: readonly Family[], assessments: Assessment[]): Map<Plan, Assessment> {
  const links = new Map<Plan, Assessment>();
  const byStart = [...assessments].sort((a, b) => a.start - b.start);
  for (const f of families) {
    if (f.start < WINDOW_START || f.short) continue;
    for (const p of f.members) {
      const candidates = byStart.filter(
        (a) =>
          !a.linked &&
          !beforeWindow(a) &&
          a.start <= f.start - 10 &&
          a.start >= f.start - 60 &&
          (a.authorised === null || a.authorised >= f.start - 14),
      );
      if (candidates.length === 0) continue;
      const a = rng.sample(candidates, 1, (x) => (x.kind === 'new' ? 3 : 1))[0]!;
      a.linked = true;
      a.child = p.child;
      links.set(p, a);
    }
  }
  return links;
}

function buildCases(families: readonly Family[], assessments: Assessment[]): Case[] {
  const rng = new Rng('cases');
  const cases: Case[] = [];
  const links = linkAssessments(rng, families, assessments);

  // Children on plans: the case opens at referral and carries on after the plan, stepped down, for a while.
  for (const f of families) {
    for (const p of f.members) {
      const a = links.get(p);
      const start = a ? (a.referral ?? a.start) : prevWd(f.start - rng.int(14, 75));
      let end: Day | null;
      let type: CaseType = 'CP';
      if (p.end === null) end = null;
      else if (f.short) end = Math.min(p.end + rng.int(0, 4), AS_AT);
      else if (rng.chance(0.35)) end = p.end;
      else {
        const stepDown = p.end + rng.int(20, 150);
        end = stepDown > AS_AT ? null : nextWd(stepDown) > AS_AT ? null : nextWd(stepDown);
        type = 'CIN';
      }
      const c = newCase(rng, p.child, start, end, type, f.team);
      p.caseRef = c;
      cases.push(c);
    }
  }

  // Looked-after children and care leavers: long cases already open in April 2020, and new ones.
  const longCases = (type: CaseType, team: TeamKey, stock: number, stockFrom: Day, remaining: number, perMonth: number) => {
    for (let i = 0; i < stock; i++) {
      const start = nextWd(stockFrom + rng.int(0, STOCK_DAY - stockFrom));
      const endDay = WINDOW_START + rng.geometric(remaining);
      const end = endDay > AS_AT ? null : nextWd(endDay) > AS_AT ? null : nextWd(endDay);
      cases.push(newCase(rng, childIds.mint(), Math.min(start, STOCK_DAY), end, type, team));
    }
    for (const period of PERIODS) {
      const count = period.partial ? Math.round(perMonth / 3) : rng.int(perMonth - 2, perMonth + 2);
      for (let i = 0; i < count; i++) {
        const start = randomWd(rng, period.start, period.snapshot)!;
        const endDay = start + 60 + rng.geometric(remaining);
        const end = endDay > AS_AT ? null : nextWd(endDay) > AS_AT ? null : nextWd(endDay);
        cases.push(newCase(rng, childIds.mint(), start, end, type, team));
      }
    }
  };
  longCases('CLA', 'CIC', 248, dayFromYmd(2009, 6, 1), 1000, 5);
  longCases('CL', 'LC', 100, dayFromYmd(2017, 4, 1), 700, 3);

  // Children assessed after a new referral: the case closes soon after the assessment, or carries on as CIN.
  const assessedCase = (a: Assessment): Case => {
    const start = a.referral ?? a.start;
    let end: Day | null = null;
    if (a.authorised !== null) {
      const close = rng.chance(0.55) ? a.authorised + rng.int(0, 12) : a.authorised + rng.int(35, 240);
      end = close > AS_AT ? null : nextWd(close) > AS_AT ? null : nextWd(close);
    }
    return newCase(rng, a.child, start, end, 'CIN', rng.chance(0.5) ? 'A1' : 'A2', a.authorised);
  };
  for (const a of assessments) {
    if (a.linked || a.kind !== 'new') continue;
    a.child = childIds.mint();
    cases.push(assessedCase(a));
  }

  // Re-assessments are of children with an open case; a few are of children known before.
  const openLong = cases.filter((c) => c.type === 'CLA' || c.type === 'CIN' || c.type === 'CP');
  const reassessed = new Map<Case, number>();
  for (const a of assessments) {
    if (a.linked || a.kind !== 'update') continue;
    const until = a.authorised ?? AS_AT;
    let c: Case | undefined;
    for (let tries = 0; tries < 150 && !c; tries++) {
      const x = rng.pick(openLong);
      if ((reassessed.get(x) ?? 0) < 2 && x.start <= a.start - 60 && (x.end === null || x.end > until)) c = x;
    }
    if (c) {
      a.child = c.child;
      reassessed.set(c, (reassessed.get(c) ?? 0) + 1);
    } else {
      a.child = childIds.mint();
      a.referral = null;
      cases.push(assessedCase(a));
    }
  }
  const kept = cases.filter((c) => c.end === null || c.end >= WINDOW_START);
  const caseOf = new Map<string, Case>();
  for (const c of kept) caseOf.set(c.child, c);
  for (const a of assessments) a.caseRef = caseOf.get(a.child) ?? null;
  return kept;
}

/**
 * The improvement plan's review of open child-in-need cases: from mid-January
 * 2021 a share of the long-running ones are stepped down and closed.
 */
function caseReview(cases: Case[]): void {
  const rng = new Rng('case-review');
  const from = dayFromYmd(2021, 1, 18);
  const to = dayFromYmd(2021, 3, 31);
  for (const c of cases) {
    if (c.assessed === null || c.assessed > from - 30) continue;
    if (c.end !== null && c.end <= to) continue;
    if (rng.chance(0.4)) c.end = randomWd(rng, from, to) ?? c.end;
  }
}

/** Gives each case a worker of its team who is in post for as long as the case is open. */
function allocate(cases: Case[]): void {
  const rng = new Rng('allocation');
  for (const c of cases) {
    const from = Math.max(c.start, WINDOW_START);
    const to = Math.min(c.end ?? AS_AT, AS_AT);
    const eligible = WORKERS.filter((w) => w.team === c.team && inPost(w, from, to));
    check(eligible.length > 0, `no ${c.team} worker for a case`);
    // Newly opened cases are sometimes still waiting for allocation on the as-at date.
    if (c.end === null && c.start >= AS_AT - 14 && c.type === 'CIN' && rng.chance(0.2)) continue;
    c.worker = rng.pick(eligible);
  }
}

function caseload(cases: readonly Case[], s: Day): { cases: number; workers: number } {
  const workers = new Set<string>();
  let n = 0;
  for (const c of cases) {
    if (!isOpenAt(c.start, c.end, s) || c.worker === null) continue;
    n++;
    workers.add(c.worker.code);
  }
  return { cases: n, workers: workers.size };
}

/** Moves a few closures across the month end so the average caseload shows exactly as published. */
function fixCaseload(cases: Case[]): void {
  const rng = new Rng('caseload');
  const period = periodOf(CASELOAD_MONTH);
  const s = period.snapshot;
  // A worker in post with no open case at a month end (one about to leave, say) is given one, so that
  // the number of workers holding cases follows the staffing.
  for (const p of PERIODS) {
    const holding = new Map<string, number>();
    for (const c of cases) {
      if (c.worker && isOpenAt(c.start, c.end, p.snapshot)) holding.set(c.worker.code, (holding.get(c.worker.code) ?? 0) + 1);
    }
    for (const w of WORKERS) {
      if (w.team === 'MASH' || !inPost(w, p.snapshot, p.snapshot) || holding.has(w.code)) continue;
      const c = rng
        .shuffle(cases.filter((x) => x.team === w.team && x.worker !== null && isOpenAt(x.start, x.end, p.snapshot)))
        .find((x) => (holding.get(x.worker!.code) ?? 0) > 1 && inPost(w, Math.max(x.start, WINDOW_START), Math.min(x.end ?? AS_AT, AS_AT)));
      if (!c) continue;
      holding.set(c.worker!.code, holding.get(c.worker!.code)! - 1);
      holding.set(w.code, 1);
      c.worker = w;
    }
  }
  const { cases: n, workers } = caseload(cases, s);
  let want: number | null = null;
  for (let step = 0; step < 200 && want === null; step++) {
    for (const k of [n - step, n + step]) {
      if (roundedRatio(k, workers, 1) === CASELOAD_VALUE) {
        want = k;
        break;
      }
    }
  }
  check(want !== null, 'no caseload total');
  let moves = want - n;
  // Cases closed after their assessment, or after a child-in-need plan, near the month end.
  const movable = rng.shuffle(cases.filter((c) => c.assessed !== null && c.worker !== null && c.end !== null));
  for (const c of movable) {
    if (moves === 0) break;
    const end = c.end!;
    if (moves < 0 && end > s && end <= s + 20 && c.start < s - 20) {
      // Closed a little earlier: before the month end rather than just after it.
      const day = randomWd(rng, s - 10, s);
      if (day !== null && day > c.start && day >= c.assessed!) {
        c.end = day;
        moves++;
      }
    } else if (moves > 0 && end <= s && end > s - 20 && c.worker!.leave === null) {
      const day = randomWd(rng, s + 1, s + 20);
      if (day !== null) {
        c.end = day;
        moves--;
      }
    }
  }
  check(moves === 0, `caseload: ${moves} cases could not be moved`);
  if (want !== n) NOTES.push(`cases ${CASELOAD_MONTH}: ${Math.abs(want - n)} closure(s) moved across the month end (${n} -> ${want} cases, ${workers} workers)`);
  const after = caseload(cases, s);
  check(roundedRatio(after.cases, after.workers, 1) === CASELOAD_VALUE, 'caseload exact');
}

// ------------------------------------------------------------ supervisions

interface Supervision {
  readonly child: string;
  readonly date: Day;
  readonly worker: string;
  readonly supervisor: string;
  id: string;
}

function supervisionWeight(c: Case): number {
  return c.type === 'CP' ? 1.4 : c.type === 'CIN' ? 1 : c.type === 'CLA' ? 0.8 : 0.7;
}

/**
 * Case supervision, month by month. Dates fall on days 1 to 27 so a
 * supervision is "in time" at its own month end and never at the next one;
 * then the number supervised each month sets the figure.
 */
function buildSupervisions(cases: readonly Case[]): Supervision[] {
  const rng = new Rng('supervisions');
  const add = (c: Case, from: Day, to: Day): void => {
    const day = randomWd(rng, Math.max(from, c.start), to);
    if (day !== null) c.supervisions.push(day);
  };
  // A little history before April 2020.
  for (const month of ['2020-02', '2020-03']) {
    const m = parseMonth(month)!;
    const s = monthEnd(m);
    for (const c of cases) if (isOpenAt(c.start, c.end, s) && rng.chance(0.5)) add(c, monthStart(m), monthStart(m) + 26);
  }
  for (const period of PERIODS) {
    const s = period.snapshot;
    const lastDay = Math.min(period.start + 26, AS_AT);
    const open = cases.filter((c) => isOpenAt(c.start, c.end, s));
    const unsupervised = (c: Case) => !c.supervisions.some((d) => d >= c.start && d <= s);
    const auto = open.filter((c) => unsupervised(c) && addDuration(c.start, supervisionInterval(c.type), CAL) >= s);
    const autoSet = new Set(auto);
    const due = open.filter((c) => !autoSet.has(c));
    const pct = SUPERVISION[period.id];
    let k: number;
    if (pct !== undefined) {
      const want = numeratorFor(open.length, pct) ?? fail(`supervision ${period.id}: no ratio`);
      k = want - auto.length;
      check(k >= 0 && k <= due.length, `supervision ${period.id}: ${k} of ${due.length}`);
    } else {
      k = Math.round(due.length * 0.8);
    }
    for (const c of rng.sample(due, k, supervisionWeight)) add(c, period.start, lastDay);
    for (const c of auto) if (rng.chance(0.6)) add(c, period.start, lastDay);
    // Cases that close during the month are often supervised before they close.
    for (const c of cases) {
      if (c.end !== null && c.end > period.start && c.end <= s && rng.chance(0.4)) add(c, period.start, Math.min(lastDay, c.end - 1));
    }
  }
  // Some supervisions fall late in the month: harmless when the case was supervised again the next month.
  for (const c of cases) {
    c.supervisions.sort((a, b) => a - b);
    for (let i = 0; i < c.supervisions.length; i++) {
      const d = c.supervisions[i]!;
      const m = monthOf(d);
      if (m + 1 > parseMonth('2021-03')! || m < parseMonth('2020-04')!) continue;
      const nextS = monthEnd(m + 1);
      const again = c.supervisions.some((x) => monthOf(x) === m + 1);
      if ((again || !isOpenAt(c.start, c.end, nextS)) && rng.chance(0.08)) {
        const late = randomWd(rng, monthStart(m) + 27, monthEnd(m));
        if (late !== null && (c.end === null || late < c.end)) c.supervisions[i] = late;
      }
    }
    c.supervisions.sort((a, b) => a - b);
  }
  const out: Supervision[] = [];
  for (const c of cases) {
    for (const d of c.supervisions) {
      const supervisor = rng.pick(TEAM_MANAGERS[c.team]);
      out.push({ child: c.child, date: d, worker: c.worker?.code ?? '', supervisor, id: '' });
    }
  }
  return out;
}

// ---------------------------------------------------------------- contacts

interface Contact {
  id: string;
  readonly child: string;
  readonly date: Day;
  readonly decision: Day | null;
  readonly source: string;
  readonly outcome: string;
  readonly worker: string;
  readonly time: string;
  readonly decisionTime: string;
}

const SOURCES: readonly (readonly [string, number])[] = [
  ['Police', 30],
  ['Schools', 21],
  ['Health services', 18],
  ['Local authority services', 9],
  ['Individual', 11],
  ['Anonymous', 3],
  ['Other legal agency', 3],
  ['Other', 5],
];

function buildContacts(assessments: readonly Assessment[], cases: readonly Case[]): Contact[] {
  const rng = new Rng('contacts');
  const mash = WORKERS.filter((w) => w.team === 'MASH').map((w) => w.code);
  const out: Contact[] = [];
  const make = (child: string, date: Day, decision: Day | null, outcome: string): Contact => {
    const time = clock(rng, 7, 21);
    // Decided the same day: some time after the contact came in.
    const later = Number(time.slice(0, 2)) + rng.int(1, 3);
    const decisionTime = decision === date ? (later <= 23 ? `${pad2(later)}${time.slice(2)}` : '23:50') : clock(rng, 9, 19);
    return {
      id: '',
      child,
      date,
      decision,
      source: rng.weighted(SOURCES),
      outcome: decision === null ? '' : outcome,
      worker: decision === null ? '' : rng.pick(mash),
      time,
      decisionTime,
    };
  };

  // The referral behind each new assessment.
  const placed = new Map<string, { n: number; met: number }>();
  for (const a of assessments) {
    if (a.kind !== 'new' || a.referral === null) continue;
    const r = a.referral;
    const pct = CONTACTS[monthId(r)]?.[1] ?? 85;
    let date: Day;
    if (rng.chance(Math.min(0.97, pct / 100 + 0.08))) {
      date = rng.chance(0.6) ? r : rng.chance(0.85) ? prevWd(r - 1) : r - 1;
      if (!(r <= addWd(date, 1))) date = r;
    } else {
      date = wdBefore(r, rng.int(2, 5));
    }
    if (date < WINDOW_START) continue;
    out.push(make(a.child, date, r, "Referral to children's social care"));
    const month = monthId(date);
    const tally = placed.get(month) ?? { n: 0, met: 0 };
    tally.n++;
    if (r <= addWd(date, 1)) tally.met++;
    placed.set(month, tally);
  }

  // Everything else the front door decides.
  const knownChild = (d: Day): string | null => {
    for (let tries = 0; tries < 20; tries++) {
      const c = rng.pick(cases);
      if (isOpenAt(c.start, c.end, d)) return c.child;
    }
    return null;
  };
  for (const period of PERIODS) {
    const [n, pct] = CONTACTS[period.id]!;
    const pre = placed.get(period.id) ?? { n: 0, met: 0 };
    const met = period.partial ? Math.round((n * pct) / 100) : (numeratorFor(n, pct) ?? fail(`contacts ${period.id}: no ratio`));
    const generic = n - pre.n;
    const genericMet = met - pre.met;
    check(generic >= 0 && genericMet >= 0 && genericMet <= generic, `contacts ${period.id}: ${genericMet} of ${generic}`);
    // In the as-at month, only contacts whose timescale has run out are counted; the rest are pending.
    const counted = (d: Day) => !period.partial || addWd(d, 1) < AS_AT;
    const allWorking = workingDaysIn(period.start, period.snapshot);
    const working = allWorking.filter(counted);
    const closed: Day[] = [];
    for (let d = period.start; d <= period.snapshot; d++) if (!isWd(d) && counted(d)) closed.push(d);
    const inTime = rng.shuffle(Array.from({ length: generic }, (_, i) => i < genericMet));
    // Contacts still within their timescale on the as-at date are pending and come on top.
    const pendingSlots = period.partial ? 45 : 0;
    for (let i = 0; i < generic + pendingSlots; i++) {
      const pending = i >= generic;
      const date = pending
        ? rng.pick(allWorking.filter((d) => !counted(d)))
        : rng.chance(0.06) && closed.length
          ? rng.pick(closed)
          : rng.pick(working);
      const deadline = addWd(date, 1);
      let decision: Day | null;
      if (pending) decision = rng.chance(0.5) ? null : Math.min(AS_AT, rng.chance(0.5) ? date : deadline);
      else if (inTime[i]) decision = isWd(date) && rng.chance(0.55) ? date : Math.min(deadline, AS_AT);
      else {
        const late = addWd(date, rng.int(2, 6));
        decision = late <= AS_AT && rng.chance(0.97) ? late : null;
      }
      if (!pending && !inTime[i] && decision === null) check(AS_AT > deadline, 'an undecided contact meant as late is overdue');
      const known = rng.chance(0.45) ? knownChild(date) : null;
      const outcome = known
        ? rng.weighted([['Passed to allocated worker', 70], ['Information and advice', 30]])
        : rng.weighted([['No further action', 30], ['Information and advice', 35], ['Early Help', 35]]);
      out.push(make(known ?? childIds.mint(), date, decision, outcome));
    }
  }
  return out;
}

// ---------------------------------------------------------- writing extracts

/** A row as written: its cells, or a blank line. */
type Row = readonly string[] | { readonly blank: string };

interface Extract {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: Row[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** What reading it must give. */
  readonly expect: { read: number; valid: number; rejected: number; duplicate: number };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function render(x: Extract): string {
  const lines = [x.header.map(csvCell).join(',')];
  for (const row of x.rows) lines.push('blank' in row ? row.blank : row.map(csvCell).join(','));
  return `${x.bom ? '\uFEFF' : ''}${lines.join(x.eol)}${x.eol}`;
}

/**
 * The mess of a real extract, added to the rows the figures come from:
 * exact repeats (duplicates), a key reused with other values (rejected, the
 * first row kept), invalid rows (rejected), Excel-mangled ids (valid).
 */
class Mess {
  readonly rng: Rng;
  rejected = 0;
  duplicate = 0;
  blank = 0;
  private readonly inserts: { after: number; row: Row }[] = [];

  constructor(
    name: string,
    private readonly rows: string[][],
  ) {
    this.rng = new Rng(`mess-${name}`);
  }

  /** A row index away from the ends, different from those used. */
  private spot(): number {
    return this.rng.int(5, this.rows.length - 5);
  }

  repeat(times: number): void {
    for (let i = 0; i < times; i++) {
      const at = this.spot();
      this.inserts.push({ after: at + this.rng.int(0, 3), row: [...this.rows[at]!] });
      this.duplicate++;
    }
  }

  /** A repeat written differently (dates in another format): still the same values, so a duplicate. */
  repeatRewritten(rewrite: (at: number) => string[]): void {
    const at = this.spot();
    this.inserts.push({ after: at + 1, row: rewrite(at) });
    this.duplicate++;
  }

  /** The same key again with one value changed. */
  reuseKey(change: (row: string[]) => void): void {
    const at = this.spot();
    const row = [...this.rows[at]!];
    change(row);
    this.inserts.push({ after: at + this.rng.int(1, 40), row });
    this.rejected++;
  }

  /** An invalid copy of a row, with its own new key. */
  invalid(key: string, keyColumn: number, change: (row: string[]) => void): void {
    const at = this.spot();
    const row = [...this.rows[at]!];
    row[keyColumn] = key;
    change(row);
    this.inserts.push({ after: at, row });
    this.rejected++;
  }

  blankLine(text: string): void {
    this.inserts.push({ after: this.spot(), row: { blank: text } });
    this.blank++;
  }

  /** Writes a few ids as Excel does after a round trip through a spreadsheet. */
  excelIds(column: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const row = this.rows[this.spot()]!;
      if (/^\d+$/.test(row[column]!)) row[column] = `${row[column]}.0`;
    }
  }

  result(file: string, header: readonly string[], eol: '\n' | '\r\n', bom: boolean): Extract {
    const byAfter = new Map<number, Row[]>();
    for (const ins of this.inserts) {
      const after = Math.min(ins.after, this.rows.length - 1);
      const list = byAfter.get(after) ?? [];
      list.push(ins.row);
      byAfter.set(after, list);
    }
    const rows: Row[] = [];
    this.rows.forEach((row, i) => {
      rows.push(row);
      rows.push(...(byAfter.get(i) ?? []));
    });
    const valid = this.rows.length;
    return {
      file,
      header,
      rows,
      eol,
      bom,
      expect: { read: valid + this.rejected + this.duplicate, valid, rejected: this.rejected, duplicate: this.duplicate },
    };
  }
}

function pickFormat(rng: Rng, weights: readonly (readonly [DateFormat, number])[]): DateFormat {
  return rng.weighted(weights);
}

function contactsExtract(contacts: Contact[]): Extract {
  const rng = new Rng('write-contacts');
  contacts.sort((a, b) => a.date - b.date || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const gender = new Map<string, string>();
  const rows = contacts.map((c, i) => {
    c.id = `CT${String(2_004_001 + i)}`;
    let g = gender.get(c.child);
    if (g === undefined) {
      g = rng.weighted([['Male', 49], ['Female', 48], ['Unknown', 3]]);
      gender.set(c.child, g);
    }
    const fmt = pickFormat(rng, [['dmy', 80], ['iso', 12], ['dmyShort', 8]]);
    const date = `${DATE_FORMATS[fmt](c.date)} ${c.time}`;
    const decision = c.decision === null ? '' : `${DATE_FORMATS[fmt](c.decision)} ${c.decisionTime}`;
    return [c.id, c.child, g, date, decision, c.source, c.outcome, c.decision === null ? '' : 'MASH', c.worker];
  });
  const mess = new Mess('contacts', rows);
  mess.repeat(2);
  mess.reuseKey((row) => (row[6] = row[6] === 'Early Help' ? 'No further action' : 'Early Help'));
  mess.reuseKey((row) => (row[5] = row[5] === 'Police' ? 'Schools' : 'Police'));
  let extra = 9_000_001;
  const key = () => `CT${extra++}`;
  mess.invalid(key(), 0, (row) => (row[1] = ''));
  mess.invalid(key(), 0, (row) => (row[3] = '31/02/2021 10:12'));
  mess.invalid(key(), 0, (row) => (row[3] = '14/01/21'));
  mess.invalid(key(), 0, (row) => {
    row[3] = '18/03/2021 11:40';
    row[4] = '17/03/2021 09:15';
  });
  mess.invalid(key(), 0, (row) => {
    row[3] = '07/05/2021 16:20';
    row[4] = '11/05/2021 09:05';
  });
  mess.excelIds(1, 3);
  mess.blankLine('');
  const header = [
    'Contact ID',
    'Child Unique ID',
    'Gender',
    'Date of Contact',
    'Decision Date',
    'Contact Source',
    'Outcome',
    'Allocated Team',
    'Allocated Worker',
  ];
  return mess.result('contacts.csv', header, '\n', true);
}

function assessmentsExtract(all: readonly Assessment[]): Extract {
  const assessments = all.filter((a) => !beforeWindow(a));
  const rng = new Rng('write-assessments');
  assessments.sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : 1));
  const cells = (a: Assessment, fmt: DateFormat): string[] => [
    a.id,
    a.child,
    a.referral === null ? '' : DATE_FORMATS[fmt](a.referral),
    DATE_FORMATS[fmt](a.start),
    a.authorised === null ? '' : DATE_FORMATS[fmt](a.authorised),
    a.kind === 'new' ? 'New' : 'Update',
    a.factors,
    TEAM_NAMES[a.team],
    a.worker,
  ];
  const rows = assessments.map((a, i) => {
    a.id = `AS${String(300_001 + i)}`;
    const c = a.caseRef;
    if (c && c.worker && c.team !== 'SN' && c.team !== 'SS' && inPost(c.worker, a.start, a.authorised ?? AS_AT)) {
      a.team = c.team;
      a.worker = c.worker.code;
    } else {
      const team: TeamKey = rng.chance(0.5) ? 'A1' : 'A2';
      const eligible = WORKERS.filter((w) => w.team === team && inPost(w, a.start, a.authorised ?? AS_AT));
      a.team = team;
      a.worker = eligible.length ? rng.pick(eligible).code : '';
    }
    return cells(a, pickFormat(rng, [['dmy', 70], ['named', 18], ['namedDash', 12]]));
  });
  const mess = new Mess('assessments', rows);
  mess.repeat(1);
  mess.repeatRewritten((at) => cells(assessments[at]!, 'iso'));
  mess.reuseKey((row) => (row[5] = row[5] === 'New' ? 'Update' : 'New'));
  let extra = 900_001;
  const key = () => `AS${extra++}`;
  mess.invalid(key(), 0, (row) => {
    row[3] = '22/02/2021';
    row[4] = '19/02/2021';
  });
  mess.invalid(key(), 0, (row) => (row[3] = '12/01/21'));
  mess.invalid(key(), 0, (row) => (row[1] = ' '));
  mess.invalid(key(), 0, (row) => {
    row[3] = '12 May 2021';
    row[4] = '';
  });
  const header = [
    'Assessment ID',
    'Child Unique ID',
    'Referral Date',
    'Continuous Assessment Start Date',
    'Continuous Assessment Date of Authorisation',
    'Kind',
    'Factors Identified at End of Assessment',
    'Team',
    'Worker',
  ];
  return mess.result('assessments.csv', header, '\r\n', false);
}

function plansExtract(families: readonly Family[]): Extract {
  const rng = new Rng('write-plans');
  const plans = families.flatMap((f) => f.members);
  plans.sort((a, b) => a.family.start - b.family.start || (a.child < b.child ? -1 : 1));
  const rows = plans.map((p, i) => {
    p.id = `CPP${String(50_001 + i)}`;
    const fmt = pickFormat(rng, [['dmyShort', 55], ['dmy', 45]]);
    const c = p.caseRef!;
    return [
      p.id,
      p.child,
      DATE_FORMATS[fmt](p.family.start),
      p.end === null ? '' : DATE_FORMATS[fmt](p.end),
      p.family.category,
      String(p.previous),
      TEAM_NAMES[p.family.team],
      c.worker?.code ?? '',
    ];
  });
  const mess = new Mess('cp-plans', rows);
  mess.repeat(1);
  mess.reuseKey((row) => (row[5] = String(Number(row[5]) + 1)));
  let extra = 90_001;
  const key = () => `CPP${extra++}`;
  mess.invalid(key(), 0, (row) => {
    row[2] = '14/12/2020';
    row[3] = '3/12/2020';
  });
  mess.invalid(key(), 0, (row) => (row[2] = '31/02/2021'));
  mess.excelIds(1, 2);
  const header = [
    'Plan ID',
    'Child Unique ID',
    'Child Protection Plan Start Date',
    'Child Protection Plan End Date',
    'Latest Category of Abuse',
    'Number of Previous Child Protection Plans',
    'Team',
    'Worker',
  ];
  return mess.result('cp_plans.csv', header, '\n', false);
}

function coreGroupsExtract(families: readonly Family[]): Extract {
  const rng = new Rng('write-core-groups');
  interface Line {
    readonly child: string;
    readonly date: Day;
    readonly cancelled: boolean;
  }
  const lines: Line[] = [];
  for (const f of families) {
    for (const mtg of f.meetings) {
      for (const p of f.members) {
        if (mtg.date > planEnd(p)) continue;
        if (mtg.cancelled !== null) lines.push({ child: p.child, date: mtg.cancelled, cancelled: true });
        lines.push({ child: p.child, date: mtg.date, cancelled: false });
      }
    }
  }
  lines.sort((a, b) => a.date - b.date || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0) || Number(b.cancelled) - Number(a.cancelled));
  const flag = (p: number): string => {
    if (rng.chance(0.03)) return '';
    const yes = rng.chance(p);
    return rng.chance(0.1) ? (yes ? 'Yes' : 'No') : yes ? 'Y' : 'N';
  };
  const rows = lines.map((l, i) => {
    const { month } = ymdFromDay(l.date);
    const holidays = month === 8 || (month === 7 && ymdFromDay(l.date).day > 22);
    // Meetings went online in the first lockdown, and partly stayed there.
    const virtual =
      l.date < dayFromYmd(2020, 3, 23) ? 0.02 : l.date < dayFromYmd(2020, 9, 1) ? 0.85 : l.date < dayFromYmd(2021, 4, 1) ? 0.6 : 0.35;
    const venue = rng.chance(virtual) ? 'Virtual (Teams)' : rng.weighted([['School', 35], ['Family home', 30], ['Council offices', 35]]);
    const date = rng.chance(0.15) ? `${formatDay(l.date)}T${clock(rng, 9, 16)}:00Z` : formatDay(l.date);
    return [
      `CG${String(700_001 + i)}`,
      l.child,
      date,
      l.cancelled ? 'Cancelled' : 'Held',
      l.cancelled ? '' : flag(holidays ? 0.35 : 0.72),
      l.cancelled ? '' : flag(0.52),
      l.cancelled ? '' : flag(0.81),
      l.cancelled ? '' : flag(0.6),
      venue,
    ];
  });
  const mess = new Mess('core-groups', rows);
  mess.repeat(2);
  mess.reuseKey((row) => (row[5] = /^y/i.test(row[5]!) ? 'N' : 'Y'));
  let extra = 990_001;
  const key = () => `CG${extra++}`;
  mess.invalid(key(), 0, (row) => (row[1] = ''));
  mess.invalid(key(), 0, (row) => (row[2] = '2021-05-17'));
  mess.excelIds(1, 3);
  const header = ['meeting_id', 'child_id', 'meeting_date', 'status', 'education', 'police', 'health', 'other', 'venue'];
  return mess.result('core_groups.csv', header, '\n', false);
}

function supervisionsExtract(supervisions: Supervision[]): Extract {
  supervisions.sort((a, b) => a.date - b.date || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const rows = supervisions.map((s, i) => {
    s.id = `SUP${String(1_000_001 + i)}`;
    return [s.id, s.child, formatDay(s.date), s.worker, s.supervisor];
  });
  const mess = new Mess('supervisions', rows);
  mess.repeat(2);
  mess.reuseKey((row) => (row[4] = row[4] === 'TM01' ? 'TM07' : 'TM01'));
  mess.invalid('SUP9000001', 0, (row) => (row[2] = '2020-09-31'));
  mess.blankLine(',,,,');
  const header = ['supervision_id', 'child_id', 'supervision_date', 'worker', 'supervisor'];
  return mess.result('supervisions.csv', header, '\n', false);
}

function casesExtract(cases: Case[]): Extract {
  const rng = new Rng('write-cases');
  cases.sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : 1));
  const rows = cases.map((c, i) => {
    c.id = `EP${String(400_001 + i)}`;
    const fmt = pickFormat(rng, [['iso', 85], ['dotted', 15]]);
    return [
      c.id,
      c.child,
      DATE_FORMATS[fmt](c.start),
      c.end === null ? '' : DATE_FORMATS[fmt](c.end),
      c.type,
      c.worker?.code ?? '',
      TEAM_NAMES[c.team],
      c.need,
    ];
  });
  const mess = new Mess('cases', rows);
  mess.repeat(1);
  mess.reuseKey((row) => (row[6] = row[6] === TEAM_NAMES.A1 ? TEAM_NAMES.A2 : TEAM_NAMES.A1));
  mess.invalid('EP990001', 0, (row) => {
    row[2] = '2021-01-11';
    row[3] = '2021-01-04';
  });
  mess.invalid('EP990002', 0, (row) => (row[1] = ''));
  const header = ['case_id', 'child_id', 'start_date', 'end_date', 'case_type', 'worker', 'team', 'primary_need'];
  return mess.result('cases.csv', header, '\n', false);
}

// ------------------------------------------------------------ verification


async function scorecard(): Promise<ScorecardJson> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    today: () => AS_AT,
  };
  const args = ['scorecard', '--data', OUT_DIR, '--as-at', '2021-05-10', '--from', '2020-04', '--to', '2021-05'];
  const code = await main([...args, '--targets', TARGETS_FILE, '--format', 'json'], io);
  if (code !== 0) fail(`csc-kpi scorecard exited ${code}:\n${stderr}`);
  return JSON.parse(stdout) as ScorecardJson;
}

function shown(r: Result): string {
  if (r.numerator === null || r.denominator === null || r.denominator === 0) return '-';
  return roundedRatio(r.numerator, r.denominator, r.metric === 'caseload_avg' || r.metric === 'cp_over_9m_avg_days' ? 1 : 100);
}

function verify(json: ScorecardJson, extracts: readonly Extract[]): string[] {
  const problems: string[] = [];
  const find = (metric: string, period: string) => json.results.find((r) => r.metric === metric && r.period === period);
  for (const [metric, period, value, numerator, denominator] of PUBLISHED) {
    const r = find(metric, period);
    if (!r) {
      problems.push(`${metric} ${period}: missing from the scorecard`);
      continue;
    }
    if (shown(r) !== value || r.value?.toFixed(1) !== value) problems.push(`${metric} ${period}: ${shown(r)}, published ${value}`);
    if (numerator !== null && r.numerator !== numerator) problems.push(`${metric} ${period}: numerator ${r.numerator}, published ${numerator}`);
    if (denominator !== null && r.denominator !== denominator) {
      problems.push(`${metric} ${period}: denominator ${r.denominator}, published ${denominator}`);
    }
  }
  const rags = new Set(
    json.results.filter((r) => r.period >= '2021-02' && r.period <= '2021-04' && r.rag !== 'none').map((r) => r.rag),
  );
  for (const rag of ['green', 'amber', 'red'] as const) if (!rags.has(rag)) problems.push(`February to April 2021 has no ${rag} rating`);
  for (const x of extracts) {
    const name = x.file.replace(/\.csv$/, '');
    const rows = json.inputs[name]?.rows;
    const e = x.expect;
    if (!rows || rows.read !== e.read || rows.valid !== e.valid || rows.rejected !== e.rejected || rows.duplicate !== e.duplicate) {
      problems.push(`${x.file}: rows ${JSON.stringify(rows)}, expected ${JSON.stringify(e)}`);
    }
  }
  return problems;
}

function report(json: ScorecardJson, extracts: readonly Extract[]): string {
  const metrics = [...new Set(json.results.map((r) => r.metric))];
  const width = Math.max(...metrics.map((m) => m.length));
  const lines = [`${''.padEnd(width)} ${MONTH_IDS.map((m) => m.slice(2).padStart(7)).join('')}`];
  for (const metric of metrics) {
    const cells = MONTH_IDS.map((period) => {
      const r = json.results.find((x) => x.metric === metric && x.period === period)!;
      const mark = r.rag === 'green' ? 'G' : r.rag === 'amber' ? 'A' : r.rag === 'red' ? 'R' : ' ';
      return `${shown(r)}${mark}`.padStart(7);
    });
    lines.push(`${metric.padEnd(width)} ${cells.join('')}`);
  }
  lines.push('');
  for (const x of extracts) {
    const e = x.expect;
    lines.push(`${x.file.padEnd(17)} read ${e.read}, valid ${e.valid}, rejected ${e.rejected}, duplicate ${e.duplicate}`);
  }
  return lines.join('\n');
}

// -------------------------------------------------------------------- main

async function run(): Promise<void> {
  const assessments = buildAssessments();
  const families = buildPlans();
  buildCoreGroups(families);
  const cases = buildCases(families, assessments);
  caseReview(cases);
  allocate(cases);
  fixCaseload(cases);
  const supervisions = buildSupervisions(cases);
  const contacts = buildContacts(assessments, cases);

  const extracts = [
    contactsExtract(contacts),
    assessmentsExtract(assessments),
    plansExtract(families),
    coreGroupsExtract(families),
    supervisionsExtract(supervisions),
    casesExtract(cases),
  ];
  mkdirSync(OUT_DIR, { recursive: true });
  for (const x of extracts) writeFileSync(join(OUT_DIR, x.file), render(x));

  const json = await scorecard();
  process.stdout.write(`${report(json, extracts)}\n\n${NOTES.join('\n')}\n`);
  const problems = verify(json, extracts);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    process.stderr.write(`demo-data: the extracts in ${OUT_DIR} do not give the published figures:\n`);
    for (const p of problems) process.stderr.write(`  ${p}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`demo-data: wrote ${extracts.length} extracts to fixtures/demo in ${seconds}s; every published figure checks out\n`);
}

await run();
