/**
 * assessments.csv, for assessments_45wd (and _new): every authorisation
 * month has a set number of assessments, of new ones, and of each
 * authorised within 45 working days; start dates are counted back from the
 * authorisation in working days.
 *
 * The last five columns (child seen, and the education, police, health and
 * other partner contributions, for assessments_child_seen and the partner
 * measures) come from a stream of their own, so the columns before them are
 * as they always were; engagement improves month by month, as the plan
 * promised.
 */
import type { Day } from '../../src/core/day.js';
import { monthEnd, monthStart, parseMonth } from '../../src/core/period.js';
import type { Case } from './cases.js';
import { type Built, DATE_FORMATS, type DateFormat, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, WINDOW_START } from './settings.js';
import { Rng, check, fail, numeratorFor, wdBefore, workingDaysIn } from './solver.js';
import { TEAM_NAMES, type TeamKey, WORKERS, inPost } from './story.js';

interface AssessmentMonth {
  /** Assessments authorised in the month. */
  readonly n: number;
  /** Percentage within 45 working days. */
  readonly pct: number;
  /** How many were from a new referral, and their percentage in time (defaults: 62%, pct + 9). */
  readonly newN?: number;
  readonly newPct?: number;
}

/**
 * Assessments by month of authorisation. Those authorised before April 2020
 * are not in the extract: they only give the children whose cases were
 * already open when it begins. May to July 2021 run past the as-at date:
 * those authorised after it are written as still open.
 */
const ASSESSMENTS: Readonly<Record<string, AssessmentMonth>> = {
  '2019-08': { n: 176, pct: 57.0 },
  '2019-09': { n: 192, pct: 55.0 },
  '2019-10': { n: 201, pct: 56.0 },
  '2019-11': { n: 189, pct: 58.0 },
  '2019-12': { n: 158, pct: 54.0 },
  '2020-01': { n: 207, pct: 53.0 },
  '2020-02': { n: 188, pct: 57.0 },
  '2020-03': { n: 171, pct: 59.0 },
  '2020-04': { n: 164, pct: 58.5 },
  '2020-05': { n: 171, pct: 55.0 },
  '2020-06': { n: 188, pct: 52.7 },
  '2020-07': { n: 203, pct: 50.2 },
  '2020-08': { n: 179, pct: 48.6 },
  '2020-09': { n: 196, pct: 51.5 },
  '2020-10': { n: 214, pct: 53.7 },
  '2020-11': { n: 207, pct: 60.4, newN: 128, newPct: 70.3 },
  '2020-12': { n: 151, pct: 50.3 },
  '2021-01': { n: 232, pct: 47.0 },
  '2021-02': { n: 219, pct: 55.3 },
  '2021-03': { n: 236, pct: 62.7 },
  '2021-04': { n: 198, pct: 68.7 },
  '2021-05': { n: 205, pct: 76.0 },
  '2021-06': { n: 210, pct: 77.0 },
  '2021-07': { n: 205, pct: 78.0 },
};

type Kind = 'new' | 'update';

export interface Assessment {
  id: string;
  child: string;
  start: Day;
  /** null: still open on the as-at date. */
  authorised: Day | null;
  referral: Day | null;
  kind: Kind;
  factors: string;
  team: TeamKey;
  worker: string;
  /** Taken by a child who went on to a CP plan. */
  linked: boolean;
  /** The child's case, once cases are built (the last, when there are several): its team and worker may do the assessment. */
  caseRef: Case | null;
  /** Child seen, then education, police, health and other contributed, as written ('' for blank); set when the file is written. */
  flags?: readonly string[];
}

/** Per flag: the chance of yes in April 2020, and its rise per month. */
const FLAG_CHANCES: readonly (readonly [number, number])[] = [
  [0.86, 0.007],
  [0.42, 0.02],
  [0.5, 0.018],
  [0.55, 0.02],
  [0.22, 0.01],
];

/** The child-seen and partner cells of each assessment, from their own stream. */
function setFlags(assessments: readonly Assessment[]): void {
  const rng = new Rng('assessment-partners');
  for (const a of assessments) {
    const month = Math.max(0, Math.round(((a.authorised ?? a.start) - WINDOW_START) / 30.4));
    const [yes, no] = rng.chance(0.5) ? ['Y', 'N'] : ['Yes', 'No'];
    a.flags = FLAG_CHANCES.map(([base, rise]) => (rng.chance(0.02) ? '' : rng.chance(Math.min(0.97, base + rise * month)) ? yes : no));
  }
}

const FACTORS = [
  'Domestic abuse',
  'Mental health (parent)',
  'Drug misuse (parent)',
  'Alcohol misuse (parent)',
  'Neglect',
  'Emotional abuse',
  'Physical abuse',
  'Child sexual exploitation',
  'Going missing',
  'Learning disability (parent)',
  'Socially unacceptable behaviour',
];

