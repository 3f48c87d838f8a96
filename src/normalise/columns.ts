/**
 * Compact column storage for normalised records.
 *
 * Ten million contacts held as JavaScript objects would take several
 * gigabytes. Columns instead hold numbers in typed arrays grown in fixed
 * chunks (never copied as they grow), repeated text as dictionary codes, and
 * near-unique identifiers as UTF-8 bytes in an arena.
 */

const CHUNK_BITS = 16;
/** Slots in a dictionary column's cache of recently seen values (a power of two). */
const CACHE_SLOTS = 4096;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

/**
 * Chunks and blocks let go by `release` (a table being merged into another),
 * taken by the next column that needs one; emptied by `dropSpares`.
 */
const spare = { ints: [] as Int32Array[], halves: [] as Int16Array[], shorts: [] as Uint16Array[], refs: [] as Uint32Array[], blocks: [] as Buffer[] };

/** Lets go of the chunks released and not taken again (once a merge is over). */
export function dropSpares(): void {
  spare.ints.length = 0;
  spare.halves.length = 0;
  spare.shorts.length = 0;
  spare.refs.length = 0;
  spare.blocks.length = 0;
}

/** What a released chunk is replaced with (see IntColumn.release). */
const RELEASED_INTS = new Int32Array(0);
const RELEASED_REFS = new Uint32Array(0);
const RELEASED_BLOCK = Buffer.alloc(0);

/** The smallest int16: a blank in a narrow integer column. */
const NULL16 = -32768;

/**
 * Integer column (dates as days since 1970, flags, numbers in thousandths).
 * Held in two bytes a row while every value fits (days from 1880 to 2059,
 * flags, small numbers), in four from the first that does not; `null` is
 * the smallest value of the width in use.
 */
export class IntColumn {
  static readonly NULL = -2147483648;
  private chunks: (Int16Array | Int32Array)[] = [];
  private wide = false;
  length = 0;

  push(v: number | null): void {
    if (v !== null && !this.wide && (v <= NULL16 || v > 32767)) this.widen();
    const i = this.length++;
    if ((i & MASK) === 0) this.addChunk();
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = v === null ? (this.wide ? IntColumn.NULL : NULL16) : v;
  }

  get(i: number): number | null {
    const v = this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
    return v === (this.wide ? IntColumn.NULL : NULL16) ? null : v;
  }

  /**
   * Appends rows `from` to `to` (exclusive) of another column of the same
   * kind, as pushing each of their values would, a slice of a chunk at a time.
   */
  pushRange(source: IntColumn, from: number, to: number): void {
    if (source.wide && !this.wide) this.widen();
    // Narrow values into a wide column: each blank becomes the wide blank.
    const convert = this.wide && !source.wide;
    for (let i = from; i < to; ) {
      const at = this.length;
      if ((at & MASK) === 0) this.addChunk();
      const into = this.chunks[at >>> CHUNK_BITS]!;
      const d = at & MASK;
      const chunk = source.chunks[i >>> CHUNK_BITS]!;
      const s = i & MASK;
      const n = Math.min(to - i, CHUNK - d, CHUNK - s);
      if (convert) {
        for (let j = 0; j < n; j++) {
          const v = chunk[s + j]!;
          into[d + j] = v === NULL16 ? IntColumn.NULL : v;
        }
      } else into.set(chunk.subarray(s, s + n), d);
      this.length += n;
      i += n;
    }
  }

  /** A chunk for the next 65,536 rows, of the width in use (a spare one if any). */
  private addChunk(): void {
    this.chunks.push(this.wide ? (spare.ints.pop() ?? new Int32Array(CHUNK)) : (spare.halves.pop() ?? new Int16Array(CHUNK)));
  }

  /** From two bytes a row to four, blanks kept blank. */
  private widen(): void {
    this.wide = true;
    this.chunks = this.chunks.map((c) => {
      const wide = new Int32Array(c.length);
      for (let j = 0; j < c.length; j++) wide[j] = c[j] === NULL16 ? IntColumn.NULL : c[j]!;
      return wide;
    });
  }

