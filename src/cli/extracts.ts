/**
 * Finding the extract files and loading them.
 */
import { join } from 'node:path';
import type { Day } from '../core/day.js';
import { type Config, mappingOf } from '../config/config.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import { type LoadedExtract, loadExtract } from '../normalise/load.js';
import { ExtractError } from '../normalise/validate.js';
import { CliError } from './errors.js';
import type { ReadStream } from 'node:fs';
import { checkFile, fileStream, listFolder } from './io.js';
import type { Progress } from './progress.js';

export interface ExtractSources {
  /** Folder holding contacts.csv, assessments.csv ... */
  readonly data?: string | undefined;
  /** Files named one by one; these win over the folder. */
  readonly files: Partial<Record<ExtractName, string>>;
}

/**
 * The file of each extract that is present. In the data folder an extract is
 * found by its file name (contacts.csv ...), without regard to case.
 */
export async function locateExtracts(sources: ExtractSources): Promise<Map<ExtractName, string>> {
  const found = new Map<ExtractName, string>();
  if (sources.data !== undefined) {
    const entries = await listFolder(sources.data);
    for (const name of EXTRACT_NAMES) {
      const matches = entries.filter((e) => e.toLowerCase() === EXTRACTS[name].file);
      if (matches.length > 1) {
        throw new CliError(`the data folder ${sources.data} has more than one ${EXTRACTS[name].file}: ${matches.join(', ')}`);
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

/** Opens an extract for reading, reporting progress as its bytes go by. */
export function progressStream(path: string, size: number, progress?: Progress): () => ReadStream {
  return () => {
    const stream = fileStream(path);
    if (progress?.enabled) {
      progress.start(path, size);
      stream.on('data', (chunk) => progress.advance(chunk.length));
    }
    return stream;
  };
}

/** Loads the extracts one after another (each is streamed, never held as text). */
export async function loadExtracts(
  files: ReadonlyMap<ExtractName, string>,
  asAt: Day,
  config: Config,
  progress?: Progress,
): Promise<LoadedExtract[]> {
  const loaded: LoadedExtract[] = [];
  for (const name of EXTRACT_NAMES) {
    const path = files.get(name);
    if (path === undefined) continue;
    const size = await checkFile(path);
    try {
      loaded.push(await loadExtract(name, progressStream(path, size, progress), { file: path, asAt, mapping: mappingOf(config, name) }));
    } catch (e) {
      if (e instanceof ExtractError) throw new CliError(e.message);
      if ((e as NodeJS.ErrnoException).code) throw new CliError(`cannot read ${path}: ${(e as Error).message}`);
      throw e;
    } finally {
      progress?.finish();
    }
  }
  return loaded;
}
