/**
 * cases.csv, for caseload_avg (and the cases the other extracts' children
 * belong to): workers have start and leaving dates and only hold cases open
 * while they are in post; a worker in post with no case at a month end is
 * handed one; in December 2020 a few case closures are moved across the
 * month end to make the average exact.
 */
import { type Day, dayFromYmd } from '../../src/core/day.js';
import { roundedRatio } from '../../src/render/numbers.js';
import { type Assessment, beforeWindow } from './assessments.js';
import type { Family, Plan } from './cp-plans.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, PERIODS, STOCK_DAY, WINDOW_START } from './settings.js';
import { NOTES, Rng, check, isOpenAt, nextWd, periodOf, prevWd, randomWd } from './solver.js';
import { TEAM_NAMES, type TeamKey, WORKERS, type Worker, childIds, inPost } from './story.js';

/** Average caseload set exactly (the other months follow from the case flows). */
const CASELOAD_MONTH = '2020-12';
const CASELOAD_VALUE = '24.1';

type CaseType = 'CIN' | 'CP' | 'CLA' | 'CL';

export interface Case {
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

function openCases(families: readonly Family[], assessments: Assessment[]): Case[] {
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

/**
 * The cases, built once the plans and assessments are: each child's case,
 * then the review of open child-in-need cases, the allocation to workers,
 * and the caseload made exact.
 */
export function buildCases(families: readonly Family[], assessments: Assessment[]): Built<Case[]> {
  const cases = openCases(families, assessments);
  caseReview(cases);
  allocate(cases);
  fixCaseload(cases);
  return { records: cases, write: () => casesExtract(cases) };
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
  return mess.result('cases.csv', HEADERS.cases, '\n', false);
}
