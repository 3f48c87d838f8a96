/**
 * Finding the extract files and workbooks and loading them: each file is a
 * source, read on this thread or in a worker thread. A workbook yields the
 * extracts its sheets are; the same extract from two sources (a CSV file
 * and a sheet, two sheets, two workbooks) is a usage error naming both.
 */
import { join } from 'node:path';
import { adoptBankHolidays } from '../core/calendar.js';
import { type Day, ymdFromDay } from '../core/day.js';
import { type Config, mappingOf, placeholdersOf } from '../config/config.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName, extractFileNames } from '../normalise/extracts.js';
import { type LoadedExtract, restoreExtract, shareSpellings } from '../normalise/load.js';
import type { CsvReader } from '../read/csv-source.js';
import { sourceRef } from '../read/source.js';
import { sourceText } from '../report/wording.js';
import { CliError } from './errors.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkFile, listFolder } from './io.js';
import {
  describeLoadFailure,
  type ExtractRead,
  failureError,
  type FirstPart,
  type JobExtras,
  jobSource,
  type LoadFailure,
  type LoadJob,
  mergeParts,
  type PartJob,
  readFirstPart,
  readJob,
  type SourceJob,
  type WorkbookSummary,
  type WorkerJob,
  type WorkerReply,
} from './load-protocol.js';
import { open, type FileHandle } from 'node:fs/promises';
import type { PartState } from '../normalise/split.js';
import { encodingOf } from '../read/decode.js';
import { headerOf } from '../read/fast-csv.js';
import type { Progress } from './progress.js';

export interface ExtractSources {
  /** Folder holding contacts.csv, assessments.csv ... and any .xlsx workbooks. */
  readonly data?: string | undefined;
  /** Files named one by one; these win over the folder. */
  readonly files: Partial<Record<ExtractName, string>>;
  /** Workbooks named with --workbook, in the order given. */
  readonly workbooks?: readonly string[] | undefined;
}

/** The sources found: a CSV file per extract, and workbooks (whose sheets say which extracts they hold). */
export interface Located {
  readonly files: ReadonlyMap<ExtractName, string>;
  readonly workbooks: readonly string[];
}

/** A workbook in a data folder: `.xlsx` in any case, but not the lock file Excel leaves beside an open one (`~$book.xlsx`). */
function isWorkbookName(name: string): boolean {
  return name.toLowerCase().endsWith('.xlsx') && !name.startsWith('~$');
}

/**
 * The file of each extract that is present, and the workbooks. In the data
 * folder an extract is found by its file name (contacts.csv ...) or its
 * Standard Safeguarding Dataset table's (ssd_contacts.csv ...), without
 * regard to case, and every `.xlsx` file is a workbook to read.
 */
export async function locateExtracts(sources: ExtractSources): Promise<Located> {
  const found = new Map<ExtractName, string>();
  const workbooks: string[] = [];
  if (sources.data !== undefined) {
    const entries = await listFolder(sources.data);
    for (const e of [...entries].filter(isWorkbookName).sort()) workbooks.push(join(sources.data, e));
    for (const name of EXTRACT_NAMES) {
      const names = extractFileNames(name);
      const matches = entries.filter((e) => names.includes(e.toLowerCase()));
      if (matches.length > 1) {
        throw new CliError(`the data folder ${sources.data} has more than one ${name} extract: ${matches.join(', ')}`);
      }
      if (matches[0] !== undefined) found.set(name, join(sources.data, matches[0]));
    }
  }
  for (const name of EXTRACT_NAMES) {
    const file = sources.files[name];
    if (file !== undefined) found.set(name, file);
  }
  for (const w of sources.workbooks ?? []) if (!workbooks.includes(w)) workbooks.push(w);
  if (found.size === 0 && workbooks.length === 0) {
    const expected = EXTRACT_NAMES.map((n) => EXTRACTS[n].file).join(', ');
    throw new CliError(
      sources.data === undefined
        ? 'no extracts given: use --data DIR, --workbook FILE, or name files with --contacts FILE and the like'
        : `no extracts found in ${sources.data}: expected one or more of ${expected}, or an .xlsx workbook`,
    );
  }
  return { files: found, workbooks };
}

