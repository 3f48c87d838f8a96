/**
 * What the main thread and the extract-reading workers say to each other;
 * how either reads one extract file, and describes a failure to read it.
 */
import type { Day } from '../core/day.js';
import type { ExtractName } from '../normalise/extracts.js';
import { type ExtractState, type LoadedExtract, loadExtract } from '../normalise/load.js';
import { ExtractError, type ExtractMapping } from '../normalise/validate.js';
import { CliError } from './errors.js';
import { fileStream } from './io.js';

export interface LoadJob {
  readonly id: number;
  readonly name: ExtractName;
  readonly path: string;
  /** The file's size in bytes. */
  readonly size: number;
  readonly asAt: Day;
  readonly mapping: ExtractMapping;
  /** Send progress messages as bytes are read. */
  readonly progress: boolean;
}

/** Why an extract could not be read. */
export type LoadFailure =
  | { readonly type: 'extract'; readonly code: string; readonly line: number; readonly detail: string; readonly message: string }
  | { readonly type: 'cli'; readonly message: string }
  | { readonly type: 'internal'; readonly message: string; readonly stack: string };

export type WorkerReply =
  | { readonly kind: 'progress'; readonly id: number; readonly bytes: number }
  | { readonly kind: 'loaded'; readonly id: number; readonly state: ExtractState }
  | { readonly kind: 'failed'; readonly id: number; readonly failure: LoadFailure };

/**
 * Reads and validates one extract file, on whichever thread. `onBytes` hears
 * of each new stretch of the file read: a file read a second time (as
 * Windows-1252, once it turned out not to be UTF-8) counts only the bytes
 * beyond those the first reading reached.
 */
export function readExtractFile(
  job: Pick<LoadJob, 'name' | 'path' | 'size' | 'asAt' | 'mapping'>,
  onBytes?: (bytes: number) => void,
): Promise<LoadedExtract> {
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
  return loadExtract(job.name, open, { file: job.path, asAt: job.asAt, mapping: job.mapping, sizeHint: job.size });
}

export function describeLoadFailure(e: unknown, path: string): LoadFailure {
  if (e instanceof ExtractError) return { type: 'extract', code: e.code, line: e.line, detail: e.detail, message: e.message };
  if (e instanceof CliError) return { type: 'cli', message: e.message };
  if ((e as NodeJS.ErrnoException)?.code) return { type: 'cli', message: `cannot read ${path}: ${(e as Error).message}` };
  const err = e as Error;
  return { type: 'internal', message: err?.message ?? String(e), stack: err?.stack ?? '' };
}

/** The failure as the error the commands handle: one plain line, or an internal error. */
export function failureError(failure: LoadFailure): Error {
  if (failure.type === 'internal') return Object.assign(new Error(failure.message), { stack: failure.stack });
  return new CliError(failure.message);
}
