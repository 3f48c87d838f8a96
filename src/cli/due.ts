/**
 * `csc-kpi due`: the worklist of everything overdue or due within the
 * window at the as-at date, by team or worker. Exit status as the
 * scorecard's: 0 done; 1 usage, configuration or unreadable input; 2 rows
 * rejected and --strict (or more than --max-rejected per cent of an extract).
 */
import { type Duration, parseDuration } from '../core/duration.js';
import type { Grouping } from '../measures/types.js';
import { WORKLIST_FORMATS } from '../render/worklist.js';
import { summariseProblems } from '../render/problems.js';
import { pseudonymiser } from '../report/pseudonymise.js';
import { checkExtract } from '../report/validation.js';
import { buildWorklist, kindsNamed, pseudonymiseWorklist, type WorklistKind } from '../report/worklist.js';
import { CliError, EXIT } from './errors.js';
import { pseudonymKey } from './explain.js';
import { type CliIo, writeFileAtomic } from './io.js';
import { type CommonOptions, overRejectionLimit, parsePercent, prepareRun } from './scorecard.js';
import { generator } from './version.js';

export interface DueOptions extends CommonOptions {
  readonly within: string;
  readonly by?: Grouping | undefined;
  readonly kind?: string | undefined;
  readonly format: string;
  readonly out?: string | undefined;
  readonly pseudonymise: boolean;
  readonly strict: boolean;
  readonly maxRejected?: string | undefined;
}

/** Parses --within: a duration such as 5wd, 10d, 2w or 1m. */
export function parseWithin(text: string): Duration {
  const d = parseDuration(text);
  if (d === undefined) throw new CliError(`--within ${text}: give a duration such as 5wd (working days), 10d (days), 2w (weeks) or 1m (months)`);
  return d;
}

export async function runDue(options: DueOptions, io: CliIo): Promise<number> {
  if (!Object.hasOwn(WORKLIST_FORMATS, options.format)) {
    throw new CliError(`--format ${options.format}: choose one of ${Object.keys(WORKLIST_FORMATS).join(', ')}`);
  }
  if (options.format === 'xlsx' && options.out === undefined) throw new CliError('--format xlsx writes a binary file: give it a name with --out');
  const within = parseWithin(options.within);
  let kinds: WorklistKind[] | undefined;
  if (options.kind !== undefined) {
    const named = kindsNamed(options.kind);
    if ('error' in named) throw new CliError(named.error);
    kinds = named.kinds;
  }
  const secret = options.pseudonymise ? pseudonymKey(io) : undefined;
  const maxRejected = options.maxRejected === undefined ? undefined : parsePercent(options.maxRejected, '--max-rejected');
  const run = await prepareRun(options, io);
  const problems = summariseProblems(run.extracts.map((extract) => checkExtract({ kind: 'loaded', extract })));
  if (problems) io.stderr.write(problems);
  const rejected = run.extracts.reduce((n, x) => n + x.counts.rejected, 0);
  if (options.strict && rejected > 0) {
    io.stderr.write(`csc-kpi: --strict: ${rejected} row(s) rejected; no worklist written\n`);
    return EXIT.rejected;
  }
  const overLimit = maxRejected === undefined ? [] : overRejectionLimit(run.extracts, maxRejected);
  if (overLimit.length > 0) {
    io.stderr.write(`${overLimit.map((l) => `csc-kpi: ${l}`).join('\n')}\ncsc-kpi: no worklist written\n`);
    return EXIT.rejected;
  }
  let list = buildWorklist({ generator: generator(), data: run.data, context: run.context, within, kinds, by: options.by });
  if (secret !== undefined) list = pseudonymiseWorklist(list, pseudonymiser(secret));
  for (const n of list.notAvailable) io.stderr.write(`csc-kpi: ${n.kind} items not listed: ${n.reason}\n`);
  const rendered = await WORKLIST_FORMATS[options.format as keyof typeof WORKLIST_FORMATS](list);
  if (options.out !== undefined) await writeFileAtomic(options.out, rendered);
  else io.stdout.write(rendered);
  return EXIT.ok;
}
