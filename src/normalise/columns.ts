/**
 * Compact column storage for normalised records.
 *
 * Ten million contacts held as JavaScript objects would take several
 * gigabytes. Columns instead hold numbers in typed arrays grown in fixed
 * chunks (never copied as they grow), repeated text in a dictionary, and
 * near-unique identifiers as UTF-8 bytes in an arena.
 */

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/** Integer column; `null` is stored as the smallest int32. */
export class IntColumn {
  static readonly NULL = -2147483648;
  private readonly chunks: Int32Array[] = [];
  length = 0;

  push(v: number | null): void {
    const i = this.length++;
    if ((i & MASK) === 0) this.chunks.push(new Int32Array(CHUNK));
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = v === null ? IntColumn.NULL : v;
  }

  get(i: number): number | null {
    const v = this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
    return v === IntColumn.NULL ? null : v;
  }
}

/** Text with few distinct values (teams, workers, sources), stored as dictionary codes. */
export class DictColumn {
  private readonly codes = new IntColumn();
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];

  get length(): number {
    return this.codes.length;
  }

  push(v: string | null): void {
    if (v === null) {
      this.codes.push(null);
      return;
    }
    let code = this.index.get(v);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(v);
      this.index.set(v, code);
    }
    this.codes.push(code);
  }

  get(i: number): string | null {
    const code = this.codes.get(i);
    return code === null ? null : this.values[code]!;
  }
}

const ARENA_BYTES = 1 << 20;
/** Largest cell stored in the arena; longer identifiers go to an overflow list. */
const MAX_ARENA_STRING = 4096;

/**
 * Near-unique text (record keys, child ids) as UTF-8 bytes in 1 MiB arena
 * blocks. Each row keeps one number: block * 2^20 + offset, times 2^13,
 * plus the byte length (at most 4096; longer values are kept aside).
 */
export class ArenaColumn {
  private readonly blocks: Buffer[] = [];
  private block: Buffer = Buffer.alloc(0);
  private used = ARENA_BYTES;
  private readonly refs: Float64Array[] = [];
  private readonly long = new Map<number, string>();
  length = 0;

  push(v: string | null): void {
    const i = this.length++;
    if ((i & MASK) === 0) this.refs.push(new Float64Array(CHUNK));
    let ref: number;
    if (v === null) {
      ref = -1;
    } else if (v.length * 3 > MAX_ARENA_STRING) {
      this.long.set(i, v);
      ref = -2;
    } else {
      if (this.used + v.length * 3 > ARENA_BYTES) {
        this.block = Buffer.allocUnsafe(ARENA_BYTES);
        this.blocks.push(this.block);
        this.used = 0;
      }
      const n = this.block.write(v, this.used, 'utf8');
      ref = ((this.blocks.length - 1) * ARENA_BYTES + this.used) * 8192 + n;
      this.used += n;
    }
    this.refs[i >>> CHUNK_BITS]![i & MASK] = ref;
  }

  get(i: number): string | null {
    const ref = this.refs[i >>> CHUNK_BITS]![i & MASK]!;
    if (ref === -1) return null;
    if (ref === -2) return this.long.get(i)!;
    const n = ref % 8192;
    const at = (ref - n) / 8192;
    const block = Math.floor(at / ARENA_BYTES);
    const offset = at - block * ARENA_BYTES;
    return this.blocks[block]!.toString('utf8', offset, offset + n);
  }
}

/** A column of any stored kind. */
export type Column = IntColumn | DictColumn | ArenaColumn;

/**
 * An exact hash index from record key to row number, in typed arrays.
 * Keys are not stored here: on a hash match, `sameKey(row)` asks the table.
 */
export class KeyIndex {
  private rows: Int32Array;
  private hashes: Uint32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.rows = new Int32Array(capacity);
    this.hashes = new Uint32Array(capacity);
  }

  /** FNV-1a over UTF-16 code units. */
  static hash(key: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /** The row already holding `key`, or -1. */
  find(hash: number, sameKey: (row: number) => boolean): number {
    const mask = this.rows.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.rows[slot]!;
      if (stored === 0) return -1;
      if (this.hashes[slot] === hash && sameKey(stored - 1)) return stored - 1;
    }
  }

  /** Records that `row` holds a key with this hash; the key must not be present yet. */
  add(hash: number, row: number): void {
    if ((this.size + 1) * 2 > this.rows.length) this.grow();
    this.place(hash, row + 1);
    this.size++;
  }

  private place(hash: number, stored: number): void {
    const mask = this.rows.length - 1;
    let slot = hash & mask;
    while (this.rows[slot] !== 0) slot = (slot + 1) & mask;
    this.rows[slot] = stored;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const rows = this.rows;
    const hashes = this.hashes;
    this.rows = new Int32Array(rows.length * 2);
    this.hashes = new Uint32Array(rows.length * 2);
    for (let slot = 0; slot < rows.length; slot++) {
      if (rows[slot] !== 0) this.place(hashes[slot]!, rows[slot]!);
    }
  }
}
