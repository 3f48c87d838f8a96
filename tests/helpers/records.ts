/**
 * Builders for measure tests: normalised records with defaults, an in-memory
 * `Records<R>`, a measure context on the real working-day calendar, and a
 * `run` that evaluates one measure over a run of months.
 *
 * Dates are written as ISO strings and turned into day numbers; each record
 * built gets the next line number, so file order is the order of building.
 *
 * @example
 * const r = run(contacts1wd, { contacts: [contact({ contactDate: '2021-01-29', decisionDate: '2021-02-01' })] },
 *   { from: '2021-01', asAt: '2021-05-10' });
 * r.periods['2021-01'] //=> { numerator: 1, denominator: 1, excluded: {} }
 */
import { type CalendarOptions, type Region, WorkingCalendar } from '../../src/core/calendar.js';
import { type Day, parseIsoDay } from '../../src/core/day.js';
import { parseMonth, periodsBetween } from '../../src/core/period.js';
import { configSchema, rulesOf, type RulesInput } from '../../src/config/config.js';
import { evaluate, type Rules } from '../../src/measures/index.js';
import { populationFrom } from '../../src/measures/population.js';
import type { Measure, MeasureContext, MeasureData, Observation } from '../../src/measures/types.js';
import {
  type CamelCase,
  type Cell,
  type ExtractDefinition,
  type FieldSpec,
  type FieldType,
  keyOfCells,
  keyPositions,
} from '../../src/normalise/define.js';
import {
  type Assessment,
  type Case,
  type CoreGroup,
  type CpPlan,
  EXTRACTS,
  type Contact,
  type CpReview,
  type CpVisit,
  type ExtractName,
  type Referral,
  type S47,
  type RecordBase,
  type RecordTypes,
  type Supervision,
} from '../../src/normalise/extracts.js';
import type { Records } from '../../src/normalise/table.js';

// ---------------------------------------------------------------- days

/** The day number of an ISO date; throws on anything else so a typo cannot pass silently. */
export function day(iso: string): Day {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new Error(`test helper: "${iso}" is not a yyyy-mm-dd date`);
  return d;
}

// ---------------------------------------------------------------- lines

let nextLine = 2;

/** Starts line numbering again at 2 (the line after a header). */
export function resetLines(): void {
  nextLine = 2;
}

function takeLine(line: number | undefined): number {
  if (line !== undefined) return line;
  return nextLine++;
}

// ---------------------------------------------------------------- record builders

type FieldsOf<N extends ExtractName> = (typeof EXTRACTS)[N] extends ExtractDefinition<string, infer F> ? F : never;

/** A column's value as a builder takes it: dates as yyyy-mm-dd text. */
type InputValue<S> =
  S extends FieldSpec<'date', Day, infer A>
    ? A extends true
      ? string
      : string | null
    : S extends FieldSpec<FieldType, infer V, infer A>
      ? A extends true
        ? V
        : V | null
      : never;

/** What `build` takes for extract N: any column by its record property (dates as yyyy-mm-dd), and the line. */
export type BuildInput<N extends ExtractName> = { line?: number } & {
  [K in keyof FieldsOf<N> & string as CamelCase<K>]?: InputValue<FieldsOf<N>[K]>;
};

/**
 * A normalised record of extract `name`, built from its definition: each
 * column from `input`, else from `defaults`, else blank (or the column's
 * value for blank). The key is formed as the record tables form it, and the
 * record takes the next line number unless given one.
 * @throws when a required column has no value, or a date is not yyyy-mm-dd.
 */
export function build<N extends ExtractName>(name: N, input: BuildInput<N> = {}, defaults: BuildInput<N> = {}): RecordTypes[N] {
  const def = EXTRACTS[name];
  const given = input as Record<string, unknown>;
  const fallback = defaults as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  const cells: Cell[] = def.fields.map((f) => {
    let value = given[f.prop] !== undefined ? given[f.prop] : fallback[f.prop];
    if (value === undefined || value === null) value = f.blankAs ?? null;
    if (value === null && f.required) throw new Error(`test helper: ${name}.${f.name} is required`);
    if (value !== null && f.type === 'date') value = day(value as string);
    record[f.prop] = value;
    return typeof value === 'boolean' ? (value ? 1 : 0) : (value as Cell);
  });
  const { keyPos, compositePos, withPos } = keyPositions(def);
  return { line: takeLine(input.line), key: keyOfCells(def, cells, keyPos, compositePos, withPos), ...record } as RecordTypes[N];
}

