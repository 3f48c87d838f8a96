/**
 * Synthetic extracts for the benchmark: the six CSV files of SPEC.md §2,
 * sized in proportion to the number of contacts, written as a stream.
 *
 * The data aims to cost what real extracts cost to read:
 * - dates between 2020-04-01 and the as-at date 2021-05-10, mostly
 *   yyyy-mm-dd, some dd/mm/yyyy, a few d/m/yyyy, with a time, or with a
 *   month name, all valid;
 * - decisions 0-5 days after the contact, some blank (undecided);
 * - ids, child ids (a few Excel-mangled as `1234567.0`), sources, teams
 *   (one needing quotes because of its comma), workers;
 * - records that hang together: core group meetings fall inside their
 *   child protection plan, supervisions inside their case, so the measures
 *   do the same work as on real data;
 * - about 0.1% bad rows: half invalid (blank child id, impossible or
 *   two-digit-year date, future date, dates out of order, a stray field),
 *   half repeats of the row before (an exact duplicate, or the same key
 *   with a changed value).
 * One file has CRLF line ends and one a UTF-8 BOM, as Windows exports do.
 *
 * Everything is derived from the seed, so a given seed and size always give
 * byte-identical files. Rows are appended to a buffer of about 1 MiB that is
 * written out and dropped, so memory stays flat whatever the size.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { dayFromYmd, ymdFromDay } from '../../src/core/day.js';
import { presetHeading } from '../../src/normalise/extracts.js';
import { hashUnit, Rng, weighted } from './random.js';

/** Rows of each extract per contact. */
export const PROPORTIONS = {
  contacts: 1,
  assessments: 0.2,
  cp_plans: 0.03,
  core_groups: 0.1,
  supervisions: 0.25,
  cases: 0.1,
} as const;

export type ExtractName = keyof typeof PROPORTIONS;

/** The as-at date the benchmark runs the scorecard with; no valid date is later. */
export const AS_AT = '2021-05-10';
export const FIRST_MONTH = '2020-04';
export const LAST_MONTH = '2021-05';

/** Share of rows written invalid, and share written as a repeat of the previous row. */
const INVALID_RATE = 0.0005;
const REPEAT_RATE = 0.0005;

export interface GeneratedFile {
  readonly name: ExtractName;
  readonly file: string;
  /** Data rows (the header not counted). */
  readonly rows: number;
  readonly bytes: number;
  /** Rows written to be rejected: invalid ones and same-key-different-value repeats. */
  readonly planned: { readonly invalid: number; readonly keyConflicts: number; readonly exactDuplicates: number };
}

// ---------------------------------------------------------------------------
// Dates, as day numbers since 1970-01-01 (no time zone anywhere).

const START = dayFromYmd(2020, 4, 1);
const END = dayFromYmd(2021, 5, 10);
const SPAN = END - START + 1;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const TIMES = ['09:05', '10:30', '11:47:12', '14:05', '15:20:33', '16:58'] as const;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Every date the generator can write, formatted once in each style. */
const TABLE_FROM = START - 800;
const TABLE_TO = END + 400;
const ISO: string[] = [];
const DMY: string[] = [];
const DMY_SHORT: string[] = [];
const NAMED: string[] = [];
for (let d = TABLE_FROM; d <= TABLE_TO; d++) {
  const { year: y, month: m, day } = ymdFromDay(d);
  const mon = MONTH_NAMES[m - 1]!;
  ISO.push(`${y}-${pad2(m)}-${pad2(day)}`);
  DMY.push(`${pad2(day)}/${pad2(m)}/${y}`);
  DMY_SHORT.push(`${day}/${m}/${y}`);
  NAMED.push(d % 2 === 0 ? `${pad2(day)}-${mon}-${y}` : `${day} ${mon} ${y}`);
}

function iso(d: number): string {
  return ISO[d - TABLE_FROM]!;
}

