/**
 * What the main thread and the extract-reading workers say to each other;
 * how either reads one source, and describes a failure to read it.
 *
 * The unit of work is a source file: a CSV file, which holds one extract,
 * or a workbook, which holds several, one per sheet, read in one pass over
 * the file. A job names the extracts it may yield (a workbook: all of them,
 * as its sheets say which it holds only once read) and its reply carries an
 * outcome for each extract found, and for a workbook what became of each
 * sheet.
 */
import type { MeasureJob, MeasureReply } from './measure-job.js';
import type { BankHolidayTable, Region } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { extractDef, type ExtractName } from '../normalise/extracts.js';
import { type ExtractState, type LoadedExtract, loadedFrom, loadExtract } from '../normalise/load.js';
import type { FileProblem } from '../normalise/problems.js';
import { mergePart, type PartState, partState } from '../normalise/split.js';
import { ExtractError, type ExtractMapping, ExtractValidator, type Placeholders } from '../normalise/validate.js';
import { type WorkbookLoad, type WorkbookSummary, loadWorkbook } from '../normalise/workbook.js';

export type { WorkbookSummary };
import { type CsvReader, csvSource } from '../read/csv-source.js';
import { WorkbookError, workbookSource } from '../read/sheet-source.js';
import { readCsvFirstPart, readCsvLaterPart } from '../read/fast-csv.js';
import { type Provenance, type SourceRef, unreadable } from '../read/source.js';
import { problemLine } from '../report/wording.js';
import { CliError } from './errors.js';
import { fileStream } from './io.js';

/** One extract a source holds, and how to read it. */
export interface ExtractJob {
  readonly name: ExtractName;
  readonly mapping: ExtractMapping;
}

/** A source file to read, and the extracts it holds (a CSV file holds exactly one). */
export interface SourceJob {
  readonly kind: 'csv' | 'workbook';
  readonly path: string;
  /** The file's size in bytes. */
  readonly size: number;
  readonly extracts: readonly ExtractJob[];
}

export interface LoadJob extends SourceJob {
  readonly id: number;
  readonly asAt: Day;
  /** Values read as blank in every extract (the configuration's `placeholders`). */
  readonly placeholders: Placeholders;
  /** Send progress messages as bytes are read. */
  readonly progress: boolean;
  /** How CSV files are read (default: the fast reader, falling back to csv-parse). */
  readonly reader?: CsvReader | undefined;
}

/** Why an extract could not be read: a problem with its source, or a bug. */
export type LoadFailure =
  | { readonly type: 'problem'; readonly problem: FileProblem }
  | { readonly type: 'internal'; readonly message: string; readonly stack: string };

/** What became of one extract of a source. */
export type ExtractRead =
  | { readonly kind: 'loaded'; readonly name: ExtractName; readonly extract: LoadedExtract }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly failure: LoadFailure };

/** The same, as plain data that can travel between threads. */
export type ExtractReply =
  | { readonly kind: 'loaded'; readonly name: ExtractName; readonly state: ExtractState }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly failure: LoadFailure };

/** What a job found besides its extracts: for a workbook, its sheets, or why it is no workbook. */
export interface JobExtras {
  readonly workbook?: WorkbookSummary;
  /** The file is not a readable workbook: the whole sentence. */
  readonly workbookError?: string;
}

/**
 * A later part of one large CSV file split for reading on several threads
 * (see src/normalise/split.ts): the bytes from `start` (just after a line
 * feed) to the end of the file, read with the file's header.
 */
export interface PartJob {
  readonly kind: 'csv-part';
  readonly id: number;
  readonly path: string;
  readonly start: number;
  readonly extract: ExtractJob;
  readonly asAt: Day;
  readonly placeholders: Placeholders;
  readonly header: { readonly cells: readonly string[]; readonly line: number };
}

/**
 * What the main thread asks of a worker: a source to read, or a part of
 * one; to load the measures now, while there is time (`warm-up`, no
 * reply); or to run some measures (see measure-share.ts).
 */
export type WorkerJob = LoadJob | PartJob | WarmUp | MeasureJob;

