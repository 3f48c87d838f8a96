/**
 * cla_periods.csv, placements.csv and cla_reviews.csv: the council's
 * children in care. About 290 children were looked after on 31 March 2020
 * (periods begun since 2014) and 7 to 11 come into care each month; a
 * period ends at random or on the child's 18th birthday. Each period has
 * its placements (a move every few months to years; now and then an `L`
 * row, a change of legal status only) and its chain of looked-after reviews
 * (mostly on time, some late). A few children have a series of short breaks
 * (legal status V3), which every children-in-care measure leaves out.
 *
 * cla_permanence_by_2nd_review is built: after the review chains are drawn,
 * second reviews are moved in or out of December 2020 until exactly 14
 * periods have their second review that month, and 10 of them (71.4%) get a
 * permanence plan at the first or second review.
 */
import { addMonths, type Day, formatDay } from '../../src/core/day.js';
import { monthEnd, monthStart, parseMonth } from '../../src/core/period.js';
import { type Built, DATE_FORMATS, type Extract, Mess } from './csv.js';
import { AS_AT, WINDOW_START } from './settings.js';
import { NOTES, Rng, addWd, check, nextWd, prevWd } from './solver.js';
import { TEAM_NAMES, WORKERS } from './story.js';
import { presetHeading } from '../../src/normalise/extracts.js';

/** Periods whose second review falls in December 2020, and how many had a permanence plan by then. */
const PERMANENCE_DEC_2020 = { periods: 14, met: 10 } as const;

export interface CarePlacement {
  start: Day;
  end: Day | null;
  type: string;
  reason: string;
}

export interface CareReview {
  date: Day;
  permanence: boolean;
}

export interface CareChild {
  readonly child: string;
  readonly periodId: string;
  readonly dob: Day;
  readonly start: Day;
  readonly end: Day | null;
  readonly legal: string;
  readonly worker: string;
  readonly placements: CarePlacement[];
  readonly reviews: CareReview[];
}

