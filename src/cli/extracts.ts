/**
 * Finding the extract files and loading them: each file is a source, read
 * on this thread or in a worker thread.
 */
import { join } from 'node:path';
import type { Day } from '../core/day.js';
import { type Config, mappingOf, placeholdersOf } from '../config/config.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName, extractFileNames } from '../normalise/extracts.js';
import { type LoadedExtract, restoreExtract } from '../normalise/load.js';
import { CliError } from './errors.js';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkFile, listFolder } from './io.js';
import {
  describeLoadFailure,
  type ExtractRead,
  failureError,
  jobSource,
  type LoadFailure,
  type LoadJob,
  readSource,
  type SourceJob,
  type WorkerReply,
} from './load-protocol.js';
import type { Progress } from './progress.js';

export interface ExtractSources {
  /** Folder holding contacts.csv, assessments.csv ... */
  readonly data?: string | undefined;
  /** Files named one by one; these win over the folder. */
  readonly files: Partial<Record<ExtractName, string>>;
}

/**
 * The file of each extract that is present. In the data folder an extract is
 * found by its file name (contacts.csv ...) or its Standard Safeguarding
 * Dataset table's (ssd_contacts.csv ...), without regard to case.
 */
export async function locateExtracts(sources: ExtractSources): Promise<Map<ExtractName, string>> {
  const found = new Map<ExtractName, string>();
  if (sources.data !== undefined) {
    const entries = await listFolder(sources.data);
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
  if (found.size === 0) {
    const expected = EXTRACT_NAMES.map((n) => EXTRACTS[n].file).join(', ');
    throw new CliError(
      sources.data === undefined
        ? 'no extracts given: use --data DIR, or name files with --contacts FILE and the like'
        : `no extracts found in ${sources.data}: expected one or more of ${expected}`,
    );
  }
  return found;
}

/** What became of one extract. */
export type LoadOutcome =
  | { readonly kind: 'loaded'; readonly extract: LoadedExtract }
  | { readonly kind: 'failed'; readonly name: ExtractName; readonly failure: LoadFailure };

export interface LoadOptions {
  readonly progress?: Progress | undefined;
  /** How many sources to read at once (default: one per CPU core for 16 MiB of sources or more, else one). */
  readonly jobs?: number | undefined;
}

/** Below this much data in all, sources are read on one thread unless --jobs says otherwise. */
const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;

/** The compiled worker, when running from the build (tests run the sources, and read one source at a time). */
const WORKER = new URL('./load-worker.js', import.meta.url);

/** A source to read, before its size is known; `order` is its first extract's place in the usual order. */
type PlannedJob = Omit<SourceJob, 'size'> & { readonly order: number };

/** The sources to read: one per file, each with the extracts it holds (a CSV file holds one). */
function sourceJobs(files: ReadonlyMap<ExtractName, string>, config: Config): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (const [order, name] of EXTRACT_NAMES.entries()) {
    const path = files.get(name);
    if (path !== undefined) jobs.push({ kind: 'csv', path, extracts: [{ name, mapping: mappingOf(config, name) }], order });
  }
  return jobs;
}

/**
 * Reads every extract, several sources at once on a machine with several
 * cores: the largest on this thread, the others in worker threads, each
 * streamed. The outcome does not depend on which thread read what.
 */
export async function loadAll(
  files: ReadonlyMap<ExtractName, string>,
  asAt: Day,
  config: Config,
  options: LoadOptions = {},
): Promise<Map<ExtractName, LoadOutcome>> {
  const outcomes = new Map<ExtractName, LoadOutcome>();
  const placeholders = placeholdersOf(config);
  const settle = (reads: readonly ExtractRead[]) => {
    for (const read of reads) outcomes.set(read.name, read.kind === 'loaded' ? { kind: 'loaded', extract: read.extract } : read);
  };
  const failAll = (job: PlannedJob, failure: LoadFailure) => settle(job.extracts.map(({ name }) => ({ kind: 'failed', name, failure })));
  const queue: (PlannedJob & { readonly size: number })[] = [];
  for (const job of sourceJobs(files, config)) {
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
  const count = queue.reduce((n, j) => n + j.extracts.length, 0);
  progress?.start(`${count} extract${count === 1 ? '' : 's'}`, total);

  // A worker takes a tenth of a second to start: not worth it for small sources.
  const jobs = options.jobs ?? (total >= PARALLEL_FROM_BYTES ? availableParallelism() : 1);
  const wanted = Math.min(jobs, queue.length) - 1;
  const workers = wanted > 0 && existsSync(fileURLToPath(WORKER)) ? Array.from({ length: wanted }, () => new Worker(WORKER)) : [];
  let nextId = 0;
  const take = () => queue.shift();

  const onThisThread = async (): Promise<void> => {
    for (let job = take(); job; job = take()) {
      const onBytes = progress ? (bytes: number) => progress.advance(bytes) : undefined;
      try {
        settle(await readSource({ ...job, asAt, placeholders }, onBytes));
      } catch (e) {
        failAll(job, describeLoadFailure(e, jobSource(job)));
      }
    }
  };

  const onWorker = async (worker: Worker): Promise<void> => {
    // Ended as soon as there is nothing left for it: its heap is freed while
    // this thread is still reading the largest source.
    for (let job = take(); job; job = take()) {
      const id = nextId++;
      const reply = await new Promise<Extract<WorkerReply, { kind: 'done' }>>((resolve, reject) => {
        const onMessage = (m: WorkerReply) => {
          if (m.id !== id) return;
          if (m.kind === 'progress') progress?.advance(m.bytes);
          else {
            worker.off('message', onMessage).off('error', reject);
            resolve(m);
          }
        };
        worker.on('message', onMessage).on('error', reject);
        const message: LoadJob = {
          id,
          kind: job.kind,
          path: job.path,
          size: job.size,
          extracts: job.extracts,
          asAt,
          placeholders,
          progress: progress !== undefined,
        };
        worker.postMessage(message);
      });
      settle(reply.extracts.map((x): ExtractRead => (x.kind === 'loaded' ? { kind: 'loaded', name: x.name, extract: restoreExtract(x.state) } : x)));
    }
    await worker.terminate();
  };

  try {
    await Promise.all([onThisThread(), ...workers.map(onWorker)]);
  } finally {
    progress?.finish();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

/**
 * Reads the extracts (see loadAll) and returns them in the usual order.
 * @throws CliError for the first extract, in that order, that cannot be read.
 */
export async function loadExtracts(
  files: ReadonlyMap<ExtractName, string>,
  asAt: Day,
  config: Config,
  options: LoadOptions = {},
): Promise<LoadedExtract[]> {
  const outcomes = await loadAll(files, asAt, config, options);
  const loaded: LoadedExtract[] = [];
  for (const name of EXTRACT_NAMES) {
    const outcome = outcomes.get(name);
    if (!outcome) continue;
    if (outcome.kind === 'failed') throw failureError(outcome.failure);
    loaded.push(outcome.extract);
  }
  return loaded;
}