  /**
   * Lets the memory of the rows before `row` (a multiple of the chunk size)
   * go: they are never read again. Their chunks become the next ones any
   * column starts (see `spare`), so a table merged into another is not held
   * twice while the collector has not yet run.
   */
  release(row: number): void {
    for (let k = 0; k < row >>> CHUNK_BITS; k++) {
      const chunk = this.chunks[k]!;
      if (chunk.length === CHUNK) (chunk instanceof Int16Array ? spare.halves : spare.ints).push(chunk as Int16Array & Int32Array);
      this.chunks[k] = RELEASED_INTS;
    }
  }

  snapshot(): IntState {
    return { kind: 'int', length: this.length, chunks: this.chunks, wide: this.wide };
  }

  static restore(state: IntState): IntColumn {
    const column = new IntColumn();
    for (const chunk of state.chunks) column.chunks.push(chunk);
    column.wide = state.wide;
    column.length = state.length;
    return column;
  }
}

/**
 * Text with few distinct values (teams, workers, sources), stored as
 * dictionary codes: two bytes a row while there are fewer than 65,535
 * distinct values, four beyond that.
 */
export class DictColumn {
  private chunks: (Uint16Array | Int32Array)[] = [];
  private wide = false;
  private readonly index = new Map<string, number>();
  /** Each value upper-cased → its code: spellings that differ only in case share the first one's. */
  private readonly folded = new Map<string, number>();
  private readonly values: string[] = [];
  // A direct-mapped cache in front of the Map: a value is placed by its
  // length and a few of its characters, so finding a repeated value costs a
  // string comparison, not hashing every freshly parsed string for the Map.
  private readonly cached: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS);
  private readonly cachedCodes = new Int32Array(CACHE_SLOTS);
  length = 0;

  /**
   * @param foldCase false keeps every spelling as it is (`Team A` and
   *   `TEAM A` two values): for a part of a split file, whose rows are
   *   spelt again when merged in file order (see split.ts).
   */
  constructor(private readonly foldCase = true) {}

  push(v: string | null): void {
    const code = v === null ? 0 : this.codeOf(v); // 0 is blank; value k is stored as k + 1
    const i = this.length++;
    if ((i & MASK) === 0) this.addChunk();
    this.chunks[i >>> CHUNK_BITS]![i & MASK] = code;
  }

  /** A chunk for the next 65,536 rows, of the width in use (a spare one if any). */
  private addChunk(): void {
    this.chunks.push(this.wide ? (spare.ints.pop() ?? new Int32Array(CHUNK)) : (spare.shorts.pop() ?? new Uint16Array(CHUNK)));
  }

  private codeOf(v: string): number {
    const n = v.length;
    const slot =
      (n * 0x9e3779b1 + v.charCodeAt(0) * 0x85ebca6b + v.charCodeAt(n >>> 1) * 0xc2b2ae35 + v.charCodeAt(n - 1) * 0x27d4eb2f + v.charCodeAt(n - 2) * 0x165667b1) &
      (CACHE_SLOTS - 1);
    if (this.cached[slot] === v) return this.cachedCodes[slot]!;
    let k = this.index.get(v);
    if (k === undefined) {
      const upper = this.foldCase ? v.toUpperCase() : v;
      k = this.folded.get(upper);
      if (k === undefined) {
        k = this.values.length;
        this.values.push(v);
        this.folded.set(upper, k);
        if (k + 1 > 0xffff && !this.wide) this.widen();
      }
      this.index.set(v, k);
    }
    this.cached[slot] = this.values[k]!;
    this.cachedCodes[slot] = k + 1;
    return k + 1;
  }

  get(i: number): string | null {
    const code = this.chunks[i >>> CHUNK_BITS]![i & MASK]!;
    return code === 0 ? null : this.values[code - 1]!;
  }

  /**
   * Appends rows `from` to `to` (exclusive) of another dictionary column, as
   * pushing each of their values would, a slice of a chunk at a time:
   * `codes` (zeros to begin with, one slot per code of `source`) remembers
   * the code each of its values took here.
   */
  pushRange(source: DictColumn, from: number, to: number, codes: Int32Array): void {
    for (let i = from; i < to; ) {
      const at = this.length;
      if ((at & MASK) === 0) this.addChunk();
      const d = at & MASK;
      const chunk = source.chunks[i >>> CHUNK_BITS]!;
      const s = i & MASK;
      const n = Math.min(to - i, CHUNK - d, CHUNK - s);
      let into = this.chunks[at >>> CHUNK_BITS]!;
      for (let j = 0; j < n; j++) {
        const theirs = chunk[s + j]!;
        let code = 0;
        if (theirs !== 0) {
          code = codes[theirs]!;
          if (code === 0) {
            codes[theirs] = code = this.codeOf(source.values[theirs - 1]!);
            // A new value may have widened this column: its chunks are new arrays.
            into = this.chunks[at >>> CHUNK_BITS]!;
          }
        }
        into[d + j] = code;
      }
      this.length += n;
      i += n;
    }
  }

  /** As IntColumn.release. */
  release(row: number): void {
    for (let k = 0; k < row >>> CHUNK_BITS; k++) {
      const chunk = this.chunks[k]!;
      if (chunk.length === CHUNK) (chunk instanceof Uint16Array ? spare.shorts : spare.ints).push(chunk as Uint16Array & Int32Array);
      this.chunks[k] = RELEASED_INTS;
    }
  }

  /** How many distinct values it holds (codes run from 1 to this). */
  get size(): number {
    return this.values.length;
  }

  private widen(): void {
    this.wide = true;
    this.chunks = this.chunks.map((c) => Int32Array.from(c));
  }

  /**
   * Drops what only adding values needs (the value-to-code Map and its
   * cache): a column of a million child ids saves some 50 MB.
   */
  seal(): void {
    this.index.clear();
    this.folded.clear();
    this.cached.fill(undefined);
  }

  /** The distinct values, in the order first seen (blank aside). */
  dictionary(): readonly string[] {
    return this.values;
  }

  /** Changes how each distinct value is spelt (`respell(k)` for the k-th), leaving which rows share it alone. */
  respell(spelling: (value: string, k: number) => string): void {
    for (let k = 0; k < this.values.length; k++) this.values[k] = spelling(this.values[k]!, k);
  }

  snapshot(): DictState {
    return { kind: 'dict', length: this.length, chunks: this.chunks, wide: this.wide, values: this.values };
  }

  /** A column to read from (its dictionary index is not rebuilt: nothing is added after loading). */
  static restore(state: DictState): DictColumn {
    const column = new DictColumn();
    column.chunks = state.chunks;
    column.wide = state.wide;
    // A loop, not push(...values): a dictionary can hold a million values.
    for (const v of state.values) column.values.push(v);
    column.length = state.length;
    return column;
  }
}

