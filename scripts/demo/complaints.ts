/**
 * complaints.csv, for complaints_in_time and complaints_overdue: each month
 * a set number of stage 1 responses, of which a set number within 10
 * working days of receipt (or 20 where the extension was agreed), so that
 * 2020-21 Q2 (July to September 2020) is 22 of 31 (71.0%) and Q3 (October to
 * December) 30 of 40 (75.0%). Stage 2 and 3 complaints, complaints with no
 * child, and complaints still waiting at the as-at date are mixed in.
 */
import { type Day, formatDay } from '../../src/core/day.js';
import { complaintDue } from '../../src/measures/complaints-common.js';
import { type Built, type Extract, Mess } from './csv.js';
import { AS_AT, CAL, PERIODS, RULES } from './settings.js';
import { Rng, check, randomWd, wdBefore } from './solver.js';
import { TEAM_NAMES, type TeamKey } from './story.js';

/** Stage 1 responses per month: [answered, of which in time]. Q2 sums to 22 of 31, Q3 to 30 of 40. */
const RESPONSES: Readonly<Record<string, readonly [number, number]>> = {
  '2020-04': [9, 6],
  '2020-05': [11, 7],
  '2020-06': [10, 7],
  '2020-07': [10, 7],
  '2020-08': [11, 8],
  '2020-09': [10, 7],
  '2020-10': [13, 10],
  '2020-11': [14, 10],
  '2020-12': [13, 10],
  '2021-01': [12, 10],
  '2021-02': [11, 9],
  '2021-03': [12, 10],
  '2021-04': [10, 8],
  '2021-05': [3, 3],
};

/** The published quarters: [quarter, in time, answered]. */
export const COMPLAINTS_PUBLISHED: readonly (readonly [string, number, number])[] = [
  ['2020-21Q2', 22, 31],
  ['2020-21Q3', 30, 40],
];

interface Complaint {
  readonly received: Day;
  readonly response: Day | null;
  readonly stage: string;
  readonly extended: boolean;
  readonly child: boolean;
  readonly team: TeamKey;
}

const TEAMS: readonly TeamKey[] = ['A1', 'A2', 'SN', 'SS', 'CIC', 'LC', 'MASH'];

export function buildComplaints(): Built<Complaint[]> {
  const rng = new Rng('complaints');
  const out: Complaint[] = [];
  const add = (received: Day, response: Day | null, stage: string, extended: boolean) =>
    out.push({ received, response, stage, extended, child: rng.chance(0.85), team: rng.pick(TEAMS) });
  for (const period of PERIODS) {
    const [answered, inTime] = RESPONSES[period.id] ?? [0, 0];
    for (let i = 0; i < answered; i++) {
      const response = randomWd(rng, period.start, Math.min(period.end, AS_AT))!;
      const met = i < inTime;
      const extended = rng.chance(0.15);
      const limit = extended ? 20 : 10;
      const k = met ? rng.int(Math.max(1, limit - 9), limit) : rng.int(limit + 1, limit + 12);
      const received = wdBefore(response, k);
      const due = complaintDue({ receivedDate: received, extended }, RULES, CAL).due;
      check(met === response <= due, `complaint ${formatDay(received)} answered ${formatDay(response)}: not as intended`);
      add(received, response, rng.chance(0.3) ? '' : '1', extended);
    }
    // Stage 2 and 3 responses: left out of the measure.
    for (let i = 0; i < 2; i++) {
      const response = randomWd(rng, period.start, Math.min(period.end, AS_AT))!;
      add(wdBefore(response, rng.int(10, 30)), response, rng.chance(0.7) ? '2' : '3', false);
    }
  }
  // Waiting at the as-at date: some within their 10 days, some past them.
  for (const k of [2, 5, 9, 14, 23, 31]) add(wdBefore(AS_AT, k), null, '1', false);
  out.sort((a, b) => a.received - b.received);
  return { records: out, write: () => complaintsExtract(out) };
}

function complaintsExtract(complaints: readonly Complaint[]): Extract {
  const rng = new Rng('complaints-write');
  const rows = complaints.map((c, i) => [
    `CMP${String(20_001 + i)}`,
    c.child ? String(rng.int(100_000, 199_999)) : '',
    formatDay(c.received),
    c.response === null ? '' : formatDay(c.response),
    c.stage,
    c.extended ? 'Y' : rng.chance(0.5) ? 'N' : '',
    TEAM_NAMES[c.team],
  ]);
  const mess = new Mess('complaints', rows);
  mess.repeat(1);
  mess.invalid('CMP90001', 0, (row) => {
    row[3] = row[2]!;
    row[2] = '2021-04-31';
  });
  return mess.result('complaints.csv', ['complaint_id', 'child_id', 'received_date', 'response_date', 'stage', 'extended', 'team'], '\n', false);
}
