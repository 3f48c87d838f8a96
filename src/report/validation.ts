/**
 * The data-quality report of `csc-kpi validate`: per extract, the header
 * found against the columns expected, the row accounting, and every problem.
 */
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import { columnLetter } from '../normalise/headers.js';
import { type ExtractWarning, extractWarnings, type LoadedExtract } from '../normalise/load.js';
import type { Duplicate, Rejection, RowCounts } from '../normalise/validate.js';
import { encodingName } from '../read/decode.js';
import type { Generator } from './scorecard.js';

export interface ColumnCheck {
  readonly field: string;
  readonly required: boolean;
  /** Where the column was found, or null when the header lacks it. */
  readonly found: { readonly column: number; readonly letter: string; readonly header: string } | null;
}

export type ExtractStatus = 'clean' | 'rejected' | 'unreadable' | 'absent';

export interface ExtractCheck {
  readonly name: ExtractName;
  readonly file: string | null;
  readonly status: ExtractStatus;
  /** Why an unreadable extract could not be used (line 0 when no line is at fault). */
  readonly error: { readonly code: string; readonly line: number; readonly message: string } | null;
  readonly encoding: string | null;
  readonly bytes: number | null;
  readonly sha256: string | null;
  readonly columns: readonly ColumnCheck[];
  readonly ignored: readonly string[];
  readonly rows: Readonly<RowCounts> | null;
  readonly blankLines: number;
  readonly problems: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  /** What deserves a look though no row was rejected (a header with no rows under it). */
  readonly warnings: readonly ExtractWarning[];
}

export interface ValidationReport {
  readonly generator: Generator;
  readonly asAt: string;
  readonly extracts: readonly ExtractCheck[];
}

/** What happened to one extract: loaded, could not be read, or not supplied. */
export type ExtractOutcome =
  | { readonly kind: 'loaded'; readonly extract: LoadedExtract }
  | {
      readonly kind: 'failed';
      readonly name: ExtractName;
      readonly file: string;
      readonly code: string;
      readonly line: number;
      readonly message: string;
    }
  | { readonly kind: 'absent'; readonly name: ExtractName };

function emptyCheck(name: ExtractName, file: string | null, status: ExtractStatus): ExtractCheck {
  return {
    name,
    file,
    status,
    error: null,
    encoding: null,
    bytes: null,
    sha256: null,
    columns: [],
    ignored: [],
    rows: null,
    blankLines: 0,
    problems: [],
    duplicates: [],
    warnings: [],
  };
}

export function checkExtract(outcome: ExtractOutcome): ExtractCheck {
  if (outcome.kind === 'absent') return emptyCheck(outcome.name, null, 'absent');
  if (outcome.kind === 'failed') {
    return {
      ...emptyCheck(outcome.name, outcome.file, 'unreadable'),
      error: { code: outcome.code, line: outcome.line, message: outcome.message },
    };
  }
  const x = outcome.extract;
  const columns = EXTRACTS[x.name].fields.map((f): ColumnCheck => {
    const m = x.columns.mapped.find((c) => c.field.name === f.name);
    return {
      field: f.name,
      required: f.required,
      found: m ? { column: m.index + 1, letter: columnLetter(m.index + 1), header: m.header } : null,
    };
  });
  return {
    name: x.name,
    file: x.file,
    status: x.counts.rejected > 0 ? 'rejected' : 'clean',
    error: null,
    encoding: encodingName(x.encoding),
    bytes: x.bytes,
    sha256: x.sha256,
    columns,
    ignored: x.columns.ignored,
    rows: x.counts,
    blankLines: x.blankLines,
    problems: x.rejections,
    duplicates: x.duplicates,
    warnings: extractWarnings(x),
  };
}

export function buildValidation(generator: Generator, asAt: string, outcomes: readonly ExtractOutcome[]): ValidationReport {
  const order = (o: ExtractOutcome) => EXTRACT_NAMES.indexOf(o.kind === 'loaded' ? o.extract.name : o.name);
  return { generator, asAt, extracts: [...outcomes].sort((a, b) => order(a) - order(b)).map(checkExtract) };
}