const BLOCK_BITS = 20;
const BLOCK_BYTES = 1 << BLOCK_BITS;
/** Longest value kept in the arena (a one-byte length prefix); longer ones go to an overflow map. */
const MAX_ARENA_BYTES = 255;
const NO_VALUE = 0xffffffff;
const OVERFLOW = 0xfffffffe;
/** Offsets are 32-bit: 4,095 blocks of 1 MiB, short of the two markers above. */
const MAX_BLOCKS = 4095;

/**
 * Writes a short ASCII string byte by byte (much cheaper than a native call
 * for ten characters); undefined, having written nothing that matters, when
 * the string is not ASCII.
 */
function writeAscii(block: Buffer, at: number, v: string): number | undefined {
  for (let j = 0; j < v.length; j++) {
    const c = v.charCodeAt(j);
    if (c > 0x7f) return undefined;
    block[at + j] = c;
  }
  return v.length;
}

/**
 * Near-unique text (record keys, child ids) as UTF-8 bytes in 1 MiB arena
 * blocks, each value preceded by its length in one byte. A row keeps only
 * the value's offset (four bytes); values over 255 bytes are kept aside.
 */
export class ArenaColumn {
  private readonly blocks: Buffer[] = [];
  private block: Buffer = Buffer.alloc(0);
  private used = BLOCK_BYTES;
  private readonly refs: Uint32Array[] = [];
  private readonly long = new Map<number, string>();
  length = 0;

  push(v: string | null): void {
    const i = this.length++;
    if ((i & MASK) === 0) this.addRefs();
    this.refs[i >>> CHUNK_BITS]![i & MASK] = v === null ? NO_VALUE : this.store(i, v);
  }

