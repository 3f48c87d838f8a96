/**
 * Declaring an extract: its columns, which are required, the headings
 * accepted for each, how a record's key is formed and which dates must not
 * run backwards, written once. The record type the measures read is inferred
 * from the declaration, and the key and date-order rules name columns the
 * compiler checks, so a misspelt column is a type error, not a check that
 * silently never runs.
 *
 * @example
 * const visits = defineExtract({
 *   name: 'cp_visits', file: 'cp_visits.csv', noun: 'visit',
 *   fields: { visit_id: id({ distinct: true }), child_id: CHILD_ID, visit_date: date({ required: true }) },
 *   key: 'visit_id', compositeKey: ['child_id', 'visit_date'], order: [],
 * });
 * type Visit = RecordOf<typeof visits>; //=> { line, key, visitId: string | null, childId: string, visitDate: Day }
 */
import { type Day, formatDay } from '../core/day.js';

/**
 * How a cell is read.
 * - `id`: an identifier; trimmed, and an Excel-mangled `1234.0` becomes `1234`.
 * - `text`: free text; trimmed.
 * - `code`: a code such as a case type; trimmed and upper-cased.
 * - `date`: a calendar date (see parse-date.ts).
 * - `flag`: yes or no: Y/N, Yes/No, TRUE/FALSE, 1/0 in any case.
 * - `choice`: one of a fixed set of values, matched without regard to case.
 * - `number`: a decimal number greater than 0 and at most `max` (a full-time
 *   equivalent), held to three decimal places.
 */
export type FieldType = 'id' | 'text' | 'code' | 'date' | 'flag' | 'choice' | 'number';

/**
 * Mapping presets that list a column's headings in a known layout (see
 * `csc-kpi init --preset`): the Ofsted Annex A list headings, and the
 * Standard Safeguarding Dataset's column names (data-to-insight's
 * ssd-data-model: `cont_contact_date` in `ssd_contacts` ...).
 */
