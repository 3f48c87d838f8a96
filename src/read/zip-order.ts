/**
 * A workbook's zip entries, parts first and sheets last.
 *
 * exceljs's streaming reader needs the workbook's own parts (the sheet
 * names in `xl/workbook.xml`, the shared strings, the styles that tell a
 * date cell from a number) before the sheets. Excel and exceljs both write
 * the sheets first; the reader then parks each sheet in a temporary file and
 * comes back to it, and on a small workbook with more than a few sheets it
 * loses the entries that follow (the zip stream ends while it waits).
 *
 * So the file is not streamed as it lies: its central directory (at the end
 * of the file) is read to find each entry, and the entries are streamed in
 * a new order, each as its bytes lie in the file (local header, compressed
 * data, data descriptor), parts first, then the sheets in their order.
 * Nothing is decompressed here and memory stays flat: each stretch of the
 * file is a stream of its own.
 */
import type { Readable } from 'node:stream';

/** Random access to a file's bytes: its size, and a stream of `start`..`end` (inclusive, as fs.createReadStream). */
export interface RandomAccessBytes {
  readonly size: number;
  open(start?: number, end?: number): Readable | AsyncIterable<Uint8Array>;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Not a zip archive this reader can take apart. */
export class NotAZipError extends Error {
  override readonly name = 'NotAZipError';
}

async function readRange(file: RandomAccessBytes, start: number, length: number): Promise<Buffer> {
  if (length <= 0) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of file.open(start, start + length - 1)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

interface Entry {
  readonly name: string;
  readonly offset: number;
}

/** The entries listed in the central directory, with where each starts, and where the directory starts. */
async function centralDirectory(file: RandomAccessBytes): Promise<{ entries: Entry[]; directoryAt: number }> {
  const tailLength = Math.min(file.size, END_RECORD_SIZE + MAX_COMMENT);
  const tail = await readRange(file, file.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - END_RECORD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new NotAZipError('no end of central directory record: not a zip archive');
  const count = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const directoryAt = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || directoryAt === 0xffffffff) throw new NotAZipError('a zip64 archive');
  if (directoryAt + size > file.size) throw new NotAZipError('the central directory lies beyond the end of the file');
  const dir = await readRange(file, directoryAt, size);
  const entries: Entry[] = [];
  let p = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_HEADER) throw new NotAZipError('a damaged central directory');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const offset = dir.readUInt32LE(p + 42);
    entries.push({ name: dir.toString('utf8', p + 46, p + 46 + nameLength), offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryAt };
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * The workbook's entries as one stream, its parts first and its sheets last
 * (see the module comment), then the central directory and the end record
 * as they are (a streaming reader stops at the directory, and needs it to see
 * the end; it does not read the offsets, which no longer hold).
 * @throws NotAZipError when the file is not a zip archive.
 */
export async function partsFirst(file: RandomAccessBytes): Promise<{ readonly stream: AsyncIterable<Uint8Array>; readonly sheets: number }> {
  const { entries, directoryAt } = await centralDirectory(file);
  const byOffset = [...entries].sort((a, b) => a.offset - b.offset);
  const ranges = byOffset.map((e, i) => ({ name: e.name, start: e.offset, end: (byOffset[i + 1]?.offset ?? directoryAt) - 1 }));
  const sheetNo = (name: string) => Number(SHEET.exec(name)?.[1] ?? 0);
  const parts = ranges.filter((r) => !SHEET.test(r.name));
  const sheets = ranges.filter((r) => SHEET.test(r.name)).sort((a, b) => sheetNo(a.name) - sheetNo(b.name));
  const stream = (async function* () {
    for (const r of [...parts, ...sheets, { name: '', start: directoryAt, end: file.size - 1 }]) {
      if (r.end < r.start) continue;
      for await (const chunk of file.open(r.start, r.end)) yield chunk as Uint8Array;
    }
  })();
  return { stream, sheets: sheets.length };
}
