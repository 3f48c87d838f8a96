/**
 * A worker thread that reads extracts for the main thread, so that on a
 * machine with several cores the extracts are read at the same time. It
 * receives one job at a time and sends back the loaded extract as plain
 * data (its columns travel without copying), or why it failed.
 */
import { parentPort } from 'node:worker_threads';
import { extractState, loadExtract } from '../normalise/load.js';
import { describeLoadFailure, type LoadJob, type WorkerReply } from './load-protocol.js';
import { fileStream } from './io.js';

const port = parentPort;
if (!port) throw new Error('load-worker.js runs as a worker thread');

port.on('message', (job: LoadJob) => {
  void run(job);
});

async function run(job: LoadJob): Promise<void> {
  const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port!.postMessage(message, transfer);
  try {
    const open = () => {
      const stream = fileStream(job.path);
      if (job.progress) stream.on('data', (chunk) => reply({ kind: 'progress', id: job.id, bytes: chunk.length }));
      return stream;
    };
    const extract = await loadExtract(job.name, open, { file: job.path, asAt: job.asAt, mapping: job.mapping, sizeHint: job.size });
    const { state, transfer } = extractState(extract);
    reply({ kind: 'loaded', id: job.id, state }, transfer);
  } catch (e) {
    reply({ kind: 'failed', id: job.id, failure: describeLoadFailure(e, job.path) });
  }
}
