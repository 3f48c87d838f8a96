/**
 * Loading a workbook: every sheet that is an extract (see annex-a.ts) through
 * its own validator into its own record table, in one pass over the file.
 * The other sheets are read, counted and reported as not used.
 */
import type { Day } from '../core/day.js';
import type { SheetRead, WorkbookSource } from '../read/sheet-source.js';
import type { SourceRef } from '../read/source.js';
import { chooseSheetUse, type SheetUse, sheetAliases } from './annex-a.js';
import { extractDef, type ExtractName } from './extracts.js';
import { type LoadedExtract, loadedFrom } from './load.js';
import type { FileProblem } from './problems.js';
import { ExtractError, type ExtractMapping, ExtractValidator, type Placeholders } from './validate.js';

/** One sheet of a workbook: where its header is, how many rows it has, and what it was used as. */
export interface SheetSummary {
  readonly name: string;
  readonly headerRow: number;
  /** Data rows under the header. */
  readonly rows: number;
  readonly use: SheetUse;
}

/** What became of a sheet that is an extract. */
export type SheetExtract =
  | { readonly kind: 'loaded'; readonly extract: LoadedExtract }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly problem: FileProblem };

/** A workbook once read: its provenance and what became of each sheet (plain data). */
export interface WorkbookSummary {
  /** The workbook as named to the user. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly sheets: readonly SheetSummary[];
}

export interface WorkbookLoad extends WorkbookSummary {
  /** The sheets that are extracts, in sheet order. */
  readonly extracts: readonly SheetExtract[];
}

export interface WorkbookOptions {
  readonly asAt: Day;
  /** Each extract's mapping from the configuration. */
  readonly mappings: Readonly<Partial<Record<ExtractName, ExtractMapping>>>;
  readonly placeholders?: Placeholders | undefined;
}

/**
 * Reads every sheet of a workbook.
 * @throws WorkbookError when the file is not a readable `.xlsx` workbook.
 */
export async function loadWorkbook(source: WorkbookSource, options: WorkbookOptions): Promise<WorkbookLoad> {
  const uses = new Map<number, SheetUse>();
  const reading: { position: number; name: ExtractName; ref: SourceRef; validator?: ExtractValidator<ExtractName>; problem?: FileProblem }[] = [];
  const read = await source.read((sheet, header) => {
    const use = chooseSheetUse(sheet.name, header?.cells ?? null, options.mappings);
    uses.set(sheet.position, use);
    if (use.kind !== 'extract' || header === null) return undefined;
    const ref: SourceRef = { kind: 'sheet', path: source.path, sheet: sheet.name };
    const mapping = options.mappings[use.extract] ?? {};
    const validator = new ExtractValidator(extractDef(use.extract), ref, {
      asAt: options.asAt,
      mapping: { ...mapping, columns: sheetAliases(use.extract, mapping) },
      placeholders: options.placeholders,
      fixed: use.fixed,
      serialDates: sheet.date1904 ? '1904' : '1900',
    });
    try {
      validator.onHeader(header.cells, header.row);
    } catch (e) {
      if (!(e instanceof ExtractError)) throw e;
      reading.push({ position: sheet.position, name: use.extract, ref, problem: e.problem });
      return undefined;
    }
    reading.push({ position: sheet.position, name: use.extract, ref, validator });
    return validator;
  });
  const byPosition = new Map<number, SheetRead>(read.sheets.map((s) => [s.position, s]));
  const extracts = reading.map((r): SheetExtract => {
    if (r.problem !== undefined) return { kind: 'failed', name: r.name, problem: r.problem };
    const sheet = byPosition.get(r.position)!;
    const provenance = { kind: 'sheet', path: source.path, sheet: sheet.name, bytes: read.bytes, sha256: read.sha256, blankLines: sheet.blankRows } as const;
    return { kind: 'loaded', extract: loadedFrom(r.name, r.validator!, provenance) };
  });
  return {
    path: source.path,
    bytes: read.bytes,
    sha256: read.sha256,
    sheets: read.sheets.map((s) => ({ name: s.name, headerRow: s.headerRow, rows: s.rows, use: uses.get(s.position)! })),
    extracts,
  };
}