/** A date cell in one of the accepted formats: mostly ISO, some day-first. */
function dateCell(d: number, rng: Rng): string {
  const i = d - TABLE_FROM;
  const u = rng.next();
  if (u < 0.8) return ISO[i]!;
  if (u < 0.95) return DMY[i]!;
  if (u < 0.97) return DMY_SHORT[i]!;
  if (u < 0.99) return `${ISO[i]!} ${rng.pick(TIMES)}`;
  return NAMED[i]!;
}

// ---------------------------------------------------------------------------
// The people and teams the rows refer to.

const TEAMS = [
  'MASH',
  'Assessment Team North',
  'Assessment Team South',
  'Assessment Team East',
  'Child in Need 1',
  'Child in Need 2',
  'Child in Need 3',
  'Child Protection',
  'Children in Care',
  'Leaving Care',
  'Disabled Children',
  'Early Help Hub',
  '"Children\'s Services, North"',
  'Out of Hours',
] as const;
const pickSource = weighted([
  ['Police', 30],
  ['School', 18],
  ['Health', 14],
  ['Individual', 8],
  ['Family member', 8],
  ['Anonymous', 4],
  ['Local authority services', 10],
  ['Other legal agency', 3],
  ['Other', 5],
] as const);
const pickOutcome = weighted([
  ['No further action', 35],
  ['Referral to children\'s social care', 25],
  ['Early Help', 20],
  ['Information and advice', 15],
  ['Strategy discussion', 5],
] as const);
const pickDelay = weighted([
  [0, 45],
  [1, 30],
  [2, 10],
  [3, 7],
  [4, 5],
  [5, 3],
] as const);
const pickCategory = weighted([
  ['Neglect', 48],
  ['Emotional abuse', 37],
  ['Physical abuse', 7],
  ['Sexual abuse', 4],
  ['Multiple', 4],
] as const);
const pickCaseType = weighted([
  ['CIN', 50],
  ['CP', 15],
  ['CLA', 25],
  ['CL', 10],
] as const);
const pickFlag = weighted([
  ['Y', 50],
  ['N', 25],
  ['Yes', 8],
  ['No', 5],
  ['TRUE', 3],
  ['1', 3],
  ['', 6],
] as const);

/** Hash streams: one per kind of attribute derived by index. */
const S = {
  PlanChild: 10,
  PlanStart: 11,
  PlanEnd: 12,
  CaseChild: 13,
  CaseStart: 14,
  CaseEnd: 15,
  CaseType: 16,
  CaseWorker: 17,
  MeetingJitter: 18,
} as const;

/** The population the extracts describe, derived from the seed and the size. */
class World {
  readonly children: number;
  readonly workers: number;
  readonly counts: Record<ExtractName, number>;

  constructor(
    readonly seed: number,
    contacts: number,
  ) {
    this.children = Math.max(100, Math.round(contacts * 0.35));
    // About 20 open cases per worker, as in the improvement plan's caseloads.
    this.workers = Math.max(20, Math.round(contacts / 500));
    const counts = {} as Record<ExtractName, number>;
    for (const name of Object.keys(PROPORTIONS) as ExtractName[]) counts[name] = Math.round(contacts * PROPORTIONS[name]);
    this.counts = counts;
  }

  childId(k: number, rng?: Rng): string {
    const id = String(1_000_000 + k);
    // A spreadsheet round trip turns some ids into 1234567.0; they still name the same child.
    return rng !== undefined && rng.next() < 0.002 ? `${id}.0` : id;
  }

  randomChild(rng: Rng): string {
    return this.childId(Math.floor(rng.next() * this.children), rng);
  }

  worker(u: number): string {
    return `SW${String(Math.floor(u * this.workers)).padStart(5, '0')}`;
  }

  private unit(stream: number, index: number): number {
    return hashUnit(this.seed, stream, index, 0);
  }

