/**
 * contacts.csv, for contacts_1wd: every month has a set number of contacts
 * and a set number decided within one working day; the referral contacts
 * behind new assessments are placed first and the rest fill the month to
 * the count. In the as-at month, contacts still within their timescale are
 * pending and come on top.
 */
import type { Day } from '../../src/core/day.js';
import type { Assessment } from './assessments.js';
import type { Case } from './cases.js';
import { type Built, DATE_FORMATS, type Extract, Mess, clock, pad2, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, PERIODS, WINDOW_START } from './settings.js';
import { Rng, addWd, check, fail, isOpenAt, isWd, monthId, numeratorFor, prevWd, wdBefore, workingDaysIn } from './solver.js';
import { WORKERS, childIds } from './story.js';

/** Contacts per month (decided or overdue; pending ones come on top) and the percentage decided in time. */
const CONTACTS: Readonly<Record<string, readonly [number, number]>> = {
  '2020-04': [905, 71.2],
  '2020-05': [938, 70.4],
  '2020-06': [1012, 68.9],
  '2020-07': [1108, 67.5],
  '2020-08': [948, 69.8],
  '2020-09': [1187, 66.3],
  '2020-10': [1214, 68.1],
  '2020-11': [1156, 69.0],
  '2020-12': [1043, 71.6],
  '2021-01': [1027, 77.1],
  '2021-02': [1058, 81.3],
  '2021-03': [1268, 87.2],
  '2021-04': [1096, 92.4],
  '2021-05': [265, 93.5],
};

export interface Contact {
  id: string;
  readonly child: string;
  readonly date: Day;
  readonly decision: Day | null;
  readonly source: string;
  readonly outcome: string;
  readonly worker: string;
  readonly time: string;
  readonly decisionTime: string;
}

const SOURCES: readonly (readonly [string, number])[] = [
  ['Police', 30],
  ['Schools', 21],
  ['Health services', 18],
  ['Local authority services', 9],
  ['Individual', 11],
  ['Anonymous', 3],
  ['Other legal agency', 3],
  ['Other', 5],
];

