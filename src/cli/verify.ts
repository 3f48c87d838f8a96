/**
 * `csc-kpi verify MANIFEST [--data DIR]`: re-read the extracts, check their
 * hashes, re-run the manifest's command with the rules and targets files it
 * names, and report what is the same and what changed. Exit 0 when
 * everything matches, 4 when something differs.
 */
import { basename, join } from 'node:path';
import { describeIssues } from '../config/document.js';
import { EXTRACT_NAMES, type ExtractName } from '../normalise/extracts.js';
import { VERIFY_FORMATS } from '../render/verify.js';
import { type Manifest, manifestSchema, verifyManifest } from '../report/verify.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, readTextFile, writeFileAtomic } from './io.js';
import { computeScorecard, manifestOf, runOptions, type ScorecardOptions } from './scorecard.js';

export interface VerifyOptions {
  readonly manifest: string;
  readonly data?: string | undefined;
  readonly format: string;
  readonly out?: string | undefined;
}

export async function readManifest(path: string): Promise<Manifest> {
  const text = await readTextFile(path, 'the manifest');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: not a JSON manifest: ${(e as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new CliError(`${path} is not a csc-kpi run manifest:\n${describeIssues(path, parsed.error.issues.slice(0, 5))}`);
  return parsed.data;
}

/** The scorecard options that reproduce a manifest's run, reading the inputs from `data` when given. */
export function optionsFromManifest(manifest: Manifest, data: string | undefined): ScorecardOptions {
  const files: Partial<Record<ExtractName, string>> = {};
  const workbooks: string[] = [];
  for (const name of EXTRACT_NAMES) {
    const input = manifest.inputs[name];
    if (!input) continue;
    const path = data === undefined ? input.path : join(data, basename(input.path));
    // A sheet's workbook is read again whole: its sheets find their extracts as they did.
    if (input.sheet !== undefined) {
      if (!workbooks.includes(path)) workbooks.push(path);
    } else files[name] = path;
  }
  const { options, periods } = manifest;
  return {
    sources: { files, ...(workbooks.length ? { workbooks } : {}) },
    from: periods[0]!,
    to: periods[periods.length - 1]!,
    ...(options.every === undefined ? {} : { every: options.every }),
    ...(options.window === undefined ? {} : { window: options.window }),
    asAt: manifest.asAt,
    config: options.config ?? undefined,
    targets: options.targets ?? undefined,
    by: options.by ?? undefined,
    format: 'json',
    strict: false,
  };
}

export async function runVerify(options: VerifyOptions, io: CliIo): Promise<number> {
  if (!Object.hasOwn(VERIFY_FORMATS, options.format)) {
    throw new CliError(`--format ${options.format}: choose one of ${Object.keys(VERIFY_FORMATS).join(', ')}`);
  }
  const manifest = await readManifest(options.manifest);
  const rerun = optionsFromManifest(manifest, options.data);
  const run = await computeScorecard(rerun, io);
  const fresh = manifestSchema.parse(manifestOf(run, runOptions(rerun)));
  const report = verifyManifest(manifest, fresh);
  const text = VERIFY_FORMATS[options.format as keyof typeof VERIFY_FORMATS](report);
  if (options.out !== undefined) await writeFileAtomic(options.out, text);
  else io.stdout.write(text);
  return report.same ? EXIT.ok : EXIT.differs;
}