  planChild(p: number): number {
    return Math.floor(this.unit(S.PlanChild, p) * this.children);
  }
  planStart(p: number): number {
    return START + Math.floor(this.unit(S.PlanStart, p) * (SPAN - 5));
  }
  /** About a third of plans have ended (after 3 to 15 months); null when open. */
  planEnd(p: number): number | null {
    const u = this.unit(S.PlanEnd, p);
    if (u >= 0.35) return null;
    const end = this.planStart(p) + 90 + Math.floor((u / 0.35) * 360);
    return end <= END ? end : null;
  }

  caseChild(c: number): number {
    return Math.floor(this.unit(S.CaseChild, c) * this.children);
  }
  caseStart(c: number): number {
    return START + Math.floor(this.unit(S.CaseStart, c) * SPAN);
  }
  /** About 40% of cases have closed (after 1 to 10 months); null when open. */
  caseEnd(c: number): number | null {
    const u = this.unit(S.CaseEnd, c);
    if (u >= 0.4) return null;
    const end = this.caseStart(c) + 30 + Math.floor((u / 0.4) * 270);
    return end <= END ? end : null;
  }
  caseType(c: number): string {
    return pickCaseType(this.unit(S.CaseType, c));
  }
  caseWorker(c: number): string {
    return this.worker(this.unit(S.CaseWorker, c));
  }
}

// ---------------------------------------------------------------------------
// The extracts.

