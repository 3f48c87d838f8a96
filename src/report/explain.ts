/**
 * The explanation of one figure: every record the measure looked at for one
 * month, and how it counted. The met rows add up to the numerator and the
 * counted rows to the denominator, because the scorecard's tally is built
 * from exactly these outcomes.
 */
import type { Period } from '../core/period.js';
import { evaluate } from '../measures/index.js';
import type { Detail, Measure, MeasureContext, MeasureData, Status } from '../measures/types.js';
import { EXTRACT_NAMES, type ExtractName } from '../normalise/extracts.js';
import { ratio, sortedExclusions } from './scorecard.js';

export interface ExplainRow {
  readonly extract: ExtractName;
  readonly file: string;
  /** The line of the record; for one standing for several (a child, a proceedings), the first of `lines`. */
  readonly line: number;
  /** Every line behind a row that stands for several records. */
  readonly lines?: readonly number[];
  readonly key: string;
  /** null for an extract with no child id (staff, complaints). */
  readonly childId: string | null;
  readonly status: Status;
  readonly reason: string | null;
  /** What the row adds to the numerator and the denominator. */
  readonly numerator: number;
  readonly denominator: number;
  /** Dates used and quantities computed (deadline, working days, due date ...). */
  readonly detail: Detail;
}

export interface Explanation {
  readonly measure: Measure;
  /** The measure's title under the rules in force. */
  readonly title: string;
  readonly period: Period;
  /** The rule in force, in words. */
  readonly rule: string;
  readonly calendar: string;
  readonly notComputable: string | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly excluded: readonly (readonly [string, number])[];
  /** For a rate per 10,000: the population in the denominator (no row's); null otherwise. */
  readonly population: number | null;
  readonly rows: readonly ExplainRow[];
}

export interface ExplainInput {
  readonly measure: Measure;
  readonly period: Period;
  readonly data: MeasureData;
  readonly context: MeasureContext;
  /** File of each extract, as named to the user. */
  readonly files: Readonly<Partial<Record<ExtractName, string>>>;
  /** Also list the records that fall outside the month (not in period, not open at the snapshot). */
  readonly all?: boolean;
}

/** Replaces child identifiers (see pseudonymise.ts); identity when not pseudonymising. */
export type IdMapper = (kind: 'child' | 'key', value: string) => string;

export function explain(input: ExplainInput): Explanation {
  const { measure, period, data, context } = input;
  const rows: ExplainRow[] = [];
  const evaluation = evaluate(
    measure,
    data,
    context,
    [period],
    (o) =>
      rows.push({
        extract: o.extract,
        file: input.files[o.extract] ?? '',
        line: o.record.line,
        ...(o.lines === undefined ? {} : { lines: o.lines }),
        key: o.record.key,
        childId: o.record.childId ?? null,
        status: o.status,
        reason: o.reason,
        numerator: o.numerator,
        denominator: o.denominator,
        detail: o.detail,
      }),
    { skipped: input.all === true },
  );
  const order = (x: ExtractName) => EXTRACT_NAMES.indexOf(x);
  rows.sort((a, b) => order(a.extract) - order(b.extract) || a.line - b.line);
  const base = {
    measure,
    title: measure.title(context.rules),
    period,
    rule: measure.rule(context.rules),
    calendar: context.calendar.describe(),
    rows,
  };
  if (!evaluation.computable) {
    return { ...base, notComputable: evaluation.reason, numerator: null, denominator: null, value: null, excluded: [], population: null };
  }
  const t = evaluation.tallies[0]!;
  if (t.notComputable !== null) {
    return { ...base, notComputable: t.notComputable, numerator: null, denominator: null, value: null, excluded: [], population: null };
  }
  return {
    ...base,
    notComputable: null,
    population: t.population,
    numerator: t.numerator,
    denominator: t.denominator,
    value: ratio(t.numerator, t.denominator, measure.scale),
    excluded: sortedExclusions(t.excluded),
  };
}

/**
 * Replaces child identifiers in an explanation: the child id, record keys
 * (which may be made of the child id), and plan keys in the details.
 */
export function mapIdentifiers(explanation: Explanation, map: IdMapper): Explanation {
  return {
    ...explanation,
    rows: explanation.rows.map((r) => ({
      ...r,
      key: map('key', r.key),
      childId: r.childId === null ? null : map('child', r.childId),
      detail: typeof r.detail.plan === 'string' ? { ...r.detail, plan: map('key', r.detail.plan) } : r.detail,
    })),
  };
}
