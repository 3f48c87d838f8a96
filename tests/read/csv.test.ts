import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCsvError, readCsv } from '../../src/read/csv.js';
import type { RecordProblem } from '../../src/read/source.js';

interface Seen {
  header: { cells: readonly string[]; line: number } | null;
  rows: { cells: readonly string[]; line: number }[];
  bad: { line: number; problem: RecordProblem }[];
}

async function read(bytes: Buffer | string, options: { maxRecordBytes?: number; chunk?: number } = {}) {
  const seen: Seen = { header: null, rows: [], bad: [] };
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const size = options.chunk ?? buffer.length;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += Math.max(1, size)) chunks.push(buffer.subarray(i, i + Math.max(1, size)));
  const stats = await readCsv(
    Readable.from(chunks),
    {
      onHeader: (cells, line) => (seen.header = { cells, line }),
      onRow: (cells, line) => seen.rows.push({ cells, line }),
      onBadRecord: (line, problem) => seen.bad.push({ line, problem }),
    },
    options.maxRecordBytes === undefined ? {} : { maxRecordBytes: options.maxRecordBytes },
  );
  return { seen, stats };
}

describe('readCsv', () => {
  it('gives each record the physical line it starts on', async () => {
    const { seen } = await read('a,b\n1,2\n\n3,"x\ny"\n,,\n4,5\n');
    expect(seen.header).toEqual({ cells: ['a', 'b'], line: 1 });
    expect(seen.rows.map((r) => r.line)).toEqual([2, 4, 7]);
  });

  it('counts blank lines and all-blank rows, but not the end of the last line', async () => {
    expect((await read('a,b\n1,2\n')).stats.blankLines).toBe(0);
    expect((await read('a,b\n1,2')).stats.blankLines).toBe(0);
    expect((await read('a,b\n\n1,2\n , \n')).stats.blankLines).toBe(2);
  });

  it('hashes the bytes exactly as read, whatever the chunking', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const expected = createHash('sha256').update(text).digest('hex');
    for (const chunk of [1, 2, 5, 100]) {
      const { stats } = await read(text, { chunk });
      expect(stats.sha256).toBe(expected);
      expect(stats.bytes).toBe(Buffer.byteLength(text));
    }
  });

  it('reads the same rows from UTF-8, UTF-8 with BOM, UTF-16 LE/BE with BOM and UTF-16 without BOM', async () => {
    const text = 'source,team\nÉcole Sainte-Thérèse,Équipe 1\n€ café,naïve\n';
    const variants: [string, Buffer][] = [
      ['utf-8', Buffer.from(text, 'utf8')],
      ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['utf-16le', Buffer.from(text, 'utf16le')],
    ];
    for (const [encoding, bytes] of variants) {
      for (const chunk of [3, 7, 4096]) {
        const { seen, stats } = await read(bytes, { chunk });
        expect(stats.encoding).toBe(encoding);
        expect(seen.header!.cells).toEqual(['source', 'team']);
        expect(seen.rows.map((r) => r.cells)).toEqual([
          ['École Sainte-Thérèse', 'Équipe 1'],
          ['€ café', 'naïve'],
        ]);
      }
    }
  });

  it('refuses bytes that are not UTF-8 (the loader then tries Windows-1252), naming the offset', async () => {
    await expect(read(Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]))).rejects.toMatchObject({
      name: 'NotUtf8Error',
      offset: 7,
    });
  });

  it('refuses a bad byte after a UTF-8 byte order mark outright: the mark settles the encoding, no Windows-1252 retry', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x2c, 0x31, 0x0a]);
    const refused = await read(bytes).catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: 'DecodeError', offset: 10, encoding: 'utf-8' });
  });

  it('reports a NUL byte as a bad record with its column, and reads on', async () => {
    const { seen } = await read('a,b\n1,x\u0000y\n3,4\n');
    expect(seen.bad).toEqual([{ line: 2, problem: expect.objectContaining({ code: 'nul-byte', column: 2 }) }]);
    expect(seen.rows.map((r) => r.cells)).toEqual([['3', '4']]);
  });

  it('reports an unclosed quote once, on the line it opens', async () => {
    const { seen } = await read('a,b\n1,2\n\n3,"x\n4,5\n6,7\n');
    expect(seen.rows.map((r) => r.line)).toEqual([2]);
    expect(seen.bad).toEqual([{ line: 4, problem: expect.objectContaining({ code: 'unclosed-quote' }) }]);
  });

  it('stops at a runaway record but still hashes the whole file', async () => {
    const text = `a,b\n1,2\n3,"${'x'.repeat(500)}\n4,5\n`;
    const { seen, stats } = await read(text, { maxRecordBytes: 100 });
    expect(seen.rows.map((r) => r.line)).toEqual([2]);
    expect(seen.bad).toEqual([{ line: 3, problem: expect.objectContaining({ code: 'record-too-long' }) }]);
    expect(stats.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('describes any other csv-parse error as bad-csv, keeping the words of csv-parse', () => {
    expect(describeCsvError({ code: 'CSV_INVALID_CLOSING_QUOTE', message: 'Invalid Closing Quote' } as never)).toEqual({
      code: 'bad-csv',
      column: 0,
      params: { detail: 'Invalid Closing Quote' },
    });
  });

  it('never throws on arbitrary bytes except to say they cannot be decoded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        try {
          const { seen } = await read(Buffer.from(bytes));
          for (const r of seen.rows) expect(r.line).toBeGreaterThan(0);
        } catch (e) {
          expect((e as Error).name).toMatch(/DecodeError|NotUtf8Error/);
        }
      }),
      { numRuns: 300 },
    );
  });
});


