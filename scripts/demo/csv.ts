/**
 * How the demo files are written: dates in the formats a case system
 * exports, CSV text, and the mess real extracts carry (repeated rows, reused
 * keys, invalid rows, Excel-mangled ids, blank lines), counted so that the
 * generator knows the row accounting each file must give.
 */
import { type Day, MONTH_ABBREVIATIONS, formatDay, ymdFromDay } from '../../src/core/day.js';
import { Rng } from './solver.js';

// --------------------------------------------------------------------- dates

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The ways the council's system writes a date: each extract mixes a few. */
export const DATE_FORMATS = {
  iso: (d: Day) => formatDay(d),
  dmy: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}/${pad2(month)}/${year}`;
  },
  dmyShort: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${day}/${month}/${year}`;
  },
  dotted: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}.${pad2(month)}.${year}`;
  },
  named: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${year}`;
  },
  namedDash: (d: Day) => {
    const { year, month, day } = ymdFromDay(d);
    return `${pad2(day)}-${MONTH_ABBREVIATIONS[month - 1]}-${year}`;
  },
} as const;

export type DateFormat = keyof typeof DATE_FORMATS;

/** A time of day, `HH:MM`, between the given hours. */
export function clock(rng: Rng, fromHour = 8, toHour = 18): string {
  return `${pad2(rng.int(fromHour, toHour))}:${pad2(rng.int(0, 59))}`;
}

export function pickFormat(rng: Rng, weights: readonly (readonly [DateFormat, number])[]): DateFormat {
  return rng.weighted(weights);
}

// --------------------------------------------------------------------- files

/** A row as written: its cells, or a blank line. */
type Row = readonly string[] | { readonly blank: string };

/** A demo file as written, and the row accounting reading it must give. */
export interface Extract {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: Row[];
  readonly eol: '\n' | '\r\n';
  readonly bom: boolean;
  /** What reading it must give. */
  readonly expect: { read: number; valid: number; rejected: number; duplicate: number };
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The file's text: CSV, with its own line endings and, for one file, a byte order mark. */
export function render(x: Extract): string {
  const lines = [x.header.map(csvCell).join(',')];
  for (const row of x.rows) lines.push('blank' in row ? row.blank : row.map(csvCell).join(','));
  return `${x.bom ? '\uFEFF' : ''}${lines.join(x.eol)}${x.eol}`;
}

/**
 * The mess of a real extract, added to the rows the figures come from:
 * exact repeats (duplicates), a key reused with other values (rejected, the
 * first row kept), invalid rows (rejected), Excel-mangled ids (valid).
 */
export class Mess {
  readonly rng: Rng;
  rejected = 0;
  duplicate = 0;
  blank = 0;
  private readonly inserts: { after: number; row: Row }[] = [];

  constructor(
    name: string,
    private readonly rows: string[][],
  ) {
    this.rng = new Rng(`mess-${name}`);
  }

  /** A row index away from the ends, different from those used. */
  private spot(): number {
    return this.rng.int(5, this.rows.length - 5);
  }

  repeat(times: number): void {
    for (let i = 0; i < times; i++) {
      const at = this.spot();
      this.inserts.push({ after: at + this.rng.int(0, 3), row: [...this.rows[at]!] });
      this.duplicate++;
    }
  }

  /** A repeat written differently (dates in another format): still the same values, so a duplicate. */
  repeatRewritten(rewrite: (at: number) => string[]): void {
    const at = this.spot();
    this.inserts.push({ after: at + 1, row: rewrite(at) });
    this.duplicate++;
  }

  /** The same key again with one value changed. */
  reuseKey(change: (row: string[]) => void): void {
    const at = this.spot();
    const row = [...this.rows[at]!];
    change(row);
    this.inserts.push({ after: at + this.rng.int(1, 40), row });
    this.rejected++;
  }

  /** An invalid copy of a row, with its own new key. */
  invalid(key: string, keyColumn: number, change: (row: string[]) => void): void {
    const at = this.spot();
    const row = [...this.rows[at]!];
    row[keyColumn] = key;
    change(row);
    this.inserts.push({ after: at, row });
    this.rejected++;
  }

  blankLine(text: string): void {
    this.inserts.push({ after: this.spot(), row: { blank: text } });
    this.blank++;
  }

  /** Writes a few ids as Excel does after a round trip through a spreadsheet. */
  excelIds(column: number, count: number): void {
    for (let i = 0; i < count; i++) {
      const row = this.rows[this.spot()]!;
      if (/^\d+$/.test(row[column]!)) row[column] = `${row[column]}.0`;
    }
  }

  result(file: string, header: readonly string[], eol: '\n' | '\r\n', bom: boolean): Extract {
    const byAfter = new Map<number, Row[]>();
    for (const ins of this.inserts) {
      const after = Math.min(ins.after, this.rows.length - 1);
      const list = byAfter.get(after) ?? [];
      list.push(ins.row);
      byAfter.set(after, list);
    }
    const rows: Row[] = [];
    this.rows.forEach((row, i) => {
      rows.push(row);
      rows.push(...(byAfter.get(i) ?? []));
    });
    const valid = this.rows.length;
    return {
      file,
      header,
      rows,
      eol,
      bom,
      expect: { read: valid + this.rejected + this.duplicate, valid, rejected: this.rejected, duplicate: this.duplicate },
    };
  }
}

/**
 * What an extract's module builds: its records, for the extracts built after
 * it, and how to write its file. Files are written once every extract is
 * built, since a later extract may still add to an earlier one's records or
 * complete them (the core groups add short CP plans; cases give each plan
 * and assessment its case).
 */
export interface Built<T> {
  readonly records: T;
  write(): Extract;
}
