/**
 * Turning an extract's rows into normalised records.
 *
 * Every data row read ends in exactly one of three states:
 * - valid: stored in the extract's record table;
 * - rejected: with a code, the source, the line (or row) and the column at
 *   fault, and the particulars as data (see problems.ts);
 * - duplicate: the same key as an earlier valid row, and the same values.
 * A later row with the key of an earlier valid row but different values is
 * rejected as `duplicate-key`; the first row is kept.
 */
import { type Day, dayFromYmd, formatDay } from '../core/day.js';
import type { EncodingSetting } from '../read/decode.js';
import { cellText, type SheetCell, type SheetSink } from '../read/sheet-source.js';
import type { RecordProblem, RowSink, SourceRef } from '../read/source.js';
import type { ExtractDef, ExtractName, FieldDef } from './extracts.js';
import { type HeaderMatch, matchHeader } from './headers.js';
import { type DateOptions, parseDate } from './parse-date.js';
import type { ExtractWarning, FileProblem, Rejection, RowProblemCode, RowProblemParams } from './problems.js';
import { type Cell, RecordTable } from './table.js';

/** 32-bit hashes in one typed array that doubles as it fills (a JavaScript array would box most of them). */
export class HashList {
  private items = new Uint32Array(1024);
  length = 0;

  push(hash: number): void {
    if (this.length === this.items.length) {
      const grown = new Uint32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = hash;
  }

  /** The hashes, in a fresh array of their own length. */
  toArray(): Uint32Array {
    return this.items.slice(0, this.length);
  }
}

/** A row dropped as an exact repeat of an earlier one. */
export interface Duplicate {
  readonly line: number;
  /** Line of the earlier row it repeats. */
  readonly firstLine: number;
  readonly key: string;
}

export interface RowCounts {
  read: number;
  valid: number;
  rejected: number;
  duplicate: number;
}

/** Per-extract mapping from the configuration. */
export interface ExtractMapping {
  /** More header spellings per canonical column name. */
  readonly columns?: Readonly<Record<string, readonly string[]>> | undefined;
  /** More value spellings per coded column: column → value → spellings. */
  readonly values?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> | undefined;
  /** How all-numeric dates are read (default day-first). */
  readonly dateOrder?: 'day-first' | 'month-first' | undefined;
  /** Whether a bare number in a date column is a spreadsheet serial date (default no). */
  readonly excelDates?: boolean | undefined;
  /** The file's character encoding (default auto). */
  readonly encoding?: EncodingSetting | undefined;
  /** Which of two rows with the same key but different values is kept (default the first). */
  readonly onDuplicateKey?: 'keep-first' | 'keep-last' | undefined;
}

/**
 * Values that systems write for "none" and that are read as blank: in
 * identifier columns (SQL Server's `-1`), and dates (its `1900-01-01`, with
 * any time, in any accepted spelling). Compared without regard to case.
 */
export interface Placeholders {
  readonly ids: readonly string[];
  readonly dates: readonly Day[];
}

export const DEFAULT_PLACEHOLDERS: Placeholders = { ids: ['-1'], dates: [dayFromYmd(1900, 1, 1)] };

/** Spellings of "not known" read as blank in yes/no and coded columns (compared without regard to case). */
export const UNKNOWN_SPELLINGS: readonly string[] = ['unknown', 'not known', 'nk', 'n/a', '-'];

export interface ValidateOptions {
  /** Dates after this day are rejected (`future-date`). */
  readonly asAt: Day;
  /** The source's size (bytes of a file), when known: lets the key index be sized once. */
  readonly sizeHint?: number | undefined;
  readonly mapping?: ExtractMapping;
  /** Default DEFAULT_PLACEHOLDERS; empty lists switch them off. */
  readonly placeholders?: Placeholders | undefined;
  /**
   * Columns the source does not have whose value is the same on every row,
   * as text (Annex A List 6 is all children in need: case type `CIN`).
   * A column the source has keeps its own values.
   */
  readonly fixed?: Readonly<Record<string, string>> | undefined;
  /**
   * For a sheet of a workbook: the date system its serial numbers count in.
   * A number in a date column of a sheet is a serial date (a text cell is
   * read as any CSV cell).
   */
  readonly serialDates?: '1900' | '1904' | undefined;
  /**
   * For a later part of a split file (see split.ts): rows that pass their
   * cell checks are stored as they come, spelt as they are, with no key
   * check; the keys are checked, in file order, when the part is merged
   * into the rows before it.
   */
  readonly deferKeys?: boolean | undefined;
}

/** An extract that cannot be used at all: its source unreadable, or without a usable header. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(readonly problem: FileProblem) {
    super(`${problem.code}: ${problem.at.source.path}${problem.at.line > 0 ? `:${problem.at.line}` : ''}`);
  }
}

/** Longest cell read in a used column; anything longer is not a real value. */
export const MAX_CELL_LENGTH = 4096;

/** Rows read before the file's row count is estimated. */
const SAMPLE_ROWS = 8192;

/** Longest cell value quoted back in a rejection. */
const MAX_SHOWN_VALUE = 200;

const EXCEL_INTEGER = /^(\d+)\.0+$/;

/** Whether `t` (already trimmed) has no run of white space and no white space but plain spaces. */
function isTidy(t: string): boolean {
  let space = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else {
      // Control characters, the non-breaking space, and the rarer Unicode spaces.
      if (c < 32 || c === 160 || (c >= 0x1680 && isOtherSpace(c))) return false;
      space = false;
    }
  }
  return true;
}

