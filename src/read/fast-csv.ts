/**
 * The fast CSV reader: a byte-level scan of UTF-8 text for the common shape
 * of an extract, with csv-parse (csv.ts) kept as the reference.
 *
 * What it reads, it reads exactly as csv.ts does: the same records, with
 * the same physical line numbers (a line ends at CRLF, LF or a lone CR, in
 * a quoted cell too), the same blank lines skipped and counted, the same
 * header, a UTF-8 byte order mark dropped. It differs only in what it does
 * not do:
 * - it makes strings only of the cells the sink reads (see
 *   `RowSink.columnsRead`); any other cell is handed on as `''` when blank
 *   and as `UNREAD_CELL` otherwise, which is all a sink that does not read
 *   it may ask of it;
 * - it counts lines from the line-break bytes as it passes them, and
 *   builds no per-record context;
 * - it gives up on anything out of the ordinary: a quote inside an
 *   unquoted cell, anything but a delimiter after a closing quote, a quote
 *   never closed, a NUL byte, a record longer than the limit. It then
 *   throws `FastPathUnsupported`, and the caller reads the whole file again
 *   with csv-parse into a fresh sink (see csv-source.ts): whatever csv-parse
 *   makes of such a file is what the user gets.
 *
 * The scan itself (`CsvScanner`) works on any run of bytes that starts at
 * a record boundary, so one large file can be split between threads (see
 * src/normalise/split.ts) and each part scanned on its own.
 */
import { createHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvStats, MAX_RECORD_BYTES, type ReadCsvOptions } from './csv.js';
import { Decoder } from './decode.js';
import { type RowSink, UNREAD_CELL } from './source.js';

/** The fast reader met something it does not read; the file must be read with csv-parse. */
export class FastPathUnsupported extends Error {
  override readonly name = 'FastPathUnsupported';
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Whether byte `c` is white space to String.prototype.trim (the ASCII ones; other spaces are not single bytes). */
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Latin-1 and UTF-8 slices without Buffer#toString's argument checks. */
type FastSlices = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * Scans records out of UTF-8 bytes and hands them to a sink. Feed it
 * buffers in order (`feed`), then call `finish`. A record cut by the end of
 * a buffer is carried over to the next one.
 */
export class CsvScanner {
  /** The physical line the scan is on (1-based). */
  line: number;
  /** Blank lines skipped: empty lines and records whose every cell is blank. */
  blankLines = 0;
  hadHeader = false;
  /** Bytes of text before the buffer being scanned (for the sink's `position`). */
  private offset = 0;
  /** Cell boundaries of the current record: start, end, and 1 when the cell is quoted (2 with doubled quotes). */
  private bounds = new Int32Array(3 * 64);
  private carry: Buffer | undefined;
  /** Which cells the sink reads (by 0-based index), once the header is read; undefined: every cell. */
  private wanted: Uint8Array | undefined;
  /** Per column read, while it pays: the texts lately made, to hand out again (see `text`). */
  private interned: (Interned | undefined)[] = [];
  /** The cells of the record being handed on (see emit). */
  private cells: string[] = [];
  private readonly maxRecordBytes: number;

  /**
   * @param hadHeader true when the bytes scanned follow the header (a part
   *   of a file after the first): every record is then a data row.
   */
  constructor(
    private readonly sink: RowSink,
    options: { readonly firstLine?: number; readonly maxRecordBytes?: number; readonly hadHeader?: boolean; readonly columnsRead?: readonly number[] | undefined } = {},
  ) {
    this.line = options.firstLine ?? 1;
    this.maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
    if (options.hadHeader) {
      this.hadHeader = true;
      this.wanted = wantedSet(options.columnsRead);
    }
  }

  /** Scans `chunk` (UTF-8), keeping back a record it cuts. */
  feed(chunk: Buffer): void {
    // A NUL character is a problem csv.ts reports cell by cell: the file goes to csv-parse.
    if (chunk.includes(0)) throw new FastPathUnsupported('NUL character');
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    const end = this.scan(buf, false);
    this.offset += end;
    if (end < buf.length) {
      if (buf.length - end > this.maxRecordBytes) throw new FastPathUnsupported('record too long');
      this.carry = Buffer.from(buf.subarray(end));
    }
  }

  /** Whether the bytes fed so far end with a whole record (nothing is carried over). */
  get atRecordBoundary(): boolean {
    return this.carry === undefined;
  }