/** What became of one extract. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly extract: LoadedExtract }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly failure: LoadFailure };

export interface LoadOptions {
  readonly progress?: Progress | undefined;
  /** How many sources to read at once (default: one per CPU core for 16 MiB of sources or more, else one). */
  readonly jobs?: number | undefined;
  /** How CSV files are read (see csvReaderOf). */
  readonly reader?: CsvReader | undefined;
  /** The size from which the largest CSV file is read by two threads (default SPLIT_FROM_BYTES; tests set it low). */
  readonly splitFromBytes?: number | undefined;
  /**
   * Keep a worker thread for the measures (see measure-share.ts): when the
   * sources are read on several threads, the first worker loads the
   * measures while it reads, and is handed back (Loaded.worker) instead of
   * ended. The caller ends it.
   */
  readonly keepWorker?: boolean | undefined;
}

/**
 * How CSV files are read: the fast reader by default; csv-parse alone, the
 * reference, with the environment variable `CSC_KPI_CSV_READER=csv-parse`
 * (the output is the same either way: a way to show it, or to rule the
 * fast reader out).
 */
export function csvReaderOf(env: Readonly<Record<string, string | undefined>>): CsvReader {
  return env.CSC_KPI_CSV_READER === 'csv-parse' ? 'csv-parse' : 'fast';
}

/** A CSV file this large or larger, the largest of the sources, is read by two threads at once. */
const SPLIT_FROM_BYTES = 16 * 1024 * 1024;

/** Where a split file is split, as a share of its bytes (the first part's). */
const SPLIT_AT = 0.45;

/** Bytes read from the start of a file to find its header, and around its middle to find a line feed. */
const PEEK_BYTES = 64 * 1024;

/**
 * Where to split a large CSV file for reading on two threads: just after
 * the first line feed from its middle on, with its header (read from its
 * first bytes) for the later part. Undefined when the file is not to be
 * split: not UTF-8, no header in its first bytes, no line feed near its
 * middle. Whether the split point is a record boundary is known only once
 * the first part has been read (see readFirstPart).
 */
async function planSplit(job: PlannedJob & { readonly size: number }): Promise<
  { job: PlannedJob & { readonly size: number }; start: number; header: { cells: readonly string[]; line: number } } | undefined
> {
  let file: FileHandle | undefined;
  try {
    file = await open(job.path, 'r');
    const head = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await file.read(head, 0, PEEK_BYTES, 0);
    const first = head.subarray(0, bytesRead);
    if (encodingOf(first, job.extracts[0]!.mapping.encoding ?? 'auto') !== 'utf-8') return undefined;
    const header = headerOf(first);
    if (!header) return undefined;
    // A little before the middle: this thread also hashes the whole file and merges the later part.
    const middle = Math.floor(job.size * SPLIT_AT);
    const window = Buffer.alloc(PEEK_BYTES);
    const got = (await file.read(window, 0, PEEK_BYTES, middle)).bytesRead;
    const lf = window.subarray(0, got).indexOf(0x0a);
    const start = lf < 0 ? -1 : middle + lf + 1;
    if (start <= first.length || start >= job.size) return undefined;
    return { job, start, header: { cells: [...header.cells], line: header.line } };
  } catch {
    return undefined;
  } finally {
    await file?.close();
  }
}

/** The years about the as-at date whose bank holidays a kept worker works out for this thread (see loadAll). */
const BANK_HOLIDAY_YEARS_BEFORE = 8;
const BANK_HOLIDAY_YEARS_AFTER = 2;

/**
 * With as many JavaScript threads as the machine has cores, V8's compiler
 * threads have no core to themselves: a function worth optimising goes on
 * running unoptimised until the compiler, sharing a core with the readers,
 * has finished with it. Optimising on the thread that runs the function
 * then costs less (on two cores, 1,000,000 contacts on two threads: 3.04 s
 * against 3.16 s, median of 6 alternated runs; on one thread, with a core
 * to spare, it would cost more: 4.53 s against 4.29 s, so it is not done
 * then). The setting is V8's, for the whole process from then on (it is
 * made before the workers start, so they have it from their first line);
 * it changes when code is optimised, never what it does.
 */
