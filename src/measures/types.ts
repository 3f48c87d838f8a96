/**
 * What a measure is, what it is given, and how it reports each record.
 *
 * A measure is a pure function of normalised records and a context (the
 * as-at date, the working-day calendar, the rules). It never reads files,
 * the clock or the terminal. It reports every record it looks at to an
 * `Outcomes` collector, which keeps the per-period tally and, when asked,
 * the record-level trail an auditor reads.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { monthEnd, monthOf, monthStart, type Period } from '../core/period.js';
import type { ExtractName, RecordBase, RecordTypes } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import type { Rules } from './index.js';
import type { Population } from './population.js';
import type { SettingsSection } from './settings.js';
import type { Unit } from './units.js';

export type { Unit } from './units.js';

/** Which way is better; `neutral`: neither (a rate to watch, never rated against a target). */
export type Direction = 'higher' | 'lower' | 'neutral';

/** The records of each extract that was supplied. */
export type MeasureData = { readonly [N in ExtractName]?: Records<RecordTypes[N]> };

/** What a measure is given besides the records; `R`: the rules it reads (all of them by default). */
export interface MeasureContext<R = Rules> {
  readonly asAt: Day;
  readonly calendar: WorkingCalendar;
  readonly rules: R;
  /**
   * Per extract, the first day it holds records for (the configuration's
   * `mapping.<extract>.coverageFrom`); an extract not named is complete.
   * See coverage.ts.
   */
  readonly coverageFrom?: Readonly<Partial<Record<ExtractName, Day>>> | undefined;
  /** The council's children aged 0-17, for rates per 10,000 (see population.ts); absent: not known. */
  readonly population?: Population | undefined;
}

/**
 * How a record counted in one period: in the numerator (`met`), only in the
 * denominator (`not-met`), or left out (`excluded`, with a reason).
 */
export type Status = 'met' | 'not-met' | 'excluded';

/** Values shown beside a record in an explanation: dates as yyyy-mm-dd, counts as numbers. */
export type Detail = Readonly<Record<string, string | number | null>>;

/**
 * What an observation is about: a record, or, for a measure counted per
 * child or per proceedings, a group of records standing as one (its `line`
 * the first of `lines`, every line behind it).
 */
export type Counted = RecordBase & { readonly lines?: readonly number[] };

export interface Observation {
  /** The period the record was counted or left out in; null for a record outside every period. */
  readonly period: Period | null;
  readonly extract: ExtractName;
  readonly record: RecordBase;
  /** Every line behind the observation, when it stands for several records. */
  readonly lines?: readonly number[];
  readonly status: Status;
  readonly reason: string | null;
  /** What the record adds to the numerator (1 for a percentage, days for a mean of days). */
  readonly numerator: number;
  /** What the record adds to the denominator. */
  readonly denominator: number;
  readonly detail: Detail;
}

export type Observer = (observation: Observation) => void;

/**
 * A column a measure cannot do without; with `when`, only under the rules
 * for which it says true, and `because` says which rule that is, in the
 * words of a "not computable" reason (`the clock starts at referral`).
 */
export interface NeededColumn<R = Rules, C extends string = string> {
  readonly column: C;
  readonly when?: (rules: R) => boolean;
  readonly because?: string;
}

/** A measure's row of the README's table of measures; measures sharing one object share the row. */
export interface MeasureDoc {
  /** What the id column says when several measures share the row; their ids by default. */
  readonly ids?: string;
  /** What is counted for month P (snapshot S), in Markdown. */
  readonly text: string;
}

/**
 * A measure, as defined with `defineMeasure` (define.ts). `R` is the rules it
 * reads; the list in index.ts holds measures that read any of `Rules`.
 */
export interface Measure<R = Rules> {
  /** Stable identifier, as in the JSON output and the targets file. */
  readonly id: string;
  /** The heading, in the words of the rules in force ("within 3 working days"). */
  readonly title: (rules: R) => string;
  readonly unit: Unit;
  /** value = scale × numerator / denominator: 100 for a percentage, 10,000 for a rate per 10,000, 1 for a mean. */
  readonly scale: number;
  readonly direction: Direction;
  /** Extracts the measure cannot do without, in the order a "not computable" reason names them. */
  readonly extracts: readonly ExtractName[];
  /** Columns it cannot do without, per extract: without one the measure is not computable. */
  readonly columns: Readonly<Partial<Record<ExtractName, readonly NeededColumn<R>[]>>>;
  /** The extract whose team and worker a record counts under in a breakdown; null for a measure of no extract. */
  readonly owner: ExtractName | null;
  /** Why it has no breakdown by team or worker whatever the data, if it has none (a rate per 10,000). */
  readonly noBreakdown: (by: Grouping) => string | undefined;
  /** A rate per 10,000 children: not computable without a population. */
  readonly needsPopulation: boolean;
  /** The settings sections whose rules it reads. */
  readonly settings: readonly SettingsSection[];
  /** The rule in words, for explanations. */
  readonly rule: (rules: R) => string;
  readonly doc: MeasureDoc;
  readonly evaluate: (data: MeasureData, context: MeasureContext<R>, out: Outcomes) => void;
}