  /** Scans what is left at the end of the text. */
  finish(): void {
    if (this.carry) {
      const buf = this.carry;
      this.carry = undefined;
      this.scan(buf, true);
    }
  }

  /**
   * Scans the whole records of `buf`; returns where the first one not
   * finished in it starts (`buf.length` when none is). With `last`, the
   * text ends with `buf`: a record without a final line break ends there.
   */
  private scan(input: Buffer, last: boolean): number {
    const buf = input as FastSlices;
    const n = buf.length;
    const ascii = isAscii(buf);
    let pos = 0;
    while (pos < n) {
      const recordStart = pos;
      const recordLine = this.line;
      let c = buf[pos]!;
      // An empty line: a line break where a record would start.
      if (c === LF || c === CR) {
        if (c === CR) {
          if (pos + 1 >= n && !last) return recordStart;
          pos += buf[pos + 1] === LF ? 2 : 1;
        } else pos++;
        this.line++;
        this.blankLines++;
        continue;
      }
      let bounds = this.bounds;
      let cells = 0;
      let newlines = 0;
      // Cell by cell, until a line break or the end of the text ends the record.
      for (;;) {
        if (3 * cells + 3 > bounds.length) {
          const grown = new Int32Array(bounds.length * 2);
          grown.set(bounds);
          this.bounds = bounds = grown;
        }
        const k = 3 * cells;
        cells++;
        if (pos < n && buf[pos] === QUOTE) {
          // A quoted cell: up to the quote that is not doubled.
          let i = pos + 1;
          let doubled = 0;
          for (;;) {
            if (i >= n) {
              if (last) throw new FastPathUnsupported('quote not closed');
              this.line = recordLine;
              return recordStart;
            }
            c = buf[i]!;
            if (c === QUOTE) {
              if (i + 1 >= n && !last) {
                this.line = recordLine;
                return recordStart;
              }
              if (buf[i + 1] === QUOTE) {
                doubled = 1;
                i += 2;
                continue;
              }
              break;
            }
            if (c === LF) newlines++;
            else if (c === CR) {
              if (i + 1 >= n && !last) {
                this.line = recordLine;
                return recordStart;
              }
              if (buf[i + 1] !== LF) newlines++;
            }
            i++;
          }
          bounds[k] = pos + 1;
          bounds[k + 1] = i;
          bounds[k + 2] = 1 + doubled;
          pos = i + 1;
          c = pos < n ? buf[pos]! : -1;
          if (c !== COMMA && c !== LF && c !== CR && c !== -1) throw new FastPathUnsupported('text after a closing quote');
        } else {
          const start = pos;
          c = -1;
          while (pos < n) {
            c = buf[pos]!;
            if (c === COMMA || c === LF || c === CR) break;
            if (c === QUOTE) throw new FastPathUnsupported('quote inside an unquoted cell');
            pos++;
          }
          if (pos >= n) c = -1;
          bounds[k] = start;
          bounds[k + 1] = pos;
          bounds[k + 2] = 0;
        }
        if (c === COMMA) {
          pos++;
          continue;
        }
        if (c === -1) {
          // The end of the bytes: the end of the record only at the end of the text.
          if (!last) {
            this.line = recordLine;
            return recordStart;
          }
          break;
        }
        // A line break ends the record: CRLF, LF or a lone CR.
        if (c === CR) {
          if (pos + 1 >= n && !last) {
            this.line = recordLine;
            return recordStart;
          }
          pos += buf[pos + 1] === LF ? 2 : 1;
        } else pos++;
        break;
      }
      if (pos - recordStart > this.maxRecordBytes) throw new FastPathUnsupported('record too long');
      this.line = recordLine + 1 + newlines;
      this.emit(buf, ascii, cells, recordLine, this.offset + pos);
    }
    return n;
  }

  private emit(buf: FastSlices, ascii: boolean, count: number, line: number, position: number): void {
    if (this.blank(buf, count)) {
      this.blankLines++;
      return;
    }
    if (!this.hadHeader) {
      const header: string[] = new Array<string>(count);
      for (let i = 0; i < count; i++) header[i] = this.text(buf, ascii, i);
      this.hadHeader = true;
      this.sink.onHeader(header, line);
      this.wanted = wantedSet(this.sink.columnsRead?.());
      return;
    }
    const wanted = this.wanted;
    // One array for every record of the same width: the sink reads the cells during onRow and keeps none of the array.
    let cells = this.cells;
    if (cells.length !== count) this.cells = cells = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      if (wanted === undefined || wanted[i] === 1) cells[i] = this.text(buf, ascii, i, true);
      else cells[i] = this.cellBlank(buf, i) ? '' : UNREAD_CELL;
    }
    this.sink.onRow(cells, line, position);
  }

