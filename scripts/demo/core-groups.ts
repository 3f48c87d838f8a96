/**
 * core_groups.csv, for core_groups_in_time: each plan's meetings follow the
 * 10-working-day / 4-week rule with some late. Then, month by month: when no
 * whole number of meetings gives the ratio, one or two short plans that
 * open and close inside the month are added, or a late meeting at the month
 * end slips into the next month; then single meetings are moved across
 * their due date (the plan's later meetings follow, in months not yet set).
 */
import { type Day, dayFromYmd, formatDay, ymdFromDay } from '../../src/core/day.js';
import { addDuration } from '../../src/core/duration.js';
import type { Period } from '../../src/core/period.js';
import { roundedRatio } from '../../src/render/numbers.js';
import { type Family, newFamily, planEnd } from './cp-plans.js';
import { type Built, type Extract, Mess, clock } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, CAL, PERIODS, RULES, WINDOW_START } from './settings.js';
import { NOTES, Rng, addWd, check, fail, monthId, nextWd, numeratorFor, prevWd, randomWd } from './solver.js';

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

/** When meeting k of a family is due: the first after the conference, each later one after the meeting before. */
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

/**
 * Each family's core groups, made exact month by month. Short plans it adds
 * join `families`, so they are written as CP plans too.
 */
export function buildCoreGroups(families: Family[]): Built<readonly Family[]> {
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
  return { records: families, write: () => coreGroupsExtract(families) };
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
  return mess.result('core_groups.csv', HEADERS.core_groups, '\n', false);
}