/** Who a record belongs to, for breakdowns by team or worker. */
export interface Owner {
  readonly team?: string | null;
  readonly worker?: string | null;
}

export type Grouping = 'team' | 'worker';

/** The group of records with no team (or no worker). */
export const NO_GROUP = '(none)';

export interface OutcomeOptions {
  /** Also observe records outside the periods (see `skip`). */
  readonly skipped?: boolean;
  /** Also keep a tally per team or per worker. */
  readonly groupBy?: Grouping | undefined;
}

/** A period's counts. */
export interface Tally {
  numerator: number;
  denominator: number;
  readonly excluded: Map<string, number>;
  /**
   * Why the data cannot support this period's figure, when it cannot (its
   * look-back starts before an extract's coverage, no population for its
   * year); then the counts are not shown.
   */
  notComputable: string | null;
  /**
   * For a rate per 10,000 children: the population the denominator holds
   * (added by `perPopulation`, not by any record); null otherwise.
   */
  population: number | null;
}

/**
 * Collects how each record counted, per period.
 *
 * Measures call `met`, `notMet`, `add` or `exclude` once per record and
 * period; the tally is always the sum of those calls, so a record-level
 * explanation adds up to the scorecard by construction.
 */
export class Outcomes {
  readonly periods: readonly Period[];
  readonly tallies: readonly Tally[];
  /** With `groupBy`: the tallies of each team or worker. */
  readonly groups = new Map<string, Tally[]>();
  readonly groupBy: Grouping | undefined;
  /** True when someone wants the record-level trail; measures build details only then. */
  readonly observing: boolean;
  /** True when the trail should also show records outside the periods (see `skip`). */
  readonly observingSkipped: boolean;
  private readonly observer: Observer | undefined;
  /**
   * Per calendar month from `firstMonth`, the periods whose "in P" range
   * meets it, and whether each of them holds the whole month (then a day's
   * periods are its month's, with no comparison of days).
   */
  private readonly byMonth: readonly MonthPeriods[];
  private readonly firstMonth: number;
  private extract: ExtractName = 'contacts';

  constructor(periods: readonly Period[], observer?: Observer, options: OutcomeOptions = {}) {
    this.periods = periods;
    this.tallies = this.emptyTallies();
    this.groupBy = options.groupBy;
    this.observer = observer;
    this.observing = observer !== undefined;
    this.observingSkipped = this.observing && options.skipped === true;
    const index = monthIndex(periods);
    this.firstMonth = index.firstMonth;
    this.byMonth = index.byMonth;
  }

  private emptyTallies(): Tally[] {
    return this.periods.map(() => ({ numerator: 0, denominator: 0, excluded: new Map(), notComputable: null, population: null }));
  }

  /** The team or worker a record is counted under ('' when not grouping). */
  groupOf(owner: Owner): string {
    if (this.groupBy === undefined) return '';
    return owner[this.groupBy] ?? NO_GROUP;
  }

  /** Which extract the following records come from. */
  from(extract: ExtractName): this {
    this.extract = extract;
    return this;
  }

  /**
   * The indexes of the periods whose "in P" range (`countFrom` to `end`)
   * holds a day, in period order: none when it is outside every period, one
   * for calendar months, quarters or years, several under a rolling window.
   * The array is shared: do not keep or change it.
   */
  periodsOf(d: Day): readonly number[] {
    const m = this.byMonth[monthOf(d) - this.firstMonth];
    if (m === undefined) return NONE;
    if (m.whole) return m.periods;
    const found = m.periods.filter((i) => this.periods[i]!.countFrom <= d && d <= this.periods[i]!.end);
    return found.length === 0 ? NONE : found;
  }

  /**
   * Marks period `p` not computable, with the reason: the data cannot
   * support its figure (a look-back before an extract's coverage, no
   * population for its year). Its counts are then not shown, in any group.
   */
  notComputableIn(p: number, reason: string): void {
    this.tallies[p]!.notComputable ??= reason;
  }

