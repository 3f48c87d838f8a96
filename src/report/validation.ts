/**
 * The data-quality report of `csc-kpi validate`: per extract, its source and
 * provenance, the header found against the columns expected, the row
 * accounting, and every problem (as data; src/report/wording.ts words them).
 * The scorecard's summary of rejected rows on stderr reads the same model.
 */
import { EXTRACT_NAMES, type ExtractName } from '../normalise/extracts.js';
import { extractWarnings, type LoadedExtract } from '../normalise/load.js';
import type { ExtractWarning, FileProblem, Rejection } from '../normalise/problems.js';
import type { Duplicate, RowCounts } from '../normalise/validate.js';
import type { WorkbookSummary } from '../normalise/workbook.js';
import { columnLetter, type Provenance, type SourceRef, sourceRef } from '../read/source.js';
import type { Generator } from './scorecard.js';

export interface ColumnCheck {
  readonly field: string;
  readonly required: boolean;
  /** Where the column was found, or null when the header lacks it. */
  readonly found: { readonly column: number; readonly letter: string; readonly header: string } | null;
  /** Not in the source, but the same for every row (Annex A List 6's case type): see the workbook's sheets. */
  readonly given: boolean;
}

export type ExtractStatus = 'clean' | 'rejected' | 'unreadable' | 'absent';

export interface ExtractCheck {
  readonly name: ExtractName;
  /** Where the extract was read from; null when it was not supplied. */
  readonly source: SourceRef | null;
  readonly status: ExtractStatus;
  /** Why an unreadable extract could not be used. */
  readonly error: FileProblem | null;
  /** Size, SHA-256, encoding or sheet, blank lines skipped: once read. */
  readonly provenance: Provenance | null;
  readonly columns: readonly ColumnCheck[];
  readonly ignored: readonly string[];
  readonly rows: Readonly<RowCounts> | null;
  readonly problems: readonly Rejection[];
  readonly duplicates: readonly Duplicate[];
  /** What deserves a look though no row was rejected (a header with no rows under it). */
  readonly warnings: readonly ExtractWarning[];
}

export interface ValidationReport {
  readonly generator: Generator;
  readonly asAt: string;
  readonly extracts: readonly ExtractCheck[];
  /** The workbooks read: size, SHA-256, and what became of each sheet. */
  readonly workbooks: readonly WorkbookSummary[];
}

/** What happened to one extract: loaded, could not be read, or not supplied. */
export type ExtractOutcome =
  | { readonly kind: 'loaded'; readonly extract: LoadedExtract }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly problem: FileProblem }
  | { readonly kind: 'absent'; readonly name: ExtractName };

function emptyCheck(name: ExtractName, source: SourceRef | null, status: ExtractStatus): ExtractCheck {
  return {
    name,
    source,
    status,
    error: null,
    provenance: null,
    columns: [],
    ignored: [],
    rows: null,
    problems: [],
    duplicates: [],
    warnings: [],
  };
}

export function checkExtract(outcome: ExtractOutcome): ExtractCheck {
  if (outcome.kind === 'absent') return emptyCheck(outcome.name, null, 'absent');
  if (outcome.kind === 'failed') return { ...emptyCheck(outcome.name, outcome.problem.at.source, 'unreadable'), error: outcome.problem };
  const x = outcome.extract;
  const columns = x.records.def.fields.map((f): ColumnCheck => {
    const m = x.columns.mapped.find((c) => c.field.name === f.name);
    return {
      field: f.name,
      required: f.required,
      found: m ? { column: m.index + 1, letter: columnLetter(m.index + 1), header: m.header } : null,
      given: !m && x.records.hasColumn(f.name),
    };
  });
  return {
    name: x.name,
    source: sourceRef(x.source),
    status: x.counts.rejected > 0 ? 'rejected' : 'clean',
    error: null,
    provenance: x.source,
    columns,
    ignored: x.columns.ignored,
    rows: x.counts,
    problems: x.rejections,
    duplicates: x.duplicates,
    warnings: extractWarnings(x),
  };
}

export function buildValidation(
  generator: Generator,
  asAt: string,
  outcomes: readonly ExtractOutcome[],
  workbooks: readonly WorkbookSummary[] = [],
): ValidationReport {
  const order = (o: ExtractOutcome) => EXTRACT_NAMES.indexOf(o.kind === 'loaded' ? o.extract.name : o.name);
  return { generator, asAt, extracts: [...outcomes].sort((a, b) => order(a) - order(b)).map(checkExtract), workbooks };
}
