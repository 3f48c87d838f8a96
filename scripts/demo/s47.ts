/**
 * s47.csv (Annex A List 5 headings), for icpc_15wd: a section 47 enquiry
 * before every initial conference that started a plan since March 2020
 * (cp_plans' start date is the conference), one strategy discussion per
 * family, held 6 to 15 working days before the conference for about four
 * in five families and 16 to 24 for the rest; a few conferences that made
 * no plan; and enquiries of new-referral assessments that needed no
 * conference. The strategy date is recorded apart from the enquiry start on
 * most rows; where it is not, the enquiry start is the strategy discussion.
 */
import type { Day } from '../../src/core/day.js';
import type { Assessment } from './assessments.js';
import type { Family } from './cp-plans.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, WINDOW_START } from './settings.js';
import { Rng, addWd, wdBefore } from './solver.js';
import { TEAM_NAMES, type TeamKey } from './story.js';

export interface Enquiry {
  readonly child: string;
  readonly strategy: Day;
  /** The strategy date is written apart from the enquiry start. */
  readonly strategyRecorded: boolean;
  readonly start: Day;
  readonly icpc: Day | null;
  readonly notRequired: boolean;
  readonly planMade: boolean | null;
  readonly end: Day | null;
  readonly team: TeamKey;
}

/** Enquiries, from the plans and assessments built before them. */
export function buildS47(families: readonly Family[], assessments: readonly Assessment[]): Built<Enquiry[]> {
  const rng = new Rng('s47');
  const out: Enquiry[] = [];
  const FIRST = WINDOW_START - 31;
  for (const f of families) {
    if (f.start < FIRST || f.members.length === 0) continue;
    const late = rng.chance(f.start < AS_AT - 130 ? 0.22 : 0.14);
    const strategy = wdBefore(f.start, late ? rng.int(16, 24) : rng.int(6, 15));
    const recorded = rng.chance(0.7);
    const start = recorded && rng.chance(0.4) ? addWd(strategy, 1) : strategy;
    for (const p of f.members) {
      out.push({ child: p.child, strategy, strategyRecorded: recorded, start, icpc: f.start, notRequired: false, planMade: true, end: f.start, team: f.team });
    }
  }
  for (const a of assessments) {
    if (a.kind !== 'new' || a.linked || a.start < FIRST) continue;
    const x = rng.next();
    if (x >= 0.14) continue;
    const strategy = addWd(a.start, rng.int(1, 8));
    if (strategy > AS_AT) continue;
    const team: TeamKey = rng.chance(0.5) ? 'SN' : 'SS';
    if (x < 0.02) {
      // A conference that made no plan.
      const icpc = addWd(strategy, rng.int(8, 17));
      if (icpc > AS_AT) continue;
      out.push({ child: a.child, strategy, strategyRecorded: true, start: strategy, icpc, notRequired: false, planMade: false, end: icpc, team });
    } else {
      const end = addWd(strategy, rng.int(5, 15));
      out.push({ child: a.child, strategy, strategyRecorded: rng.chance(0.7), start: strategy, icpc: null, notRequired: true, planMade: null, end: end <= AS_AT ? end : null, team });
    }
  }
  return { records: out, write: () => s47Extract(out) };
}

function s47Extract(all: readonly Enquiry[]): Extract {
  const rng = new Rng('write-s47');
  const enquiries = [...all].sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'Yes' : 'No');
  const rows = enquiries.map((e, i) => {
    const fmt = pickFormat(rng, [['dmy', 60], ['named', 25], ['iso', 15]]);
    const d = (x: Day | null) => (x === null ? '' : DATE_FORMATS[fmt](x));
    return [
      `S47-${String(40_001 + i)}`,
      e.child,
      e.strategyRecorded ? d(e.strategy) : '',
      d(e.strategyRecorded ? e.start : e.strategy),
      d(e.icpc),
      yesNo(e.notRequired),
      yesNo(e.planMade),
      d(e.end),
      TEAM_NAMES[e.team],
      '',
    ];
  });
  const mess = new Mess('s47', rows);
  mess.repeat(1);
  mess.invalid('S47-99001', 0, (row) => {
    row[3] = '12/03/2021';
    row[4] = '10/03/2021';
  });
  return mess.result('s47.csv', HEADERS.s47, '\r\n', false);
}
