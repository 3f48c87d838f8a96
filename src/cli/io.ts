/**
 * Everything a command touches outside itself: streams, environment, the
 * clock and the file system. Tests pass their own.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type Day, dayFromYmd } from '../core/day.js';
import { READ_CHUNK_BYTES } from '../read/csv.js';
import { CliError } from './errors.js';

export interface OutputStream {
  write(text: string | Uint8Array): unknown;
  readonly isTTY?: boolean | undefined;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Today's date where the user is; the default as-at date. */
  today(): Day;
}

/** The real process. "Today" is the local calendar date of the machine running the job. */
export function processIo(): CliIo {
  // Output piped into `head` and the like may close early: stop quietly, as other tools do.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    today() {
      const now = new Date();
      return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
    },
  };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'it is a file, not a folder';
    default:
      return (e as Error).message;
  }
}

/** Reads a whole (small) text file such as a configuration. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${what} ${path}: ${describeFsError(e)}`);
  }
}

/** Fails early, and plainly, when a file cannot be read; otherwise its size in bytes. */
export async function checkFile(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    return s.size;
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${describeFsError(e)}`);
  }
}

/** A stream of a file's bytes (in READ_CHUNK_BYTES chunks). */
export function fileStream(path: string, start?: number, end?: number): ReadStream {
  return createReadStream(path, { highWaterMark: READ_CHUNK_BYTES, ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) });
}

/** The entries of a folder, sorted, so a run never depends on the order the file system lists them. */
export async function listFolder(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (e) {
    throw new CliError(`cannot read the data folder ${path}: ${describeFsError(e)}`);
  }
}

/**
 * Writes a file atomically: into a temporary file beside it, then renamed
 * over it, so a failed run never leaves a half-written file.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${path}: ${describeFsError(e)}`);
  }
}
