/**
 * Loading one extract: CSV records through the validator into a record table.
 */
import type { Readable } from 'node:stream';
import { readCsv } from '../read/csv.js';
import { EXTRACTS, type ExtractName } from './extracts.js';
import type { MappedColumn } from './headers.js';
import type { RecordTable } from './table.js';
import { type Duplicate, ExtractValidator, HeaderError, type Rejection, type RowCounts, type ValidateOptions } from './validate.js';

export interface LoadedExtract<N extends ExtractName = ExtractName> {
  readonly name: N;
  /** The file as named to the user. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly counts: Readonly<RowCounts>;
  readonly blankLines: number;
  readonly columns: { readonly mapped: readonly MappedColumn[]; readonly ignored: readonly string[] };
  readonly rejections: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  readonly records: RecordTable<N>;
}

/**
 * Reads and validates one extract from a byte stream.
 * @throws HeaderError when the header is unusable, CsvFormatError when the bytes are not CSV.
 */
export async function loadExtract<N extends ExtractName>(
  name: N,
  input: Readable | AsyncIterable<Uint8Array>,
  options: ValidateOptions,
): Promise<LoadedExtract<N>> {
  const validator = new ExtractValidator<N>(EXTRACTS[name], options);
  const stats = await readCsv(input, validator);
  if (!stats.hadHeader) throw new HeaderError(options.file, 1, 'the file is empty: there is no header row');
  const match = validator.headerMatch!;
  return {
    name,
    file: options.file,
    bytes: stats.bytes,
    sha256: stats.sha256,
    counts: { ...validator.counts },
    blankLines: stats.blankLines,
    columns: { mapped: match.mapped, ignored: match.ignored },
    rejections: validator.rejections,
    duplicates: validator.duplicates,
    records: validator.records,
  };
}