export type ContactInput = BuildInput<'contacts'>;
/** A contact; by default child 1, contacted Friday 29 Jan 2021, undecided. */
export const contact = (input: ContactInput = {}): Contact => build('contacts', input, { childId: '1', contactDate: '2021-01-29' });

export type AssessmentInput = BuildInput<'assessments'>;
/** An assessment; by default child 1, started Monday 4 Jan 2021, open, kind new. */
export const assessment = (input: AssessmentInput = {}): Assessment =>
  build('assessments', input, { childId: '1', startDate: '2021-01-04', kind: 'new' });

export type CpPlanInput = BuildInput<'cp_plans'>;
/** A child protection plan; by default child 1, started Monday 4 Jan 2021, open. */
export const cpPlan = (input: CpPlanInput = {}): CpPlan => build('cp_plans', input, { childId: '1', startDate: '2021-01-04' });

export type CoreGroupInput = BuildInput<'core_groups'>;
/** A core group meeting; by default child 1, held Monday 18 Jan 2021, attendance blank. */
export const coreGroup = (input: CoreGroupInput = {}): CoreGroup => build('core_groups', input, { childId: '1', meetingDate: '2021-01-18' });

export type SupervisionInput = BuildInput<'supervisions'>;
/** A case supervision; by default child 1 on 15 Jan 2021. */
export const supervision = (input: SupervisionInput = {}): Supervision =>
  build('supervisions', input, { childId: '1', supervisionDate: '2021-01-15' });

export type CaseInput = BuildInput<'cases'>;
/** An allocated case; by default child 1, CIN, started 1 Dec 2020, open, worker SW1. */
export const caseRecord = (input: CaseInput = {}): Case =>
  build('cases', input, { childId: '1', startDate: '2020-12-01', caseType: 'CIN', worker: 'SW1' });

/** A period of care; by default child 1, looked after from Monday 4 Jan 2021, open, legal status C2. */
export const claPeriod = (input: BuildInput<'cla_periods'> = {}): RecordTypes['cla_periods'] =>
  build('cla_periods', input, { childId: '1', startDate: '2021-01-04', legalStatus: 'C2' });

/** A placement; by default child 1, from Monday 4 Jan 2021, open, foster care (U1). */
export const placement = (input: BuildInput<'placements'> = {}): RecordTypes['placements'] =>
  build('placements', input, { childId: '1', startDate: '2021-01-04', placementType: 'U1' });

/** A looked-after review; by default child 1 on 1 Feb 2021, permanence plan blank. */
export const claReview = (input: BuildInput<'cla_reviews'> = {}): RecordTypes['cla_reviews'] =>
  build('cla_reviews', input, { childId: '1', reviewDate: '2021-02-01' });

/** A missing episode; by default child 1, missing 4 Jan 2021 and back 5 Jan 2021, nothing offered. */
export const missingEpisode = (input: BuildInput<'missing_episodes'> = {}): RecordTypes['missing_episodes'] =>
  build('missing_episodes', input, { childId: '1', startDate: '2021-01-04', endDate: '2021-01-05' });

/** A care leaver record; by default child 1, recorded 1 Jan 2021, born 1 Jun 2000 (aged 20). */
export const careLeaver = (input: BuildInput<'care_leavers'> = {}): RecordTypes['care_leavers'] =>
  build('care_leavers', input, { childId: '1', recordDate: '2021-01-01', dateOfBirth: '2000-06-01' });

/** A care proceedings row; by default child 1, case C1, issued Monday 4 Jan 2021, open. */
export const proceedingsRow = (input: BuildInput<'proceedings'> = {}): RecordTypes['proceedings'] =>
  build('proceedings', input, { childId: '1', proceedingsId: 'C1', issueDate: '2021-01-04' });

export type ReferralInput = BuildInput<'referrals'>;
/** A referral; by default child 1, referred Monday 4 Jan 2021. */
export const referral = (input: ReferralInput = {}): Referral => build('referrals', input, { childId: '1', referralDate: '2021-01-04' });

export type S47Input = BuildInput<'s47'>;
/** A section 47 enquiry; by default child 1, started Monday 4 Jan 2021, no conference. */
export const s47Enquiry = (input: S47Input = {}): S47 => build('s47', input, { childId: '1', startDate: '2021-01-04' });

export type CpReviewInput = BuildInput<'cp_reviews'>;
/** A CP review conference; by default child 1, held Tuesday 6 Apr 2021. */
export const cpReview = (input: CpReviewInput = {}): CpReview => build('cp_reviews', input, { childId: '1', reviewDate: '2021-04-06' });