  private store(i: number, v: string): number {
    // A UTF-16 code unit is at most three UTF-8 bytes.
    const full = this.blocks.length >= MAX_BLOCKS && this.used + 1 + v.length * 3 > BLOCK_BYTES;
    if (full || (v.length * 3 > MAX_ARENA_BYTES && Buffer.byteLength(v) > MAX_ARENA_BYTES)) {
      this.long.set(i, v);
      return OVERFLOW;
    }
    if (this.used + 1 + v.length * 3 > BLOCK_BYTES) {
      this.addBlock();
    }
    const at = this.used;
    const n = writeAscii(this.block, at + 1, v) ?? this.block.write(v, at + 1, 'utf8');
    this.block[at] = n;
    this.used = at + 1 + n;
    return (this.blocks.length - 1) * BLOCK_BYTES + at;
  }

  /** Offsets for the next 65,536 rows (a spare array if any). */
  private addRefs(): void {
    this.refs.push(spare.refs.pop() ?? new Uint32Array(CHUNK));
  }

  /** A fresh block to store values in (a spare one if any). */
  private addBlock(): void {
    this.block = spare.blocks.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES);
    this.blocks.push(this.block);
    this.used = 0;
  }

  get(i: number): string | null {
    const ref = this.refs[i >>> CHUNK_BITS]![i & MASK]!;
    if (ref === NO_VALUE) return null;
    if (ref === OVERFLOW) return this.long.get(i)!;
    const block = this.blocks[ref >>> BLOCK_BITS]! as Buffer & { utf8Slice(start: number, end: number): string };
    const at = ref & (BLOCK_BYTES - 1);
    // Buffer's own decoder, without toString's argument checks: measures read ids millions of times.
    return block.utf8Slice(at + 1, at + 1 + block[at]!);
  }

  /** As IntColumn.release: the blocks only those rows use go too. */
  release(row: number): void {
    // Values are stored in row order: the blocks before the last one a released row uses serve no later row.
    for (let r = row - 1; r >= 0 && r >= row - CHUNK; r--) {
      const ref = this.refs[r >>> CHUNK_BITS]![r & MASK]!;
      if (ref >= OVERFLOW) continue;
      for (let b = 0; b < ref >>> BLOCK_BITS; b++) {
        const block = this.blocks[b]!;
        if (block.length === BLOCK_BYTES) spare.blocks.push(block);
        this.blocks[b] = RELEASED_BLOCK;
      }
      break;
    }
    for (let k = 0; k < row >>> CHUNK_BITS; k++) {
      const refs = this.refs[k]!;
      if (refs.length === CHUNK) spare.refs.push(refs);
      this.refs[k] = RELEASED_REFS;
    }
  }

  /**
   * Appends rows `from` to `to` (exclusive) of another arena column, as
   * pushing each of their values would, without making them strings: the
   * bytes of values that lie one after another in a block of `source` are
   * copied at once, as long as they fit in this column's block.
   */
  pushRange(source: ArenaColumn, from: number, to: number): void {
    // The bytes still to copy: [spanFrom, spanTo) of source block spanBlock (-1: none), to this.used on.
    // Plain locals, not a closure's: this loop runs for every row of a merge.
    let spanBlock = -1;
    let spanFrom = 0;
    let spanTo = 0;
    for (let i = from; i < to; i++) {
      const ref = source.refs[i >>> CHUNK_BITS]![i & MASK]!;
      const row = this.length;
      if (ref === NO_VALUE) {
        this.length++;
        if ((row & MASK) === 0) this.addRefs();
        this.refs[row >>> CHUNK_BITS]![row & MASK] = NO_VALUE;
        continue;
      }
      if (ref === OVERFLOW || this.blocks.length >= MAX_BLOCKS) {
        if (spanBlock >= 0) {
          source.blocks[spanBlock]!.copy(this.block, this.used, spanFrom, spanTo);
          this.used += spanTo - spanFrom;
          spanBlock = -1;
        }
        this.push(source.get(i));
        continue;
      }
      const b = ref >>> BLOCK_BITS;
      const at = ref & (BLOCK_BYTES - 1);
      const end = at + 1 + source.blocks[b]![at]!;
      if (b !== spanBlock || at !== spanTo || this.used + (end - spanFrom) > BLOCK_BYTES) {
        if (spanBlock >= 0) {
          source.blocks[spanBlock]!.copy(this.block, this.used, spanFrom, spanTo);
          this.used += spanTo - spanFrom;
        }
        if (this.used + (end - at) > BLOCK_BYTES) {
          this.addBlock();
        }
        spanBlock = b;
        spanFrom = at;
      }
      spanTo = end;
      this.length++;
      if ((row & MASK) === 0) this.addRefs();
      this.refs[row >>> CHUNK_BITS]![row & MASK] = (this.blocks.length - 1) * BLOCK_BYTES + this.used + (at - spanFrom);
    }
    if (spanBlock >= 0) {
      source.blocks[spanBlock]!.copy(this.block, this.used, spanFrom, spanTo);
      this.used += spanTo - spanFrom;
    }
  }

  snapshot(): ArenaState {
    return { kind: 'arena', length: this.length, refs: this.refs, blocks: this.blocks, used: this.used, long: [...this.long] };
  }

  static restore(state: ArenaState): ArenaColumn {
    const column = new ArenaColumn();
    // Blocks arrive as plain byte arrays after a transfer between threads.
    for (const b of state.blocks) column.blocks.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    column.block = column.blocks[column.blocks.length - 1] ?? Buffer.alloc(0);
    column.used = column.blocks.length ? state.used : BLOCK_BYTES;
    for (const refs of state.refs) column.refs.push(refs);
    for (const [i, v] of state.long) column.long.set(i, v);
    column.length = state.length;
    return column;
  }
}

