/**
 * Fixed modification times for the entries of a zip archive.
 *
 * A zip stores a DOS date and time for every entry, twice: in the entry's
 * local header and in the central directory. Writers stamp them with the
 * clock, so the same content written twice gives different bytes. This
 * rewrites both copies to one given day (midnight), leaving everything else,
 * including the CRCs, untouched: the timestamps are not part of the
 * compressed data.
 *
 * Only the plain zip layout that JSZip (behind exceljs) writes is supported:
 * one disk, no zip64, no archive comment after the end record beyond the
 * 64 KiB the format allows. Anything else is refused rather than guessed at.
 */
import { type Day, ymdFromDay } from '../core/day.js';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;

/** The DOS date of a day: bits 15-9 years since 1980, 8-5 month, 4-0 day; clamped to 1980-2107. */
export function dosDate(day: Day): number {
  const { year, month, day: dom } = ymdFromDay(day);
  if (year < 1980) return (0 << 9) | (1 << 5) | 1;
  if (year > 2107) return (127 << 9) | (12 << 5) | 31;
  return ((year - 1980) << 9) | (month << 5) | dom;
}

function fail(what: string): never {
  throw new Error(`internal: cannot fix the zip timestamps: ${what}`);
}

/** A copy of `zip` with every entry's date set to `day` and its time to 00:00:00. */
export function withFixedZipTimestamps(zip: Uint8Array, day: Day): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const date = dosDate(day);

  let end = -1;
  const earliest = Math.max(0, out.length - END_RECORD_SIZE - 0xffff);
  for (let p = out.length - END_RECORD_SIZE; p >= earliest; p--) {
    if (view.getUint32(p, true) === END_OF_CENTRAL_DIRECTORY) {
      end = p;
      break;
    }
  }
  if (end < 0) fail('no end of central directory record');
  const entries = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (entries === 0xffff || start === 0xffffffff || start + size > end) fail('unsupported layout (zip64 or multi-disk)');

  let p = start;
  for (let i = 0; i < entries; i++) {
    if (p + CENTRAL_HEADER_SIZE > end || view.getUint32(p, true) !== CENTRAL_HEADER) fail(`central directory entry ${i} not found`);
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, date, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 > start || view.getUint32(local, true) !== LOCAL_HEADER) fail(`local header of entry ${i} not found`);
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, date, true);
    p += CENTRAL_HEADER_SIZE + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}