/** The contacts, built last: the referrals behind new assessments first, then the rest of each month. */
export function buildContacts(assessments: readonly Assessment[], cases: readonly Case[]): Built<Contact[]> {
  const rng = new Rng('contacts');
  const mash = WORKERS.filter((w) => w.team === 'MASH').map((w) => w.code);
  const out: Contact[] = [];
  const make = (child: string, date: Day, decision: Day | null, outcome: string): Contact => {
    const time = clock(rng, 7, 21);
    // Decided the same day: some time after the contact came in.
    const later = Number(time.slice(0, 2)) + rng.int(1, 3);
    const decisionTime = decision === date ? (later <= 23 ? `${pad2(later)}${time.slice(2)}` : '23:50') : clock(rng, 9, 19);
    return {
      id: '',
      child,
      date,
      decision,
      source: rng.weighted(SOURCES),
      outcome: decision === null ? '' : outcome,
      worker: decision === null ? '' : rng.pick(mash),
      time,
      decisionTime,
    };
  };

  // The referral behind each new assessment.
  const placed = new Map<string, { n: number; met: number }>();
  for (const a of assessments) {
    if (a.kind !== 'new' || a.referral === null) continue;
    const r = a.referral;
    const pct = CONTACTS[monthId(r)]?.[1] ?? 85;
    let date: Day;
    if (rng.chance(Math.min(0.97, pct / 100 + 0.08))) {
      date = rng.chance(0.6) ? r : rng.chance(0.85) ? prevWd(r - 1) : r - 1;
      if (!(r <= addWd(date, 1))) date = r;
    } else {
      date = wdBefore(r, rng.int(2, 5));
    }
    if (date < WINDOW_START) continue;
    out.push(make(a.child, date, r, "Referral to children's social care"));
    const month = monthId(date);
    const tally = placed.get(month) ?? { n: 0, met: 0 };
    tally.n++;
    if (r <= addWd(date, 1)) tally.met++;
    placed.set(month, tally);
  }

  // Everything else the front door decides.
  const knownChild = (d: Day): string | null => {
    for (let tries = 0; tries < 20; tries++) {
      const c = rng.pick(cases);
      if (isOpenAt(c.start, c.end, d)) return c.child;
    }
    return null;
  };
  for (const period of PERIODS) {
    const [n, pct] = CONTACTS[period.id]!;
    const pre = placed.get(period.id) ?? { n: 0, met: 0 };
    const met = period.partial ? Math.round((n * pct) / 100) : (numeratorFor(n, pct) ?? fail(`contacts ${period.id}: no ratio`));
    const generic = n - pre.n;
    const genericMet = met - pre.met;
    check(generic >= 0 && genericMet >= 0 && genericMet <= generic, `contacts ${period.id}: ${genericMet} of ${generic}`);
    // In the as-at month, only contacts whose timescale has run out are counted; the rest are pending.
    const counted = (d: Day) => !period.partial || addWd(d, 1) < AS_AT;
    const allWorking = workingDaysIn(period.start, period.snapshot);
    const working = allWorking.filter(counted);
    const closed: Day[] = [];
    for (let d = period.start; d <= period.snapshot; d++) if (!isWd(d) && counted(d)) closed.push(d);
    const inTime = rng.shuffle(Array.from({ length: generic }, (_, i) => i < genericMet));
    // Contacts still within their timescale on the as-at date are pending and come on top.
    const pendingSlots = period.partial ? 45 : 0;
    for (let i = 0; i < generic + pendingSlots; i++) {
      const pending = i >= generic;
      const date = pending
        ? rng.pick(allWorking.filter((d) => !counted(d)))
        : rng.chance(0.06) && closed.length
          ? rng.pick(closed)
          : rng.pick(working);
      const deadline = addWd(date, 1);
      let decision: Day | null;
      if (pending) decision = rng.chance(0.5) ? null : Math.min(AS_AT, rng.chance(0.5) ? date : deadline);
      else if (inTime[i]) decision = isWd(date) && rng.chance(0.55) ? date : Math.min(deadline, AS_AT);
      else {
        const late = addWd(date, rng.int(2, 6));
        decision = late <= AS_AT && rng.chance(0.97) ? late : null;
      }
      if (!pending && !inTime[i] && decision === null) check(AS_AT > deadline, 'an undecided contact meant as late is overdue');
      const known = rng.chance(0.45) ? knownChild(date) : null;
      const outcome = known
        ? rng.weighted([['Passed to allocated worker', 70], ['Information and advice', 30]])
        : rng.weighted([['No further action', 30], ['Information and advice', 35], ['Early Help', 35]]);
      out.push(make(known ?? childIds.mint(), date, decision, outcome));
    }
  }
  return { records: out, write: () => contactsExtract(out) };
}

function contactsExtract(contacts: Contact[]): Extract {
  const rng = new Rng('write-contacts');
  contacts.sort((a, b) => a.date - b.date || (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const gender = new Map<string, string>();
  const rows = contacts.map((c, i) => {
    c.id = `CT${String(2_004_001 + i)}`;
    let g = gender.get(c.child);
    if (g === undefined) {
      g = rng.weighted([['Male', 49], ['Female', 48], ['Unknown', 3]]);
      gender.set(c.child, g);
    }
    const fmt = pickFormat(rng, [['dmy', 80], ['iso', 12], ['dmyShort', 8]]);
    const date = `${DATE_FORMATS[fmt](c.date)} ${c.time}`;
    const decision = c.decision === null ? '' : `${DATE_FORMATS[fmt](c.decision)} ${c.decisionTime}`;
    return [c.id, c.child, g, date, decision, c.source, c.outcome, c.decision === null ? '' : 'MASH', c.worker];
  });
  const mess = new Mess('contacts', rows);
  mess.repeat(2);
  mess.reuseKey((row) => (row[6] = row[6] === 'Early Help' ? 'No further action' : 'Early Help'));
  mess.reuseKey((row) => (row[5] = row[5] === 'Police' ? 'Schools' : 'Police'));
  let extra = 9_000_001;
  const key = () => `CT${extra++}`;
  mess.invalid(key(), 0, (row) => (row[1] = ''));
  mess.invalid(key(), 0, (row) => (row[3] = '31/02/2021 10:12'));
  mess.invalid(key(), 0, (row) => (row[3] = '14/01/21'));
  mess.invalid(key(), 0, (row) => {
    row[3] = '18/03/2021 11:40';
    row[4] = '17/03/2021 09:15';
  });
  mess.invalid(key(), 0, (row) => {
    row[3] = '07/05/2021 16:20';
    row[4] = '11/05/2021 09:05';
  });
  mess.excelIds(1, 3);
  mess.blankLine('');
  return mess.result('contacts.csv', HEADERS.contacts, '\n', true);
}
