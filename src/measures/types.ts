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
import { type Period, monthOf } from '../core/period.js';
import type { Rules } from '../config/config.js';
import type { ExtractName, RecordBase, RecordTypes } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';

export type Unit = 'percent' | 'days' | 'cases per worker';
export type Direction = 'higher' | 'lower';

/** The records of each extract that was supplied. */
export type MeasureData = { readonly [N in ExtractName]?: Records<RecordTypes[N]> };

export interface MeasureContext {
  readonly asAt: Day;
  readonly calendar: WorkingCalendar;
  readonly rules: Rules;
}

/**
 * How a record counted in one period: in the numerator (`met`), only in the
 * denominator (`not-met`), or left out (`excluded`, with a reason).
 */
export type Status = 'met' | 'not-met' | 'excluded';

/** Values shown beside a record in an explanation: dates as yyyy-mm-dd, counts as numbers. */
export type Detail = Readonly<Record<string, string | number | null>>;

export interface Observation {
  /** The period the record was counted or left out in; null for a record outside every period. */
  readonly period: Period | null;
  readonly extract: ExtractName;
  readonly record: RecordBase;
  readonly status: Status;
  readonly reason: string | null;
  /** What the record adds to the numerator (1 for a percentage, days for a mean of days). */
  readonly numerator: number;
  /** What the record adds to the denominator. */
  readonly denominator: number;
  readonly detail: Detail;
}

export type Observer = (observation: Observation) => void;

export interface Measure {
  /** Stable identifier, as in the JSON output and the targets file. */
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  /** 100 for a percentage, 1 for a mean. */
  readonly scale: 100 | 1;
  readonly direction: Direction;
  /** Extracts the measure cannot do without. */
  readonly extracts: readonly ExtractName[];
  /** The rule in words, for explanations and documentation. */
  readonly rule: (rules: Rules) => string;
  /** Why the measure cannot be computed although its extracts are present (a column missing, say). */
  readonly unavailable?: (data: MeasureData) => string | undefined;
  readonly evaluate: (data: MeasureData, context: MeasureContext, out: Outcomes) => void;
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
  private readonly firstMonth: number;
  private readonly byMonth: readonly number[];
  private extract: ExtractName = 'contacts';

  constructor(periods: readonly Period[], observer?: Observer, options: OutcomeOptions = {}) {
    this.periods = periods;
    this.tallies = this.emptyTallies();
    this.groupBy = options.groupBy;
    this.observer = observer;
    this.observing = observer !== undefined;
    this.observingSkipped = this.observing && options.skipped === true;
    this.firstMonth = periods.length ? periods[0]!.month : 0;
    const byMonth: number[] = [];
    periods.forEach((p, i) => (byMonth[p.month - this.firstMonth] = i));
    this.byMonth = byMonth;
  }

  private emptyTallies(): Tally[] {
    return this.periods.map(() => ({ numerator: 0, denominator: 0, excluded: new Map() }));
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

  /** The index of the period a day falls in, or -1 when it is outside every period. */
  periodOf(d: Day): number {
    const p = this.byMonth[monthOf(d) - this.firstMonth];
    return p ?? -1;
  }

  // `owner` is whose figure the record counts in, for breakdowns; by default
  // the record itself (its team and worker columns).
  met(p: number, record: RecordBase, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'met', null, 1, 1, detail, owner);
  }

  notMet(p: number, record: RecordBase, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'not-met', null, 0, 1, detail, owner);
  }

  /** A record that adds `numerator` and `denominator` (means, caseloads). */
  add(p: number, record: RecordBase, numerator: number, denominator: number, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'met', null, numerator, denominator, detail, owner);
  }

  exclude(p: number, record: RecordBase, reason: string, detail?: Detail, owner?: Owner): void {
    this.count(p, record, 'excluded', reason, 0, 0, detail, owner);
  }

  /**
   * A record the measure looked at but that does not belong to period `p`
   * (or, with p = -1, to any period): not in the period, not open at the
   * snapshot. It is never counted, not even as excluded; it is only shown
   * in full explanations (`observingSkipped`).
   */
  skip(p: number, record: RecordBase, reason: string, detail?: Detail): void {
    if (!this.observingSkipped) return;
    this.observer?.({
      period: p >= 0 ? this.periods[p]! : null,
      extract: this.extract,
      record,
      status: 'excluded',
      reason,
      numerator: 0,
      denominator: 0,
      detail: detail ?? {},
    });
  }

  private count(
    p: number,
    record: RecordBase,
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
    this.observer?.({
      period: this.periods[p]!,
      extract: this.extract,
      record,
      status,
      reason,
      numerator,
      denominator,
      detail: detail ?? {},
    });
  }
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
