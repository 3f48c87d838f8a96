/**
 * `csc-kpi validate`: read every extract and report its header, its row
 * accounting and every problem, without computing any measure.
 * Exit 0 when clean, 2 when rows were rejected, 1 when an extract cannot be
 * read at all.
 */
import { formatDay } from '../core/day.js';
import { EXTRACT_NAMES } from '../normalise/extracts.js';
import { VALIDATION_FORMATS } from '../render/validation.js';
import { buildValidation, type ExtractOutcome } from '../report/validation.js';
import { problemText, sourceText, warningLine } from '../report/wording.js';
import { CliError, EXIT } from './errors.js';
import { csvReaderOf, type ExtractSources, loadAll, locateExtracts } from './extracts.js';
import { type CliIo, writeFileAtomic } from './io.js';
import { failureError } from './load-protocol.js';
import { Progress } from './progress.js';
import { loadConfig, parseJobs, resolveAsAt } from './scorecard.js';
import { generator } from './version.js';

export interface ValidateOptions {
  readonly sources: ExtractSources;
  readonly asAt?: string | undefined;
  readonly config?: string | undefined;
  readonly format: string;
  readonly out?: string | undefined;
  readonly jobs?: string | undefined;
}

export async function runValidate(options: ValidateOptions, io: CliIo): Promise<number> {
  if (!Object.hasOwn(VALIDATION_FORMATS, options.format)) {
    throw new CliError(`--format ${options.format}: choose one of ${Object.keys(VALIDATION_FORMATS).join(', ')}`);
  }
  const asAt = resolveAsAt(options.asAt, io);
  const config = await loadConfig(options.config);
  const located = await locateExtracts(options.sources);
  const { outcomes: loaded, workbooks } = await loadAll(located, asAt, config, {
    progress: Progress.forTerminal(io.stderr, io.env),
    jobs: parseJobs(options.jobs),
    reader: csvReaderOf(io.env),
  });
  const outcomes = EXTRACT_NAMES.map((name): ExtractOutcome => {
    const outcome = loaded.get(name);
    if (!outcome) return { kind: 'absent', name };
    if (outcome.kind === 'loaded') return outcome;
    const f = outcome.failure;
    if (f.type === 'internal') throw failureError(f);
    return { kind: 'failed', name, problem: f.problem };
  });
  const report = buildValidation(generator(), formatDay(asAt), outcomes, workbooks);
  const text = VALIDATION_FORMATS[options.format as keyof typeof VALIDATION_FORMATS](report);
  if (options.out !== undefined) await writeFileAtomic(options.out, text);
  else io.stdout.write(text);
  // A line on stderr too, for scheduled jobs that keep only that.
  const unreadable = report.extracts.filter((x) => x.status === 'unreadable');
  for (const x of unreadable) io.stderr.write(`csc-kpi: ${sourceText(x.source!)} cannot be read: ${problemText(x.error!)}\n`);
  for (const x of report.extracts) {
    for (const w of x.warnings) io.stderr.write(`csc-kpi: ${warningLine(w)}\n`);
  }
  const rejected = report.extracts.filter((x) => x.status === 'rejected');
  if (rejected.length) {
    const rows = rejected.reduce((n, x) => n + x.rows!.rejected, 0);
    io.stderr.write(`csc-kpi: ${rows} row${rows === 1 ? '' : 's'} rejected in ${rejected.map((x) => sourceText(x.source!)).join(', ')}\n`);
  }
  if (unreadable.length) return EXIT.usage;
  if (rejected.length) return EXIT.rejected;
  return EXIT.ok;
}
