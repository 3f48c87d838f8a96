/**
 * Turning an extract's bytes into text.
 *
 * Spreadsheets save CSV as UTF-8 (with or without a byte order mark), as
 * UTF-16 with a byte order mark ("Unicode text"), or as Windows-1252 ("CSV"
 * on a Windows PC in the UK). With `auto`, a byte order mark decides; without
 * one the bytes must be UTF-8, and the caller may try Windows-1252 when they
 * are not (see NotUtf8Error). Bytes that mean nothing in the encoding are an
 * error naming the byte offset: text is never guessed into mojibake. The
 * error is data (encoding, offset, byte); src/report/wording.ts words it.
 */
import { isUtf8 } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export type EncodingSetting = Encoding | 'auto';

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

export function encodingName(e: Encoding): string {
  return ENCODING_NAMES[e];
}

/** Bytes that cannot be read in the encoding. */
export class DecodeError extends Error {
  override readonly name: string = 'DecodeError';
  constructor(
    /** 0-based offset of the first bad byte in the file. */
    readonly offset: number,
    readonly encoding: Encoding,
    /** The value of that byte. */
    readonly byte: number,
  ) {
    super(`byte ${offset} (0x${byte.toString(16)}) cannot be read as ${ENCODING_NAMES[encoding]}`);
  }
}

/** The file has no byte order mark and is not UTF-8; it may be Windows-1252. */
export class NotUtf8Error extends DecodeError {
  override readonly name = 'NotUtf8Error';
}

/** Windows-1252 leaves these five bytes undefined. */
const UNDEFINED_1252 = new Uint8Array(256);
for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) UNDEFINED_1252[b] = 1;

/** Offset of the first byte that breaks UTF-8 in `b` (which is known not to be valid). */
function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined) return i;
      if ((n & 0xc0) !== 0x80) return i;
    }
    // Overlong forms and surrogates; isUtf8 refused the buffer for one of these if nothing else.
    if (need === 2 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f))) return i;
    if (need === 3 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f))) return i;
    i += need + 1;
  }
  return b.length;
}

/** Bytes at the end of `b` that begin an unfinished UTF-8 sequence. */
function unfinishedTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: keep looking back
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

function bomOf(b: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * UTF-16 saved without a byte order mark: in CSV text nearly every other
 * byte is zero. Text in any 8-bit encoding never looks like that.
 */
function utf16WithoutBom(b: Uint8Array): Encoding | undefined {
  const pairs = Math.min(256, Math.floor(b.length / 2));
  if (pairs < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (b[2 * i] === 0 && b[2 * i + 1] !== 0) evenZero++;
    if (b[2 * i + 1] === 0 && b[2 * i] !== 0) oddZero++;
  }
  // Mostly zeros on one side (a few characters above U+00FF, such as €, have none) and none on the other.
  if (evenZero === 0 && oddZero >= pairs * 0.75) return 'utf-16le';
  if (oddZero === 0 && evenZero >= pairs * 0.75) return 'utf-16be';
  return undefined;
}

/**
 * The encoding a file whose first bytes (512 or more, or the whole file)
 * are `first` is read in: the setting, or with `auto` what its byte order
 * mark says, else UTF-16 when it looks like UTF-16 without one, else UTF-8
 * (and Windows-1252 only once UTF-8 has failed).
 */
export function encodingOf(first: Uint8Array, setting: EncodingSetting): Encoding {
  if (setting !== 'auto') return setting;
  return bomOf(first)?.encoding ?? utf16WithoutBom(first) ?? 'utf-8';
}

/**
 * A stream that turns an extract's bytes into UTF-8. With `auto` and no byte order mark,
 * bytes that are not UTF-8 raise NotUtf8Error so the caller can start again
 * as Windows-1252.
 */
export class Decoder extends Transform {
  /** The encoding in use, once known. */
  encoding: Encoding | undefined;
  private readonly setting: EncodingSetting;
  private head = Buffer.alloc(0);
  private carry = Buffer.alloc(0);
  private offset = 0;
  /** A byte order mark fixed the encoding: then a bad byte is an error, not a cue to try Windows-1252. */
  private marked = false;
  private utf16: TextDecoder | undefined;
  private readonly cp1252 = new TextDecoder('windows-1252');

  constructor(setting: EncodingSetting) {
    // Bytes in, UTF-8 bytes out: csv-parse reads bytes, so UTF-8 input passes
    // straight through once checked, and only other encodings are converted.
    super({ readableObjectMode: false, decodeStrings: true });
    this.setting = setting;
    if (setting !== 'auto') this.begin(setting);
  }

  private begin(encoding: Encoding): void {
    this.encoding = encoding;
    if (encoding === 'utf-16le' || encoding === 'utf-16be') this.utf16 = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (this.encoding === undefined) {
        // Wait for enough bytes to see a byte order mark, or UTF-16 without one.
        this.head = Buffer.concat([this.head, chunk]);
        if (this.head.length < 512) return done();
        const bytes = this.start(this.head);
        this.head = Buffer.alloc(0);
        return done(null, bytes);
      }
      done(null, this.decode(chunk, false));
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      const first = this.encoding === undefined ? this.start(this.head) : Buffer.alloc(0);
      done(null, Buffer.concat([first, this.decode(Buffer.alloc(0), true)]));
    } catch (e) {
      done(e as Error);
    }
  }

  /** Chooses the encoding from the first bytes (auto) and decodes them. */
  private start(first: Buffer): Buffer {
    const bom = bomOf(first);
    this.marked = bom !== undefined;
    this.begin(bom?.encoding ?? utf16WithoutBom(first) ?? 'utf-8');
    if (bom && bom.encoding === 'utf-8') {
      this.offset += bom.length;
      return this.decode(first.subarray(bom.length), false);
    }
    return this.decode(first, false);
  }

  private decode(chunk: Buffer, last: boolean): Buffer {
    const encoding = this.encoding!;
    if (encoding === 'utf-8') {
      const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
      const keep = last ? 0 : unfinishedTail(bytes);
      const whole = bytes.subarray(0, bytes.length - keep);
      if (!isUtf8(whole)) {
        const bad = firstBadUtf8(whole);
        const at = this.offset + bad;
        const byte = whole[bad] ?? 0;
        throw this.setting === 'auto' && !this.marked ? new NotUtf8Error(at, 'utf-8', byte) : new DecodeError(at, 'utf-8', byte);
      }
      this.carry = Buffer.from(bytes.subarray(bytes.length - keep));
      this.offset += whole.length;
      return whole;
    }
    if (encoding === 'windows-1252') {
      for (let i = 0; i < chunk.length; i++) {
        if (UNDEFINED_1252[chunk[i]!] === 1) {
          throw new DecodeError(this.offset + i, encoding, chunk[i]!);
        }
      }
      this.offset += chunk.length;
      return Buffer.from(this.cp1252.decode(chunk), 'utf8');
    }
    try {
      const text = this.utf16!.decode(chunk, { stream: !last });
      this.offset += chunk.length;
      return Buffer.from(text, 'utf8');
    } catch {
      throw new DecodeError(this.offset, encoding, chunk[0] ?? 0);
    }
  }
}
