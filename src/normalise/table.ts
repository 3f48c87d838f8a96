/**
 * The valid records of one extract, stored by column (see columns.ts), with
 * the key index used to tell duplicates from conflicting rows.
 *
 * A record handed to a measure is a small view over its row: a field is read
 * from its column only when asked for, so a measure that needs two dates of
 * ten million contacts never decodes their identifiers.
 */
import {
  ArenaColumn,
  type Column,
  type ColumnState,
  DictColumn,
  IntColumn,
  KeyIndex,
  LineColumn,
  type LineState,
  restoreColumn,
} from './columns.js';
import { type Cell, type ExtractDef, type FieldDef, keyOfCells, keyPositions, sameValue } from './define.js';
import type { RecordTypes, ExtractName } from './extracts.js';

export type { Cell } from './define.js';

function columnFor(field: FieldDef, foldCase = true): Column {
  if (field.type === 'date' || field.type === 'flag' || field.type === 'number') return new IntColumn();
  if (field.distinct) return new ArenaColumn();
  return new DictColumn(foldCase);
}

/** Read-only view of an extract's valid records, as measures see them. */
export interface Records<R> extends Iterable<R> {
  readonly length: number;
  get(i: number): R;
  /** Whether the extract's header had this column at all. */
  hasColumn(name: string): boolean;
  /**
   * How many data rows the source had, valid or not; undefined when not
   * known. Rows read but no record means every row was rejected.
   */
  readonly rowsRead?: number | undefined;
}

/** A sealed record table as plain data (see RecordTable.snapshot). */
export interface TableState {
  readonly present: readonly string[];
  readonly columns: readonly ColumnState[];
  readonly lines: LineState;
}

/** Seeds that keep keys made of an id apart from keys made of several columns. */
const ID_SEED = 0x811c9dc5;
const COMPOSITE_SEED = 0x050c5d1f;

/** The constructor of an extract's record views: `new View(row)`. */
type ViewClass = new (row: number) => object;

export class RecordTable<N extends ExtractName> implements Records<RecordTypes[N]> {
  readonly def: ExtractDef;
  private columns: Column[];
  private lines: LineColumn = new LineColumn();
  /** Rows replaced by a later row with the same key (keep-last): removed when the table is sealed. */
  private replaced: Set<number> | undefined;
  /** Until the extract has been read: the key index, which nothing needs afterwards. */
  private index: KeyIndex | undefined = new KeyIndex();
  private readonly keyPos: number;
  private readonly compositePos: number[];
  private readonly withPos: number[];
  private readonly present: ReadonlySet<string>;
  private View: ViewClass;
  /** Data rows of the source, valid or not: set once the extract has been read. */
  rowsRead: number | undefined = undefined;

  /**
   * @param present the canonical names of the columns the file's header has.
   * @param foldCase false: names that differ only in letter case are kept
   *   apart (see DictColumn), for a part of a split file.
   */
  constructor(def: ExtractDef, present: ReadonlySet<string>, columns?: Column[], lines?: LineColumn, foldCase = true) {
    this.def = def;
    this.present = present;
    this.columns = columns ?? def.fields.map((f) => columnFor(f, foldCase));
    if (lines) this.lines = lines;
    ({ keyPos: this.keyPos, compositePos: this.compositePos, withPos: this.withPos } = keyPositions(def));
    this.View = this.viewClass();
  }

  get length(): number {
    return this.lines.length;
  }

  hasColumn(name: string): boolean {
    return this.present.has(name);
  }

  /**
   * The display key of a row of cells: its id when it has one, otherwise the
   * composite columns joined by `|` (dates as yyyy-mm-dd).
   */
  keyOfCells(cells: readonly Cell[]): string {
    return keyOfCells(this.def, cells, this.keyPos, this.compositePos, this.withPos);
  }

  /** Hash of a row's key (from keyOfCells): ids and composite keys hash apart. */
  keyHash(cells: readonly Cell[], key: string): number {
    return KeyIndex.hash(key, typeof cells[this.keyPos] === 'string' ? ID_SEED : COMPOSITE_SEED);
  }

