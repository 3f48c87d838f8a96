/**
 * One definition per measure: everything the program knows about a measure
 * is in the object `defineMeasure` returns, and everything else (the "not
 * computable" reasons, the configuration schema and starter file, the rules
 * of a run, the README's table of measures) is derived from it.
 *
 * Adding a measure is one module that exports `defineMeasure(...)` and one
 * line in the list in index.ts; a test fails if either is missing.
 *
 * @example
 * export const contacts1wd = defineMeasure({
 *   id: 'contacts_1wd',
 *   title: (rules) => `Contacts decided within ${describeDuration(rules.contactTimescale)}`,
 *   unit: 'percent', scale: 100, direction: 'higher',
 *   needs: { contacts: [] },
 *   settings: [contactSettings],
 *   rule: (rules) => '...', doc: { text: '...' },
 *   evaluate(data, context, out) { ... },
 * });
 */
import type { ColumnName, ExtractName } from '../normalise/extracts.js';
import type { RulesOf, SettingsSection } from './settings.js';
import type { Direction, Grouping, Measure, MeasureContext, MeasureData, MeasureDoc, NeededColumn, Outcomes } from './types.js';
import type { Unit } from './units.js';

export interface MeasureDefinition<S extends readonly SettingsSection[]> {
  readonly id: string;
  /** The heading: fixed, or in the words of the rules in force. */
  readonly title: string | ((rules: RulesOf<S[number]>) => string);
  readonly unit: Unit;
  readonly scale: number;
  readonly direction: Direction;
  /**
   * The extracts the measure cannot do without, in the order a "not
   * computable" reason names them, each with the columns it cannot do without:
   * every optional column whose blank would change a record's outcome (an
   * absent column is not a column of blanks). A column needed only under
   * some rules is given with `when` and `because`.
   */
  readonly needs: { readonly [N in ExtractName]?: readonly (ColumnName<N> | NeededColumn<RulesOf<S[number]>, ColumnName<N>>)[] };
  /**
   * The extract whose team and worker a record counts under in a breakdown
   * (`--by`); by default the first extract needed.
   */
  readonly owner?: ExtractName;
  /**
   * Why the measure has no breakdown by team (or worker) whatever the data,
   * if it has none: a rate per 10,000 children (the population is the whole
   * council's), a staff figure by worker. The whole-service figure stands.
   */
  readonly noBreakdown?: (by: Grouping) => string | undefined;
  /**
   * A rate per 10,000 children: not computable without the configuration's
   * population (see population.ts), and never broken down by team or worker.
   */
  readonly needsPopulation?: boolean;
  /** The settings sections whose rules it reads. */
  readonly settings?: S;
  readonly rule: (rules: RulesOf<S[number]>) => string;
  readonly doc: MeasureDoc;
  readonly evaluate: (data: MeasureData, context: MeasureContext<RulesOf<S[number]>>, out: Outcomes) => void;
}

/** A measure, and the sections it reads (kept in its type, so `Rules` can be derived from the list). */
export type DefinedMeasure<S extends readonly SettingsSection[]> = Omit<Measure<RulesOf<S[number]>>, 'settings'> & { readonly settings: S };

/** Why a rate per 10,000 has no breakdown by team or worker. */
export const RATE_NO_BREAKDOWN = "a rate per 10,000 children: the population is the whole council's";

const defined = new WeakSet<object>();

export function defineMeasure<const S extends readonly SettingsSection[] = readonly []>(definition: MeasureDefinition<S>): DefinedMeasure<S> {
  const { title, needs } = definition;
  if (!(definition.scale > 0)) throw new Error(`internal: measure ${definition.id} has scale ${definition.scale}; a scale is a positive number`);
  const extracts = Object.keys(needs) as ExtractName[];
  const columns: Partial<Record<ExtractName, readonly NeededColumn<RulesOf<S[number]>>[]>> = {};
  for (const name of extracts) {
    const list = needs[name] as readonly (string | NeededColumn<RulesOf<S[number]>>)[];
    if (list.length > 0) columns[name] = list.map((c) => (typeof c === 'string' ? { column: c } : c));
  }
  const owner = definition.owner ?? extracts[0];
  if (owner !== undefined && !extracts.includes(owner)) {
    throw new Error(`internal: measure ${definition.id} counts records under the ${owner} extract, which it does not need`);
  }
  const measure: DefinedMeasure<S> = {
    id: definition.id,
    title: typeof title === 'string' ? () => title : title,
    unit: definition.unit,
    scale: definition.scale,
    direction: definition.direction,
    extracts,
    columns,
    owner: owner ?? null,
    noBreakdown: definition.noBreakdown ?? (definition.needsPopulation ? () => RATE_NO_BREAKDOWN : () => undefined),
    needsPopulation: definition.needsPopulation ?? false,
    settings: definition.settings ?? ([] as unknown as S),
    rule: definition.rule,
    doc: definition.doc,
    evaluate: definition.evaluate,
  };
  defined.add(measure);
  return measure;
}

/** Whether a value is a measure made by `defineMeasure`. */
export function isMeasure(value: unknown): value is Measure {
  return typeof value === 'object' && value !== null && defined.has(value);
}