interface ExtractSpec {
  readonly name: ExtractName;
  readonly header: readonly string[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** The cells of valid row `i`, already CSV-escaped. */
  row(i: number, rng: Rng): string[];
  readonly childCol: number;
  /** Required date columns, which a bad row may spoil. */
  readonly dateCols: readonly number[];
  /** [earlier, later]: a bad row may put `later` before `earlier`. */
  readonly order?: readonly [number, number];
  /** A non-key column a same-key repeat changes, and two values it takes. */
  readonly change: readonly [column: number, value: string, otherValue: string];
}

function specs(w: World): ExtractSpec[] {
  const n = w.counts;
  return [
    {
      name: 'contacts',
      header: ['contact_id', 'child_id', 'contact_date', 'decision_date', 'source', 'outcome', 'team', 'worker'],
      eol: '\n',
      bom: false,
      childCol: 1,
      dateCols: [2],
      order: [2, 3],
      change: [5, 'Duty Team', 'MASH'],
      row(i, rng) {
        // Fewer contacts at weekends: redraw most weekend dates once.
        let d = START + Math.floor(rng.next() * SPAN);
        const wd = (d + 4) % 7;
        if ((wd === 0 || wd === 6) && rng.next() < 0.8) d = START + Math.floor(rng.next() * SPAN);
        const decided = d + pickDelay(rng.next());
        const decision = rng.next() < 0.03 || decided > END ? '' : dateCell(decided, rng);
        // A few rows without their own id fall back to the composite key.
        const id = rng.next() < 0.005 ? '' : `CT${10_000_000 + i}`;
        return [
          id,
          w.randomChild(rng),
          dateCell(d, rng),
          decision,
          pickSource(rng.next()),
          pickOutcome(rng.next()),
          rng.pick(TEAMS),
          w.worker(rng.next()),
        ];
      },
    },
    {
      name: 'assessments',
      header: ['assessment_id', 'child_id', 'referral_date', 'start_date', 'authorised_date', 'kind', 'team', 'worker'],
      eol: '\r\n',
      bom: false,
      childCol: 1,
      dateCols: [3],
      order: [3, 4],
      change: [7, 'SW99998', 'SW99999'],
      row(i, rng) {
        const start = START + Math.floor(rng.next() * SPAN);
        const referral = start - rng.int(0, 3);
        // Most within 45 working days (about 63 calendar days), a tail beyond.
        let took = 10 + Math.floor(rng.next() * 45);
        if (rng.next() < 0.3) took += Math.floor(rng.next() * 40);
        const authorised = start + took;
        const kindU = rng.next();
        return [
          `AS${5_000_000 + i}`,
          w.randomChild(rng),
          dateCell(referral, rng),
          dateCell(start, rng),
          authorised > END || rng.next() < 0.05 ? '' : dateCell(authorised, rng),
          kindU < 0.7 ? 'new' : kindU < 0.75 ? 'New' : 'update',
          rng.pick(TEAMS),
          w.worker(rng.next()),
        ];
      },
    },
    {
      name: 'cp_plans',
      // Ofsted Annex A headings, as many councils' extracts use.
      header: [
        'Plan ID',
        ...(['child_id', 'start_date', 'end_date', 'category', 'previous_plans'] as const).map((c) => presetHeading('cp_plans', c)),
        'Team',
        'Worker',
      ],
      eol: '\n',
      bom: false,
      childCol: 1,
      dateCols: [2],
      order: [2, 3],
      change: [4, 'Neglect', 'Multiple'],
      row(p, rng) {
        const end = w.planEnd(p);
        return [
          `CP${300_000 + p}`,
          w.childId(w.planChild(p)),
          dateCell(w.planStart(p), rng),
          end === null ? '' : dateCell(end, rng),
          pickCategory(rng.next()),
          String(rng.next() < 0.8 ? 0 : rng.int(1, 3)),
          'Child Protection',
          w.worker(rng.next()),
        ];
      },
    },
    {
      name: 'core_groups',
      header: ['meeting_id', 'child_id', 'meeting_date', 'status', 'education', 'police', 'health', 'other'],
      eol: '\n',
      bom: false,
      childCol: 1,
      dateCols: [2],
      change: [3, 'cancelled', 'held'],
      row(m, rng) {
        // Meetings are spread evenly over the plans, in plan order; the j-th
        // meeting of a plan is held about 10 working days after the start,
        // then about every four weeks, within the plan's life.
        const plans = n.cp_plans;
        const meetings = n.core_groups;
        const p = Math.floor((m * plans) / meetings);
        const j = m - Math.ceil((p * meetings) / plans);
        const start = w.planStart(p);
        const last = w.planEnd(p) ?? END;
        const jitter = Math.floor(hashUnit(w.seed, S.MeetingJitter, m, 0) * 10) - 3;
        let d = start + 12 + 28 * j + jitter;
        if (d < start || d > last) d = start + Math.floor(rng.next() * (last - start + 1));
        return [
          `CG${700_000 + m}`,
          w.childId(w.planChild(p)),
          dateCell(d, rng),
          rng.next() < 0.05 ? 'cancelled' : rng.next() < 0.5 ? 'held' : '',
          pickFlag(rng.next()),
          pickFlag(rng.next()),
          pickFlag(rng.next()),
          pickFlag(rng.next()),
        ];
      },
    },
    {
      name: 'supervisions',
      header: ['supervision_id', 'child_id', 'supervision_date', 'worker', 'supervisor'],
      eol: '\n',
      bom: false,
      childCol: 1,
      dateCols: [2],
      change: [4, 'TM9998', 'TM9999'],
      row(s, rng) {
        // Supervisions follow their case, roughly monthly, inside its life.
        const cases = n.cases;
        const sups = n.supervisions;
        const c = Math.floor((s * cases) / sups);
        const j = s - Math.ceil((c * sups) / cases);
        const start = w.caseStart(c);
        const last = w.caseEnd(c) ?? END;
        let d = start + 25 * (j + 1) + rng.int(-5, 10);
        if (d < start || d > last) d = start + Math.floor(rng.next() * (last - start + 1));
        return [
          `SV${9_000_000 + s}`,
          w.childId(w.caseChild(c)),
          dateCell(d, rng),
          w.caseWorker(c),
          `TM${String(rng.int(0, Math.max(1, Math.floor(w.workers / 8)))).padStart(4, '0')}`,
        ];
      },
    },
    {
      name: 'cases',
      header: ['case_id', 'child_id', 'start_date', 'end_date', 'case_type', 'worker', 'team', 'legal_status'],
      eol: '\r\n',
      bom: true,
      childCol: 1,
      dateCols: [2],
      order: [2, 3],
      change: [6, 'Out of Hours', 'MASH'],
      row(c, rng) {
        const end = w.caseEnd(c);
        return [
          `CS${2_000_000 + c}`,
          w.childId(w.caseChild(c)),
          dateCell(w.caseStart(c), rng),
          end === null ? '' : dateCell(end, rng),
          w.caseType(c),
          w.caseWorker(c),
          rng.pick(TEAMS),
          rng.next() < 0.7 ? '' : rng.pick(['C2', 'V2', 'E1', 'L1']),
        ];
      },
    },
  ];
}

const BAD_DATES = ['31/02/2021', '05/01/21', 'TBC', '44197', '2021-13-01', '01/13/2021'] as const;

/** Spoils a valid row so that the validator must reject it. */
function spoil(spec: ExtractSpec, cells: string[], rng: Rng): void {
  const kind = rng.int(0, 4);
  const dateCol = rng.pick(spec.dateCols);
  switch (kind) {
    case 0:
      cells[spec.childCol] = '';
      return;
    case 1:
      cells[dateCol] = rng.pick(BAD_DATES);
      return;
    case 2:
      cells[dateCol] = iso(END + rng.int(1, 60));
      return;
    case 3:
      if (spec.order) {
        // Every earlier date is on or after 2020-04-01, so this one is before it.
        cells[spec.order[1]] = iso(START - rng.int(1, 60));
        return;
      }
      cells[dateCol] = rng.pick(BAD_DATES);
      return;
    default:
      cells.push('stray');
  }
}

/** Collects lines into a chunk of about 1 MiB, written out when full. */
class ChunkWriter {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;