/**
 * Load the measures now, while there is time; with `bankHolidays`, also
 * work out the bank holidays of those years and send them back (a
 * `bank-holidays` message), so that the main thread need not load
 * date-holidays (see core/calendar.ts adoptBankHolidays).
 */
export interface WarmUp {
  readonly kind: 'warm-up';
  readonly bankHolidays?: { readonly region: Region; readonly years: readonly number[] } | undefined;
}

export type WorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly bytes: number }
  | ({ readonly kind: 'done'; readonly id: number; readonly extracts: readonly ExtractReply[] } & JobExtras)
  /** A part read (`state`), or one that cannot be used: the whole file is then read on one thread. */
  | { readonly kind: 'part-done'; readonly id: number; readonly state: PartState | undefined }
  | MeasureReply
  | { readonly kind: 'bank-holidays'; readonly id?: undefined; readonly table: BankHolidayTable };

/** The source a job reads, as named to the user (a workbook as a whole: its path). */
export function jobSource(job: Pick<SourceJob, 'kind' | 'path'>): SourceRef {
  return { kind: 'csv', path: job.path };
}

/**
 * Reads one source file, whatever its kind: its extracts, and for a
 * workbook its sheets. `onBytes` as for readSource.
 */
export async function readJob(
  job: Omit<LoadJob, 'id' | 'progress'>,
  onBytes?: (bytes: number) => void,
): Promise<{ readonly extracts: ExtractRead[] } & JobExtras> {
  if (job.kind === 'csv') return { extracts: await readSource(job, onBytes) };
  const mappings: Partial<Record<ExtractName, ExtractMapping>> = {};
  for (const { name, mapping } of job.extracts) mappings[name] = mapping;
  const source = workbookSource(job.path, {
    size: job.size,
    open: (start, end) => {
      const stream = fileStream(job.path, start, end);
      // Progress follows the reading of the sheets (the file's stretches, in their new order), not the hashing pass before it.
      if (onBytes && start !== undefined) stream.on('data', (chunk) => onBytes(chunk.length));
      return stream;
    },
  });
  let read: WorkbookLoad;
  try {
    read = await loadWorkbook(source, { asAt: job.asAt, mappings, placeholders: job.placeholders });
  } catch (e) {
    if (e instanceof WorkbookError) return { extracts: [], workbookError: `${job.path}: ${e.message}` };
    throw e;
  }
  const extracts = read.extracts.map((x): ExtractRead =>
    x.kind === 'loaded'
      ? { kind: 'loaded', name: x.extract.name, extract: x.extract }
      : { kind: 'failed', name: x.name, failure: { type: 'problem', problem: x.problem } },
  );
  return { extracts, workbook: { path: read.path, bytes: read.bytes, sha256: read.sha256, sheets: read.sheets } };
}

/**
 * Reads and validates every extract of one source, on whichever thread.
 * `onBytes` hears of each new stretch of the file read: a file read a second
 * time (as Windows-1252, once it turned out not to be UTF-8) counts only the
 * bytes beyond those the first reading reached.
 */
export async function readSource(job: Omit<LoadJob, 'id' | 'progress'>, onBytes?: (bytes: number) => void): Promise<ExtractRead[]> {
  let counted = 0;
  const open = () => {
    const stream = fileStream(job.path);
    if (onBytes) {
      let position = 0;
      stream.on('data', (chunk) => {
        position += chunk.length;
        if (position > counted) {
          onBytes(position - counted);
          counted = position;
        }
      });
    }
    return stream;
  };
  const reads: ExtractRead[] = [];
  // A CSV file holds one extract. (A workbook will read its sheets in one pass, each into its own validator.)
  for (const { name, mapping } of job.extracts) {
    try {
      const source = csvSource(job.path, open, { encoding: mapping.encoding, size: job.size, reader: job.reader });
      reads.push({ kind: 'loaded', name, extract: await loadExtract(name, source, { asAt: job.asAt, mapping, placeholders: job.placeholders }) });
    } catch (e) {
      reads.push({ kind: 'failed', name, failure: describeLoadFailure(e, jobSource(job)) });
    }
  }
  return reads;
}

