/**
 * The council's story: the figures its improvement plan published, which
 * the generated extracts must reproduce exactly, its teams and social
 * workers (with the leavers and joiners of the year), and its children's ids.
 */
import { type Day, dayFromYmd } from '../../src/core/day.js';
import { Rng } from './solver.js';

/** The figures quoted in the improvement plan: [measure, period, value to one decimal, numerator, denominator]. */
export const PUBLISHED: readonly (readonly [string, string, string, number | null, number | null])[] = [
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
  ['cla_permanence_by_2nd_review', '2020-12', '71.4', 10, 14],
  ['care_leavers_eet', '2021-02', '41.7', 15, 36],
  ['missing_rhi_offered', '2021-01', '100.0', 38, 38],
  ['missing_rhi_done', '2021-01', '78.9', 30, 38],
  ['proceedings_open_over_26wk', '2021-02', '68.9', 51, 74],
  ['staff_permanent', '2021-01', '73.0', 46, 63],
];

// --------------------------------------------------------------------- staff

export type TeamKey = 'A1' | 'A2' | 'SN' | 'SS' | 'CIC' | 'LC' | 'MASH';

export const TEAM_NAMES: Readonly<Record<TeamKey, string>> = {
  A1: 'Assessment Team 1',
  A2: 'Assessment Team 2',
  SN: 'Safeguarding North',
  SS: 'Safeguarding South',
  CIC: 'Children in Care',
  LC: 'Leaving Care',
  MASH: 'MASH',
};

/** Team managers, who sign off case supervision. */
export const TEAM_MANAGERS: Readonly<Record<TeamKey, readonly string[]>> = {
  A1: ['TM02'],
  A2: ['TM05'],
  SN: ['TM01', 'TM07'],
  SS: ['TM03', 'TM08'],
  CIC: ['TM04'],
  LC: ['TM06'],
  MASH: ['TM09'],
};

export interface Worker {
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

export const WORKERS = buildRoster();

/** In post for the whole of `from` to `to`. */
export function inPost(w: Worker, from: Day, to: Day): boolean {
  return (w.join === null || w.join <= from) && (w.leave === null || w.leave >= to);
}

// ------------------------------------------------------------------ children

/**
 * Child ids, six digits, never the same twice. One stream, drawn from by
 * every extract that brings in new children in the order the extracts are
 * built, so that order is part of the output.
 */
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

export const childIds = new ChildIds();
