/**
 * staff.csv, for staff_permanent and staff_turnover_12m: one row per
 * appointment of the social workers of the roster (story.ts) and their team
 * managers. At the end of January 2021, 63 staff in post have a known
 * contract and 46 of them are permanent (73.0%); in the MASH 5 of 7 (71.4%).
 * Four contracts are blank (left out), two workers moved from an agency
 * contract to a permanent one (two rows each), and there is a booked starter
 * and a planned leaving date after the as-at date. A few rows have no FTE,
 * so the run counts heads, as the plan does.
 */
import { type Day, dayFromYmd, formatDay } from '../../src/core/day.js';
import { type Built, type Extract, Mess } from './csv.js';
import { Rng, check } from './solver.js';
import { TEAM_MANAGERS, TEAM_NAMES, type TeamKey, WORKERS } from './story.js';

/** The published figures: [team or null for the whole service, permanent, with a known contract], end of January 2021. */
export const STAFF_PUBLISHED: readonly (readonly [TeamKey | null, number, number])[] = [
  [null, 46, 63],
  ['MASH', 5, 7],
];

const S = dayFromYmd(2021, 1, 31);

type Contract = 'permanent' | 'agency' | '';

interface Appointment {
  readonly staff: string;
  readonly start: Day;
  end: Day | null;
  contract: Contract;
  readonly role: string;
  readonly team: TeamKey;
  fte: string;
}

const inPostAt = (a: Appointment, s: Day) => a.start <= s && (a.end === null || a.end > s);

export function buildStaff(): Built<Appointment[]> {
  const rng = new Rng('staff');
  const rows: Appointment[] = [];
  const longAgo = () => dayFromYmd(rng.int(2009, 2019), rng.int(1, 12), rng.int(1, 28));
  for (const w of WORKERS) {
    rows.push({ staff: w.code, start: w.join ?? longAgo(), end: w.leave, contract: 'permanent', role: 'Social Worker', team: w.team, fte: '1' });
  }
  for (const [team, managers] of Object.entries(TEAM_MANAGERS) as [TeamKey, readonly string[]][]) {
    for (const code of managers) rows.push({ staff: code, start: longAgo(), end: null, contract: 'permanent', role: 'Team Manager', team, fte: '1' });
  }
  // Contracts at the end of January 2021: MASH 2 agency of 7; elsewhere 15 agency and 4 not known.
  const atS = rows.filter((a) => inPostAt(a, S));
  const mash = atS.filter((a) => a.team === 'MASH' && a.role === 'Social Worker');
  for (const a of rng.sample(mash, 2, () => 1)) a.contract = 'agency';
  const others = rng.shuffle(atS.filter((a) => a.team !== 'MASH' && a.role === 'Social Worker'));
  others.slice(0, 15).forEach((a) => (a.contract = 'agency'));
  others.slice(15, 19).forEach((a) => (a.contract = ''));
  // Those not in post at the end of January: a mix.
  for (const a of rows) if (!inPostAt(a, S) && rng.chance(0.3)) a.contract = 'agency';
  // Two agency workers took permanent posts: one in the MASH in March 2021, one permanent in October 2020.
  const moves: Appointment[] = [];
  const mashAgency = mash.find((a) => a.contract === 'agency')!;
  moves.push(switchTo(mashAgency, dayFromYmd(2021, 3, 15), 'permanent'));
  const earlier = others.find((a) => a.contract === 'permanent' && a.start < dayFromYmd(2020, 1, 1))!;
  const agencyFirst: Appointment = { ...earlier, start: earlier.start, end: dayFromYmd(2020, 9, 30), contract: 'agency' };
  rows[rows.indexOf(earlier)] = agencyFirst;
  moves.push({ ...earlier, start: dayFromYmd(2020, 10, 1) });
  rows.push(...moves);
  // A planned leaving date and a booked starter after the as-at date.
  const leaving = rows.find((a) => a.team === 'LC' && a.end === null && a.contract === 'permanent')!;
  leaving.end = dayFromYmd(2021, 7, 30);
  rows.push({ staff: 'SW080', start: dayFromYmd(2021, 6, 7), end: null, contract: 'permanent', role: 'Social Worker', team: 'SS', fte: '1' });
  // Part-time posts, and a few rows without an FTE: the run counts heads.
  for (const a of rng.sample(rows, 6, () => 1)) a.fte = rng.pick(['0.6', '0.8', '0.5']);
  for (const a of rng.sample(rows.filter((r) => r.fte === '1'), 3, () => 1)) a.fte = '';

  for (const [team, permanent, known] of STAFF_PUBLISHED) {
    const counted = rows.filter((a) => inPostAt(a, S) && a.contract !== '' && (team === null || a.team === team));
    const perm = counted.filter((a) => a.contract === 'permanent').length;
    check(perm === permanent && counted.length === known, `staff ${team ?? 'whole service'}: ${perm} of ${counted.length}`);
  }
  return { records: rows, write: () => staffExtract(rows) };
}

/** Ends an appointment the day before `from` and starts the same worker on `contract` from then. */
function switchTo(a: Appointment, from: Day, contract: Contract): Appointment {
  a.end = from - 1;
  return { ...a, start: from, end: null, contract };
}

const CONTRACT_SPELLING: Readonly<Record<Contract, readonly string[]>> = {
  permanent: ['Permanent', 'permanent', 'Permanent'],
  agency: ['Agency', 'Locum', 'Interim', 'agency'],
  '': [''],
};

function staffExtract(rows: Appointment[]): Extract {
  const rng = new Rng('staff-write');
  rows.sort((a, b) => (a.staff < b.staff ? -1 : a.staff > b.staff ? 1 : a.start - b.start));
  const cells = rows.map((a) => [
    a.staff,
    formatDay(a.start),
    a.end === null ? '' : formatDay(a.end),
    rng.pick(CONTRACT_SPELLING[a.contract]),
    a.role,
    TEAM_NAMES[a.team],
    a.fte,
  ]);
  const mess = new Mess('staff', cells);
  mess.repeat(1);
  return mess.result('staff.csv', ['staff_id', 'start_date', 'end_date', 'contract', 'role', 'team', 'fte'], '\n', false);
}