export type CpVisitInput = BuildInput<'cp_visits'>;
/** A CP statutory visit; by default child 1 on Friday 15 Jan 2021, seen blank. */
export const cpVisit = (input: CpVisitInput = {}): CpVisit => build('cp_visits', input, { childId: '1', visitDate: '2021-01-15' });

// ---------------------------------------------------------------- records

/** An in-memory extract: the given rows, and the columns its header is taken to have. */
export class MemoryRecords<R> implements Records<R> {
  private readonly rows: readonly R[];
  private readonly columns: ReadonlySet<string>;

  constructor(rows: readonly R[], columns: Iterable<string>) {
    this.rows = rows;
    this.columns = new Set(columns);
  }

  get length(): number {
    return this.rows.length;
  }

  get(i: number): R {
    const r = this.rows[i];
    if (r === undefined) throw new RangeError(`no row ${i}`);
    return r;
  }

  hasColumn(name: string): boolean {
    return this.columns.has(name);
  }

  [Symbol.iterator](): Iterator<R> {
    return this.rows[Symbol.iterator]();
  }
}

export interface TableOptions {
  /** The columns present; default every column of the extract. */
  readonly columns?: Iterable<string>;
  /** Columns to leave out of the default set. */
  readonly without?: readonly string[];
}

/** The records of extract `name` as a measure sees them. */
export function records<N extends ExtractName>(
  name: N,
  rows: readonly RecordTypes[N][],
  options: TableOptions = {},
): MemoryRecords<RecordTypes[N]> {
  const all = options.columns ?? EXTRACTS[name].fields.map((f) => f.name);
  const without = new Set(options.without ?? []);
  return new MemoryRecords(rows, [...all].filter((c) => !without.has(c)));
}

/** Extract rows as arrays (every column present) or ready-made `Records`. */
export type DataInput = { readonly [N in ExtractName]?: readonly RecordTypes[N][] | Records<RecordTypes[N]> };

function isRecords<R>(x: readonly R[] | Records<R>): x is Records<R> {
  return !Array.isArray(x);
}

/** `MeasureData` from arrays of records. */
export function dataOf(input: DataInput): MeasureData {
  const out: { [N in ExtractName]?: Records<RecordTypes[N]> } = {};
  const put = <N extends ExtractName>(name: N): void => {
    const v = input[name] as readonly RecordTypes[N][] | Records<RecordTypes[N]> | undefined;
    if (v === undefined) return;
    (out as Record<string, unknown>)[name] = isRecords(v) ? v : records(name, v);
  };
  for (const name of Object.keys(EXTRACTS) as ExtractName[]) put(name);
  return out;
}

// ---------------------------------------------------------------- context

/** Rule overrides; durations may be written as in the configuration (`2wd`, `6w`). */
/** Rules as a configuration file gives them: `{ contacts: { timescale: '2wd' } }`. */
export type { RulesInput } from '../../src/config/config.js';

export interface CalendarInput {
  region?: Region;
  bankHolidays?: boolean;
  closures?: readonly string[];
}

export interface ContextInput {
  asAt?: string;
  rules?: RulesInput;
  calendar?: CalendarInput;
  /** Per extract, `mapping.<extract>.coverageFrom` as YYYY-MM-DD. */
  coverageFrom?: Partial<Record<ExtractName, string>>;
  /** The configuration's `population`: a number, or numbers by year. */
  population?: number | Record<string, number>;
}

/** The default rules with some overridden, read exactly as the configuration file's sections are. */
export function rules(input: RulesInput = {}): Rules {
  return rulesOf(configSchema.parse(input));
}

/** A working-day calendar; by default England and Wales with bank holidays. */
export function calendar(input: CalendarInput = {}): WorkingCalendar {
  const options: CalendarOptions = {
    region: input.region ?? 'england-and-wales',
    bankHolidays: input.bankHolidays ?? true,
    closures: (input.closures ?? []).map(day),
  };
  return new WorkingCalendar(options);
}

export const DEFAULT_AS_AT = '2021-05-10';

/** A measure context; as-at 10 May 2021 unless given. */
export function context(input: ContextInput = {}): MeasureContext {
  return {
    asAt: day(input.asAt ?? DEFAULT_AS_AT),
    calendar: calendar(input.calendar),
    rules: rules(input.rules),
    ...(input.coverageFrom === undefined
      ? {}
      : { coverageFrom: Object.fromEntries(Object.entries(input.coverageFrom).map(([name, iso]) => [name, day(iso)])) }),
    ...(input.population === undefined ? {} : { population: populationFrom(input.population) }),
  };
}

// ---------------------------------------------------------------- running a measure

export interface PeriodCounts {
  numerator: number;
  denominator: number;
  excluded: Record<string, number>;
  /** Only when the period is not computable: why. */
  notComputable?: string;
}