  /**
   * A rate's denominator: the child population in force for period `p`,
   * added once (the numerator's records add 0 to the denominator). It is no
   * record's, so explanations show it as `population`. Rates have no
   * breakdown (the population is the whole council's).
   */
  perPopulation(p: number, children: number): void {
    const t = this.tallies[p]!;
    if (t.population !== null) throw new Error('internal: the population was added twice to one period');
    t.population = children;
    t.denominator += children;
  }

  // `owner` is whose figure the record counts in, for breakdowns; by default
  // the record itself (its team and worker columns).
  met(p: number, record: Counted, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'met', null, 1, 1, detail, owner);
  }

  notMet(p: number, record: Counted, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'not-met', null, 0, 1, detail, owner);
  }

  /** A record that adds `numerator` and `denominator` (means, caseloads). */
  add(p: number, record: Counted, numerator: number, denominator: number, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'met', null, numerator, denominator, detail, owner);
  }

  /**
   * A record counted with a weight (a full-time equivalent): met adds
   * `numerator` and `denominator`, not met only `denominator`, and an
   * explanation shows which it was.
   */
  weighed(p: number, record: Counted, status: 'met' | 'not-met', numerator: number, denominator: number, detail?: Detail, owner?: Owner): void {
    this.count(p, record, status, null, numerator, denominator, detail, owner);
  }

  exclude(p: number, record: Counted, reason: string, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'excluded', reason, 0, 0, detail, owner);
  }

  /**
   * A record the measure looked at but that does not belong to period `p`
   * (or, with p = -1, to any period): not in the period, not open at the
   * snapshot. It is never counted, not even as excluded; it is only shown
   * in full explanations (`observingSkipped`).
   */
  skip(p: number, record: Counted, reason: string, detail?: Detail): void {
    if (!this.observingSkipped) return;
    this.observe(p >= 0 ? this.periods[p]! : null, record, 'excluded', reason, 0, 0, detail);
  }

  private count(
    p: number,
    record: Counted,
    status: Status,
    reason: string | null,
    numerator: number,
    denominator: number,
    detail: Detail | undefined,
    owner: Owner | undefined,
  ): void {
    addTo(this.tallies[p]!, numerator, denominator, reason);
    if (this.groupBy !== undefined) {
      const group = this.groupOf(owner ?? (record as Owner));
      let tallies = this.groups.get(group);
      if (!tallies) {
        tallies = this.emptyTallies();
        this.groups.set(group, tallies);
      }
      addTo(tallies[p]!, numerator, denominator, reason);
    }
    if (this.observing) this.observe(this.periods[p]!, record, status, reason, numerator, denominator, detail);
  }

  private observe(
    period: Period | null,
    record: Counted,
    status: Status,
    reason: string | null,
    numerator: number,
    denominator: number,
    detail: Detail | undefined,
  ): void {
    const observation: Observation = { period, extract: this.extract, record, status, reason, numerator, denominator, detail: detail ?? {} };
    // Only a record standing for several has `lines`; explanations show them only then.
    this.observer?.(record.lines === undefined ? observation : { ...observation, lines: record.lines });
  }
}

const NONE: readonly number[] = Object.freeze([]);

interface MonthPeriods {
  readonly periods: readonly number[];
  readonly whole: boolean;
}

/** The periods meeting each calendar month from the first any period counts. */
function monthIndex(periods: readonly Period[]): { firstMonth: number; byMonth: MonthPeriods[] } {
  if (periods.length === 0) return { firstMonth: 0, byMonth: [] };
  const firstMonth = Math.min(...periods.map((p) => monthOf(p.countFrom)));
  const lastMonth = Math.max(...periods.map((p) => monthOf(p.end)));
  const byMonth: MonthPeriods[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    const from = monthStart(m);
    const to = monthEnd(m);
    const meeting = periods.flatMap((p, i) => (p.countFrom <= to && from <= p.end ? [i] : []));
    const whole = periods.every((p) => !(p.countFrom <= to && from <= p.end) || (p.countFrom <= from && to <= p.end));
    byMonth.push({ periods: meeting.length === 0 ? NONE : meeting, whole });
  }
  return { firstMonth, byMonth };
}

function addTo(t: Tally, numerator: number, denominator: number, reason: string | null): void {
  t.numerator += numerator;
  t.denominator += denominator;
  if (reason !== null) t.excluded.set(reason, (t.excluded.get(reason) ?? 0) + 1);
}

/** The records of an extract the measure declared it needs. */
export function need<N extends ExtractName>(data: MeasureData, name: N): Records<RecordTypes[N]> {
  const records = data[name];
  if (!records) throw new Error(`internal: measure evaluated without the ${name} extract`);
  return records as Records<RecordTypes[N]>;
}
