/**
 * The CSV reader: bytes in, records with their line numbers out.
 *
 * This is the only module that knows csv-parse. It streams: each record is
 * handed to the sink as soon as it is parsed and is not kept. The bytes are
 * hashed (SHA-256) on the way through, so an auditor can tie every figure to
 * the exact file it came from.
 *
 * Blank lines are not records: empty lines, and lines whose every field is
 * blank (a spreadsheet's empty row saved as `,,,,`).
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Options, parse, CsvError } from 'csv-parse';

/** Receives the header once, then every data record, in file order. */
export interface CsvSink {
  onHeader(cells: readonly string[], line: number): void;
  onRow(cells: readonly string[], line: number): void;
}

export interface CsvStats {
  readonly bytes: number;
  readonly sha256: string;
  /** Blank lines skipped (not rows). */
  readonly blankLines: number;
  /** False when the input held no header line at all. */
  readonly hadHeader: boolean;
}

/** The input is not readable as CSV (an unclosed quote, say). */
export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The csv-parse options used for every extract (and by the benchmark's
 * "csv-parse alone" baseline, so the comparison is like for like).
 */
export const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  relax_column_count: true,
  relax_quotes: true,
} as const satisfies Options;

function allBlank(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Reads CSV from a byte stream into `sink`.
 *
 * Records are passed on synchronously from csv-parse's `on_record` hook and
 * dropped, so no record is ever queued. A record's line is where it starts:
 * the line after the previous record ended, plus any empty lines between.
 */
export async function readCsv(input: Readable | AsyncIterable<Uint8Array>, sink: CsvSink): Promise<CsvStats> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lastByte = -1;
  let previousEnd = 0;
  let previousEmpty = 0;
  let blankLines = 0;
  let hadHeader = false;
  let sinkError: unknown;

  const parser = parse({
    ...CSV_OPTIONS,
    on_record: (record: string[], context) => {
      const line = previousEnd + 1 + (context.empty_lines - previousEmpty);
      previousEnd = context.lines;
      previousEmpty = context.empty_lines;
      try {
        if (allBlank(record)) blankLines++;
        else if (!hadHeader) {
          hadHeader = true;
          sink.onHeader(record, line);
        } else sink.onRow(record, line);
      } catch (e) {
        // Stop reading, and keep the sink's own error rather than a wrapped one.
        sinkError = e;
        parser.destroy();
      }
      return null;
    },
  });
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (chunk.length > 0) lastByte = chunk[chunk.length - 1]!;
      done(null, chunk);
    },
  });
  try {
    await pipeline(input, tap, parser);
  } catch (e) {
    if (sinkError !== undefined) throw sinkError;
    if (e instanceof CsvError) {
      const lines = (e as CsvError & { lines?: number }).lines ?? previousEnd + 1;
      throw new CsvFormatError(lines, describeCsvError(e));
    }
    throw e;
  }
  if (sinkError !== undefined) throw sinkError;
  // csv-parse counts the nothing after a final line break as one more empty line.
  const phantom = lastByte === 0x0a || lastByte === 0x0d ? 1 : 0;
  return { bytes, sha256: hash.digest('hex'), blankLines: blankLines + Math.max(0, parser.info.empty_lines - phantom), hadHeader };
}

function describeCsvError(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (a " without its partner); the file ends inside it';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a closing quote is followed by more text in the same field';
    default:
      return e.message;
  }
}