export interface RunOptions extends ContextInput {
  /** First month, `YYYY-MM`. */
  from: string;
  /** Last month; default `from`. */
  to?: string;
  /** A ready-made context (its as-at wins over `asAt`). */
  context?: MeasureContext;
}

export interface RunResult {
  readonly computable: boolean;
  /** Why not, when not computable. */
  readonly reason: string | undefined;
  /** The measure's tally per period id. */
  readonly periods: Record<string, PeriodCounts>;
  /** The same counts added up from the observations. */
  readonly observed: Record<string, PeriodCounts>;
  /** The tally per period when evaluated without an observer. */
  readonly unobserved: Record<string, PeriodCounts>;
  readonly observations: readonly Observation[];
  /** Periods the measure said are not computable, by period id, with the reason. */
  readonly notComputableIn: Record<string, string>;
  /** For a rate per 10,000: the population in each period's denominator, by period id. */
  readonly population: Record<string, number>;
}

function sortedExcluded(m: ReadonlyMap<string, number>): Record<string, number> {
  return Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Evaluates `measure` over the months `from`..`to`, once with an observer and
 * once without, and returns the tallies together with what the observations add up to.
 */
export function run(measure: Measure, data: DataInput | MeasureData, options: RunOptions): RunResult {
  const ctx = options.context ?? context(options);
  const from = parseMonth(options.from);
  const to = parseMonth(options.to ?? options.from);
  if (from === undefined || to === undefined) throw new Error('test helper: months are YYYY-MM');
  const periods = periodsBetween(from, to, ctx.asAt);
  const measureData = dataOf(data as DataInput);
  const observations: Observation[] = [];
  const evaluation = evaluate(measure, measureData, ctx, periods, (o) => observations.push(o));
  if (!evaluation.computable) {
    return { computable: false, reason: evaluation.reason, periods: {}, observed: {}, unobserved: {}, observations, notComputableIn: {}, population: {} };
  }
  const silent = evaluate(measure, dataOf(data as DataInput), ctx, periods);
  const tallies: Record<string, PeriodCounts> = {};
  const unobserved: Record<string, PeriodCounts> = {};
  const observed: Record<string, PeriodCounts> = {};
  const notComputableIn: Record<string, string> = {};
  const population: Record<string, number> = {};
  periods.forEach((p, i) => {
    const t = evaluation.tallies[i]!;
    if (t.notComputable !== null) notComputableIn[p.id] = t.notComputable;
    if (t.population !== null) population[p.id] = t.population;
    const why = t.notComputable === null ? {} : { notComputable: t.notComputable };
    tallies[p.id] = { numerator: t.numerator, denominator: t.denominator, excluded: sortedExcluded(t.excluded), ...why };
    if (silent.computable) {
      const u = silent.tallies[i]!;
      unobserved[p.id] = {
        numerator: u.numerator,
        denominator: u.denominator,
        excluded: sortedExcluded(u.excluded),
        ...(u.notComputable === null ? {} : { notComputable: u.notComputable }),
      };
    }
    const excluded = new Map<string, number>();
    let numerator = 0;
    // The population (a rate's denominator) is no record's: it is added once, as the tally adds it.
    let denominator = t.population ?? 0;
    for (const o of observations) {
      if (o.period?.id !== p.id) continue;
      numerator += o.numerator;
      denominator += o.denominator;
      if (o.reason !== null) excluded.set(o.reason, (excluded.get(o.reason) ?? 0) + 1);
    }
    observed[p.id] = { numerator, denominator, excluded: sortedExcluded(excluded), ...why };
  });
  return { computable: true, reason: undefined, periods: tallies, observed, unobserved, observations, notComputableIn, population };
}

/** The observations of one record (by line) in one period. */
export function observationsOf(result: RunResult, line: number, period?: string): Observation[] {
  return result.observations.filter((o) => o.record.line === line && (period === undefined || o.period?.id === period));
}

/**
 * How one record counted in one period: `met`, `not-met`, `excluded:<reason>`,
 * or `none` when the measure did not report it there at all.
 */
export function outcome(result: RunResult, record: RecordBase, period?: string): string {
  const seen = result.observations.filter((o) => o.record === record && (period === undefined || o.period?.id === period));
  if (seen.length === 0) return 'none';
  return seen.map((o) => (o.status === 'excluded' ? `excluded:${o.reason}` : o.status)).join(',');
}

/** Shorthand for expected counts. */
export function counts(numerator: number, denominator: number, excluded: Record<string, number> = {}): PeriodCounts {
  return { numerator, denominator, excluded };
}