  constructor(private readonly out: WriteStream) {}

  /** Adds a line; true when the chunk is full and `flush` should be awaited. */
  add(line: string): boolean {
    this.parts.push(line);
    this.size += line.length;
    return this.size >= 1 << 20;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }
}

async function writeExtract(dir: string, spec: ExtractSpec, rows: number, seed: number, streamNo: number): Promise<GeneratedFile> {
  const file = join(dir, `${spec.name}.csv`);
  const writer = new ChunkWriter(createWriteStream(file));
  const rng = new Rng(seed, streamNo);
  const planned = { invalid: 0, keyConflicts: 0, exactDuplicates: 0 };
  const { eol } = spec;
  writer.add(`${spec.bom ? '\uFEFF' : ''}${spec.header.join(',')}${eol}`);
  let previous: string[] | undefined;
  let previousLine = '';
  for (let i = 0; i < rows; i++) {
    const u = rng.next();
    let line: string;
    if (u < REPEAT_RATE && previous !== undefined && previous[0] !== '') {
      if (rng.next() < 0.5) {
        line = previousLine;
        planned.exactDuplicates++;
      } else {
        const changed = [...previous];
        const [col, value, otherValue] = spec.change;
        changed[col] = changed[col] === value ? otherValue : value;
        line = changed.join(',') + eol;
        planned.keyConflicts++;
      }
    } else if (u < REPEAT_RATE + INVALID_RATE) {
      const cells = spec.row(i, rng);
      spoil(spec, cells, rng);
      line = cells.join(',') + eol;
      planned.invalid++;
    } else {
      previous = spec.row(i, rng);
      previousLine = previous.join(',') + eol;
      line = previousLine;
    }
    if (writer.add(line)) await writer.flush();
  }
  await writer.close();
  return { name: spec.name, file, rows, bytes: writer.bytes, planned };
}

/**
 * Writes the six extracts into `dir`, one after another, and says what was
 * written. `onFile` is told as each file is finished.
 */
export async function generateExtracts(
  dir: string,
  contacts: number,
  seed: number,
  onFile?: (f: GeneratedFile, seconds: number) => void,
): Promise<GeneratedFile[]> {
  const world = new World(seed, contacts);
  const out: GeneratedFile[] = [];
  let streamNo = 1;
  for (const spec of specs(world)) {
    const t0 = performance.now();
    const f = await writeExtract(dir, spec, world.counts[spec.name], seed, streamNo++);
    out.push(f);
    onFile?.(f, (performance.now() - t0) / 1000);
  }
  return out;
}