export const PRESET_NAMES = ['annex-a', 'ssd'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * A column as declared. `V` is its value on a record and `Always` whether
 * the value is never null (a required column, or one with a value for blank).
 */
export interface FieldSpec<T extends FieldType = FieldType, V = unknown, Always extends boolean = boolean> {
  readonly type: T;
  readonly required: boolean;
  /** Headings accepted out of the box besides the column's own name (matched loosely, see headers.ts). */
  readonly aliases: readonly string[];
  /** Headings a mapping preset lists for the column. */
  readonly presets: Readonly<Partial<Record<PresetName, readonly string[]>>>;
  /** For `choice` and `flag`: each value and the spellings that mean it. */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  /** Value used when the cell is blank (choices only). */
  readonly blankAs?: string;
  /** Dates only: a date after as-at is accepted (a booked start, a planned leaving date), not `future-date`. */
  readonly future?: boolean;
  /** Numbers only: the largest value accepted. */
  readonly max?: number;
  /** Nearly every row has its own value (keys, child ids): stored compactly, not in a dictionary. */
  readonly distinct?: boolean;
  /** What the column means, for the README's extract table. */
  readonly doc?: string;
  /** Type-level only: the value and whether it can be null. */
  readonly __value?: { value: V; always: Always };
}

/** A column as the reader and validator use it: the declaration with its name. */
export interface FieldDef extends FieldSpec {
  /** Canonical column name, as in the documentation. */
  readonly name: string;
  /** Property name on the normalised record (`contact_date` → `contactDate`). */
  readonly prop: string;
}

export interface FieldOptions {
  readonly required?: boolean;
  /** Headings accepted out of the box besides the Annex A heading. */
  readonly aliases?: readonly string[];
  /** The Ofsted Annex A list heading: accepted out of the box, and listed by the annex-a preset. */
  readonly annexA?: string;
  /** The Standard Safeguarding Dataset's column name: accepted out of the box, and listed by the ssd preset. */
  readonly ssd?: string;
  readonly distinct?: boolean;
  readonly doc?: string;
  /** Dates only: a date after as-at is accepted rather than rejected as `future-date`. */
  readonly future?: boolean;
}

type Always<O> = O extends { readonly required: true } ? true : false;

function spec<T extends FieldType, V, A extends boolean>(
  type: T,
  options: FieldOptions,
  extra: { choices?: Readonly<Record<string, readonly string[]>>; blankAs?: string; max?: number } = {},
): FieldSpec<T, V, A> {
  const annexA = options.annexA === undefined ? [] : [options.annexA];
  const ssd = options.ssd === undefined ? [] : [options.ssd];
  const presets: Partial<Record<PresetName, readonly string[]>> = {};
  if (annexA.length) presets['annex-a'] = annexA;
  if (ssd.length) presets.ssd = ssd;
  return {
    type,
    required: options.required ?? false,
    aliases: [...annexA, ...(options.aliases ?? []), ...ssd],
    presets,
    ...(extra.choices ? { choices: extra.choices } : {}),
    ...(extra.blankAs !== undefined ? { blankAs: extra.blankAs } : {}),
    ...(options.distinct ? { distinct: true } : {}),
    ...(options.future ? { future: true } : {}),
    ...(extra.max !== undefined ? { max: extra.max } : {}),
    ...(options.doc !== undefined ? { doc: options.doc } : {}),
  };
}

/** An identifier column (child, record, worker). */
export function id<const O extends FieldOptions = {}>(options?: O): FieldSpec<'id', string, Always<O>> {
  return spec('id', options ?? {});
}

/** A free-text column (team, source). */
export function text<const O extends FieldOptions = {}>(options?: O): FieldSpec<'text', string, Always<O>> {
  return spec('text', options ?? {});
}

/** A code column, upper-cased (case type). */
export function code<const O extends FieldOptions = {}>(options?: O): FieldSpec<'code', string, Always<O>> {
  return spec('code', options ?? {});
}

/**
 * A column shared by several extracts (the child, the team, the worker) with
 * the name one Standard Safeguarding Dataset table gives it, accepted out of
 * the box and listed by the ssd preset.
 * @example withSsd(CHILD_ID, 'cont_person_id') // child_id of ssd_contacts
 */
export function withSsd<S extends FieldSpec>(field: S, heading: string): S {
  return { ...field, aliases: [...field.aliases, heading], presets: { ...field.presets, ssd: [heading] } };
}

/** A calendar-date column. */
export function date<const O extends FieldOptions = {}>(options?: O): FieldSpec<'date', Day, Always<O>> {
  return spec('date', options ?? {});
}

/**
 * A decimal number greater than 0 and at most `max` (a full-time equivalent:
 * `1`, `0.6`, `0.5`); anything else is `invalid-number`.
 */
export function number<const O extends FieldOptions = {}>(max: number, options?: O): FieldSpec<'number', number, Always<O>> {
  return spec('number', options ?? {}, { max });
}

/**
 * The spellings of yes and no accepted in every flag column, Ofsted Annex
 * A's lettered answers (`a) Yes`, `b) No`) among them.
 */
export const YES_NO = { Y: ['y', 'yes', 'true', '1', 'a) yes'], N: ['n', 'no', 'false', '0', 'b) no'] } as const;

/** A yes/no column; blank is null (not known). */
export function flag<const O extends FieldOptions = {}>(options?: O): FieldSpec<'flag', boolean, Always<O>> {
  return spec('flag', options ?? {}, { choices: YES_NO });
}

/**
 * A column holding one of a fixed set of values, each with the spellings that
 * mean it (the value itself always matches). With `blankAs`, a blank cell is
 * that value and the record's value is never null.
 */
export function choice<const C extends Readonly<Record<string, readonly string[]>>, const O extends FieldOptions & { readonly blankAs?: keyof C & string } = {}>(
  choices: C,
  options?: O,
): FieldSpec<'choice', keyof C & string, O extends { readonly blankAs: string } ? true : Always<O>> {
  const o = options ?? ({} as O);
  return spec('choice', o, { choices, ...(o.blankAs !== undefined ? { blankAs: o.blankAs } : {}) });
}

type Fields = Readonly<Record<string, FieldSpec>>;

/** The names of the date columns of `F`. */
export type DateField<F extends Fields> = { [K in keyof F & string]: F[K] extends FieldSpec<'date', Day, boolean> ? K : never }[keyof F & string];

/** What `defineExtract` takes. */
export interface ExtractSpec<N extends string, F extends Fields> {
  readonly name: N;
  /** The file name looked for in a data folder. */
  readonly file: string;
  /** The Standard Safeguarding Dataset table it is (`ssd_contacts`): `<table>.csv` in a data folder is this extract too. */
  readonly ssdTable?: string;
  /** Singular noun for messages: "contact", "plan". */
  readonly noun: string;
  /** The columns, in the order they are documented and stored. */
  readonly fields: F;
  /** The key column; when absent or blank, the key is made of `compositeKey`. Without one, the key is always the composite. */
  readonly key?: keyof F & string;
  readonly compositeKey: readonly [keyof F & string, ...(keyof F & string)[]];
  /**
   * Columns that identify a record together with the key column, when the
   * key alone is shared by several records (siblings in one set of care
   * proceedings: `proceedings_id` + `child_id`).
   */
  readonly keyWith?: readonly (keyof F & string)[];
  /** Pairs [earlier, later] of date columns: a row whose later date is before its earlier one is rejected. */
  readonly order: readonly (readonly [DateField<F>, DateField<F>])[];
  /**
   * Pairs [earlier, later] of date columns where a later date before the
   * earlier one is read as blank, with a `date-order` warning, and the row
   * is kept (a return interview dated before the child came back).
   */
  readonly blankOrder?: readonly (readonly [DateField<F>, DateField<F>])[];
}

/** An extract as the reader, validator and record tables use it. */
export interface ExtractDef<N extends string = string> {
  readonly name: N;
  readonly file: string;
  /** The Standard Safeguarding Dataset table it is, if any. */
  readonly ssdTable: string | null;
  readonly noun: string;
  readonly fields: readonly FieldDef[];
  /** The key column; null when the key is always `compositeKey`. */
  readonly keyField: string | null;
  readonly compositeKey: readonly string[];
  /** Columns that identify a record together with the key column (see ExtractSpec.keyWith); usually none. */
  readonly keyWith?: readonly string[];
  /** Pairs [earlier, later] of date columns. */
  readonly order: readonly (readonly [string, string])[];
  /** Pairs [earlier, later] of date columns whose later date is blanked, with a warning, when out of order. */
  readonly blankOrder?: readonly (readonly [string, string])[];
}

/** An extract's definition, carrying its declared columns for type inference. */
export interface ExtractDefinition<N extends string = string, F extends Fields = Fields> extends ExtractDef<N> {
  /** Type-level only. */
  readonly __fields?: F;
}

/** `contact_date` → `contactDate`. */
export type CamelCase<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

export function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Fields every record carries besides its columns. */
export interface RecordBase {
  /** Line (or spreadsheet row) the record starts on; the header is usually line 1. */
  readonly line: number;
  /** The key the row was de-duplicated on. */
  readonly key: string;
  /** The child the record is about, on extracts that have one. */
  readonly childId?: string | null;
}

type ValueOf<S> = S extends FieldSpec<FieldType, infer V, infer A> ? (A extends true ? V : V | null) : never;

/** The normalised record of an extract: `line`, `key`, and one property per column. */
export type RecordOf<D> =
  D extends ExtractDefinition<string, infer F> ? RecordBase & { readonly [K in keyof F & string as CamelCase<K>]: ValueOf<F[K]> } : never;

/** Declares an extract (see the module comment). */
export function defineExtract<const N extends string, const F extends Fields>(extract: ExtractSpec<N, F>): ExtractDefinition<N, F> {
  return {
    name: extract.name,
    file: extract.file,
    ssdTable: extract.ssdTable ?? null,
    noun: extract.noun,
    fields: Object.entries(extract.fields).map(([name, field]): FieldDef => ({ name, prop: camelCase(name), ...field })),
    keyField: extract.key ?? null,
    compositeKey: extract.compositeKey,
    ...(extract.keyWith === undefined ? {} : { keyWith: extract.keyWith }),
    order: extract.order,
    ...(extract.blankOrder === undefined ? {} : { blankOrder: extract.blankOrder }),
  };
}

/** A normalised cell: text, a day number, a flag (1/0), or blank. */
export type Cell = string | number | null;

/**
 * The display key of a row of cells (in field order): its id when it has
 * one, otherwise the composite columns joined by `|` (dates as yyyy-mm-dd,
 * blanks as nothing). The record tables and the test builders both use it.
 */
export function keyOfCells(
  def: ExtractDef,
  cells: readonly Cell[],
  keyPos: number,
  compositePos: readonly number[],
  withPos: readonly number[] = [],
): string {
  const id = cells[keyPos];
  if (typeof id === 'string') {
    let key = id;
    for (const pos of withPos) key += `|${cells[pos] ?? ''}`;
    return key;
  }
  let key = '';
  for (let k = 0; k < compositePos.length; k++) {
    const pos = compositePos[k]!;
    const v = cells[pos];
    if (k > 0) key += '|';
    if (v !== null && v !== undefined) key += def.fields[pos]!.type === 'date' ? formatDay(v as number) : String(v);
  }
  return key;
}

/**
 * Whether two cells hold the same value: text compares without regard to
 * letter case (`dfe123` is `DFE123`), so identifiers, keys and names written
 * in two cases are one.
 */
export function sameValue(a: Cell | undefined, b: Cell | undefined): boolean {
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && a.length === b.length && a.toUpperCase() === b.toUpperCase();
}

/** Positions of an extract's key column, composite-key columns and key-with columns among its fields. */
export function keyPositions(def: ExtractDef): { keyPos: number; compositePos: number[]; withPos: number[] } {
  const pos = (name: string | null): number => def.fields.findIndex((f) => f.name === name);
  return { keyPos: pos(def.keyField), compositePos: def.compositeKey.map(pos), withPos: (def.keyWith ?? []).map(pos) };
}