function compileInForeground(threads: number): void {
  if (threads >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
}

/** Below this much data in all, sources are read on one thread unless --jobs says otherwise. */
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;

/** The compiled worker, when running from the build (tests run the sources, and read one source at a time). */
const WORKER = new URL('./load-worker.js', import.meta.url);

/**
 * A source to read, before its size is known; `order` is its place among the
 * sources: CSV files in the usual order of their extracts, then workbooks as given.
 */
type PlannedJob = Omit<SourceJob, 'size'> & { readonly order: number };

/** The sources to read: one per file, each with the extracts it holds (a CSV file holds one; a workbook may hold any). */
function sourceJobs(located: Located, config: Config): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const [order, name] of EXTRACT_NAMES.entries()) {
    const path = located.files.get(name);
    if (path !== undefined) jobs.push({ kind: 'csv', path, extracts: [{ name, mapping: mappingOf(config, name) }], order });
  }
  const every = EXTRACT_NAMES.map((name) => ({ name, mapping: mappingOf(config, name) }));
  located.workbooks.forEach((path, i) => jobs.push({ kind: 'workbook', path, extracts: every, order: EXTRACT_NAMES.length + i }));
  return jobs;
}

/** Everything read: each extract's outcome, and each workbook's sheets (in the order the workbooks were given). */
export interface Loaded {
  readonly outcomes: Map<ExtractName, LoadOutcome>;
  readonly workbooks: readonly WorkbookSummary[];
  /** With `keepWorker`, the worker kept, when the sources were read on several threads. */
  readonly worker?: Worker | undefined;
}

/** Where an outcome came from, as named to the user. */
function outcomeSource(read: ExtractRead): string {
  if (read.kind === 'loaded') return sourceText(sourceRef(read.extract.source));
  return read.failure.type === 'problem' ? sourceText(read.failure.problem.at.source) : '';
}

/**
 * Reads every extract, several sources at once on a machine with several
 * cores, each streamed: the largest first, on this thread (or, when it is
 * split, its first part here and its later part on a worker), then each
 * thread takes the largest source left as it comes free, except that this
 * thread takes the smallest while a split file's later part is still being
 * read. The outcome does not depend on which thread read what.
 */
