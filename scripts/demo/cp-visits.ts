/**
 * cp_visits.csv (the Standard Safeguarding Dataset's ssd_cp_visits column
 * names), for cp_visits_in_time: each child on a plan is visited every 4
 * to 10 working days from the plan's start to its end, with a gap of 11 to
 * 20 working days now and then (more often in 2020); about one visit in
 * thirty found the child not in and is recorded with seen `N`. Visits
 * before 2020 are not written.
 */
import { type Day, dayFromYmd } from '../../src/core/day.js';
import type { Family } from './cp-plans.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT } from './settings.js';
import { Rng, addWd } from './solver.js';

export interface Visit {
  readonly child: string;
  readonly date: Day;
  readonly seen: boolean;
  readonly alone: boolean | null;
}

const FIRST_WRITTEN = dayFromYmd(2020, 1, 1);

/** Every child's statutory visits while on a plan. */
export function buildCpVisits(families: readonly Family[]): Built<Visit[]> {
  const rng = new Rng('cp-visits');
  const out: Visit[] = [];
  for (const f of families) {
    for (const p of f.members) {
      const last = Math.min(p.end ?? AS_AT, AS_AT);
      let d = addWd(f.start, rng.int(1, 6));
      while (d <= last) {
        const seen = !rng.chance(0.03);
        if (d >= FIRST_WRITTEN) out.push({ child: p.child, date: d, seen, alone: seen ? (rng.chance(0.1) ? null : rng.chance(0.6)) : false });
        const gap = rng.chance(d < AS_AT - 130 ? 0.3 : 0.18) ? rng.int(11, 20) : rng.int(4, 10);
        d = seen ? addWd(d, gap) : addWd(d, rng.int(1, 3));
      }
    }
  }
  return { records: out, write: () => visitsExtract(out) };
}

function visitsExtract(all: readonly Visit[]): Extract {
  const rng = new Rng('write-cp-visits');
  const visits = [...all].sort((a, b) => a.date - b.date || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const yn = (v: boolean | null) => (v === null ? '' : v ? 'Y' : 'N');
  const rows = visits.map((v, i) => {
    const fmt = pickFormat(rng, [['iso', 85], ['dmy', 15]]);
    return [String(8_000_001 + i), v.child, DATE_FORMATS[fmt](v.date), yn(v.seen), yn(v.alone)];
  });
  const mess = new Mess('cp-visits', rows);
  mess.repeat(2);
  mess.excelIds(0, 2);
  return mess.result('cp_visits.csv', HEADERS.cp_visits, '\n', false);
}
