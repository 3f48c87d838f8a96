/**
 * Where an extract's rows come from: a *source*.
 *
 * Today a source is a CSV file (csv-source.ts). A sheet of an .xlsx workbook
 * is the next kind; everything above this module speaks of sources, so a new
 * kind only has to deliver the same things:
 * - the header and every data row, in order, with the line (CSV) or row
 *   number (sheet) each starts on, to a `RowSink`;
 * - where a row is (`Location`: the source, the line or row, the column);
 * - its provenance once read (`Provenance`: path, size, SHA-256, and the
 *   encoding of a CSV file or the name of a sheet), so every figure can be
 *   tied to the exact bytes it came from.
 *
 * Problems found while reading are data (a code, a location, parameters);
 * they are put into words in one place, src/report/wording.ts.
 */
import type { Encoding } from './decode.js';

/** What kind of thing an extract is read from. */
export type SourceKind = 'csv' | 'sheet';

/** A source as named to the user: enough to say where a row is. */
export type SourceRef =
  | { readonly kind: 'csv'; /** The file as named to the user. */ readonly path: string }
  | { readonly kind: 'sheet'; /** The workbook as named to the user. */ readonly path: string; readonly sheet: string };

interface ProvenanceFigures {
  /** Size of the file (the whole workbook, for a sheet), in bytes. */
  readonly bytes: number;
  /** SHA-256 of those bytes, in hex. */
  readonly sha256: string;
  /** Blank lines (empty rows of a sheet) skipped: not rows. */
  readonly blankLines: number;
}

/** A source once read: what it is, and what an auditor needs to tie a figure to it. */
export type Provenance =
  | ({ readonly kind: 'csv'; readonly path: string; /** The encoding the text was read in. */ readonly encoding: Encoding } & ProvenanceFigures)
  | ({ readonly kind: 'sheet'; readonly path: string; readonly sheet: string } & ProvenanceFigures);

/** Where something is in a source. */
export interface Location {
  readonly source: SourceRef;
  /** 1-based line of a CSV file, or row of a sheet, where the record starts; 0 for the source as a whole. */
  readonly line: number;
  /** 1-based column (A = 1); 0 for the record (or the source) as a whole. */
  readonly column: number;
}

/** The source alone, without its provenance (what a location refers to). */
export function sourceRef(source: SourceRef): SourceRef {
  return source.kind === 'csv' ? { kind: 'csv', path: source.path } : { kind: 'sheet', path: source.path, sheet: source.sheet };
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** No parameters. */
export type NoParams = Readonly<Record<string, never>>;

/** One encoding tried on a file, and where its bytes stopped making sense. */
export interface DecodeFailure {
  readonly encoding: Encoding;
  /** 0-based offset of the first byte at fault. */
  readonly offset: number;
  /** That byte's value (0-255). */
  readonly byte: number;
}

/** The parameters of each problem a source reports, by code. */
export interface SourceProblemParams {
  /** A quote opened in a CSV record is never closed: the rest of the file cannot be read as rows. */
  readonly 'unclosed-quote': NoParams;
  /** Binary data (a NUL byte) in a text record. */
  readonly 'nul-byte': NoParams;
  /** A record longer than any real one (almost always a quote never closed); reading stops there. */
  readonly 'record-too-long': NoParams;
  /** Any other CSV syntax error, with csv-parse's own words. */
  readonly 'bad-csv': { readonly detail: string };
  /** The bytes are not text in any encoding tried, in the order tried. */
  readonly undecodable: { readonly tried: readonly DecodeFailure[] };
  /** The source cannot be opened at all; `message` is the whole sentence, as the system gave it. */
  readonly unreadable: { readonly message: string };
}

/** A record the source could not read; it still counts as a row read. */
export type RecordProblemCode = 'unclosed-quote' | 'nul-byte' | 'record-too-long' | 'bad-csv';

export type RecordProblem = {
  readonly [C in RecordProblemCode]: {
    readonly code: C;
    /** 1-based column of the cell at fault, or 0 for the record as a whole. */
    readonly column: number;
    readonly params: SourceProblemParams[C];
  };
}[RecordProblemCode];

/** Why a whole source cannot be used. */
export type SourceProblemCode = 'undecodable' | 'unreadable';

export type SourceProblem = {
  readonly [C in SourceProblemCode]: { readonly code: C; readonly at: Location; readonly params: SourceProblemParams[C] };
}[SourceProblemCode];

/** A source that cannot be read at all. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  constructor(readonly problem: SourceProblem) {
    super(`${problem.code}: ${problem.at.source.path}`);
  }
}

/** The problem of a source that cannot be opened, in the system's own words. */
export function unreadable(source: SourceRef, message: string): SourceProblem {
  return { code: 'unreadable', at: { source, line: 0, column: 0 }, params: { message } };
}

/**
 * What the fast CSV reader (fast-csv.ts) hands on for a cell the sink does
 * not read (see `RowSink.columnsRead`) and that is not blank: its text is
 * never made. Blank cells it does not read are `''`, as any blank cell.
 */
export const UNREAD_CELL = '\u0000(cell not read)';

/** Receives the header once, then every data record, in source order. */
export interface RowSink {
  onHeader(cells: readonly string[], line: number): void;
  /**
   * Once the header has been read: the 0-based positions of the cells the
   * sink reads the text of. A reader may then hand on any other cell as
   * `''` when it is blank and as `UNREAD_CELL` when it is not. Undefined,
   * or not implemented: every cell is read.
   */
  columnsRead?(): readonly number[] | undefined;
  /**
   * `position`: how far into the source the reader is, in the unit of the
   * source's `size` (bytes, for a CSV file), for estimates. The reader may
   * hand on the same array again with the next record's cells: a sink keeps
   * the cells it needs, never the array.
   */
  onRow(cells: readonly string[], line: number, position: number): void;
  /**
   * A record that could not be read; it still counts as a row read.
   * May come before the header, when the header itself cannot be read.
   */
  onBadRecord(line: number, problem: RecordProblem): void;
}

/** What a source says once it has been read to the end. */
export interface SourceRead {
  readonly provenance: Provenance;
  /** The source held nothing at all (no bytes; a sheet without a cell), rather than only blank lines. */
  readonly empty: boolean;
}

/** An extract's rows, from a CSV file or (later) a sheet of a workbook. */
export interface Source {
  readonly ref: SourceRef;
  /** Its size, when known before reading (bytes of the file): sizes the key index, and scales `position`. */
  readonly size?: number | undefined;
  /**
   * Reads the header and every row into the sink `start` returns. A source
   * that has to start over (a CSV file found not to be UTF-8, read again as
   * Windows-1252) calls `start` again and gives everything to the new sink;
   * only the last sink's rows count. An error a sink throws stops the
   * reading and is thrown as it is.
   * @throws SourceError when the source cannot be read at all.
   */
  read(start: () => RowSink): Promise<SourceRead>;
}