/** The Unicode spaces besides the plain and non-breaking ones (what `\s` matches above U+1680). */
function isOtherSpace(c: number): boolean {
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A cell as compared and stored: non-breaking spaces made plain, runs of
 * white space one space, the ends trimmed (`Dustin\u00a0 Hazlett` is `Dustin Hazlett`).
 */
export function tidy(raw: string): string {
  const t = raw.trim();
  return isTidy(t) ? t : t.replace(/\s+/g, ' ');
}

/** An identifier as stored: tidied, and Excel's `1234.0` undone. */
export function normaliseId(raw: string): string {
  return withoutExcelDecimals(tidy(raw));
}

/** `1234.0` → `1234`: Excel turned an identifier into a number. */
function withoutExcelDecimals(t: string): string {
  const m = t.length > 2 && t.charCodeAt(t.length - 1) === 48 ? EXCEL_INTEGER.exec(t) : null;
  return m ? m[1]! : t;
}

const UNKNOWN: ReadonlySet<string> = new Set(UNKNOWN_SPELLINGS);

/** Returned by `parseCell` when the cell is refused; the reason is left in `failure`. */
const REFUSED = Symbol('refused');

interface ColumnPlan {
  readonly field: FieldDef;
  /** 0-based index in the row, or -1 when the file lacks the column. */
  readonly index: number;
  readonly header: string;
  /** For a column the file lacks: the value every row has (see ValidateOptions.fixed). */
  readonly fixed?: string;
  /** For choices and flags: loose spelling → stored cell. */
  readonly choices?: ReadonlyMap<string, Cell>;
  /**
   * Cells already read in this column, by text: a column of few distinct
   * values (dates, teams, codes) reads each once. Only values taken are
   * kept, never refusals; undefined for near-unique identifiers.
   */
  readonly seen?: Map<string, Cell>;
}

/** The most texts a column remembers the cells of. */
const SEEN_LIMIT = 4096;

function choiceMap(field: FieldDef, extra: Readonly<Record<string, readonly string[]>> | undefined): Map<string, Cell> {
  const map = new Map<string, Cell>();
  const all: Record<string, readonly string[]> = { ...field.choices };
  for (const [value, spellings] of Object.entries(extra ?? {})) all[value] = [...(all[value] ?? []), ...spellings];
  for (const [value, spellings] of Object.entries(all)) {
    const cell: Cell = field.type === 'flag' ? (value === 'Y' ? 1 : 0) : value;
    for (const s of [value, ...spellings]) map.set(s.trim().toLowerCase(), cell);
  }
  return map;
}

/** The accepted values: for a flag every spelling (Y, yes, true, 1 ...), else each value once. */
function acceptedValues(plan: ColumnPlan): string[] {
  if (plan.field.type === 'flag') return [...plan.choices!.keys()];
  return [...new Set(plan.choices!.values())].map(String);
}

/** Why a cell was refused: a row problem and its particulars. */
type Failure = { readonly [C in RowProblemCode]: { readonly code: C; readonly params: RowProblemParams[C] } }[RowProblemCode];

/**
 * Receives the rows of one extract from its source and sorts them into
 * valid, rejected and duplicate.
 */
export class ExtractValidator<N extends ExtractName> implements RowSink, SheetSink {
  readonly def: ExtractDef<N>;
  readonly counts: RowCounts = { read: 0, valid: 0, rejected: 0, duplicate: 0 };
  private readonly rejected: Rejection[] = [];
  /** Set when an earlier row was rejected after later ones (keep-last): sorted once, when asked for. */
  private unsorted = false;
  readonly duplicates: Duplicate[] = [];
  /** Rows kept with a cell read as blank, and why (a date out of order under `blankOrder`), in line order. */
  readonly rowWarnings: ExtractWarning[] = [];
  private readonly source: SourceRef;
  private readonly options: ValidateOptions;
  private match: HeaderMatch | undefined;
  private headerAt = 0;
  private plans: ColumnPlan[] = [];
  private width = 0;
  private table: RecordTable<N> | undefined;
  private readonly orderPairs: (readonly [number, number])[];
  private readonly blankPairs: (readonly [number, number])[];
  private readonly keyPos: number;
  private readonly compositeFirstPos: number;
  private readonly cells: Cell[];
  /** Set by `refuse`, only when a cell is refused. */
  private failure: Failure | undefined;
  private readonly dateOptions: DateOptions;
  /** Placeholder identifiers, upper-cased, and placeholder days. */
  private readonly placeholderIds: ReadonlySet<string>;
  /** Their lengths: an identifier of another length is no placeholder, and is not upper-cased to find out. */
  private readonly placeholderLengths: ReadonlySet<number>;
  private readonly placeholderDays: ReadonlySet<Day>;
  private dateIndexes: ReadonlySet<number> | undefined;

  /** The rejected rows in line order, even an earlier row rejected late (keep-last). */
  get rejections(): readonly Rejection[] {
    if (this.unsorted) {
      // A stable sort: rows rejected for the same line keep the order they were found in.
      this.rejected.sort((a, b) => a.at.line - b.at.line);
      this.unsorted = false;
    }
    return this.rejected;
  }

  constructor(def: ExtractDef<N>, source: SourceRef, options: ValidateOptions) {
    this.def = def;
    this.source = source;
    this.options = options;
    const pos = (name: string | null): number => def.fields.findIndex((f) => f.name === name);
    this.orderPairs = def.order.map(([a, b]) => [pos(a), pos(b)] as const);
    this.blankPairs = (def.blankOrder ?? []).map(([a, b]) => [pos(a), pos(b)] as const);
    this.keyPos = pos(def.keyField);
    this.compositeFirstPos = pos(def.compositeKey[0]!);
    this.cells = def.fields.map(() => null);
    this.dateOptions = {
      order: options.mapping?.dateOrder ?? 'day-first',
      excelSerial: options.mapping?.excelDates ?? false,
    };
    const placeholders = options.placeholders ?? DEFAULT_PLACEHOLDERS;
    this.placeholderIds = new Set(placeholders.ids.map((id) => normaliseId(id).toUpperCase()));
    this.placeholderLengths = new Set([...this.placeholderIds].map((id) => id.length));
    this.placeholderDays = new Set(placeholders.dates);
  }

  /** The header as matched, once the header row has been read. */
  get headerMatch(): HeaderMatch | undefined {
    return this.match;
  }

  /** The line of the header row (0 until it has been read). */
  get headerLine(): number {
    return this.headerAt;
  }

  /** The valid records (an empty table when the source had no header). */
  get records(): RecordTable<N> {
    this.table ??= new RecordTable<N>(this.def, new Set());
    return this.table;
  }

  /** A problem with the extract as a whole, found on `line`. */
  private fileProblem(problem: Omit<FileProblem, 'at'>, line: number): ExtractError {
    return new ExtractError({ ...problem, at: { source: this.source, line, column: 0 } } as FileProblem);
  }

  onHeader(cells: readonly string[], line: number): void {
    const match = matchHeader(this.def, cells, this.options.mapping?.columns);
    if (match.ambiguous.length > 0) {
      const [field, headers] = match.ambiguous[0]!;
      throw this.fileProblem({ code: 'ambiguous-column', params: { field: field.name, headers } }, line);
    }
    if (match.missing.length > 0) {
      throw this.fileProblem(
        {
          code: 'missing-column',
          params: { extract: this.def.name, needed: match.missing.map((f) => [f.name, ...f.aliases]), headers: cells },
        },
        line,
      );
    }
    this.match = match;
    this.headerAt = line;
    // Trailing blank header cells (a header saved with a final comma) are not columns.
    let width = cells.length;
    while (width > 0 && cells[width - 1]!.trim() === '') width--;
    this.width = width;
    const fixed = this.options.fixed ?? {};
    this.plans = this.def.fields.map((field, i) => {
      const m = match.byField[i];
      const value = m ? undefined : fixed[field.name];
      const plan: ColumnPlan = {
        field,
        index: m ? m.index : -1,
        header: m ? m.header : '',
        ...(value === undefined ? {} : { fixed: value }),
        // Not for a sheet: exceljs's cell texts are slices of large strings, which a kept text would keep alive.
        ...(field.distinct || this.source.kind !== 'csv' ? {} : { seen: new Map<string, Cell>() }),
      };
      if (field.choices) return { ...plan, choices: choiceMap(field, this.options.mapping?.values?.[field.name]) };
      return plan;
    });
    const present = new Set(match.mapped.map((m) => m.field.name));
    for (const p of this.plans) if (p.fixed !== undefined) present.add(p.field.name);
    this.table = new RecordTable<N>(this.def, present, undefined, undefined, !this.options.deferKeys);
  }

  /**
   * The cells a row's text is read from: the columns of the extract the
   * header has. Of any other cell only whether it is blank is asked (a
   * field beyond the header's must be blank).
   */
  columnsRead(): readonly number[] {
    return this.plans.filter((p) => p.index >= 0).map((p) => p.index);
  }

  onBadRecord(line: number, problem: RecordProblem): void {
    if (!this.match) throw this.fileProblem({ code: 'unreadable-header', params: { problem } }, line);
    this.counts.read++;
    const plan = problem.column > 0 ? this.plans.find((p) => p.index === problem.column - 1) : undefined;
    this.reject({
      code: problem.code,
      at: { source: this.source, line, column: problem.column },
      params: problem.params,
      header: problem.column > 0 ? (this.match.headers[problem.column - 1] ?? '') : '',
      field: plan?.field.name ?? '',
      value: '',
    } as Rejection);
  }

  onRow(raw: readonly string[], line: number, position = 0): void {
    const table = this.records;
    if (++this.counts.read === SAMPLE_ROWS && this.options.sizeHint !== undefined && position > 0 && !this.options.deferKeys) {
      // Size the key index for the whole source now, from what a row takes so far.
      table.reserve(Math.ceil((this.options.sizeHint / position) * SAMPLE_ROWS * 1.05));
    }
    if (raw.length !== this.width && !this.fieldCountOk(raw)) {
      this.reject({
        code: 'field-count',
        at: { source: this.source, line, column: 0 },
        params: { fields: raw.length, expected: this.width },
        header: '',
        field: '',
        value: '',
      });
      return;
    }
    const cells = this.cells;
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i]!;
      const text = plan.index >= 0 ? raw[plan.index] : plan.fixed;
      const cell = this.parseCell(plan, text);
      if (cell === REFUSED) {
        this.rejectCell(plan, line, text ?? '', this.failure!);
        return;
      }
      cells[i] = cell;
    }
    for (let k = 0; k < this.orderPairs.length; k++) {
      const [a, b] = this.orderPairs[k]!;
      const earlier = cells[a];
      const later = cells[b];
      if (typeof earlier === 'number' && typeof later === 'number' && later < earlier) {
        const pa = this.plans[a]!;
        const pb = this.plans[b]!;
        this.rejectCell(pb, line, raw[pb.index] ?? '', {
          code: 'date-order',
          params: { field: pb.field.name, date: later, earlierField: pa.field.name, earlierDate: earlier },
        });
        return;
      }
    }
    // Splitting is never chosen for an extract with blankOrder pairs (see cli/extracts.ts), so a deferred row has none.
    const blanked = this.blankPairs.length > 0 ? this.blankOutOfOrder(cells, line) : [];
    if (this.options.deferKeys) {
      table.appendUnkeyed(cells, line);
      this.keyHashes.push(table.keyHash(cells, table.keyOfCells(cells)));
      this.counts.valid++;
      // The key cell as written, when it is not what is stored: a key clash found on merging quotes it.
      const pos = typeof cells[this.keyPos] === 'string' ? this.keyPos : this.compositeFirstPos;
      const written = raw[this.plans[pos]!.index] ?? '';
      if (written !== cells[pos]) this.writtenKeys.set(table.length - 1, written);
      return;
    }
    this.checkKey(cells, line, raw);
    // A warning stands only for a row that is kept.
    if (blanked.length > 0 && this.kept) for (const w of blanked) this.rowWarnings.push(w);
  }

  /** Set by `checkKey`: whether the last row was kept as valid. */
  private kept = false;

  /**
   * The later date of each `blankOrder` pair that is before the earlier one,
   * read as blank: the cell is set to null, and the warning returned.
   */
  private blankOutOfOrder(cells: Cell[], line: number): ExtractWarning[] {
    const warnings: ExtractWarning[] = [];
    for (const [a, b] of this.blankPairs) {
      const earlier = cells[a];
      const later = cells[b];
      if (typeof earlier !== 'number' || typeof later !== 'number' || later >= earlier) continue;
      const pa = this.plans[a]!;
      const pb = this.plans[b]!;
      cells[b] = null;
      warnings.push({
        code: 'date-order',
        at: { source: this.source, line, column: pb.index + 1 },
        params: { field: pb.field.name, date: later, earlierField: pa.field.name, earlierDate: earlier, blanked: true },
      });
    }
    return warnings;
  }


  /**
   * For a part read with `deferKeys`: the key cell of a stored row as the
   * file wrote it, where that is not the value stored (row → text).
   */
  readonly writtenKeys = new Map<number, string>();

  /** For a part read with `deferKeys`: the hash of each stored row's key (see RecordTable.keyHash). */
  readonly keyHashes = new HashList();

  /**
   * The key check of a row whose cells have passed their own: a new key is
   * stored; the same key with the same values is a duplicate; with other
   * values, a `duplicate-key` rejection (of this row, or with keep-last of
   * the earlier one). `raw` is the row as read, or the text of its key cell.
   */
  checkKey(cells: Cell[], line: number, raw: readonly string[] | string): void {
    const table = this.records;
    this.kept = false;
    const key = table.keyOfCells(cells);
    const hasId = typeof cells[this.keyPos] === 'string';
    const hash = table.keyHash(cells, key);
    const first = table.findKey(cells, hash);
    if (first < 0) {
      table.append(cells, line, hash);
      this.counts.valid++;
      this.kept = true;
      return;
    }
    const firstLine = table.line(first);
    if (table.sameCells(first, cells)) {
      this.counts.duplicate++;
      this.duplicates.push({ line, firstLine, key });
      return;
    }
    const keyPlan = this.plans[hasId ? this.keyPos : this.compositeFirstPos]!;
    if (this.options.mapping?.onDuplicateKey === 'keep-last') {
      // The later row wins: it is kept in its place in file order, and the earlier one is rejected.
      const earlierValue = table.cells(first)[hasId ? this.keyPos : this.compositeFirstPos];
      table.replace(first);
      table.append(cells, line, hash);
      this.kept = true;
      this.rejectCell(keyPlan, firstLine, earlierValue === null || earlierValue === undefined ? '' : String(earlierValue), {
        code: 'duplicate-key',
        params: { key, firstLine, noun: this.def.noun, keptLine: line },
      });
      return;
    }
    const written = typeof raw === 'string' ? raw : (raw[keyPlan.index] ?? '');
    this.rejectCell(keyPlan, line, written, { code: 'duplicate-key', params: { key, firstLine, noun: this.def.noun } });
  }

  /** A row read and rejected elsewhere (a part of a split file), on its line of the whole file. */
  adoptRejection(r: Rejection): void {
    this.reject(r);
  }

  /**
   * A row of a sheet, its cells as the spreadsheet stored them. Each becomes
   * the text a CSV file would hold, and then the row is read as one: a date
   * cell is its day (`2021-01-05`), a number in a date column a serial date
   * of the workbook's date system, any other number its plain digits
   * (`1234`, never `1234.0`), a yes/no `TRUE` or `FALSE`.
   */
  onCells(cells: readonly SheetCell[], row: number): void {
    if (!this.match) return;
    // A row never reaches past the header: cells beyond its last column are not read.
    const width = Math.min(cells.length, this.width);
    const text: string[] = new Array<string>(this.width).fill('');
    for (let i = 0; i < width; i++) {
      const cell = cells[i]!;
      text[i] = typeof cell === 'number' && this.dateColumns.has(i) ? this.serialText(cell) : cellText(cell);
    }
    // Cells to the right of the header's columns: a row as long as a CSV record with them.
    let extra = cells.length;
    while (extra > this.width && cellText(cells[extra - 1]!).trim() === '') extra--;
    for (let i = this.width; i < extra; i++) text.push(cellText(cells[i]!));
    this.onRow(text, row, 0);
  }

  /** Positions of the date columns in the row, for sheets. */
  private get dateColumns(): ReadonlySet<number> {
    this.dateIndexes ??= new Set(this.plans.filter((p) => p.index >= 0 && p.field.type === 'date').map((p) => p.index));
    return this.dateIndexes;
  }

  /** A serial number in a date column of a sheet, as the day it stands for; a number that is no day stays as it is. */
  private serialText(serial: number): string {
    const whole = Math.floor(serial);
    // 1904 system: serial 0 is 1 January 1904. 1900 system: see parse-date's serial dates.
    if (this.options.serialDates === '1904') {
      return whole >= 0 && whole <= 2_957_003 ? formatDay(dayFromYmd(1904, 1, 1) + whole) : String(serial);
    }
    const day = parseDate(String(whole), { excelSerial: true });
    return typeof day === 'number' ? formatDay(day) : String(serial);
  }

  /** Extra trailing fields are tolerated when they are all blank (a trailing comma). */
  private fieldCountOk(raw: readonly string[]): boolean {
    if (raw.length < this.width) return false;
    for (let i = this.width; i < raw.length; i++) if (raw[i]!.trim() !== '') return false;
    return true;
  }

  private refuse(failure: Failure): typeof REFUSED {
    this.failure = failure;
    return REFUSED;
  }

  private parseCell(plan: ColumnPlan, text: string | undefined): Cell | typeof REFUSED {
    const seen = plan.seen;
    if (seen === undefined || text === undefined) return this.readCell(plan, text);
    const known = seen.get(text);
    if (known !== undefined) return known;
    const cell = this.readCell(plan, text);
    if (cell !== REFUSED && seen.size < SEEN_LIMIT) seen.set(text, cell);
    return cell;
  }

  private readCell(plan: ColumnPlan, text: string | undefined): Cell | typeof REFUSED {
    const { field } = plan;
    // Dates are parsed as trimmed and tidied only when that fails: most cells are tidy already.
    const t = text === undefined ? '' : field.type === 'date' ? text.trim() : tidy(text);
    if (t.length > MAX_CELL_LENGTH) {
      return this.refuse({ code: 'value-too-long', params: { field: field.name, length: t.length, max: MAX_CELL_LENGTH } });
    }
    if (t === '') return this.blank(field);
    switch (field.type) {
      case 'id': {
        const id = withoutExcelDecimals(t);
        return this.placeholderLengths.has(id.length) && this.placeholderIds.has(id.toUpperCase()) ? this.blank(field, t) : id;
      }
      case 'text':
        return t;
      case 'code':
        return UNKNOWN.has(t.toLowerCase()) ? this.blank(field) : t.toUpperCase();
      case 'date': {
        let day = parseDate(t, this.dateOptions);
        if (typeof day === 'string') {
          const tidied = tidy(t);
          if (tidied !== t) day = parseDate(tidied, this.dateOptions);
          if (typeof day === 'string') return this.refuse({ code: 'invalid-date', params: { field: field.name, text: tidied, problem: day } });
        }
        if (this.placeholderDays.has(day)) return this.blank(field, t);
        if (day > this.options.asAt && field.future !== true) {
          return this.refuse({ code: 'future-date', params: { field: field.name, date: day, asAt: this.options.asAt } });
        }
        return day;
      }
      case 'number': {
        const max = field.max ?? Number.MAX_SAFE_INTEGER;
        const n = /^\d+(\.\d+)?$|^\.\d+$/.test(t) ? Number(t) : NaN;
        if (!(n > 0 && n <= max)) return this.refuse({ code: 'invalid-number', params: { field: field.name, text: t, min: 0, max } });
        return Math.round(n * 1000);
      }
      case 'flag':
      case 'choice': {
        const lower = t.toLowerCase();
        const cell = plan.choices!.get(lower);
        if (cell !== undefined) return cell;
        if (UNKNOWN.has(lower)) return this.blank(field);
        return this.refuse({
          code: 'invalid-value',
          params: { extract: this.def.name, field: field.name, text: t, accepted: acceptedValues(plan) },
        });
      }
    }
  }

  /** A blank cell (or one holding `placeholder`): refused in a required column, else its value for blank. */
  private blank(field: FieldDef, placeholder?: string): Cell | typeof REFUSED {
    // A required column is always present: onHeader refuses a header without one.
    if (field.required) {
      return this.refuse({
        code: 'missing-value',
        params: { field: field.name, noun: this.def.noun, ...(placeholder === undefined ? {} : { placeholder }) },
      });
    }
    return field.blankAs ?? null;
  }

  private rejectCell(plan: ColumnPlan, line: number, value: string, failure: Failure): void {
    this.reject({
      ...failure,
      at: { source: this.source, line, column: plan.index + 1 },
      header: plan.header,
      field: plan.field.name,
      value: value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}… (${value.length} characters)` : value,
    } as Rejection);
  }

  private reject(r: Rejection): void {
    this.counts.rejected++;
    const last = this.rejected[this.rejected.length - 1];
    if (last !== undefined && last.at.line > r.at.line) this.unsorted = true;
    this.rejected.push(r);
  }
}