describe('readCsv: line endings', () => {
  it('reads every row when the header ends CRLF and the rows LF (and the other way round)', async () => {
    const rows = ['1,2021-01-05', '2,2021-01-06', '3,2021-01-07', '4,2021-01-08', '5,2021-01-09', '6,2021-01-10'];
    for (const [first, rest] of [
      ['\r\n', '\n'],
      ['\n', '\r\n'],
      ['\r', '\n'],
    ] as const) {
      const { seen } = await read(`child_id,contact_date${first}${rows.join(rest)}${rest}`);
      expect(seen.header?.cells).toEqual(['child_id', 'contact_date']);
      expect(seen.rows.map((r) => r.cells.join(','))).toEqual(rows);
      expect(seen.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7]);
      expect(seen.bad).toEqual([]);
    }
  });

  it('a UTF-16 file ending in a line break has no blank line that is not there', async () => {
    const text = 'a,b\r\n1,2\r\n';
    for (const encoding of ['utf16le', 'utf16be'] as const) {
      const body = encoding === 'utf16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
      const bom = encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const { seen, stats } = await read(Buffer.concat([Buffer.from(bom), body]));
      expect(seen.rows.map((r) => r.cells)).toEqual([['1', '2']]);
      expect(stats.blankLines).toBe(0);
    }
  });

  it('property: any mix of LF, CRLF and CR gives the same records on the same lines', async () => {
    const cell = fc.stringMatching(/^[A-Za-z0-9 ]{0,6}$/);
    const row = fc.array(cell, { minLength: 2, maxLength: 2 }).filter((cells) => cells.some((c) => c.trim() !== ''));
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(row, ending), { minLength: 1, maxLength: 12 }), fc.boolean(), async (lines, finalBreak) => {
        const text = lines.map(([cells, end], i) => cells.join(',') + (i < lines.length - 1 || finalBreak ? end : '')).join('');
        const { seen, stats } = await read(`h1,h2\n${text}`);
        expect(seen.rows.map((r) => r.cells)).toEqual(lines.map(([cells]) => cells));
        expect(seen.rows.map((r) => r.line)).toEqual(lines.map((_, i) => i + 2));
        expect(stats.blankLines).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
