/**
 * Turning an extract's rows into normalised records.
 *
 * Every data row read ends in exactly one of three states:
 * - valid: stored in the extract's record table;
 * - rejected: with a code, the file, the line and the column at fault;
 * - duplicate: the same key as an earlier valid row, and the same values.
 * A later row with the key of an earlier valid row but different values is
 * rejected as `duplicate-key`; the first row is kept.
 */
import { type Day, formatDay } from '../core/day.js';
import type { CsvProblem, CsvSink } from '../read/csv.js';
import type { EncodingSetting } from '../read/decode.js';
import type { ExtractDef, ExtractName, FieldDef } from './extracts.js';
import { type HeaderMatch, matchHeader } from './headers.js';
import { DATE_PROBLEM_TEXT, type DateOptions, parseDate } from './parse-date.js';
import { type Cell, RecordTable } from './table.js';

export const REJECTION_CODES = [
  'missing-value',
  'invalid-date',
  'invalid-value',
  'value-too-long',
  'date-order',
  'future-date',
  'duplicate-key',
  'field-count',
  'unclosed-quote',
  'nul-byte',
  'record-too-long',
  'bad-csv',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** One rejected row: what, where, and what to change. */
export interface Rejection {
  readonly code: RejectionCode;
  readonly file: string;
  readonly line: number;
  /** 1-based column in the file (A = 1); 0 when the row as a whole is at fault. */
  readonly column: number;
  /** The column's header as written in the file, or '' for the row as a whole. */
  readonly header: string;
  /** The canonical field name, or '' for the row as a whole. */
  readonly field: string;
  /** The offending cell as read (untrimmed; cut short after 200 characters), or '' for a blank cell. */
  readonly value: string;
  readonly message: string;
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
}

export interface ValidateOptions {
  /** File name as shown in messages. */
  readonly file: string;
  /** Dates after this day are rejected (`future-date`). */
  readonly asAt: Day;
  /** The file's size in bytes, when known: lets the key index be sized once. */
  readonly sizeHint?: number | undefined;
  readonly mapping?: ExtractMapping;
}

/** Why an extract cannot be used at all. */
export type FileProblemCode = 'empty-file' | 'missing-column' | 'ambiguous-column' | 'unreadable-header' | 'undecodable';

/** An extract that cannot be used at all: empty, undecodable, or without the columns it needs. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly code: FileProblemCode,
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(line > 0 ? `${file}:${line}: ${detail}` : `${file}: ${detail}`);
  }
}

/** Longest cell read in a used column; anything longer is not a real value. */
export const MAX_CELL_LENGTH = 4096;

/** Rows read before the file's row count is estimated. */
const SAMPLE_ROWS = 8192;

/** Longest cell value quoted back in a rejection. */
const MAX_SHOWN_VALUE = 200;

const EXCEL_INTEGER = /^(\d+)\.0+$/;

/** Trims an identifier and undoes Excel's `1234.0`. */
export function normaliseId(raw: string): string {
  const t = raw.trim();
  const m = t.length > 2 && t.charCodeAt(t.length - 1) === 48 ? EXCEL_INTEGER.exec(t) : null;
  return m ? m[1]! : t;
}

/** Returned by `parseCell` when the cell is refused; the reason is left in `failure`. */
const REFUSED = Symbol('refused');

interface ColumnPlan {
  readonly field: FieldDef;
  /** 0-based index in the row, or -1 when the file lacks the column. */
  readonly index: number;
  readonly header: string;
  /** For choices and flags: loose spelling → stored cell. */
  readonly choices?: ReadonlyMap<string, Cell>;
}

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
function describeChoices(plan: ColumnPlan): string {
  if (plan.field.type === 'flag') return [...plan.choices!.keys()].join(', ');
  return [...new Set(plan.choices!.values())].join(', ');
}

/**
 * Receives the rows of one extract from the CSV reader and sorts them into
 * valid, rejected and duplicate.
 */
export class ExtractValidator<N extends ExtractName> implements CsvSink {
  readonly def: ExtractDef;
  readonly counts: RowCounts = { read: 0, valid: 0, rejected: 0, duplicate: 0 };
  readonly rejections: Rejection[] = [];
  readonly duplicates: Duplicate[] = [];
  private readonly options: ValidateOptions;
  private match: HeaderMatch | undefined;
  private headerAt = 0;
  private plans: ColumnPlan[] = [];
  private width = 0;
  private table: RecordTable<N> | undefined;
  private readonly orderPairs: (readonly [number, number])[];
  private readonly keyPos: number;
  private readonly compositeFirstPos: number;
  private readonly cells: Cell[];
  private failure: { code: RejectionCode; message: string } = { code: 'invalid-value', message: '' };
  private readonly dateOptions: DateOptions;

  constructor(def: ExtractDef, options: ValidateOptions) {
    this.def = def;
    this.options = options;
    const pos = (name: string): number => def.fields.findIndex((f) => f.name === name);
    this.orderPairs = def.order.map(([a, b]) => [pos(a), pos(b)] as const);
    this.keyPos = pos(def.keyField);
    this.compositeFirstPos = pos(def.compositeKey[0]!);
    this.cells = def.fields.map(() => null);
    this.dateOptions = {
      order: options.mapping?.dateOrder ?? 'day-first',
      excelSerial: options.mapping?.excelDates ?? false,
    };
  }

  /** The header as matched, once the header row has been read. */
  get headerMatch(): HeaderMatch | undefined {
    return this.match;
  }

  /** The line of the header row (0 until it has been read). */
  get headerLine(): number {
    return this.headerAt;
  }

  /** The valid records (an empty table when the file had no header). */
  get records(): RecordTable<N> {
    this.table ??= new RecordTable<N>(this.def, new Set());
    return this.table;
  }

  onHeader(cells: readonly string[], line: number): void {
    const match = matchHeader(this.def, cells, this.options.mapping?.columns);
    const { file } = this.options;
    if (match.ambiguous.length > 0) {
      const [field, headers] = match.ambiguous[0]!;
      throw new ExtractError('ambiguous-column', file, line, `columns ${headers.map((h) => `"${h}"`).join(' and ')} both mean ${field.name}; keep one`);
    }
    if (match.missing.length > 0) {
      const names = match.missing.map((f) => [f.name, ...f.aliases].map((n) => `"${n}"`).join(' or '));
      throw new ExtractError(
        'missing-column',
        file,
        line,
        `the ${this.def.name} extract needs a column ${names.join(', and a column ')}; the header has ${cells.map((c) => `"${c}"`).join(', ')}`,
      );
    }
    this.match = match;
    this.headerAt = line;
    // Trailing blank header cells (a header saved with a final comma) are not columns.
    let width = cells.length;
    while (width > 0 && cells[width - 1]!.trim() === '') width--;
    this.width = width;
    this.plans = this.def.fields.map((field, i) => {
      const m = match.byField[i];
      const plan: ColumnPlan = { field, index: m ? m.index : -1, header: m ? m.header : '' };
      if (field.choices) return { ...plan, choices: choiceMap(field, this.options.mapping?.values?.[field.name]) };
      return plan;
    });
    this.table = new RecordTable<N>(this.def, new Set(match.mapped.map((m) => m.field.name)));
  }

  onBadRecord(line: number, problem: CsvProblem): void {
    if (!this.match) {
      throw new ExtractError('unreadable-header', this.options.file, line, `the header line cannot be read: ${problem.message}`);
    }
    this.counts.read++;
    const plan = problem.column > 0 ? this.plans.find((p) => p.index === problem.column - 1) : undefined;
    this.reject({
      code: problem.code,
      line,
      column: problem.column,
      header: problem.column > 0 ? (this.match.headers[problem.column - 1] ?? '') : '',
      field: plan?.field.name ?? '',
      value: '',
      message: problem.message,
    });
  }

  onRow(raw: readonly string[], line: number, bytesRead = 0): void {
    const table = this.records;
    if (++this.counts.read === SAMPLE_ROWS && this.options.sizeHint !== undefined && bytesRead > 0) {
      // Size the key index for the whole file now, from the bytes a row takes so far.
      table.reserve(Math.ceil((this.options.sizeHint / bytesRead) * SAMPLE_ROWS * 1.05));
    }
    if (raw.length !== this.width && !this.fieldCountOk(raw)) {
      this.reject({
        code: 'field-count',
        line,
        column: 0,
        header: '',
        field: '',
        value: '',
        message: `the row has ${raw.length} fields but the header has ${this.width}; check for a stray comma or a missing quote`,
      });
      return;
    }
    const cells = this.cells;
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i]!;
      const text = plan.index >= 0 ? raw[plan.index] : undefined;
      const cell = this.parseCell(plan, text);
      if (cell === REFUSED) {
        this.rejectCell(plan, line, text ?? '', this.failure.code, this.failure.message);
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
        this.rejectCell(
          pb,
          line,
          raw[pb.index] ?? '',
          'date-order',
          `${pb.field.name} ${formatDay(later)} is before ${pa.field.name} ${formatDay(earlier)}; one of the two dates is wrong`,
        );
        return;
      }
    }
    const key = table.keyOfCells(cells);
    const hasId = typeof cells[this.keyPos] === 'string';
    const hash = table.keyHash(cells, key);
    const first = table.findKey(cells, hash);
    if (first < 0) {
      table.append(cells, line, hash);
      this.counts.valid++;
      return;
    }
    const firstLine = table.line(first);
    if (table.sameCells(first, cells)) {
      this.counts.duplicate++;
      this.duplicates.push({ line, firstLine, key });
      return;
    }
    const keyPlan = this.plans[hasId ? this.keyPos : this.compositeFirstPos]!;
    this.rejectCell(
      keyPlan,
      line,
      raw[keyPlan.index] ?? '',
      'duplicate-key',
      `key ${key} was already used on line ${firstLine} with different values; the row on line ${firstLine} is kept (give each ${this.def.noun} its own key, or remove the stale row)`,
    );
  }

  /** Extra trailing fields are tolerated when they are all blank (a trailing comma). */
  private fieldCountOk(raw: readonly string[]): boolean {
    if (raw.length < this.width) return false;
    for (let i = this.width; i < raw.length; i++) if (raw[i]!.trim() !== '') return false;
    return true;
  }

  private refuse(code: RejectionCode, message: string): typeof REFUSED {
    this.failure = { code, message };
    return REFUSED;
  }

  private parseCell(plan: ColumnPlan, text: string | undefined): Cell | typeof REFUSED {
    const { field } = plan;
    const t = text === undefined ? '' : text.trim();
    if (t.length > MAX_CELL_LENGTH) {
      return this.refuse(
        'value-too-long',
        `${field.name} is ${t.length.toLocaleString('en-GB')} characters long; no ${field.name} is longer than ${MAX_CELL_LENGTH} (check the column is the right one)`,
      );
    }
    if (t === '') {
      // A required column is always present: onHeader refuses a header without one.
      if (field.required) {
        return this.refuse('missing-value', `${field.name} is required but the cell is blank; fill it in, or remove the row if it is not a real ${this.def.noun}`);
      }
      return field.blankAs ?? null;
    }
    switch (field.type) {
      case 'id':
        return normaliseId(t);
      case 'text':
        return t;
      case 'code':
        return t.toUpperCase();
      case 'date': {
        const day = parseDate(t, this.dateOptions);
        if (typeof day === 'string') {
          return this.refuse('invalid-date', `${field.name} "${t}": ${DATE_PROBLEM_TEXT[day]}`);
        }
        if (day > this.options.asAt) {
          return this.refuse(
            'future-date',
            `${field.name} ${formatDay(day)} is after the as-at date ${formatDay(this.options.asAt)}; check the date, or give the date the extract was taken with --as-at`,
          );
        }
        return day;
      }
      case 'flag':
      case 'choice': {
        const cell = plan.choices!.get(t.toLowerCase());
        if (cell === undefined) {
          return this.refuse(
            'invalid-value',
            `${field.name} "${t}" is not one of: ${describeChoices(plan)} (add a spelling under mapping.${this.def.name}.values.${field.name})`,
          );
        }
        return cell;
      }
    }
  }

  private rejectCell(plan: ColumnPlan, line: number, value: string, code: RejectionCode, message: string): void {
    this.reject({
      code,
      line,
      column: plan.index + 1,
      header: plan.header,
      field: plan.field.name,
      value: value.length > MAX_SHOWN_VALUE ? `${value.slice(0, MAX_SHOWN_VALUE)}… (${value.length} characters)` : value,
      message,
    });
  }

  private reject(r: Omit<Rejection, 'file'>): void {
    this.counts.rejected++;
    this.rejections.push({ file: this.options.file, ...r });
  }
}
