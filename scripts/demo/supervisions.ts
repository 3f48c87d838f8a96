/**
 * supervisions.csv, for supervision_in_time: with supervisions on days 1-27
 * of a month, a case open at a month end is in time exactly when it was
 * supervised that month or is too new to be due, so each month the number
 * supervised is set. (A few supervisions are then moved to the last days of
 * a month where the case was supervised again the next month, which changes
 * nothing.)
 */
import { type Day, formatDay } from '../../src/core/day.js';
import { type Duration, addDuration } from '../../src/core/duration.js';
import { monthEnd, monthOf, monthStart, parseMonth } from '../../src/core/period.js';
import type { Case } from './cases.js';
import { type Built, type Extract, Mess } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, CAL, PERIODS, RULES } from './settings.js';
import { Rng, check, fail, isOpenAt, numeratorFor, randomWd } from './solver.js';
import { TEAM_MANAGERS } from './story.js';

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

/** How often a case of this type must be supervised. */
function supervisionInterval(caseType: string): Duration {
  return RULES.supervisionByCaseType.get(caseType) ?? RULES.supervisionInterval;
}

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
export function buildSupervisions(cases: readonly Case[]): Built<Supervision[]> {
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
  return { records: out, write: () => supervisionsExtract(out) };
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
  return mess.result('supervisions.csv', HEADERS.supervisions, '\n', false);
}