/** The first part of a split file, read, and what merging the later part needs. */
export interface FirstPart<N extends ExtractName = ExtractName> {
  readonly validator: ExtractValidator<N>;
  /** The whole file's provenance, with the first part's blank lines. */
  readonly provenance: Provenance & { readonly kind: 'csv' };
  /** The line the later part starts on. */
  readonly nextLine: number;
}

/**
 * Reads the first part of a split CSV file, up to byte `end`, hashing the
 * whole file; undefined when the split cannot be used (`end` is not where a
 * record starts, the file is not of the shape the fast reader reads, is not
 * UTF-8, or cannot be read as this extract): the whole file is then read
 * as usual, which says why when something is wrong.
 */
export async function readFirstPart(job: Omit<LoadJob, 'id' | 'progress'>, end: number, onBytes?: (bytes: number) => void): Promise<FirstPart | undefined> {
  const { name, mapping } = job.extracts[0]!;
  const ref: SourceRef = { kind: 'csv', path: job.path };
  const validator = new ExtractValidator(extractDef(name), ref, { asAt: job.asAt, mapping, placeholders: job.placeholders, sizeHint: job.size });
  try {
    const stream = fileStream(job.path);
    if (onBytes) stream.on('data', (chunk) => onBytes(chunk.length));
    const read = await readCsvFirstPart(stream, validator, end, { encoding: mapping.encoding ?? 'auto' });
    if (!read.whole || read.stats.encoding !== 'utf-8') return undefined;
    const { bytes, sha256, encoding, blankLines } = read.stats;
    return { validator, provenance: { kind: 'csv', path: job.path, bytes, sha256, encoding, blankLines }, nextLine: read.nextLine };
  } catch {
    return undefined;
  }
}

/** Reads a later part of a split CSV file (on a worker thread); undefined when it cannot be used (see readFirstPart). */
export async function readLaterPart(job: PartJob): Promise<{ state: PartState; transfer: ArrayBuffer[] } | undefined> {
  const { name, mapping } = job.extract;
  const ref: SourceRef = { kind: 'csv', path: job.path };
  const validator = new ExtractValidator(extractDef(name), ref, { asAt: job.asAt, mapping, placeholders: job.placeholders, deferKeys: true });
  try {
    validator.onHeader(job.header.cells, job.header.line);
    const blankLines = await readCsvLaterPart(fileStream(job.path, job.start), validator);
    return partState(validator, blankLines);
  } catch {
    return undefined;
  }
}

/** Merges the later part into the first (see src/normalise/split.ts): the extract as one thread would have read it. */
export async function mergeParts(first: FirstPart, later: PartState): Promise<LoadedExtract> {
  // Pausing lets this thread hand the workers their next sources while it merges.
  await mergePart(first.validator, later, first.nextLine - 1, () => new Promise((resolve) => setImmediate(resolve)));
  const provenance = { ...first.provenance, blankLines: first.provenance.blankLines + later.blankLines };
  return loadedFrom(first.validator.def.name, first.validator, provenance);
}

export function describeLoadFailure(e: unknown, source: SourceRef): LoadFailure {
  if (e instanceof ExtractError) return { type: 'problem', problem: e.problem };
  if (e instanceof CliError) return { type: 'problem', problem: unreadable(source, e.message) };
  if ((e as NodeJS.ErrnoException)?.code) return { type: 'problem', problem: unreadable(source, `cannot read ${source.path}: ${(e as Error).message}`) };
  return { type: 'internal', ...internalError(e) };
}

/** A failure that is a bug, as plain data to send between threads: its message and stack. */
export function internalError(e: unknown): { readonly message: string; readonly stack: string } {
  const err = e as Error;
  return { message: err?.message ?? String(e), stack: err?.stack ?? '' };
}

/** An internal error sent from another thread (see internalError), as an Error again, with the stack where it arose. */
export function errorFrom(internal: { readonly message: string; readonly stack: string }): Error {
  return Object.assign(new Error(internal.message), { stack: internal.stack });
}

/** The failure as the error the commands handle: one plain line, or an internal error. */
export function failureError(failure: LoadFailure): Error {
  if (failure.type === 'internal') return errorFrom(failure);
  return new CliError(problemLine(failure.problem));
}
