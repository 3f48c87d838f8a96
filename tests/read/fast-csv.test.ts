/**
 * The fast CSV reader against csv-parse, the reference: on any bytes, a CSV
 * source read the fast way (falling back to csv-parse when the fast reader
 * gives up) gives exactly what csv-parse alone gives: records, their lines,
 * bad records, blank lines, provenance; and on the shapes the fast reader
 * is for, it gives that without falling back.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/read/csv.js';
import { type CsvReader, csvSource } from '../../src/read/csv-source.js';
import { FastPathUnsupported, readCsvFast } from '../../src/read/fast-csv.js';
import { type RecordProblem, type RowSink, UNREAD_CELL } from '../../src/read/source.js';

interface Seen {
  header: { cells: readonly string[]; line: number } | null;
  rows: { cells: readonly string[]; line: number }[];
  bad: { line: number; problem: RecordProblem }[];
}

function recorder(columnsRead?: readonly number[]): { seen: Seen; sink: RowSink } {
  const seen: Seen = { header: null, rows: [], bad: [] };
  const sink: RowSink = {
    onHeader: (cells, line) => (seen.header = { cells: [...cells], line }),
    onRow: (cells, line) => seen.rows.push({ cells: [...cells], line }),
    onBadRecord: (line, problem) => seen.bad.push({ line, problem }),
    ...(columnsRead ? { columnsRead: () => columnsRead } : {}),
  };
  return { seen, sink };
}

function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

/** Reads `bytes` as a CSV source with `reader`, in chunks of `size`; what the last start saw, how many starts, and the result. */
async function viaSource(bytes: Buffer, reader: CsvReader, size: number) {
  const starts: Seen[] = [];
  const source = csvSource('x.csv', () => Readable.from(chunked(bytes, size)), { reader });
  try {
    const result = await source.read(() => {
      const r = recorder();
      starts.push(r.seen);
      return r.sink;
    });
    return { seen: starts[starts.length - 1], starts: starts.length, result };
  } catch (e) {
    return { error: (e as Error).name, seen: starts[starts.length - 1], starts: starts.length };
  }
}

/** The fast reader alone: what it saw, or 'fallback' when it gave up. */
async function fastAlone(bytes: Buffer, size: number) {
  const { seen, sink } = recorder();
  try {
    const stats = await readCsvFast(Readable.from(chunked(bytes, size)), sink);
    return { seen, stats };
  } catch (e) {
    if (e instanceof FastPathUnsupported) return 'fallback' as const;
    throw e;
  }
}

async function parseAlone(bytes: Buffer, size: number) {
  const { seen, sink } = recorder();
  const stats = await readCsv(Readable.from(chunked(bytes, size)), sink);
  return { seen, stats };
}

/** Pieces of messy CSV text: cells, quotes, doubled quotes, every line ending, spaces, NUL, non-ASCII. */
const messyPiece = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.constantFrom(
      'a', 'b1', '2021-01-05', ',', ',', ',', '""', '"x,y"', '"a""b"', '"l1\nl2"', '"l1\r\nl2"', '"c\rd"',
      '\n', '\n', '\r\n', '\r', ' ', '\t', '\u00a0', 'é', '€', '\u2003', '\ufeff',
    ),
  },
  // What the fast reader hands to csv-parse: stray quotes, NUL.
  { weight: 1, arbitrary: fc.constantFrom('"', '\u0000', ' "q" ', 'x"y') },
);
const messyText = fc.array(messyPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Well-formed CSV of the shape the fast reader is for: quoted cells with doubled quotes and line breaks, ragged rows, blank lines. */
const wellCell = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 /:.-]{0,8}$/),
  fc.constantFrom('', ' ', 'École', '€5', '\u00a0', '\u2003'),
  fc.array(fc.constantFrom('a', ',', '""', '\n', '\r\n', '\r', ' ', 'é'), { maxLength: 6 }).map((p) => `"${p.join('')}"`),
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const wellText = fc
  .tuple(
    fc.array(fc.oneof({ weight: 5, arbitrary: fc.array(wellCell, { minLength: 1, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([] as string[]) }), {
      minLength: 1,
      maxLength: 12,
    }),
    fc.array(lineEnd, { minLength: 12, maxLength: 12 }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([rows, ends, finalBreak, bom]) => {
    const text = rows.map((cells, i) => cells.join(',') + (i < rows.length - 1 || finalBreak ? ends[i]! : '')).join('');
    return (bom ? '\ufeff' : '') + text;
  });

type Encoded = readonly [label: string, bytes: Buffer];

/** The text in each encoding the project reads that can hold it. */
function encodings(text: string): Encoded[] {
  const out: Encoded[] = [
    ['utf-8', Buffer.from(text, 'utf8')],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/^\ufeff/, ''), 'utf16le')])],
  ];
  // Windows-1252, for text whose characters it shares with Latin-1 (read after UTF-8 fails).
  if (/^[\u0001-\u007f\u00a0-\u00ff]*$/.test(text) && /[\u00a0-\u00ff]/.test(text)) out.push(['windows-1252', Buffer.from(text, 'latin1')]);
  return out;
}

