/**
 * A seeded, deliberately messy set of every extract: mixed date formats,
 * blank decisions, cancelled meetings, overlapping plans, cases without
 * workers, duplicates, conflicting keys and invalid rows. Small enough for
 * tests, varied enough to reach every rule.
 */
import { mulberry32 } from '../../scripts/lib/mulberry32.js';
import { dayFromYmd, formatDay, ymdFromDay } from '../../src/core/day.js';

export interface MessyOptions {
  readonly seed?: number;
  /** Roughly how many rows per extract. */
  readonly size?: number;
}

/** CSV text of each extract, keyed by file name. */
export function messyExtracts(options: MessyOptions = {}): Record<string, string> {
  const random = mulberry32(options.seed ?? 1);
  const n = options.size ?? 400;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const first = dayFromYmd(2019, 6, 1);
  const last = dayFromYmd(2021, 5, 10);
  const day = (lo = first, hi = last) => int(lo, hi);
  const write = (d: number): string => {
    const { year, month, day: dd } = ymdFromDay(d);
    const style = int(0, 5);
    const p2 = (x: number) => String(x).padStart(2, '0');
    if (style === 0) return `${p2(dd)}/${p2(month)}/${year}`;
    if (style === 1) return `${dd}/${month}/${year} 09:30`;
    if (style === 2) return `${dd} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][month - 1]} ${year}`;
    return formatDay(d);
  };
  const children = Array.from({ length: Math.max(20, Math.floor(n / 4)) }, (_, i) => String(100000 + i));
  const teams = ['North', 'South', 'MASH', 'Assessment 1'];
  const workers = ['SW01', 'SW02', 'SW03', 'SW04', 'SW05', 'SW06'];
  const mess = (rows: string[], header: string, bad: string[]): string => {
    // Repeat a few rows exactly, and add invalid ones, in random places.
    for (let i = 0; i < Math.ceil(rows.length / 50); i++) rows.splice(int(0, rows.length), 0, pick(rows));
    for (const b of bad) rows.splice(int(0, rows.length), 0, b);
    if (rows.length > 3) rows.splice(int(1, rows.length - 1), 0, '');
    return `${header}\n${rows.join('\n')}\n`;
  };

  /** As `mess`, drawing from the second stream. */
  const messMore = (rows: string[], header: string, bad: string[]): string => {
    for (let i = 0; i < Math.ceil(rows.length / 50); i++) rows.splice(int2(0, rows.length), 0, pick2(rows));
    for (const b of bad) rows.splice(int2(0, rows.length), 0, b);
    return `${header}\n${rows.join('\n')}\n`;
  };

  const contacts: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = day(dayFromYmd(2020, 1, 1));
    const decided = random() < 0.9 ? Math.min(last, c + int(0, 5)) : null;
    contacts.push(`C${i},${pick(children)},${write(c)},${decided === null ? '' : write(decided)},${pick(['Police', 'School', 'Health'])},${pick(teams)},${pick(workers)}`);
  }
  const assessments: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = day(dayFromYmd(2019, 10, 1));
    const a = random() < 0.8 ? Math.min(last, s + int(10, 90)) : null;
    const r = random() < 0.7 ? s - int(0, 10) : null;
    assessments.push(`A${i},${pick(children)},${write(s)},${a === null ? '' : write(a)},${r === null ? '' : write(r)},${pick(['new', 'update', 'New', ''])},${pick(teams)},${pick(workers)}`);
  }
  const plans: string[] = [];
  const planSpans: [string, number, number | null][] = [];
  for (let i = 0; i < Math.floor(n / 3); i++) {
    const child = pick(children);
    const s = day(dayFromYmd(2019, 6, 1));
    const e = random() < 0.5 ? Math.min(last, s + int(30, 500)) : null;
    planSpans.push([child, s, e]);
    plans.push(`P${i},${child},${write(s)},${e === null ? '' : write(e)},Neglect,${int(0, 2)},${pick(teams)},${pick(workers)}`);
  }
  const meetings: string[] = [];
  let m = 0;
  for (const [child, s, e] of planSpans) {
    let d = s + int(3, 16);
    while (d <= (e ?? last) && d <= last) {
      meetings.push(`M${m++},${child},${write(d)},${random() < 0.1 ? 'cancelled' : 'held'},${pick(['Y', 'N', ''])},${pick(['Yes', 'No'])},${pick(['1', '0'])},${pick(['TRUE', 'FALSE', ''])}`);
      d += int(20, 40);
    }
  }
  meetings.push(`M${m++},${pick(children)},${write(day())},held,Y,Y,Y,Y`);
  const cases: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = day(dayFromYmd(2019, 6, 1));
    const e = random() < 0.4 ? Math.min(last, s + int(20, 400)) : null;
    cases.push(`K${i},${pick(children)},${write(s)},${e === null ? '' : write(e)},${pick(['CIN', 'CP', 'CLA', 'CL'])},${random() < 0.9 ? pick(workers) : ''},${pick(teams)}`);
  }
  const supervisions: string[] = [];
  for (let i = 0; i < n; i++) supervisions.push(`S${i},${pick(children)},${write(day())},${pick(workers)},TM1`);

  // The front door and child protection extracts, and the assessments' flag
  // columns, come from a stream of their own, so the files above are as they were.
  const more = mulberry32(((options.seed ?? 1) ^ 0x5a5a5a5a) >>> 0);
  const int2 = (lo: number, hi: number) => lo + Math.floor(more() * (hi - lo + 1));
  const pick2 = <T>(xs: readonly T[]): T => xs[Math.floor(more() * xs.length)]!;
  const flags = ['Y', 'N', '', 'Yes', 'No', 'a) Yes', 'b) No'];
  for (let i = 0; i < assessments.length; i++) assessments[i] += `,${pick2(flags)},${pick2(flags)},${pick2(flags)},${pick2(flags)},${pick2(flags)}`;
  const referrals: string[] = [];
  for (let i = 0; i < n; i++) {
    referrals.push(`R${i},${pick2(children)},${write(int2(first, last))},${pick2(['Police', 'School', ''])},${pick2(['Y', 'N', ''])},${pick2(teams)},${pick2(workers)}`);
  }
  const enquiries: string[] = [];
  for (let i = 0; i < Math.floor(n / 2); i++) {
    const start = int2(first, last - 30);
    const strategy = more() < 0.6 ? start - int2(0, 3) : null;
    const icpc = more() < 0.6 ? Math.min(last, start + int2(0, 35)) : null;
    enquiries.push(
      `E${i},${pick2(children)},${strategy === null ? '' : write(strategy)},${write(start)},${icpc === null ? '' : write(icpc)},${icpc === null ? 'Y' : 'N'},${icpc === null ? '' : pick2(['Y', 'N'])},${pick2(teams)},${pick2(workers)}`,
    );
  }
  const reviews: string[] = [];
  const visits: string[] = [];
  let v = 0;
  for (const [child, s, e] of planSpans) {
    let d = s + int2(60, 100);
    while (d <= (e ?? last) && d <= last) {
      reviews.push(`V${reviews.length},${child},${write(d)},${pick2(teams)}`);
      d += int2(150, 200);
    }
    d = s + int2(1, 10);
    while (d <= (e ?? last) && d <= last) {
      visits.push(`${v++},${child},${write(d)},${pick2(['Y', 'Y', 'Y', 'N', ''])}`);
      d += int2(7, 20);
    }
  }
  reviews.push(`V${reviews.length},${pick2(children)},${write(int2(first, last))},North`);

  const base = {
    'contacts.csv': mess(contacts, 'contact_id,Child Unique ID,Date of Contact,decision_date,Contact Source,team,worker', [
      'C9001,,2021-01-05,,Police,North,SW01',
      'C9002,100001,31/02/2021,,Police,North,SW01',
      'C9003,100001,2021-01-05,2021-01-04,Police,North,SW01',
      'C0,100002,2021-02-05,,Police,North,SW01',
    ]),
    'assessments.csv': mess(assessments, 'assessment_id,child_id,start_date,authorised_date,referral_date,kind,team,worker,child_seen,education,police,health,other', [
      'A9001,100001,2021-01-04,2021-01-01,,new,North,SW01',
      'A9002,100001,05/01/21,,,new,North,SW01',
    ]),
    'cp_plans.csv': mess(plans, 'plan_id,child_id,start_date,end_date,category,previous_plans,team,worker', ['P9001,100001,2021-06-01,,Neglect,0,North,SW01']),
    'core_groups.csv': mess(meetings, 'meeting_id,child_id,meeting_date,status,education,police,health,other', ['M9001,100001,2021-01-05,rescheduled,Y,Y,Y,Y']),
    'supervisions.csv': mess(supervisions, 'supervision_id,child_id,supervision_date,worker,supervisor', ['S9001,,2021-01-05,SW01,TM1']),
    'cases.csv': mess(cases, 'case_id,child_id,start_date,end_date,case_type,worker,team', ['K9001,100001,2021-02-01,2021-01-01,CIN,SW01,North']),
    'referrals.csv': messMore(referrals, 'referral_id,Child Unique ID,Date of Referral,source,nfa,team,worker', ['R9001,100001,2021-01-05,Police,maybe,North,SW01']),
    's47.csv': messMore(enquiries, 'enquiry_id,child_id,strategy_date,start_date,icpc_date,icpc_not_required,plan_made,team,worker', ['E9001,100001,,2021-02-01,2021-01-20,N,Y,North,SW01']),
    'cp_reviews.csv': messMore(reviews, 'review_id,child_id,review_date,team', ['V9001,100001,,North']),
    'cp_visits.csv': messMore(visits, 'visit_id,child_id,visit_date,seen', ['9000001,100001,2021-13-01,Y']),
  };
  return { ...base, ...workforce(options.seed ?? 1, n, children, teams) };
}