/** Ids of the children in care, proceedings and care leavers: six digits from 200000, apart from the other extracts'. */
export class CareIds {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}
  mint(): string {
    for (;;) {
      const id = String(this.rng.int(200_000, 299_999));
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

export const careIds = new CareIds(new Rng('care-child-ids'));

const CIC_WORKERS = WORKERS.filter((w) => w.team === 'CIC').map((w) => w.code);

const LEGAL: readonly (readonly [string, number])[] = [
  ['C2', 60],
  ['C1', 15],
  ['V2', 15],
  ['E1', 5],
  ['J2', 5],
];

/** A day in [from, to]. */
const between = (rng: Rng, from: Day, to: Day): Day => rng.int(from, to);

function newChild(rng: Rng, start: Day, age: number, endChance: number): Omit<CareChild, 'placements' | 'reviews' | 'periodId'> {
  let dob = start - age * 365 - rng.int(0, 364);
  // No one comes into care at 18.
  if (addMonths(dob, 216) <= start + 30) dob += 60;
  const eighteen = addMonths(dob, 216);
  const earliestEnd = Math.max(start + 30, WINDOW_START);
  let end: Day | null = rng.chance(endChance) && earliestEnd < AS_AT ? between(rng, earliestEnd, AS_AT - 1) : null;
  if (eighteen <= AS_AT && (end === null || eighteen < end)) end = eighteen;
  return { child: careIds.mint(), dob, start, end, legal: rng.weighted(LEGAL), worker: rng.pick(CIC_WORKERS) };
}

function drawPlacements(rng: Rng, c: Omit<CareChild, 'placements' | 'reviews' | 'periodId'>): CarePlacement[] {
  const last = c.end ?? AS_AT + 1;
  const young = c.start - c.dob < 5 * 365;
  const out: CarePlacement[] = [];
  let cur = c.start;
  let reason = 'B';
  for (;;) {
    const teen = cur - c.dob > 13 * 365;
    const type = young && out.length > 0 && rng.chance(0.3) ? rng.pick(['A4', 'A5']) : teen && rng.chance(0.25) ? 'K2' : rng.pick(['U1', 'U3', 'U4', 'U5', 'U6', 'P1']);
    const next = cur + rng.int(45, 1000);
    if (next >= last) {
      out.push({ start: cur, end: c.end, type, reason });
      return out;
    }
    out.push({ start: cur, end: next, type, reason });
    cur = next;
    reason = rng.chance(0.1) ? 'L' : rng.pick(['B', 'T', 'P', 'U']);
  }
}

function drawReviews(rng: Rng, c: Omit<CareChild, 'placements' | 'reviews' | 'periodId'>): CareReview[] {
  const last = Math.min(c.end ?? AS_AT, AS_AT);
  const out: CareReview[] = [];
  let date = addWd(c.start, rng.weighted<number>([[rng.int(8, 19), 60], [20, 25], [rng.int(21, 32), 15]]));
  let permanence = rng.chance(0.35);
  while (date <= last) {
    out.push({ date, permanence });
    const months = out.length === 1 ? 3 : 6;
    date = nextWd(addMonths(date, months) + rng.weighted<number>([[-rng.int(1, 25), 70], [0, 10], [rng.int(1, 15), 20]]));
    permanence = permanence || rng.chance(out.length === 1 ? 0.6 : 0.8);
  }
  return out;
}

/** The periods of care, placements and reviews. */
export function buildChildrenInCare(): { periods: Built<CareChild[]>; placements: Built<CareChild[]>; reviews: Built<CareChild[]> } {
  const rng = new Rng('children-in-care');
  const drafts: Omit<CareChild, 'placements' | 'reviews' | 'periodId'>[] = [];
  // Looked after on 31 March 2020, more of them recently.
  while (drafts.length < 290) {
    const r = rng.next();
    const start = WINDOW_START - 1 - Math.floor(r * r * 2200);
    const age = rng.int(0, 16);
    const c = newChild(rng, start, age, 0.2);
    if (addMonths(c.dob, 216) <= WINDOW_START) continue;
    drafts.push(c);
  }
  for (let m = parseMonth('2020-04')!; m <= parseMonth('2021-04')!; m++) {
    const n = rng.int(7, 11);
    for (let i = 0; i < n; i++) drafts.push(newChild(rng, between(rng, monthStart(m), Math.min(monthEnd(m), AS_AT)), rng.int(0, 17), 0.15));
  }
  // A series of short breaks.
  for (let i = 0; i < 5; i++) drafts.push({ ...newChild(rng, between(rng, 18_300, 18_700), rng.int(6, 14), 0), legal: 'V3' });
  drafts.sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : 1));
  const children: CareChild[] = drafts.map((c, i) => ({
    ...c,
    periodId: `LAC${String(40_001 + i)}`,
    placements: drawPlacements(rng, c),
    reviews: c.legal === 'V3' ? [] : drawReviews(rng, c),
  }));
  steerPermanence(rng, children);
  return {
    periods: { records: children, write: () => periodsExtract(children) },
    placements: { records: children, write: () => placementsExtract(children) },
    reviews: { records: children, write: () => reviewsExtract(children) },
  };
}

