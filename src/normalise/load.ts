/**
 * Loading one extract: the rows of a source through the validator into a
 * record table.
 */
import { type Provenance, type Source, SourceError, type SourceRead, type SourceRef, sourceRef } from '../read/source.js';
import { sheetNameWarnings } from './annex-a.js';
import { type ExtractDef, EXTRACTS, extractDef, type ExtractName } from './extracts.js';
import type { MappedColumn } from './headers.js';
import { transferables } from './columns.js';
import type { ExtractWarning, Rejection } from './problems.js';
import { RecordTable, type TableState } from './table.js';
import { type Duplicate, ExtractError, ExtractValidator, type RowCounts, type ValidateOptions } from './validate.js';

export interface LoadedExtract<N extends ExtractName = ExtractName> {
  readonly name: N;
  /** Where the rows came from, and its provenance (path, size, SHA-256, encoding or sheet, blank lines skipped). */
  readonly source: Provenance;
  readonly counts: Readonly<RowCounts>;
  /** The line (row of a sheet) of the header (after any blank lines at the top). */
  readonly headerLine: number;
  readonly columns: { readonly headers: readonly string[]; readonly mapped: readonly MappedColumn[]; readonly ignored: readonly string[] };
  readonly rejections: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  /** Rows kept with a cell read as blank (a date out of order under the extract's `blankOrder`), in line order. */
  readonly rowWarnings?: readonly ExtractWarning[];
  readonly records: RecordTable<N>;
}

/**
 * Reads and validates one extract from its source: a known extract by its
 * name, or any extract by its definition (see define.ts).
 * @throws ExtractError when the extract cannot be used at all (the source
 *   cannot be read, or has no usable header).
 */
export async function loadExtract<N extends ExtractName>(
  extract: N | ExtractDef<N>,
  source: Source,
  options: Omit<ValidateOptions, 'sizeHint'>,
): Promise<LoadedExtract<N>> {
  const def = typeof extract === 'string' ? extractDef(extract) : extract;
  const name = def.name;
  // A source may start over (a CSV file read again as Windows-1252): each start gets a fresh validator.
  let validator = undefined as ExtractValidator<N> | undefined;
  const start = () => (validator = new ExtractValidator<N>(def, source.ref, { ...options, sizeHint: source.size }));
  let read: SourceRead;
  try {
    read = await source.read(start);
  } catch (e) {
    if (e instanceof SourceError) throw new ExtractError(e.problem);
    throw e;
  }
  const v = validator!;
  if (!v.headerMatch) {
    throw new ExtractError({ code: 'empty-file', at: { source: source.ref, line: 1, column: 0 }, params: { onlyBlankLines: !read.empty } });
  }
  return loadedFrom(name, v, read.provenance);
}

/** The extract a validator has read to the end (its header read), from the source of `provenance`. */
export function loadedFrom<N extends ExtractName>(name: N, v: ExtractValidator<N>, provenance: Provenance): LoadedExtract<N> {
  const match = v.headerMatch!;
  v.records.seal();
  v.records.rowsRead = v.counts.read;
  return {
    name,
    source: provenance,
    counts: { ...v.counts },
    headerLine: v.headerLine,
    columns: { headers: match.headers, mapped: match.mapped, ignored: match.ignored },
    rejections: v.rejections,
    duplicates: v.duplicates,
    ...(v.rowWarnings.length > 0 ? { rowWarnings: v.rowWarnings } : {}),
    records: v.records,
  };
}

/** A loaded extract as plain data, to move it between threads. */
export interface ExtractState {
  readonly name: ExtractName;
  readonly source: Provenance;
  readonly counts: RowCounts;
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** Mapped columns as [field name, 0-based index, header]. */
  readonly mapped: readonly (readonly [string, number, string])[];
  readonly ignored: readonly string[];
  readonly rejections: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  readonly rowWarnings?: readonly ExtractWarning[];
  readonly table: TableState;
}

/** The extract as plain data, and the buffers that can travel without a copy. */
export function extractState(x: LoadedExtract): { state: ExtractState; transfer: ArrayBuffer[] } {
  const table = x.records.snapshot();
  const state: ExtractState = {
    name: x.name,
    source: x.source,
    counts: { ...x.counts },
    headerLine: x.headerLine,
    headers: x.columns.headers,
    mapped: x.columns.mapped.map((m) => [m.field.name, m.index, m.header] as const),
    ignored: x.columns.ignored,
    rejections: x.rejections,
    duplicates: x.duplicates,
    ...(x.rowWarnings === undefined ? {} : { rowWarnings: x.rowWarnings }),
    table,
  };
  const buffers = new Set(table.columns.flatMap(transferables));
  return { state, transfer: [...buffers] };
}

/** The extract again, from `extractState`. */
export function restoreExtract(state: ExtractState): LoadedExtract {
  const def = EXTRACTS[state.name];
  const records = RecordTable.restore(def, state.table);
  records.rowsRead = state.counts.read;
  return {
    name: state.name,
    source: state.source,
    counts: state.counts,
    headerLine: state.headerLine,
    columns: {
      headers: state.headers,
      mapped: state.mapped.map(([name, index, header]) => ({ field: def.fields.find((f) => f.name === name)!, index, header })),
      ignored: state.ignored,
    },
    rejections: state.rejections,
    duplicates: state.duplicates,
    ...(state.rowWarnings === undefined ? {} : { rowWarnings: state.rowWarnings }),
    records,
  };
}

/**
 * Warnings about an extract as a whole: a header with no data rows under it
 * is read (its measures see no records), but is far more often a failed export
 * than a quiet month; data rows of which none is valid leave its measures not
 * computable (see whyNotComputable), never a scorecard of 0/0 figures; a sheet
 * whose name says another extract than its header.
 */
export function extractWarnings(x: Pick<LoadedExtract, 'name' | 'records' | 'source' | 'counts' | 'headerLine' | 'rowWarnings'>): ExtractWarning[] {
  const source: SourceRef = sourceRef(x.source);
  // A sheet named as one extract (or Annex A list) whose header is another's; then rows kept with a date read as blank.
  const warnings = [...sheetNameWarnings(x.name, source, x.headerLine), ...(x.rowWarnings ?? [])];
  const at = { source, line: x.headerLine, column: 0 };
  const noun = x.records.def.noun;
  if (x.counts.read === 0) return [...warnings, { code: 'no-rows', at, params: { noun } }];
  if (x.counts.valid === 0) return [...warnings, { code: 'no-valid-rows', at, params: { noun, rejected: x.counts.rejected } }];
  return warnings;
}
/**
 * Gives every name and identifier held in a dictionary (teams, workers) one
 * spelling across the extracts: of spellings that differ only in letter case,
 * the first in extract order, then line. Within an extract they are one
 * already (see columns.ts); this makes `Team A` in contacts and `TEAM A` in
 * cases one group with one label, whichever thread read which extract.
 * @param extracts in the order of EXTRACT_NAMES.
 */
export function shareSpellings(extracts: readonly LoadedExtract[]): void {
  // By column name: a worker is respelt after workers, never after a team or an outcome.
  const first = new Map<string, Map<string, string>>();
  for (const x of extracts) {
    x.records.respellNames((column, value) => {
      let names = first.get(column);
      if (!names) first.set(column, (names = new Map()));
      const upper = value.toUpperCase();
      const seen = names.get(upper);
      if (seen !== undefined) return seen;
      names.set(upper, value);
      return value;
    });
  }
}
