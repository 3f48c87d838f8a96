import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { csvSource } from '../../src/read/csv-source.js';
import { type RowSink, SourceError } from '../../src/read/source.js';

/** A sink that keeps what it is given. */
function recorder() {
  const seen = { header: [] as string[], rows: [] as { cells: readonly string[]; line: number }[], bad: [] as number[] };
  const sink: RowSink = {
    onHeader: (cells) => (seen.header = [...cells]),
    onRow: (cells, line) => seen.rows.push({ cells: [...cells], line }),
    onBadRecord: (line) => seen.bad.push(line),
  };
  return { seen, sink };
}

/** Reads `bytes` as a CSV source that can be opened again; returns what each start saw. */
async function read(bytes: Buffer, reopen = true) {
  const starts: ReturnType<typeof recorder>[] = [];
  const source = csvSource('contacts.csv', reopen ? () => Readable.from([bytes]) : Readable.from([bytes]), { size: bytes.length });
  const result = await source.read(() => {
    starts.push(recorder());
    return starts[starts.length - 1]!.sink;
  });
  return { source, result, starts };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('a CSV file as a source', () => {
  it('delivers the header and the rows with their lines, and says where they came from', async () => {
    const bytes = Buffer.from('child_id,contact_date\n\n1,2021-01-05\n2,2021-01-06\n');
    const { source, result, starts } = await read(bytes);
    expect(source.ref).toEqual({ kind: 'csv', path: 'contacts.csv' });
    expect(source.size).toBe(bytes.length);
    expect(starts).toHaveLength(1);
    expect(starts[0]!.seen.header).toEqual(['child_id', 'contact_date']);
    expect(starts[0]!.seen.rows.map((r) => r.line)).toEqual([3, 4]);
    expect(result).toEqual({
      provenance: { kind: 'csv', path: 'contacts.csv', bytes: bytes.length, sha256: sha256(bytes), encoding: 'utf-8', blankLines: 1 },
      empty: false,
    });
  });

  it('tells an empty file from one of blank lines only', async () => {
    expect((await read(Buffer.alloc(0))).result.empty).toBe(true);
    expect((await read(Buffer.from('\n\n'))).result.empty).toBe(false);
  });

  it('starts over, into a fresh sink, as Windows-1252 when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from('child_id,team\n1,Équipe\n', 'latin1');
    const { result, starts } = await read(bytes);
    expect(starts).toHaveLength(2);
    expect(starts[1]!.seen.rows.map((r) => r.cells)).toEqual([['1', 'Équipe']]);
    expect(result.provenance).toMatchObject({ kind: 'csv', encoding: 'windows-1252', sha256: sha256(bytes), bytes: bytes.length });
  });

  const UNDECODABLE: readonly { name: string; bytes: Buffer; reopen: boolean; tried: unknown[] }[] = [
    {
      name: 'neither UTF-8 nor Windows-1252: both encodings tried, in order',
      bytes: Buffer.from([0x61, 0x0a, 0xe9, 0x81, 0x0a]),
      reopen: true,
      tried: [
        { encoding: 'utf-8', offset: 2, byte: 0xe9 },
        { encoding: 'windows-1252', offset: 3, byte: 0x81 },
      ],
    },
    {
      name: 'not UTF-8, and a stream that cannot be read again: UTF-8 alone',
      bytes: Buffer.from([0x61, 0x0a, 0xe9, 0x0a]),
      reopen: false,
      tried: [{ encoding: 'utf-8', offset: 2, byte: 0xe9 }],
    },
  ];

  it.each(UNDECODABLE)('$name', async ({ bytes, reopen, tried }) => {
    const error = await read(bytes, reopen).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).problem).toEqual({
      code: 'undecodable',
      at: { source: { kind: 'csv', path: 'contacts.csv' }, line: 0, column: 0 },
      params: { tried },
    });
  });

  it('lets an error of the sink through as it is', async () => {
    const stop = new Error('no such column');
    const source = csvSource('contacts.csv', () => Readable.from([Buffer.from('a,b\n1,2\n')]));
    const sink: RowSink = {
      onHeader: () => {
        throw stop;
      },
      onRow: () => undefined,
      onBadRecord: () => undefined,
    };
    await expect(source.read(() => sink)).rejects.toBe(stop);
  });
});
