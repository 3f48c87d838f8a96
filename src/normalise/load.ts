/**
 * Loading one extract: CSV records through the validator into a record table.
 */
import type { Readable } from 'node:stream';
import { readCsv } from '../read/csv.js';
import { DecodeError, type Encoding, encodingName, NotUtf8Error } from '../read/decode.js';
import { EXTRACTS, type ExtractName } from './extracts.js';
import type { MappedColumn } from './headers.js';
import { transferables } from './columns.js';
import { RecordTable, type TableState } from './table.js';
import { type Duplicate, ExtractError, ExtractValidator, type Rejection, type RowCounts, type ValidateOptions } from './validate.js';

export interface LoadedExtract<N extends ExtractName = ExtractName> {
  readonly name: N;
  /** The file as named to the user. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly counts: Readonly<RowCounts>;
  readonly blankLines: number;
  /** The line of the header row (after any blank lines at the top). */
  readonly headerLine: number;
  readonly columns: { readonly headers: readonly string[]; readonly mapped: readonly MappedColumn[]; readonly ignored: readonly string[] };
  readonly rejections: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  readonly records: RecordTable<N>;
}

type ByteStream = Readable | AsyncIterable<Uint8Array>;

/** The bytes of an extract: a stream, or a way to open it (needed to re-read a non-UTF-8 file). */
export type ExtractSource = ByteStream | (() => ByteStream | Promise<ByteStream>);

/**
 * Reads and validates one extract.
 *
 * With the encoding left to `auto`, a file without a byte order mark is read
 * as UTF-8; if it turns out not to be UTF-8 and the source can be opened
 * again, it is read again as Windows-1252 (what Excel writes on a UK PC).
 * @throws ExtractError when the file cannot be used at all.
 */
export async function loadExtract<N extends ExtractName>(
  name: N,
  source: ExtractSource,
  options: ValidateOptions,
): Promise<LoadedExtract<N>> {
  const setting = options.mapping?.encoding ?? 'auto';
  const open = async (): Promise<ByteStream> => (typeof source === 'function' ? source() : source);
  try {
    return await loadOnce(name, await open(), options, setting);
  } catch (e) {
    if (e instanceof NotUtf8Error && typeof source === 'function') {
      try {
        return await loadOnce(name, await open(), options, 'windows-1252');
      } catch (again) {
        if (again instanceof DecodeError) {
          throw undecodable(options.file, again, `it is not UTF-8 (byte ${e.offset}) nor Windows-1252 (${again.message})`);
        }
        throw again;
      }
    }
    if (e instanceof DecodeError) throw undecodable(options.file, e, e.message);
    throw e;
  }
}

function undecodable(file: string, e: DecodeError, detail: string): ExtractError {
  const hint =
    e.encoding === 'windows-1252'
      ? 're-export it as "CSV UTF-8"'
      : `the file is not ${encodingName(e.encoding)} throughout; re-export it as "CSV UTF-8", or set mapping.<extract>.encoding in the configuration`;
  return new ExtractError('undecodable', file, 0, `cannot decode the file: ${detail}; ${hint}`);
}

async function loadOnce<N extends ExtractName>(
  name: N,
  input: ByteStream,
  options: ValidateOptions,
  encoding: 'auto' | Encoding,
): Promise<LoadedExtract<N>> {
  const validator = new ExtractValidator<N>(EXTRACTS[name], options);
  const stats = await readCsv(input, validator, { encoding });
  if (!stats.hadHeader) {
    throw new ExtractError('empty-file', options.file, 1, stats.bytes === 0 ? 'the file is empty: there is no header row' : 'the file has no header row, only blank lines');
  }
  const match = validator.headerMatch!;
  validator.records.seal();
  return {
    name,
    file: options.file,
    bytes: stats.bytes,
    sha256: stats.sha256,
    encoding: stats.encoding,
    counts: { ...validator.counts },
    blankLines: stats.blankLines,
    headerLine: validator.headerLine,
    columns: { headers: match.headers, mapped: match.mapped, ignored: match.ignored },
    rejections: validator.rejections,
    duplicates: validator.duplicates,
    records: validator.records,
  };
}

/** A loaded extract as plain data, to move it between threads. */
export interface ExtractState {
  readonly name: ExtractName;
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: Encoding;
  readonly counts: RowCounts;
  readonly blankLines: number;
  readonly headerLine: number;
  readonly headers: readonly string[];
  /** Mapped columns as [field name, 0-based index, header]. */
  readonly mapped: readonly (readonly [string, number, string])[];
  readonly ignored: readonly string[];
  readonly rejections: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  readonly table: TableState;
}

/** The extract as plain data, and the buffers that can travel without a copy. */
export function extractState(x: LoadedExtract): { state: ExtractState; transfer: ArrayBuffer[] } {
  const table = x.records.snapshot();
  const state: ExtractState = {
    name: x.name,
    file: x.file,
    bytes: x.bytes,
    sha256: x.sha256,
    encoding: x.encoding,
    counts: { ...x.counts },
    blankLines: x.blankLines,
    headerLine: x.headerLine,
    headers: x.columns.headers,
    mapped: x.columns.mapped.map((m) => [m.field.name, m.index, m.header] as const),
    ignored: x.columns.ignored,
    rejections: x.rejections,
    duplicates: x.duplicates,
    table,
  };
  const buffers = new Set(table.columns.flatMap(transferables));
  return { state, transfer: [...buffers] };
}

/** The extract again, from `extractState`. */
export function restoreExtract(state: ExtractState): LoadedExtract {
  const def = EXTRACTS[state.name];
  return {
    name: state.name,
    file: state.file,
    bytes: state.bytes,
    sha256: state.sha256,
    encoding: state.encoding,
    counts: state.counts,
    blankLines: state.blankLines,
    headerLine: state.headerLine,
    columns: {
      headers: state.headers,
      mapped: state.mapped.map(([name, index, header]) => ({ field: def.fields.find((f) => f.name === name)!, index, header })),
      ignored: state.ignored,
    },
    rejections: state.rejections,
    duplicates: state.duplicates,
    records: RecordTable.restore(def, state.table),
  };
}

/** Something worth a second look in an extract that could still be used. */
export interface ExtractWarning {
  readonly code: 'no-rows';
  readonly line: number;
  readonly message: string;
}

/**
 * Warnings about an extract as a whole: a header with no data rows under it
 * is read (its measures see no records), but is far more often a failed export
 * than a quiet month.
 */
export function extractWarnings(x: Pick<LoadedExtract, 'name' | 'counts' | 'headerLine'>): ExtractWarning[] {
  if (x.counts.read > 0) return [];
  return [
    {
      code: 'no-rows',
      line: x.headerLine,
      message: `the file has a header but no data rows, so the measures see no ${EXTRACTS[x.name].noun}s at all; check that the export finished and covers the right dates`,
    },
  ];
}