/**
 * The staff and complaints logs, from a random stream of their own so the
 * other extracts stay as they were: appointments with changes of contract,
 * leavers and planned leaving dates, a few blank contracts and FTEs; stage
 * 1-3 complaints, some extended, some unanswered.
 */
function workforce(seed: number, n: number, children: readonly string[], teams: readonly string[]): Record<string, string> {
  const random = mulberry32(seed + 7919);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const last = dayFromYmd(2021, 5, 10);
  const staff: string[] = [];
  for (let i = 0; i < Math.max(10, Math.floor(n / 6)); i++) {
    const id = `ST${String(i).padStart(3, '0')}`;
    let start = int(dayFromYmd(2015, 1, 1), dayFromYmd(2021, 4, 1));
    for (let k = 0; k < int(1, 3); k++) {
      const end = random() < 0.5 ? start + int(60, 900) : null;
      const contract = pick(['permanent', 'Permanent', 'agency', 'Locum', 'interim', '']);
      staff.push(`${id},${formatDay(start)},${end === null ? '' : formatDay(end)},${contract},${pick(['Social Worker', 'Team Manager'])},${pick(teams)},${pick(['1', '0.5', '0.8', ''])}`);
      if (end === null) break;
      start = end + int(0, 3);
    }
  }
  const complaints: string[] = [];
  for (let i = 0; i < n; i++) {
    const received = int(dayFromYmd(2020, 1, 1), last);
    const response = random() < 0.85 ? received + int(0, 40) : null;
    complaints.push(
      `CP${i},${random() < 0.8 ? pick(children) : ''},${formatDay(received)},${response === null || response > last ? '' : formatDay(response)},${pick(['1', '1', '1', '', '2', '3'])},${pick(['Y', 'N', ''])},${pick(teams)},${pick(['SW01', 'SW02', 'SW03', ''])}`,
    );
  }
  const lines = (header: string, rows: readonly string[], bad: readonly string[]) => `${header}\n${[...rows, ...bad].join('\n')}\n`;
  return {
    'staff.csv': lines('staff_id,start_date,end_date,contract,role,team,fte', staff, ['ST900,2021-02-01,2021-01-01,permanent,Social Worker,North,1', 'ST901,2020-01-01,,permanent,Social Worker,North,full']),
    'complaints.csv': lines('complaint_id,child_id,received_date,response_date,stage,extended,team,worker', complaints, ['CP9001,,2021-01-10,2021-01-04,1,N,North,SW01', 'CP9002,,2021-01-10,,4,N,North,SW01']),
  };
}
