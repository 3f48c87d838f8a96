/**
 * cp_plans.csv, for cp_over_9m and cp_over_9m_avg_days: CP plans are
 * simulated month by month from the plans open on 31 March 2020. Each month
 * a set number start and a set number end, and the plans chosen to end
 * steer the count and average age of plans open nine months or more; on 31
 * January 2021 the count is exact and a few start dates are then nudged to
 * make the total of days exact.
 *
 * Siblings share a family: one conference starts their plans, and their
 * core groups (core-groups.ts) are one meeting.
 */
import { type Day, formatDay } from '../../src/core/day.js';
import { type Period, monthEnd, monthStart, parseMonth } from '../../src/core/period.js';
import { isLongPlan } from '../../src/measures/cp-common.js';
import type { Case } from './cases.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { PERIODS, STOCK_DAY } from './settings.js';
import { NOTES, Rng, check, fail, isWd, prevWd, randomWd, workingDaysIn } from './solver.js';
import { TEAM_NAMES, type TeamKey, childIds } from './story.js';

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

/** A core group meeting of a family's plans (scheduled in core-groups.ts). */
interface Meeting {
  date: Day;
  /** A meeting booked for this date was cancelled and rearranged (written as a cancelled row). */
  cancelled: Day | null;
}

export interface Family {
  /** The initial child protection conference: every sibling's plan starts that day. */
  start: Day;
  readonly category: string;
  readonly members: Plan[];
  readonly meetings: Meeting[];
  /** A short plan that opens and closes within one month. */
  readonly short: boolean;
  team: TeamKey;
}

export interface Plan {
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

export function newFamily(rng: Rng, start: Day, size: number, short = false): Family {
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

export const planEnd = (p: Plan): Day => p.end ?? Number.POSITIVE_INFINITY;

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

/** The CP plans, simulated month by month from the plans open on 31 March 2020. */
export function buildPlans(): Built<Family[]> {
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
  return { records: families, write: () => plansExtract(families) };
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
  return mess.result('cp_plans.csv', HEADERS.cp_plans, '\n', false);
}
