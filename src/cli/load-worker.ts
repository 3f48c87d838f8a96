/**
 * A worker thread that reads sources for the main thread, so that on a
 * machine with several cores the extracts are read at the same time. It
 * receives one job (one source) at a time and sends back each extract of
 * it as plain data (its columns travel without copying), or why it failed.
 */
import { parentPort } from 'node:worker_threads';
import type { MeasureJob } from './measure-job.js';
import { extractState } from '../normalise/load.js';
import {
  describeLoadFailure,
  internalError,
  type ExtractReply,
  type JobExtras,
  jobSource,
  type LoadJob,
  type PartJob,
  readJob,
  readLaterPart,
  type WarmUp,
  type WorkerJob,
  type WorkerReply,
} from './load-protocol.js';
import { bankHolidayTable } from '../core/calendar.js';

const port = parentPort;
if (!port) throw new Error('load-worker.js runs as a worker thread');

port.on('message', (job: WorkerJob) => {
  // A warm-up that fails says nothing: the measures job, if one comes, loads them again and reports why it cannot.
  if (job.kind === 'warm-up') void warmUp(job).catch(() => undefined);
  else if (job.kind === 'measures') void runMeasures(job);
  else void (job.kind === 'csv-part' ? runPart(job) : run(job));
});

/** Loads the measures, and works out the bank holidays the main thread will want (see WarmUp). */
async function warmUp(job: WarmUp): Promise<void> {
  await import('./measure-job.js');
  if (!job.bankHolidays) return;
  const { region, years } = job.bankHolidays;
  port!.postMessage({ kind: 'bank-holidays', table: bankHolidayTable(region, years) } satisfies WorkerReply);
}

/** A share of a scorecard's measures (see measure-share.ts); the measures are loaded only for this. */
async function runMeasures(job: MeasureJob): Promise<void> {
  let answer: { reply: WorkerReply; transfer: ArrayBuffer[] };
  try {
    const { runMeasureJob } = await import('./measure-job.js');
    answer = runMeasureJob(job);
  } catch (e) {
    answer = { reply: { kind: 'measures-failed', id: job.id, ...internalError(e) }, transfer: [] };
  }
  port!.postMessage(answer.reply, answer.transfer);
}

/** A later part of a split file: its rows, or nothing when the part cannot be used. */
async function runPart(job: PartJob): Promise<void> {
  const read = await readLaterPart(job);
  const reply: WorkerReply = { kind: 'part-done', id: job.id, state: read?.state };
  port!.postMessage(reply, read?.transfer ?? []);
}

async function run(job: LoadJob): Promise<void> {
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port!.postMessage(message, transfer);
  const extracts: ExtractReply[] = [];
  const transfer = new Set<ArrayBuffer>();
  let extras: JobExtras = {};
  try {
    const onBytes = job.progress ? (bytes: number) => reply({ kind: 'progress', id: job.id, bytes }) : undefined;
    const { extracts: reads, ...rest } = await readJob(job, onBytes);
    extras = rest;
    for (const read of reads) {
      if (read.kind === 'failed') {
        extracts.push(read);
        continue;
      }
      const { state, transfer: buffers } = extractState(read.extract);
      extracts.push({ kind: 'loaded', name: read.name, state });
      for (const b of buffers) transfer.add(b);
    }
  } catch (e) {
    // readJob reports each extract's failure itself; anything else fails them all.
    const failure = describeLoadFailure(e, jobSource(job));
    for (const { name } of job.kind === 'csv' ? job.extracts : job.extracts.slice(0, 1)) {
      if (!extracts.some((x) => x.name === name)) extracts.push({ kind: 'failed', name, failure });
    }
  }
  reply({ kind: 'done', id: job.id, extracts, ...extras }, [...transfer]);
}