  /** The row holding the same key as `cells`, or -1. */
  findKey(cells: readonly Cell[], hash: number): number {
    const index = this.openIndex();
    for (let slot = index.first(hash); slot >= 0; slot = index.next(slot, hash)) {
      const row = index.rowAt(slot);
      if (this.replaced?.has(row)) continue;
      if (this.sameKey(row, cells)) return row;
    }
    return -1;
  }

  /** Stored row `row` is replaced by a later one with its key: it is no record once the table is sealed. */
  replace(row: number): void {
    (this.replaced ??= new Set()).add(row);
  }

  private sameKey(row: number, cells: readonly Cell[]): boolean {
    const id = cells[this.keyPos];
    // An extract keyed by its composite only has no key column (keyPos -1).
    const stored = this.keyPos < 0 ? null : this.columns[this.keyPos]!.get(row);
    if (typeof id === 'string' || stored !== null) {
      if (!sameValue(stored, id)) return false;
      for (const pos of this.withPos) if (!sameValue(this.columns[pos]!.get(row), cells[pos])) return false;
      return true;
    }
    for (const pos of this.compositePos) if (!sameValue(this.columns[pos]!.get(row), cells[pos])) return false;
    return true;
  }

  /** Whether stored row `row` has the same cells (text compared without regard to case). */
  sameCells(row: number, cells: readonly Cell[]): boolean {
    for (let c = 0; c < this.columns.length; c++) {
      if (!sameValue(this.columns[c]!.get(row), cells[c])) return false;
    }
    return true;
  }

  /** Appends a valid row; the caller has checked its key is new. */
  append(cells: readonly Cell[], line: number, hash: number): number {
    const row = this.lines.length;
    for (let c = 0; c < this.columns.length; c++) {
      (this.columns[c] as { push(v: Cell): void }).push(cells[c] ?? null);
    }
    this.lines.push(line);
    this.openIndex().add(hash, row);
    return row;
  }

  /**
   * Indexes the keys of rows `from`, `from + 1` ... of a table to be
   * appended (see appendRows), by their hashes, as long as no row may hold
   * the same key: returns the first row that may (not indexed), or `to`.
   * Row `from` is to be appended as row `at`.
   */
  indexNewKeys(hashes: Uint32Array, from: number, to: number, at: number): number {
    return this.openIndex().addNew(hashes, from, to, at);
  }