  /**
   * The text of cell `i` of the current record. Short ASCII texts of a data
   * row are looked up first among the texts of the same column lately made:
   * a column of dates or team names then makes each text once, not once a
   * row (and the sink's own lookups by text find it hashed already). A
   * column where that seldom finds anything (identifiers) stops looking.
   */
  private text(buf: FastSlices, ascii: boolean, i: number, row = false): string {
    const k = 3 * i;
    const start = this.bounds[k]!;
    const end = this.bounds[k + 1]!;
    if (start === end) return '';
    const doubled = this.bounds[k + 2] === 2;
    if (row && ascii && !doubled && end - start <= INTERN_LENGTH) {
      let column = this.interned[i];
      if (column === undefined && i >= this.interned.length) {
        while (this.interned.length <= i) this.interned.push(new Interned());
        column = this.interned[i];
      }
      if (column !== undefined) {
        const length = end - start;
        let h = length;
        for (let p = start; p < end; p++) h = (Math.imul(h, 31) + buf[p]!) | 0;
        const slot = h & (INTERN_SLOTS - 1);
        // The slot's text is compared byte for byte with the cell's: typed arrays both, no string read.
        const bytes = column.bytes;
        const at = slot * INTERN_LENGTH;
        if (column.lengths[slot] === length) {
          let j = 0;
          while (j < length && bytes[at + j] === buf[start + j]) j++;
          if (j === length) {
            column.found++;
            return column.texts[slot]!;
          }
        }
        const made = buf.latin1Slice(start, end);
        column.texts[slot] = made;
        column.lengths[slot] = length;
        for (let j = 0; j < length; j++) bytes[at + j] = buf[start + j]!;
        if (++column.looked === INTERN_TRIAL && column.found * 2 < INTERN_TRIAL) this.interned[i] = undefined;
        return made;
      }
    }
    const s = ascii ? buf.latin1Slice(start, end) : buf.utf8Slice(start, end);
    return doubled ? s.replaceAll('""', '"') : s;
  }

  /** Whether cell `i` is blank to `trim` (its bytes alone say so when they are ASCII). */
  private cellBlank(buf: FastSlices, i: number): boolean {
    const k = 3 * i;
    const end = this.bounds[k + 1]!;
    for (let p = this.bounds[k]!; p < end; p++) {
      const c = buf[p]!;
      if (c >= 0x80) return this.text(buf, false, i).trim() === '';
      if (!isAsciiSpace(c)) return false;
    }
    return true;
  }

  private blank(buf: FastSlices, count: number): boolean {
    for (let i = 0; i < count; i++) if (!this.cellBlank(buf, i)) return false;
    return true;
  }
}

function withoutBom(b: Buffer): Buffer {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
}

/** Texts longer than this are made afresh each time. */
const INTERN_LENGTH = 40;
/** Texts remembered per column (a power of two), by a hash of their bytes. */
const INTERN_SLOTS = 4096;
/** Texts made afresh (not found) after which a column that found fewer than half as many stops looking. */
const INTERN_TRIAL = 4096;

/** The texts of one column lately made, and how often looking them up has paid. */
class Interned {
  /** Each slot's text, its length in bytes (0: none yet) and its bytes (at slot × INTERN_LENGTH). */
  readonly texts: string[] = new Array<string>(INTERN_SLOTS).fill('');
  readonly lengths = new Uint8Array(INTERN_SLOTS);
  readonly bytes = new Uint8Array(INTERN_SLOTS * INTERN_LENGTH);
  looked = 0;
  found = 0;
}

function wantedSet(columns: readonly number[] | undefined): Uint8Array | undefined {
  if (columns === undefined) return undefined;
  const set = new Uint8Array(Math.max(0, ...columns) + 1);
  for (const c of columns) set[c] = 1;
  return set;
}

/**
 * Reads CSV from a byte stream into `sink`, as `readCsv` would, or throws
 * FastPathUnsupported (having fed the sink part of the file) when the file
 * is not of the shape it reads: the caller then reads it all again with
 * `readCsv`, into a fresh sink. Errors of the sink, and DecodeError, are
 * thrown as they are.
 */
export async function readCsvFast(
  input: Readable | AsyncIterable<Uint8Array>,
  sink: RowSink,
  options: ReadCsvOptions = {},
): Promise<CsvStats> {
  const { stats } = await scanCsv(input, sink, options);
  return stats;
}

