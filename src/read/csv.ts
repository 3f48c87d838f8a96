/**
 * The CSV reader: bytes in, records with their line numbers out.
 *
 * This is the only module that knows csv-parse. It streams: each record is
 * handed to the sink as soon as it is parsed and is not kept. The bytes are
 * hashed (SHA-256) on the way through, so an auditor can tie every figure to
 * the exact file it came from, then decoded (see decode.ts).
 *
 * Blank lines are not records: empty lines, and lines whose every field is
 * blank (a spreadsheet's empty row saved as `,,,,`). Records the CSV syntax
 * cannot make sense of (a quote never closed, a NUL byte) are reported to the
 * sink as bad records (problems as data: a code and a column; see
 * source.ts), and reading goes on where it safely can.
 *
 * csv-source.ts wraps this reader as a `Source`: it opens the file, starts
 * over as Windows-1252 when the bytes are not UTF-8, and gives the
 * provenance.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Options, parse, type CsvError } from 'csv-parse';
import { Decoder, type Encoding, type EncodingSetting } from './decode.js';
import type { RecordProblem, RowSink } from './source.js';

export interface CsvStats {
  readonly bytes: number;
  readonly sha256: string;
  /** Blank lines skipped (not rows). */
  readonly blankLines: number;
  /** False when the input held no header line at all. */
  readonly hadHeader: boolean;
  readonly encoding: Encoding;
}

/**
 * Bytes read from a file at a time. Larger chunks save little time and,
 * with several threads reading, leave more memory behind: 256 KiB took
 * 60-90 MB off the peak at ten million contacts against 1 MiB.
 */
export const READ_CHUNK_BYTES = 256 * 1024;

/** The largest record read; beyond it the record is refused (it is almost always an unclosed quote). */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * The csv-parse options used for every extract (and by the benchmark's
 * "csv-parse alone" baseline, so the comparison is like for like).
 */
export const CSV_OPTIONS = {
  bom: true,
  // Any of the three line endings ends a record, mixed in one file: csv-parse
  // would otherwise take the first one it meets as the only one.
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_records_with_error: true,
  max_record_size: MAX_RECORD_BYTES,
} as const satisfies Options;

export interface ReadCsvOptions {
  readonly encoding?: EncodingSetting;
  /** Longest record accepted, in bytes (default MAX_RECORD_BYTES). */
  readonly maxRecordBytes?: number;
}

function allBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

function crlfInside(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.indexOf('\r\n'); i >= 0; i = c.indexOf('\r\n', i + 2)) n++;
  }
  return n;
}

function nulColumn(cells: readonly string[]): number {
  for (let i = 0; i < cells.length; i++) if (cells[i]!.includes('\u0000')) return i + 1;
  return 0;
}

/** A csv-parse error as a problem of the record as a whole. */
export function describeCsvError(e: Pick<CsvError, 'code' | 'message'>): RecordProblem {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'unclosed-quote', column: 0, params: {} };
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'record-too-long', column: 0, params: {} };
    default:
      return { code: 'bad-csv', column: 0, params: { detail: e.message } };
  }
}

/** Whether a file whose last two bytes are `lastBytes` ends with CR or LF in `encoding`. */
function endsWithLineBreak(lastBytes: number, encoding: Encoding): boolean {
  const unit =
    encoding === 'utf-16le' ? ((lastBytes & 0xff) << 8) | (lastBytes >> 8) : encoding === 'utf-16be' ? lastBytes : lastBytes & 0xff;
  return unit === 0x0a || unit === 0x0d;
}

/**
 * Reads CSV from a byte stream into `sink`.
 *
 * Records are passed on synchronously from csv-parse's `on_record` hook and
 * dropped, so no record is ever queued. A record's line is where it starts:
 * the line after the previous record ended, plus any empty lines between.
 */
export async function readCsv(
  input: Readable | AsyncIterable<Uint8Array>,
  sink: RowSink,
  options: ReadCsvOptions = {},
): Promise<CsvStats> {
  const hash = createHash('sha256');
  let bytes = 0;
  /** The last two bytes read: the last character of a UTF-16 file takes two. */
  let lastBytes = 0;
  let nulSeen = false;
  let previousEnd = 0;
  let previousEmpty = 0;
  let blankLines = 0;
  let hadHeader = false;
  let stopped = false;
  let sinkError: unknown;

  // csv-parse counts a CRLF inside a quoted field as two lines; `overcount`
  // keeps the running correction so lines stay physical lines.
  let overcount = 0;
  let rawPreviousEnd = 0;
  const startLine = (emptyLines: number): number => previousEnd + 1 + (emptyLines - previousEmpty);
  const endRecord = (rawLines: number, emptyLines: number, record: readonly string[] | undefined): void => {
    const spanned = rawLines - rawPreviousEnd - (emptyLines - previousEmpty);
    if (spanned > 1 && record) overcount += crlfInside(record);
    rawPreviousEnd = rawLines;
    previousEnd = rawLines - overcount;
    previousEmpty = emptyLines;
  };
  // Stop reading, and keep the sink's own error rather than a wrapped one.
  const stop = (e: unknown): void => {
    sinkError = e;
    parser.destroy();
  };

  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const parser = parse({
    ...CSV_OPTIONS,
    max_record_size: maxRecordBytes,
    on_record: (record: string[], context) => {
      if (stopped) return null;
      const line = startLine(context.empty_lines);
      endRecord(context.lines, context.empty_lines, record);
      try {
        if (allBlank(record)) blankLines++;
        else {
          const nul = nulSeen ? nulColumn(record) : 0;
          if (nul > 0) {
            sink.onBadRecord(line, { code: 'nul-byte', column: nul, params: {} });
          } else if (!hadHeader) {
            hadHeader = true;
            sink.onHeader(record, line);
          } else sink.onRow(record, line, context.bytes);
        }
      } catch (e) {
        stop(e);
      }
      return null;
    },
  });
  parser.on('skip', (e: CsvError & { lines?: number; empty_lines?: number }) => {
    if (stopped) return;
    const line = startLine(e.empty_lines ?? previousEmpty);
    const problem = describeCsvError(e);
    endRecord(e.lines ?? rawPreviousEnd, e.empty_lines ?? previousEmpty, undefined);
    // After a runaway record the parser's position is unknown: read no further rows
    // (the rest of the file is still hashed).
    if (problem.code === 'record-too-long') stopped = true;
    try {
      sink.onBadRecord(line, problem);
    } catch (e) {
      stop(e);
    }
  });
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (chunk.length > 1) lastBytes = (chunk[chunk.length - 2]! << 8) | chunk[chunk.length - 1]!;
      else if (chunk.length === 1) lastBytes = ((lastBytes & 0xff) << 8) | chunk[0]!;
      if (!nulSeen && chunk.includes(0)) nulSeen = true;
      done(null, stopped ? undefined : chunk);
    },
  });
  const decoder = new Decoder(options.encoding ?? 'auto');
  try {
    await pipeline(input, tap, decoder, parser);
  } catch (e) {
    if (sinkError !== undefined) throw sinkError;
    throw e;
  }
  if (sinkError !== undefined) throw sinkError;
  // csv-parse counts the nothing after a final line break as one more empty line.
  const phantom = endsWithLineBreak(lastBytes, decoder.encoding ?? 'utf-8') ? 1 : 0;
  return {
    bytes,
    sha256: hash.digest('hex'),
    blankLines: blankLines + Math.max(0, parser.info.empty_lines - phantom),
    hadHeader,
    encoding: decoder.encoding ?? 'utf-8',
  };
}
