/**
 * A worker thread that reads extracts for the main thread, so that on a
 * machine with several cores the extracts are read at the same time. It
 * receives one job at a time and sends back the loaded extract as plain
 * data (its columns travel without copying), or why it failed.
 */
import { parentPort } from 'node:worker_threads';
import { extractState } from '../normalise/load.js';
import { describeLoadFailure, type LoadJob, readExtractFile, type WorkerReply } from './load-protocol.js';

const port = parentPort;
if (!port) throw new Error('load-worker.js runs as a worker thread');

port.on('message', (job: LoadJob) => {
  void run(job);
});

async function run(job: LoadJob): Promise<void> {
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port!.postMessage(message, transfer);
  try {
    const onBytes = job.progress ? (bytes: number) => reply({ kind: 'progress', id: job.id, bytes }) : undefined;
    const extract = await readExtractFile(job, onBytes);
    const { state, transfer } = extractState(extract);
    reply({ kind: 'loaded', id: job.id, state }, transfer);
  } catch (e) {
    reply({ kind: 'failed', id: job.id, failure: describeLoadFailure(e, job.path) });
  }
}