/** What the first part of a split file says once read (see readCsvFirstPart). */
export interface FirstPartRead {
  /** The whole file's: size, SHA-256, encoding; blank lines of the first part only. */
  readonly stats: CsvStats;
  /** The line the next part starts on. */
  readonly nextLine: number;
  /** Whether the first part ends with a whole record, so the next one starts with one. */
  readonly whole: boolean;
}

/**
 * Reads the first part of a file split for reading on several threads: the
 * whole file is hashed, and its bytes up to `end` (exclusive, just after a
 * line feed) are read into `sink`. Whether `end` is where a record starts
 * cannot be told from the bytes after it (it may fall inside a quoted cell):
 * `whole` says whether it does, from the bytes before it; when it does not,
 * the split cannot be used. Throws as readCsvFast.
 */
export async function readCsvFirstPart(
  input: Readable | AsyncIterable<Uint8Array>,
  sink: RowSink,
  end: number,
  options: ReadCsvOptions = {},
): Promise<FirstPartRead> {
  const { stats, scanner } = await scanCsv(input, sink, { ...options, end });
  return { stats, nextLine: scanner.line, whole: scanner.atRecordBoundary && scanner.hadHeader };
}

/**
 * Reads a later part of a split file, from a record boundary to the end of
 * the file, as UTF-8, into a sink that has had its header (the file's
 * header: see src/normalise/split.ts). Lines count from 1 at the start of
 * the part. Throws FastPathUnsupported, DecodeError (the part is not
 * UTF-8) and the sink's errors.
 * @returns the blank lines skipped.
 */
export async function readCsvLaterPart(input: Readable | AsyncIterable<Uint8Array>, sink: RowSink): Promise<number> {
  const scanner = new CsvScanner(sink, { hadHeader: true, columnsRead: sink.columnsRead?.() });
  await pipeline(input, new Decoder('utf-8'), async (text: AsyncIterable<Buffer>) => {
    for await (const chunk of text) scanner.feed(chunk);
    scanner.finish();
  });
  return scanner.blankLines;
}

/**
 * The header of a CSV file from its first bytes, with its line; undefined
 * when they do not hold all of it, or hold something the fast reader does
 * not read. A UTF-8 byte order mark is dropped.
 */
export function headerOf(first: Buffer): { readonly cells: readonly string[]; readonly line: number } | undefined {
  let found: { cells: readonly string[]; line: number } | undefined;
  const stop = new Error('header found');
  const scanner = new CsvScanner({
    onHeader: (cells, line) => {
      found = { cells, line };
      throw stop;
    },
    onRow: () => undefined,
    onBadRecord: () => undefined,
  });
  try {
    scanner.feed(withoutBom(first));
  } catch (e) {
    if (e !== stop && !(e instanceof FastPathUnsupported)) throw e;
  }
  return found;
}

async function scanCsv(
  input: Readable | AsyncIterable<Uint8Array>,
  sink: RowSink,
  options: ReadCsvOptions & { readonly end?: number },
): Promise<{ stats: CsvStats; scanner: CsvScanner }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const end = options.end ?? Infinity;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      const from = bytes;
      bytes += chunk.length;
      // Past `end` the bytes are only hashed.
      if (bytes <= end) done(null, chunk);
      else if (from < end) done(null, chunk.subarray(0, end - from));
      else done();
    },
  });
  const decoder = new Decoder(options.encoding ?? 'auto');
  const scanner = new CsvScanner(sink, { maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES });
  await pipeline(input, tap, decoder, async (text: AsyncIterable<Buffer>) => {
    // csv-parse's `bom` option: a UTF-8 byte order mark the decoder left (a file declared UTF-8) is dropped.
    let head: Buffer | undefined = Buffer.alloc(0);
    for await (const chunk of text) {
      if (head !== undefined) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 3) continue;
        scanner.feed(withoutBom(head));
        head = undefined;
      } else scanner.feed(chunk);
    }
    if (head !== undefined) scanner.feed(withoutBom(head));
    // A first part ends where the next begins: what it cuts stays cut (see readCsvFirstPart).
    if (options.end === undefined) scanner.finish();
  });
  const stats = { bytes, sha256: hash.digest('hex'), blankLines: scanner.blankLines, hadHeader: scanner.hadHeader, encoding: decoder.encoding ?? 'utf-8' };
  return { stats, scanner };
}