/** Authorised before the extracts begin: not written, but the child's case may still be open. */
export function beforeWindow(a: Assessment): boolean {
  return a.authorised !== null && a.authorised < WINDOW_START;
}

/** The assessments, built first: their children are settled when cases are built. */
export function buildAssessments(): Built<Assessment[]> {
  const rng = new Rng('assessments');
  const out: Assessment[] = [];
  for (const [month, spec] of Object.entries(ASSESSMENTS)) {
    const m = parseMonth(month)!;
    const days = workingDaysIn(monthStart(m), monthEnd(m));
    const met = numeratorFor(spec.n, spec.pct) ?? Math.round((spec.n * spec.pct) / 100);
    const newN = spec.newN ?? Math.round(spec.n * 0.62);
    const newPct = spec.newPct ?? Math.min(spec.pct + 9, 92);
    let metNew = spec.newPct !== undefined ? (numeratorFor(newN, newPct) ?? fail(`no ${newPct}% of ${newN}`)) : Math.round((newN * newPct) / 100);
    metNew = Math.min(metNew, met);
    const metUpdate = met - metNew;
    check(metUpdate >= 0 && metUpdate <= spec.n - newN, `assessment split for ${month}`);
    // Which rows are new, and which of each kind are in time.
    const rows: { kind: Kind; inTime: boolean }[] = [];
    for (let i = 0; i < newN; i++) rows.push({ kind: 'new', inTime: i < metNew });
    for (let i = 0; i < spec.n - newN; i++) rows.push({ kind: 'update', inTime: i < metUpdate });
    rng.shuffle(rows);
    for (const row of rows) {
      const authorised = rng.pick(days);
      const wd = row.inTime
        ? rng.chance(0.5)
          ? rng.int(12, 45)
          : rng.int(32, 45)
        : rng.weighted([
            [rng.int(46, 60), 55],
            [rng.int(61, 85), 35],
            [rng.int(86, 130), 10],
          ]);
      const start = wdBefore(authorised, wd);
      if (start > AS_AT) continue;
      const referral = row.kind === 'new' ? wdBefore(start, rng.weighted([[0, 50], [1, 30], [2, 20]])) : null;
      const factorCount = rng.weighted([[1, 45], [2, 35], [3, 20]]);
      const factors = rng.shuffle([...FACTORS]).slice(0, factorCount).join(', ');
      out.push({
        id: '',
        child: '',
        start,
        authorised: authorised <= AS_AT ? authorised : null,
        referral,
        kind: row.kind,
        factors,
        team: 'A1',
        worker: '',
        linked: false,
        caseRef: null,
      });
    }
  }
  return { records: out, write: () => assessmentsExtract(out) };
}

function assessmentsExtract(all: readonly Assessment[]): Extract {
  const assessments = all.filter((a) => !beforeWindow(a));
  const rng = new Rng('write-assessments');
  assessments.sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : 1));
  setFlags(assessments);
  const cells = (a: Assessment, fmt: DateFormat): string[] => [
    a.id,
    a.child,
    a.referral === null ? '' : DATE_FORMATS[fmt](a.referral),
    DATE_FORMATS[fmt](a.start),
    a.authorised === null ? '' : DATE_FORMATS[fmt](a.authorised),
    a.kind === 'new' ? 'New' : 'Update',
    a.factors,
    TEAM_NAMES[a.team],
    a.worker,
    ...a.flags!,
  ];
  const rows = assessments.map((a, i) => {
    a.id = `AS${String(300_001 + i)}`;
    const c = a.caseRef;
    if (c && c.worker && c.team !== 'SN' && c.team !== 'SS' && inPost(c.worker, a.start, a.authorised ?? AS_AT)) {
      a.team = c.team;
      a.worker = c.worker.code;
    } else {
      const team: TeamKey = rng.chance(0.5) ? 'A1' : 'A2';
      const eligible = WORKERS.filter((w) => w.team === team && inPost(w, a.start, a.authorised ?? AS_AT));
      a.team = team;
      a.worker = eligible.length ? rng.pick(eligible).code : '';
    }
    return cells(a, pickFormat(rng, [['dmy', 70], ['named', 18], ['namedDash', 12]]));
  });
  const mess = new Mess('assessments', rows);
  mess.repeat(1);
  mess.repeatRewritten((at) => cells(assessments[at]!, 'iso'));
  mess.reuseKey((row) => (row[5] = row[5] === 'New' ? 'Update' : 'New'));
  let extra = 900_001;
  const key = () => `AS${extra++}`;
  mess.invalid(key(), 0, (row) => {
    row[3] = '22/02/2021';
    row[4] = '19/02/2021';
  });
  mess.invalid(key(), 0, (row) => (row[3] = '12/01/21'));
  mess.invalid(key(), 0, (row) => (row[1] = ' '));
  mess.invalid(key(), 0, (row) => {
    row[3] = '12 May 2021';
    row[4] = '';
  });
  return mess.result('assessments.csv', HEADERS.assessments, '\r\n', false);
}