describe('the fast CSV reader against csv-parse', () => {
  it('property: on any messy text, in any encoding and chunking, a source read fast gives what csv-parse gives', async () => {
    await fc.assert(
      fc.asyncProperty(messyText, fc.integer({ min: 1, max: 64 }), async (text, size) => {
        for (const [, bytes] of encodings(text)) {
          const fast = await viaSource(bytes, 'fast', size);
          const reference = await viaSource(bytes, 'csv-parse', size);
          expect({ ...fast, starts: 0 }).toEqual({ ...reference, starts: 0 });
          // The fast reader alone either gives up or agrees with csv-parse alone.
          if (!bytes.includes(0) && reference.error === undefined && (reference.result?.provenance as { encoding?: string } | undefined)?.encoding !== 'windows-1252') {
            const alone = await fastAlone(bytes, size);
            if (alone !== 'fallback') {
              const parsed = await parseAlone(bytes, size);
              expect(alone.seen).toEqual(parsed.seen);
              expect(alone.stats).toEqual(parsed.stats);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: well-formed CSV (quotes, doubled quotes, line breaks in cells, any line endings, BOM, ragged rows, blank lines) is read fast, never handed back', async () => {
    await fc.assert(
      fc.asyncProperty(wellText, fc.integer({ min: 1, max: 64 }), async (text, size) => {
        for (const [label, bytes] of encodings(text)) {
          const fast = await viaSource(bytes, 'fast', size);
          const reference = await viaSource(bytes, 'csv-parse', size);
          expect({ ...fast, starts: 0 }).toEqual({ ...reference, starts: 0 });
          // One start for UTF-8 and UTF-16; Windows-1252 starts over once, after UTF-8 fails, and no more.
          expect(fast.starts, label).toBe(label === 'windows-1252' ? 2 : 1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a quote inside an unquoted cell', 'a,b\n1,x"y\n2,3\n'],
    ['text after a closing quote', 'a,b\n1,"x"y\n2,3\n'],
    ['a quote never closed', 'a,b\n1,2\n3,"x\n4,5\n'],
    ['a NUL byte', 'a,b\n1,x\u0000y\n3,4\n'],
  ])('hands the whole file to csv-parse, from the start, on %s, with the same result', async (_what, text) => {
    const bytes = Buffer.from(text);
    expect(await fastAlone(bytes, 4096)).toBe('fallback');
    const fast = await viaSource(bytes, 'fast', 5);
    const reference = await viaSource(bytes, 'csv-parse', 5);
    expect(fast.starts).toBe(2);
    expect(reference.starts).toBe(1);
    expect(fast.seen).toEqual(reference.seen);
    expect(fast.result).toEqual(reference.result);
  });

  it('hands a record longer than the limit to csv-parse', async () => {
    const { sink } = recorder();
    await expect(readCsvFast(Readable.from([Buffer.from(`a,b\n1,"${'x'.repeat(300)}"\n`)]), sink, { maxRecordBytes: 100 })).rejects.toBeInstanceOf(
      FastPathUnsupported,
    );
  });

  it('hands out each text it keeps for a column only for the same bytes: values of one length crowding its slots, up to the longest kept and past it', async () => {
    // 6,000 distinct values of each length, in a random order and repeated, so that many share a slot.
    const random = fc.sample(fc.integer({ min: 0, max: 5999 }), { numRuns: 40_000, seed: 7 });
    const lengths = [1, 7, 10, 39, 40, 41];
    const value = (n: number, length: number) => `${n}`.padStart(length, 'x').slice(-length).replace(/^x*/, (m) => 'y'.repeat(m.length));
    const rows = random.map((n, i) => lengths.map((length) => value((n + i * (length === 1 ? 1 : 0)) % 6000, length)).join(','));
    const bytes = Buffer.from(`${lengths.map((l) => `c${l}`).join(',')}\n${rows.join('\n')}\n`);
    const fast = await fastAlone(bytes, 65_536);
    const parsed = await parseAlone(bytes, 65_536);
    expect(fast).not.toBe('fallback');
    if (fast === 'fallback') return;
    expect(fast.seen.rows.length).toBe(random.length);
    expect(fast.seen).toEqual(parsed.seen);
  });

  it('makes text only of the cells the sink reads: others are blank or UNREAD_CELL', async () => {
    const { seen, sink } = recorder([0, 2]);
    await readCsvFast(Readable.from([Buffer.from('a,b,c,d\n1,x, 3 ,\n4, ,"6",\u00a0\n')]), sink);
    expect(seen.header!.cells).toEqual(['a', 'b', 'c', 'd']);
    expect(seen.rows.map((r) => r.cells)).toEqual([
      ['1', UNREAD_CELL, ' 3 ', ''],
      ['4', '', '6', ''],
    ]);
  });

  it('gives each record the physical line it starts on, a CRLF, LF or lone CR in a quoted cell counting as one line', async () => {
    const text = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,"p\rq\nr"\n3,4';
    const fast = await fastAlone(Buffer.from(text), 3);
    const reference = await parseAlone(Buffer.from(text), 3);
    expect(fast).not.toBe('fallback');
    if (fast === 'fallback') return;
    expect(fast.seen.rows.map((r) => r.line)).toEqual([2, 5, 8]);
    expect(fast.seen).toEqual(reference.seen);
    expect(fast.stats.blankLines).toBe(1);
  });
});
