/**
 * Every problem an extract can have, as data: a code, where it is (source,
 * line or row, column) and the parameters that say what is wrong (the field,
 * the value, what was expected, dates, counts). Nothing here is worded:
 * src/report/wording.ts turns a problem into its sentence, and may vary its
 * advice by the kind of source (CSV advice only for CSV files).
 *
 * Parameters are built only when a row is rejected, never for a valid row.
 */
import type { Day } from '../core/day.js';
import type { Location, RecordProblem, RecordProblemCode, SourceProblemCode, SourceProblemParams } from '../read/source.js';
import type { ExtractName } from './extracts.js';
import type { DateProblem } from './parse-date.js';

/** Codes of the problems that reject one row (the rest of the extract is still read). */
export const REJECTION_CODES = [
  'missing-value',
  'invalid-date',
  'invalid-value',
  'invalid-number',
  'value-too-long',
  'date-order',
  'future-date',
  'duplicate-key',
  'field-count',
  'unclosed-quote',
  'nul-byte',
  'record-too-long',
  'bad-csv',
] as const satisfies readonly (RowProblemCode | RecordProblemCode)[];
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** The parameters of each problem the validator finds in a row, by code. */
export interface RowProblemParams {
  /** A required cell is blank. `noun`: what a row is ("contact"). */
  readonly 'missing-value': {
    readonly field: string;
    readonly noun: string;
    /** The cell held a placeholder for "none" (`-1`, `1900-01-01`), as written, rather than nothing. */
    readonly placeholder?: string;
  };
  /** A date cell is not a date; `text` is the cell trimmed. */
  readonly 'invalid-date': { readonly field: string; readonly text: string; readonly problem: DateProblem };
  /** A coded cell is none of the values accepted (`accepted`, in the order listed). */
  readonly 'invalid-value': { readonly extract: ExtractName; readonly field: string; readonly text: string; readonly accepted: readonly string[] };
  /** A number cell (a full-time equivalent) that is not a number in the range `min` to `max`. */
  readonly 'invalid-number': { readonly field: string; readonly text: string; readonly min: number; readonly max: number };
  /** A cell far longer than any real value. */
  readonly 'value-too-long': { readonly field: string; readonly length: number; readonly max: number };
  /** `field`'s date is before `earlierField`'s, which must come first. */
  readonly 'date-order': {
    readonly field: string;
    readonly date: Day;
    readonly earlierField: string;
    readonly earlierDate: Day;
    /** The later date was read as blank and the row kept (a warning, not a rejection). */
    readonly blanked?: true;
  };
  /** A date after the as-at date. */
  readonly 'future-date': { readonly field: string; readonly date: Day; readonly asAt: Day };
  /** The key of an earlier valid row (on `firstLine`), with other values. */
  readonly 'duplicate-key': {
    readonly key: string;
    readonly firstLine: number;
    readonly noun: string;
    /** With keep-last: the later row, which is kept (this problem is then the earlier row's). */
    readonly keptLine?: number;
  };
  /** More or fewer fields than the header has columns. */
  readonly 'field-count': { readonly fields: number; readonly expected: number };
}
export type RowProblemCode = keyof RowProblemParams;

/** The parameters of each problem that makes an extract unusable, by code. */
export interface ExtractProblemParams {
  /** No header row: nothing at all, or only blank lines. */
  readonly 'empty-file': { readonly onlyBlankLines: boolean };
  /** Required columns the header lacks: for each, every heading accepted; and the header as it is. */
  readonly 'missing-column': { readonly extract: ExtractName; readonly needed: readonly (readonly string[])[]; readonly headers: readonly string[] };
  /** Several columns mean the same field. */
  readonly 'ambiguous-column': { readonly field: string; readonly headers: readonly string[] };
  /** The header record itself cannot be read. */
  readonly 'unreadable-header': { readonly problem: RecordProblem };
}

/** The parameters of each warning: an extract that is used as it is, but deserves a look. */
export interface WarningParams {
  /** A header with no data rows under it. */
  readonly 'no-rows': { readonly noun: string };
  /**
   * A sheet whose name says one thing (`says`: an Annex A list, or another
   * extract) while its header is that of `extract`, which it is read as.
   */
  readonly 'sheet-name': { readonly sheet: string; readonly says: string; readonly extract: ExtractName };
  /** Data rows, every one of them rejected: the extract's measures are not computable. */
  readonly 'no-valid-rows': { readonly noun: string; readonly rejected: number };
  /** A date before the one it must follow, read as blank; the row is kept (see ExtractSpec.blankOrder). */
  readonly 'date-order': RowProblemParams['date-order'];
}

export interface ProblemParams extends SourceProblemParams, RowProblemParams, ExtractProblemParams, WarningParams {}
export type ProblemCode = keyof ProblemParams;

/** One problem: what, where, and the particulars. */
export type Problem<C extends ProblemCode = ProblemCode> = {
  readonly [K in C]: { readonly code: K; readonly at: Location; readonly params: ProblemParams[K] };
}[C];

/** One rejected row: the problem, and the cell at fault as read. */
export type Rejection = Problem<RejectionCode> & {
  /** The column's header as written in the source, or '' for the row as a whole. */
  readonly header: string;
  /** The canonical field name, or '' for the row as a whole. */
  readonly field: string;
  /** The offending cell as read (untrimmed; cut short after 200 characters), or '' for a blank cell. */
  readonly value: string;
};

/** Why an extract cannot be used at all: its source cannot be read, or it lacks a usable header. */
export type FileProblemCode = SourceProblemCode | keyof ExtractProblemParams;
export type FileProblem = Problem<FileProblemCode>;

/** Something worth a second look in an extract that could still be used. */
export type ExtractWarning = Problem<keyof WarningParams>;
