/**
 * `csc-kpi init`: write a commented starter configuration.
 */
import { access } from 'node:fs/promises';
import { parseConfig } from '../config/config.js';
import { PRESETS, starterConfig } from '../config/starter.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, writeFileAtomic } from './io.js';

export interface InitOptions {
  readonly out: string;
  readonly preset?: string | undefined;
  readonly force: boolean;
}

export async function runInit(options: InitOptions, io: CliIo): Promise<number> {
  if (options.preset !== undefined && !Object.hasOwn(PRESETS, options.preset)) {
    throw new CliError(`--preset ${options.preset}: presets are ${Object.keys(PRESETS).join(', ')}`);
  }
  const text = starterConfig(options.preset);
  parseConfig(text, options.out); // the starter must always be a valid configuration
  if (!options.force) {
    const exists = await access(options.out).then(
      () => true,
      () => false,
    );
    if (exists) throw new CliError(`${options.out} already exists; use --force to replace it`);
  }
  if (options.out === '-') io.stdout.write(text);
  else {
    await writeFileAtomic(options.out, text);
    io.stderr.write(`csc-kpi: wrote ${options.out}; edit it, then pass it with --config\n`);
  }
  return EXIT.ok;
}
