/**
 * care_leavers.csv: 64 young people leaving care, each with a status record
 * every two to four months (activity as an OC3 code, written with or
 * without its text, and whether their accommodation is suitable). 36 of
 * them are aged 19 to 21 on 28 February 2021, and the latest record of 15
 * of those on that day says they are in education, employment or training:
 * 41.7%, as the plan published.
 */
import { type Day, dayFromYmd, formatDay } from '../../src/core/day.js';
import { presetHeading } from '../../src/normalise/extracts.js';
import { careIds } from './children-in-care.js';
import { type Built, DATE_FORMATS, type Extract, Mess } from './csv.js';
import { AS_AT } from './settings.js';
import { Rng, check } from './solver.js';
import { TEAM_NAMES, WORKERS } from './story.js';

/** 28 February 2021: care leavers aged 19-21, and how many in education, employment or training. */
const FEBRUARY_2021 = { day: dayFromYmd(2021, 2, 28), inBand: 36, eet: 15 } as const;

const EET: readonly string[] = ['F1: Full time in higher education', 'P1', 'F2: Full time in education other than higher', 'P4: Part time employment', 'F4', 'F5: Full time other', 'P2'];
const NEET: readonly string[] = ['G4: Not in education, training or employment, owing to illness or disability', 'G5', 'G6: Not in education, training or employment, other', 'G6'];

interface Leaver {
  child: string;
  dob: Day;
  worker: string;
  records: { date: Day; activity: string; suitable: string }[];
}

export function buildCareLeavers(): Built<Leaver[]> {
  const rng = new Rng('care-leavers');
  const workers = WORKERS.filter((w) => w.team === 'LC').map((w) => w.code);
  const leavers: Leaver[] = [];
  const band = (from: Day, to: Day, n: number) => {
    for (let i = 0; i < n; i++) leavers.push({ child: careIds.mint(), dob: rng.int(from, to), worker: rng.pick(workers), records: [] });
  };
  band(dayFromYmd(1999, 3, 1), dayFromYmd(2002, 2, 28), FEBRUARY_2021.inBand);
  band(dayFromYmd(1998, 6, 1), dayFromYmd(1999, 2, 27), 10);
  band(dayFromYmd(2002, 3, 2), dayFromYmd(2003, 12, 31), 18);
  for (const l of leavers) {
    let date = rng.int(dayFromYmd(2020, 1, 15), dayFromYmd(2020, 6, 30));
    while (date <= AS_AT) {
      const activity = rng.weighted<string>([[rng.pick(EET), 45], [rng.pick(NEET), 45], ['0', 10]]);
      const suitable = rng.weighted<string>([['Suitable', 60], ['Y', 20], ['Unsuitable', 8], ['N', 4], ['', 8]]);
      l.records.push({ date, activity, suitable });
      date += rng.int(60, 120);
    }
  }
  // February 2021: the latest record of the young people aged 19-21 decides.
  const inBand = rng.shuffle(leavers.slice(0, FEBRUARY_2021.inBand));
  inBand.forEach((l, i) => {
    const latest = l.records.filter((r) => r.date <= FEBRUARY_2021.day).at(-1);
    check(latest !== undefined, 'care leavers: a young person with no record by February 2021');
    latest.activity = i < FEBRUARY_2021.eet ? rng.pick(EET) : rng.weighted<string>([[rng.pick(NEET), 80], ['0', 20]]);
  });
  return { records: leavers, write: () => leaversExtract(leavers) };
}

function leaversExtract(leavers: Leaver[]): Extract {
  const rows: string[][] = [];
  for (const l of leavers) for (const r of l.records) rows.push(['', l.child, DATE_FORMATS.dmy(l.dob), r.activity, r.suitable, DATE_FORMATS.dmy(r.date), 'YES', TEAM_NAMES.LC, l.worker, formatDay(r.date)]);
  rows.sort((a, b) => (a[9]! < b[9]! ? -1 : a[9]! > b[9]! ? 1 : a[1]! < b[1]! ? -1 : 1));
  rows.forEach((row, i) => {
    row[0] = `CL${String(80_001 + i)}`;
    row.pop();
  });
  const mess = new Mess('care_leavers', rows);
  mess.repeat(1);
  mess.invalid('CL99001', 0, (row) => (row[4] = 'Maybe'));
  const heading = (c: string) => presetHeading('care_leavers', c);
  const header = ['Record ID', heading('child_id'), heading('date_of_birth'), heading('activity'), heading('accommodation_suitable'), heading('record_date'), heading('in_touch'), heading('team'), heading('worker')];
  return mess.result('care_leavers.csv', header, '\r\n', false);
}