/**
 * Line numbers, which in a clean extract are the row number plus a constant
 * (the header and blank lines before). Only the rows where that offset
 * changes are kept (after a blank, rejected or multi-line row), so ten
 * million rows usually take a few bytes, not forty megabytes.
 */
export class LineColumn {
  /** Rows from which `offsets[k]` applies, ascending. */
  private readonly from: number[] = [];
  private readonly offsets: number[] = [];
  length = 0;

  push(line: number): void {
    this.extend(line - this.length, 1);
  }

  /**
   * Appends the lines of rows `from` to `to` (exclusive) of another line
   * column, each moved on by `by` lines: one step per run of rows sharing
   * an offset, not one per row.
   */
  pushRange(source: LineColumn, from: number, to: number, by: number): void {
    for (let k = source.runOf(from), row = from; row < to; k++) {
      const end = Math.min(to, source.from[k + 1] ?? to);
      this.extend(source.offsets[k]! + by + row - this.length, end - row);
      row = end;
    }
  }

  get(row: number): number {
    return row + this.offsets[this.runOf(row)]!;
  }

  /** Appends `count` rows whose line is their row number plus `offset`. */
  private extend(offset: number, count: number): void {
    if (this.offsets.length === 0 || this.offsets[this.offsets.length - 1] !== offset) {
      this.from.push(this.length);
      this.offsets.push(offset);
    }
    this.length += count;
  }

  /** The run of rows holding row `row`: the last whose first row is at or before it. */
  private runOf(row: number): number {
    let lo = 0;
    let hi = this.from.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.from[mid]! <= row) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  snapshot(): LineState {
    return { kind: 'lines', length: this.length, from: this.from, offsets: this.offsets };
  }

  static restore(state: LineState): LineColumn {
    const column = new LineColumn();
    for (let k = 0; k < state.from.length; k++) {
      column.from.push(state.from[k]!);
      column.offsets.push(state.offsets[k]!);
    }
    column.length = state.length;
    return column;
  }
}

export interface LineState {
  readonly kind: 'lines';
  readonly length: number;
  readonly from: readonly number[];
  readonly offsets: readonly number[];
}

/** A column of any stored kind. */
export type Column = IntColumn | DictColumn | ArenaColumn;

/**
 * A column's contents as plain data, to move it between threads: typed
 * arrays and byte blocks travel without copying (see `transferables`).
 */
export interface IntState {
  readonly kind: 'int';
  readonly length: number;
  readonly chunks: readonly (Int16Array | Int32Array)[];
  /** Four bytes a row (else two). */
  readonly wide: boolean;
}
export interface DictState {
  readonly kind: 'dict';
  readonly length: number;
  readonly chunks: (Uint16Array | Int32Array)[];
  readonly wide: boolean;
  readonly values: readonly string[];
}
export interface ArenaState {
  readonly kind: 'arena';
  readonly length: number;
  readonly refs: readonly Uint32Array[];
  readonly blocks: readonly Uint8Array[];
  readonly used: number;
  readonly long: readonly (readonly [number, string])[];
}
export type ColumnState = IntState | DictState | ArenaState;

