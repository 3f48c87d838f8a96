/**
 * The valid records of one extract, stored by column (see columns.ts), with
 * the key index used to tell duplicates from conflicting rows.
 */
import { formatDay } from '../core/day.js';
import { ArenaColumn, type Column, DictColumn, IntColumn, KeyIndex } from './columns.js';
import type { ExtractDef, FieldDef, RecordTypes, ExtractName } from './extracts.js';

/** A normalised cell: text, a day number, a flag (1/0), or blank. */
export type Cell = string | number | null;

function columnFor(field: FieldDef): Column {
  if (field.type === 'date' || field.type === 'flag') return new IntColumn();
  if (field.distinct) return new ArenaColumn();
  return new DictColumn();
}

/** Read-only view of an extract's valid records, as measures see them. */
export interface Records<R> extends Iterable<R> {
  readonly length: number;
  get(i: number): R;
  /** Whether the extract's header had this column at all. */
  hasColumn(name: string): boolean;
}

export class RecordTable<N extends ExtractName> implements Records<RecordTypes[N]> {
  readonly def: ExtractDef;
  private readonly columns: Column[];
  private readonly lines = new IntColumn();
  private readonly index = new KeyIndex();
  private readonly keyPos: number;
  private readonly compositePos: number[];
  private readonly present: ReadonlySet<string>;

  /** @param present the canonical names of the columns the file's header has. */
  constructor(def: ExtractDef, present: ReadonlySet<string>) {
    this.def = def;
    this.present = present;
    this.columns = def.fields.map(columnFor);
    this.keyPos = def.fields.findIndex((f) => f.name === def.keyField);
    this.compositePos = def.compositeKey.map((name) => def.fields.findIndex((f) => f.name === name));
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
    const id = cells[this.keyPos];
    if (typeof id === 'string') return id;
    return this.compositePos
      .map((pos) => {
        const v = cells[pos];
        if (v === null || v === undefined) return '';
        return this.def.fields[pos]!.type === 'date' ? formatDay(v as number) : String(v);
      })
      .join('|');
  }

  /** The row holding the same key as `cells`, or -1. */
  findKey(cells: readonly Cell[], hash: number): number {
    const hasId = typeof cells[this.keyPos] === 'string';
    return this.index.find(hash, (row) => {
      if ((this.columns[this.keyPos]!.get(row) !== null) !== hasId) return false;
      if (hasId) return this.columns[this.keyPos]!.get(row) === cells[this.keyPos];
      return this.compositePos.every((pos) => this.columns[pos]!.get(row) === cells[pos]);
    });
  }

  /** Hash of a row's key: ids and composite keys live in separate spaces. */
  static keyHash(key: string, isId: boolean): number {
    return KeyIndex.hash(isId ? `i${key}` : `c${key}`);
  }

  /** Whether stored row `row` has exactly these cells. */
  sameCells(row: number, cells: readonly Cell[]): boolean {
    for (let c = 0; c < this.columns.length; c++) {
      if (this.columns[c]!.get(row) !== cells[c]) return false;
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
    this.index.add(hash, row);
    return row;
  }

  /** Line of the file that row `row` came from. */
  line(row: number): number {
    return this.lines.get(row)!;
  }

  /** The cells of a stored row, in field order. */
  cells(row: number): Cell[] {
    return this.columns.map((col) => col.get(row));
  }

  get(row: number): RecordTypes[N] {
    const cells = this.cells(row);
    const rec: Record<string, unknown> = { line: this.line(row), key: this.keyOfCells(cells) };
    this.def.fields.forEach((f, c) => {
      const v = cells[c];
      rec[f.prop] = f.type === 'flag' && v !== null ? v === 1 : v;
    });
    return rec as unknown as RecordTypes[N];
  }

  *[Symbol.iterator](): Iterator<RecordTypes[N]> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.get(i);
  }
}