export async function loadAll(located: Located, asAt: Day, config: Config, options: LoadOptions = {}): Promise<Loaded> {
  const placeholders = placeholdersOf(config);
  // Every read of each extract, with its source's order: more than one is a usage error.
  const reads = new Map<ExtractName, { order: number; read: ExtractRead }[]>();
  const workbooks: { order: number; summary: WorkbookSummary }[] = [];
  const workbookFailures: { order: number; failure: LoadFailure | string }[] = [];
  const settle = (job: PlannedJob, got: readonly ExtractRead[], extras: JobExtras = {}) => {
    for (const read of got) reads.set(read.name, [...(reads.get(read.name) ?? []), { order: job.order, read }]);
    if (extras.workbook) workbooks.push({ order: job.order, summary: extras.workbook });
    if (extras.workbookError !== undefined) workbookFailures.push({ order: job.order, failure: extras.workbookError });
  };
  const failAll = (job: PlannedJob, failure: LoadFailure) => {
    // A workbook that cannot be read holds no extract anyone can name: the run stops.
    if (job.kind === 'workbook') workbookFailures.push({ order: job.order, failure });
    else settle(job, job.extracts.map(({ name }) => ({ kind: 'failed', name, failure })));
  };
  const queue: (PlannedJob & { readonly size: number })[] = [];
  for (const job of sourceJobs(located, config)) {
    try {
      queue.push({ ...job, size: await checkFile(job.path) });
    } catch (e) {
      failAll(job, describeLoadFailure(e, jobSource(job)));
    }
  }
  // Largest first, so the long reads start at once.
  queue.sort((a, b) => b.size - a.size || a.order - b.order);
  const progress = options.progress?.enabled ? options.progress : undefined;
  const total = queue.reduce((n, j) => n + j.size, 0);
  const count = queue.reduce((n, j) => n + (j.kind === 'csv' ? j.extracts.length : 0), 0);
  const books = queue.length - queue.filter((j) => j.kind === 'csv').length;
  const label = [count ? `${count} extract${count === 1 ? '' : 's'}` : '', books ? `${books} workbook${books === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  progress?.start(label, total);

  // A worker takes a tenth of a second to start: not worth it for small sources.
  const jobs = options.jobs ?? (total >= PARALLEL_FROM_BYTES ? availableParallelism() : 1);
  const canSpawn = existsSync(fileURLToPath(WORKER));
  // The largest CSV file, when large enough, is split in two so that two threads read it (see src/normalise/split.ts).
  const largest = queue[0];
  const split =
    jobs >= 2 &&
    canSpawn &&
    options.reader !== 'csv-parse' &&
    largest?.kind === 'csv' &&
    largest.size >= (options.splitFromBytes ?? SPLIT_FROM_BYTES) &&
    // A later part keeps no warnings of its own: an extract that reads a date out of order as blank, with a warning, is read whole.
    largest.extracts.every((x) => EXTRACTS[x.name].blankOrder === undefined)
      ? await planSplit(largest)
      : undefined;
  if (split) queue.shift();
  // A split file is two jobs, one of them for a worker.
  const wanted = Math.min(jobs, queue.length + (split ? 2 : 0)) - 1;
  const spawning = wanted > 0 && canSpawn;
  if (spawning) compileInForeground(wanted + 1);
  const workers = spawning ? Array.from({ length: wanted }, () => new Worker(WORKER)) : [];
  // Measures are shared only between groups of extracts: one extract alone keeps no worker.
  const kept = options.keepWorker && count + books > 1 ? workers[0] : undefined;
  // Loading the measures takes a fifth of a second: done while the other threads read. The worker
  // also works out the bank holidays of the years about the as-at date, so this thread need not load
  // date-holidays for them (a year outside them is worked out here when asked for).
  if (kept) {
    const { year } = ymdFromDay(asAt);
    const years = Array.from({ length: BANK_HOLIDAY_YEARS_BEFORE + BANK_HOLIDAY_YEARS_AFTER + 1 }, (_, i) => year - BANK_HOLIDAY_YEARS_BEFORE + i);
    const calendar = config.calendar;
    kept.on('message', (m: WorkerReply) => {
      if (m.kind === 'bank-holidays') adoptBankHolidays(m.table);
    });
    kept.postMessage({ kind: 'warm-up', bankHolidays: calendar.bankHolidays ? { region: calendar.region, years } : undefined } satisfies WorkerJob);
  }
  let nextId = 0;
  /** The next source: the largest, or with `smallest` the smallest (see onThisThread). */
  const take = (smallest = false) => (smallest ? queue.pop() : queue.shift());

  /** Sends a job to a worker and waits for its answer, passing on its progress. */
  const ask = (worker: Worker, message: LoadJob | PartJob): Promise<Exclude<WorkerReply, { kind: 'progress' }>> =>
    new Promise((resolve, reject) => {
      const onMessage = (m: WorkerReply) => {
        if (m.id !== message.id) return;
        if (m.kind === 'progress') progress?.advance(m.bytes);
        else {
          worker.off('message', onMessage).off('error', reject);
          resolve(m);
        }
      };
      worker.on('message', onMessage).on('error', reject);
      worker.postMessage(message);
    });

  // The two parts of a split file: the first on this thread, the later one on the first worker.
  let firstPart: FirstPart | undefined;
  let laterPart: Promise<PartState | undefined> | undefined;
  let laterRead = false;
  let splitDone = !split;
  /** Merges the parts of the split file into its extract; when the split cannot be used, reads the whole file. */
  const finishSplit = async (): Promise<void> => {
    splitDone = true;
    const later = laterPart ? await laterPart : undefined;
    if (firstPart && later) {
      settle(split!.job, [{ kind: 'loaded', name: firstPart.validator.def.name, extract: await mergeParts(firstPart, later) }]);
      return;
    }
    try {
      const { extracts, ...extras } = await readJob({ ...split!.job, asAt, placeholders, reader: options.reader });
      settle(split!.job, extracts, extras);
    } catch (e) {
      failAll(split!.job, describeLoadFailure(e, jobSource(split!.job)));
    }
  };

  const onThisThread = async (): Promise<void> => {
    if (split) {
      const onBytes = progress ? (bytes: number) => progress.advance(bytes) : undefined;
      firstPart = await readFirstPart({ ...split.job, asAt, placeholders }, split.start, onBytes);
    }
    for (;;) {
      // The merge as soon as the later part is in, while the workers read on.
      if (!splitDone && laterRead) await finishSplit();
      // Until then, the smallest source: the merge, which only this thread can do, then waits for no long
      // read, and the workers are left the large ones (else a worker may sit idle at the end while this
      // thread finishes a large file and then merges).
      const job = take(!splitDone);
      if (!job) break;
      const onBytes = progress ? (bytes: number) => progress.advance(bytes) : undefined;
      try {
        const { extracts, ...extras } = await readJob({ ...job, asAt, placeholders, reader: options.reader }, onBytes);
        settle(job, extracts, extras);
      } catch (e) {
        failAll(job, describeLoadFailure(e, jobSource(job)));
      }
    }
    if (!splitDone) await finishSplit();
  };

  const onWorker = async (worker: Worker, w: number): Promise<void> => {
    if (split && w === 0) {
      const message: PartJob = {
        kind: 'csv-part',
        id: nextId++,
        path: split.job.path,
        start: split.start,
        extract: split.job.extracts[0]!,
        asAt,
        placeholders,
        header: split.header,
      };
      laterPart = ask(worker, message).then((m) => {
        laterRead = true;
        return m.kind === 'part-done' ? m.state : undefined;
      });
      await laterPart;
    }
    // Ended as soon as there is nothing left for it: its heap is freed while
    // this thread is still reading the largest source.
    for (let job = take(); job; job = take()) {
      const id = nextId++;
      const reply = await ask(
        worker,
        {
          id,
          kind: job.kind,
          path: job.path,
          size: job.size,
          extracts: job.extracts,
          asAt,
          placeholders,
          progress: progress !== undefined,
          reader: options.reader,
        } satisfies LoadJob,
      );
      if (reply.kind !== 'done') throw new Error('internal: a worker answered a source with a part');
      const { extracts, kind: _done, id: _id, ...extras } = reply;
      settle(
        job,
        extracts.map((x): ExtractRead => (x.kind === 'loaded' ? { kind: 'loaded', name: x.name, extract: restoreExtract(x.state) } : x)),
        extras,
      );
    }
    if (worker !== kept) await worker.terminate();
  };

  let done = false;
  try {
    await Promise.all([onThisThread(), ...workers.map(onWorker)]);
    done = true;
  } finally {
    progress?.finish();
    await Promise.all(workers.filter((w) => !done || w !== kept).map((w) => w.terminate()));
  }
  try {
    return { ...settled(reads, workbooks, workbookFailures), worker: kept };
  } catch (e) {
    await kept?.terminate();
    throw e;
  }
}

/** The outcome of each extract once every source has been read. */
function settled(
  reads: ReadonlyMap<ExtractName, { order: number; read: ExtractRead }[]>,
  workbooks: { order: number; summary: WorkbookSummary }[],
  workbookFailures: { order: number; failure: LoadFailure | string }[],
): Omit<Loaded, 'worker'> {
  const firstFailure = workbookFailures.sort((a, b) => a.order - b.order)[0];
  if (firstFailure) throw typeof firstFailure.failure === 'string' ? new CliError(firstFailure.failure) : failureError(firstFailure.failure);
  const outcomes = new Map<ExtractName, LoadOutcome>();
  for (const name of EXTRACT_NAMES) {
    const got = (reads.get(name) ?? []).sort((a, b) => a.order - b.order);
    if (got.length > 1) {
      const places = got.map((g) => outcomeSource(g.read));
      throw new CliError(
        `the ${name} extract comes from ${got.length === 2 ? 'two' : got.length} sources, ${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}: give each extract once`,
      );
    }
    const read = got[0]?.read;
    if (read) outcomes.set(name, read.kind === 'loaded' ? { kind: 'loaded', extract: read.extract } : read);
  }
  return { outcomes, workbooks: workbooks.sort((a, b) => a.order - b.order).map((w) => w.summary) };
}

/**
 * Reads the extracts (see loadAll) and returns them in the usual order.
 * @throws CliError for the first extract, in that order, that cannot be read.
 */
export async function loadExtracts(
  located: Located,
  asAt: Day,
  config: Config,
  options: LoadOptions = {},
): Promise<{ extracts: LoadedExtract[]; workbooks: readonly WorkbookSummary[]; worker?: Worker | undefined }> {
  const { outcomes, workbooks, worker } = await loadAll(located, asAt, config, options);
  const loaded: LoadedExtract[] = [];
  for (const name of EXTRACT_NAMES) {
    const outcome = outcomes.get(name);
    if (!outcome) continue;
    if (outcome.kind === 'failed') {
      await worker?.terminate();
      throw failureError(outcome.failure);
    }
    loaded.push(outcome.extract);
  }
  shareSpellings(loaded);
  return { extracts: loaded, workbooks, worker };
}