export function restoreColumn(state: ColumnState): Column {
  switch (state.kind) {
    case 'int':
      return IntColumn.restore(state);
    case 'dict':
      return DictColumn.restore(state);
    case 'arena':
      return ArenaColumn.restore(state);
  }
}

/** The memory a column state can hand over between threads instead of copying. */
export function transferables(state: ColumnState): ArrayBuffer[] {
  const views: ArrayBufferView[] = state.kind === 'arena' ? [...state.refs, ...state.blocks] : [...state.chunks];
  return views.map((v) => v.buffer as ArrayBuffer);
}

/**
 * An exact hash index from record key to row number, in typed arrays.
 * Keys are not stored here: on a hash match, the table compares the keys.
 */
export class KeyIndex {
  private rows: Int32Array;
  private hashes: Uint32Array;
  private size = 0;

  constructor(capacity = 1024) {
    this.rows = new Int32Array(capacity);
    this.hashes = new Uint32Array(capacity);
  }

  /** FNV-1a over UTF-16 code units, starting from `seed`. */
  static hash(key: string, seed = 0x811c9dc5): number {
    let h = seed;
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      // Without regard to letter case: keys that differ only in case are one key.
      if (c >= 97 && c <= 122) c -= 32;
      else if (c >= 128) c = key.charAt(i).toUpperCase().charCodeAt(0);
      h ^= c;
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /** The first slot holding this hash, or -1; go on with `next`. */
  first(hash: number): number {
    return this.probe(hash & (this.rows.length - 1), hash);
  }

  /** The next slot after `slot` holding this hash, or -1. */
  next(slot: number, hash: number): number {
    return this.probe((slot + 1) & (this.rows.length - 1), hash);
  }

  /** The row stored in a slot found by `first` or `next`. */
  rowAt(slot: number): number {
    return this.rows[slot]! - 1;
  }

  private probe(start: number, hash: number): number {
    const mask = this.rows.length - 1;
    for (let slot = start; ; slot = (slot + 1) & mask) {
      const stored = this.rows[slot]!;
      if (stored === 0) return -1;
      if (this.hashes[slot] === hash) return slot;
    }
  }

  /**
   * Makes room for `rows` keys at once, so that a large extract does not
   * pass through every doubling (each briefly holding two tables).
   */
  reserve(rows: number): void {
    let capacity = this.rows.length;
    while (rows * 10 > capacity * 7) capacity *= 2;
    if (capacity > this.rows.length) this.resize(capacity);
  }

  /**
   * Adds the hashes `hashes[from]`, `hashes[from + 1]` ... as rows `row`,
   * `row + 1` ..., as long as no hash is held yet: returns the position of
   * the first one that is (nothing added for it), or `to`. One probe a
   * hash both looks for it (as `first` would) and adds it.
   */
  addNew(hashes: Uint32Array, from: number, to: number, row: number): number {
    for (let i = from; i < to; i++) {
      if ((this.size + 1) * 10 > this.rows.length * 7) this.grow();
      const hash = hashes[i]!;
      const rows = this.rows;
      const mask = rows.length - 1;
      let slot = hash & mask;
      for (; rows[slot] !== 0; slot = (slot + 1) & mask) if (this.hashes[slot] === hash) return i;
      rows[slot] = row + (i - from) + 1;
      this.hashes[slot] = hash;
      this.size++;
    }
    return to;
  }

  /** Records that `row` holds a key with this hash; the key must not be present yet. */
  add(hash: number, row: number): void {
    if ((this.size + 1) * 10 > this.rows.length * 7) this.grow();
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
    this.resize(this.rows.length * 2);
  }

  private resize(capacity: number): void {
    const rows = this.rows;
    const hashes = this.hashes;
    this.rows = new Int32Array(capacity);
    this.hashes = new Uint32Array(capacity);
    for (let slot = 0; slot < rows.length; slot++) {
      if (rows[slot] !== 0) this.place(hashes[slot]!, rows[slot]!);
    }
  }
}