  /**
   * Appends rows `from` to `to` (exclusive) of `source` (a table of the same
   * extract), as their cells would be appended one by one, their lines
   * moved on by `by`, a column at a time; `codes` holds one array per
   * column for the dictionary columns (see DictColumn.pushRange). Their
   * keys are indexed beforehand (indexNewKeys), so that the rows after them
   * can be checked against them before they are copied.
   */
  appendRows(source: RecordTable<N>, from: number, to: number, by: number, codes: readonly (Int32Array | undefined)[]): void {
    if (to <= from) return;
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c]!;
      const theirs = source.columns[c]!;
      if (column instanceof IntColumn) column.pushRange(theirs as IntColumn, from, to);
      else if (column instanceof DictColumn) column.pushRange(theirs as DictColumn, from, to, codes[c]!);
      else column.pushRange(theirs as ArenaColumn, from, to);
    }
    this.lines.pushRange(source.lines, from, to, by);
  }

  /**
   * Lets the memory of the rows before `row` (a multiple of 65,536) go, for
   * a table read once from start to end and then dropped (a part of a split
   * file being merged): those rows are never read again.
   */
  release(row: number): void {
    for (const column of this.columns) column.release(row);
  }

  /** For appendRows: one code array per dictionary column of `source`. */
  codeMaps(source: RecordTable<N>): (Int32Array | undefined)[] {
    return source.columns.map((c) => (c instanceof DictColumn ? new Int32Array(c.size + 1) : undefined));
  }

  /**
   * Appends a row without looking at its key: for a part of a split file,
   * whose keys are checked when it is merged (see split.ts).
   */
  appendUnkeyed(cells: readonly Cell[], line: number): void {
    for (let c = 0; c < this.columns.length; c++) {
      (this.columns[c] as { push(v: Cell): void }).push(cells[c] ?? null);
    }
    this.lines.push(line);
  }

  /** Expects about this many rows in all (see KeyIndex.reserve). */
  reserve(rows: number): void {
    this.openIndex().reserve(rows);
  }

  /**
   * Respells the names and identifiers held in dictionaries (team, worker ...):
   * `spelling(column, value)` gives the spelling to show for each distinct value of a column.
   */
  respellNames(spelling: (column: string, value: string) => string): void {
    this.def.fields.forEach((field, c) => {
      const column = this.columns[c];
      if ((field.type === 'id' || field.type === 'text') && column instanceof DictColumn) column.respell((value) => spelling(field.name, value));
    });
  }

  /** Frees the key index once the whole extract has been read (a quarter of the memory at scale). */
  seal(): void {
    this.index = undefined;
    if (this.replaced?.size) this.compact(this.replaced);
    this.replaced = undefined;
    for (const column of this.columns) if (column instanceof DictColumn) column.seal();
  }

  /** Copies every row but the replaced ones into fresh columns, in file order. */
  private compact(replaced: ReadonlySet<number>): void {
    const columns = this.def.fields.map((f) => columnFor(f));
    const lines = new LineColumn();
    for (let row = 0; row < this.length; row++) {
      if (replaced.has(row)) continue;
      for (let c = 0; c < columns.length; c++) (columns[c] as { push(v: Cell): void }).push(this.columns[c]!.get(row));
      lines.push(this.lines.get(row));
    }
    this.columns = columns;
    this.lines = lines;
    this.View = this.viewClass();
  }

  private openIndex(): KeyIndex {
    if (!this.index) throw new Error('internal: the record table was sealed when its extract was read');
    return this.index;
  }

  /** The table as plain data, once sealed, to move it to another thread. */
  snapshot(): TableState {
    if (this.index) throw new Error('internal: only a sealed table can be moved');
    return { present: [...this.present], columns: this.columns.map((c) => c.snapshot()), lines: this.lines.snapshot() };
  }

  /** A sealed table from `snapshot()`. */
  static restore<N extends ExtractName>(def: ExtractDef, state: TableState): RecordTable<N> {
    const table = new RecordTable<N>(def, new Set(state.present), state.columns.map(restoreColumn), LineColumn.restore(state.lines));
    table.seal();
    return table;
  }

  /** Line of the file that row `row` came from. */
  line(row: number): number {
    return this.lines.get(row);
  }

  /** The cells of a stored row, in field order. */
  cells(row: number): Cell[] {
    return this.columns.map((col) => col.get(row));
  }

  get(row: number): RecordTypes[N] {
    return new this.View(row) as RecordTypes[N];
  }

  [Symbol.iterator](): Iterator<RecordTypes[N]> {
    // A plain iterator rather than a generator: measures walk millions of records with it.
    const View = this.View;
    const n = this.length;
    let i = 0;
    return {
      next: (): IteratorResult<RecordTypes[N]> =>
        i < n ? { done: false, value: new View(i++) as RecordTypes[N] } : { done: true, value: undefined },
    };
  }

  /**
   * A class whose instances are records: `line`, `key` and one getter per
   * field, each reading the row's cell from its column when first asked.
   */
  private viewClass(): ViewClass {
    const table = this;
    class View {
      // Declared, not a class field: set by plain assignment, which is cheaper for an object made per record.
      declare readonly row: number;
      constructor(row: number) {
        this.row = row;
      }
      get line(): number {
        return table.line(this.row);
      }
      get key(): string {
        return table.keyOfCells(table.cells(this.row));
      }
    }
    this.def.fields.forEach((field, c) => {
      const column = this.columns[c]!;
      const get =
        field.type === 'flag'
          ? function (this: View) {
              const v = column.get(this.row);
              return v === null ? null : v === 1;
            }
          : field.type === 'number'
            ? function (this: View) {
                const v = column.get(this.row);
                return v === null ? null : (v as number) / 1000;
              }
            : function (this: View) {
              return column.get(this.row);
            };
      Object.defineProperty(View.prototype, field.prop, { get, enumerable: true, configurable: false });
    });
    return View;
  }
}