/** December 2020: exactly 14 periods with their second review that month, 10 with a permanence plan by it. */
function steerPermanence(rng: Rng, children: CareChild[]): void {
  const from = monthStart(parseMonth('2020-12')!);
  const to = monthEnd(parseMonth('2020-12')!);
  const inDec = (d: Day) => d >= from && d <= to;
  const openTo = (c: CareChild, d: Day) => c.end === null || c.end >= d;
  const dec = () => children.filter((c) => c.reviews.length >= 2 && inDec(c.reviews[1]!.date));
  let moved = 0;
  for (const c of rng.shuffle(dec()).slice(PERMANENCE_DEC_2020.periods)) {
    // Too many: the second review slips into the first week of January.
    const d = nextWd(from + 35);
    if (!openTo(c, d) || (c.reviews[2] !== undefined && c.reviews[2].date <= d)) continue;
    c.reviews[1]!.date = d;
    moved++;
  }
  const short = PERMANENCE_DEC_2020.periods - dec().length;
  if (short > 0) {
    const near = children.filter(
      (c) => c.reviews.length >= 2 && !inDec(c.reviews[1]!.date) && Math.abs(c.reviews[1]!.date - from) < 45 && c.reviews[0]!.date < from && openTo(c, to) && (c.reviews[2] === undefined || c.reviews[2].date > to),
    );
    for (const c of rng.shuffle(near).slice(0, short)) {
      c.reviews[1]!.date = prevWd(from + rng.int(1, 29));
      moved++;
    }
  }
  const chosen = rng.shuffle(dec());
  check(chosen.length === PERMANENCE_DEC_2020.periods, `permanence: ${chosen.length} second reviews in December 2020`);
  chosen.forEach((c, i) => {
    const met = i < PERMANENCE_DEC_2020.met;
    c.reviews[0]!.permanence = met && rng.chance(0.4);
    c.reviews[1]!.permanence = met;
  });
  NOTES.push(`cla_reviews: ${moved} second reviews moved in or out of December 2020; ${PERMANENCE_DEC_2020.met} of ${PERMANENCE_DEC_2020.periods} with a permanence plan`);
}

const dmy = DATE_FORMATS.dmy;
const iso = (d: Day | null) => (d === null ? '' : formatDay(d));

function periodsExtract(children: CareChild[]): Extract {
  const rows = children.map((c) => [c.periodId, c.child, dmy(c.dob), dmy(c.start), c.end === null ? '' : dmy(c.end), c.legal, TEAM_NAMES.CIC, c.worker]);
  const mess = new Mess('cla_periods', rows);
  mess.repeat(1);
  mess.invalid('LAC99001', 0, (row) => (row[3] = '31/11/2020'));
  const header = [
    'Period ID',
    presetHeading('cla_periods', 'child_id'),
    presetHeading('cla_periods', 'date_of_birth'),
    presetHeading('cla_periods', 'start_date'),
    presetHeading('cla_periods', 'end_date'),
    presetHeading('cla_periods', 'legal_status'),
    presetHeading('cla_periods', 'team'),
    presetHeading('cla_periods', 'worker'),
  ];
  return mess.result('cla_periods.csv', header, '\r\n', false);
}

function placementsExtract(children: CareChild[]): Extract {
  const rows: string[][] = [];
  for (const c of children) for (const p of c.placements) rows.push(['', c.child, iso(p.start), iso(p.end), p.type, p.reason]);
  rows.sort((a, b) => (a[2]! < b[2]! ? -1 : a[2]! > b[2]! ? 1 : a[1]! < b[1]! ? -1 : 1));
  rows.forEach((row, i) => (row[0] = `PL${String(700_001 + i)}`));
  const mess = new Mess('placements', rows);
  mess.repeat(2);
  mess.reuseKey((row) => (row[4] = row[4] === 'U1' ? 'U3' : 'U1'));
  return mess.result('placements.csv', ['placement_id', 'child_id', 'start_date', 'end_date', 'placement_type', 'reason'], '\n', false);
}

function reviewsExtract(children: CareChild[]): Extract {
  const rows: string[][] = [];
  for (const c of children) for (const r of c.reviews) rows.push(['', c.child, iso(r.date), r.permanence ? 'Y' : 'N', TEAM_NAMES.CIC]);
  rows.sort((a, b) => (a[2]! < b[2]! ? -1 : a[2]! > b[2]! ? 1 : a[1]! < b[1]! ? -1 : 1));
  rows.forEach((row, i) => (row[0] = `LAR${String(500_001 + i)}`));
  const mess = new Mess('cla_reviews', rows);
  mess.repeat(2);
  mess.invalid('LAR999001', 0, (row) => (row[2] = ''));
  return mess.result('cla_reviews.csv', ['review_id', 'child_id', 'review_date', 'permanence_plan', 'team'], '\n', false);
}
