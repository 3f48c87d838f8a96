/**
 * `csc-kpi scorecard`: read the extracts, compute every measure for every
 * month, rate against the targets, and print or write the scorecard.
 */
import { type Day, parseIsoDay } from '../core/day.js';
import { type Config, DEFAULT_YEAR_START, defaultConfig, parseConfig, yearStartOf } from '../config/config.js';
import { DocumentError } from '../config/document.js';
import { MEASURES } from '../measures/index.js';
import type { Grouping, MeasureContext, MeasureData } from '../measures/types.js';
import type { ExtractName } from '../normalise/extracts.js';
import type { LoadedExtract } from '../normalise/load.js';
import { BINARY_FORMATS, SCORECARD_FORMATS, isScorecardFormat } from '../render/index.js';
import { formatCount, roundedRatio } from '../render/numbers.js';
import { summariseProblems } from '../render/problems.js';
import type { Period } from '../core/period.js';
import { buildManifest, type RunOptions } from '../report/manifest.js';
import { buildScorecard, type InputSummary, type MeasureRun, runMeasure, type Scorecard } from '../report/scorecard.js';
import { measureContext } from './context.js';
import { type MeasureJob, type MeasureReply, moveTable, restoreTable } from './measure-job.js';
import { MIN_WORKER_ROWS, shareMeasures } from './measure-share.js';
import type { Worker } from 'node:worker_threads';
import { parseTargets, type Targets } from '../report/targets.js';
import { checkExtract } from '../report/validation.js';
import { sourceText } from '../report/wording.js';
import { CliError, EXIT } from './errors.js';
import { csvReaderOf, type ExtractSources, loadExtracts, locateExtracts } from './extracts.js';
import { errorFrom, type WorkbookSummary, type WorkerReply } from './load-protocol.js';
import { type CliIo, readTextFile, writeFileAtomic } from './io.js';
import { type PeriodOptions, periodSpecOf, resolvePeriods } from './periods.js';
import { Progress } from './progress.js';
import { generator } from './version.js';

export interface CommonOptions extends PeriodOptions {
  readonly sources: ExtractSources;
  readonly asAt?: string | undefined;
  readonly config?: string | undefined;
  /** How many extracts to read at once (--jobs). */
  readonly jobs?: string | undefined;
}

export interface ScorecardOptions extends CommonOptions {
  readonly targets?: string | undefined;
  readonly format: string;
  readonly out?: string | undefined;
  /** Also write a run manifest (JSON) here. */
  readonly manifest?: string | undefined;
  readonly strict: boolean;
  /** Fail when more than this percentage of any extract's rows was rejected. */
  readonly maxRejected?: string | undefined;
  /** Break every measure down by team or worker. */
  readonly by?: Grouping | undefined;
}

/** Parses --max-rejected: a percentage from 0 to 100. */
export function parsePercent(text: string, option: string): number {
  const n = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new CliError(`${option} ${text}: give a percentage from 0 to 100, e.g. 2 or 0.5`);
  }
  return n;
}

/** Extracts whose share of rejected rows is above the limit, described for stderr. */
export function overRejectionLimit(extracts: readonly LoadedExtract[], percent: number): string[] {
  return extracts
    .filter((x) => x.counts.read > 0 && (100 * x.counts.rejected) / x.counts.read > percent)
    .map(
      (x) =>
        `${sourceText(x.source)}: ${roundedRatio(x.counts.rejected, x.counts.read, 100)}% of rows rejected ` +
        `(${formatCount(x.counts.rejected)} of ${formatCount(x.counts.read)}), more than --max-rejected ${percent}%`,
    );
}

/** Parses --jobs: how many extracts to read at once. */
export function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--jobs ${text}: give a whole number from 1 to 64`);
  return n;
}

export function resolveAsAt(text: string | undefined, io: CliIo): Day {
  if (text === undefined) return io.today();
  const d = parseIsoDay(text);
  if (d === undefined) throw new CliError(`--as-at ${text}: a date is written YYYY-MM-DD, e.g. 2021-05-10`);
  return d;
}

async function readDocument<T>(path: string | undefined, what: string, parse: (text: string, file: string) => T): Promise<T | undefined> {
  if (path === undefined) return undefined;
  const text = await readTextFile(path, what);
  try {
    return parse(text, path);
  } catch (e) {
    if (e instanceof DocumentError) throw new CliError(e.message);
    throw e;
  }
}

export async function loadConfig(path: string | undefined): Promise<Config> {
  return (await readDocument(path, 'the configuration', parseConfig)) ?? defaultConfig();
}

export function measureData(extracts: readonly LoadedExtract[]): MeasureData {
  const data: { -readonly [N in ExtractName]?: unknown } = {};
  for (const x of extracts) data[x.name] = x.records;
  return data as MeasureData;
}

export function inputSummaries(extracts: readonly LoadedExtract[]): InputSummary[] {
  return extracts.map((x) => ({
    name: x.name,
    path: x.source.path,
    ...(x.source.kind === 'sheet' ? { sheet: x.source.sheet } : {}),
    sha256: x.source.sha256,
    bytes: x.source.bytes,
    rows: x.counts,
  }));
}

/** Everything a scorecard run needs, loaded and checked. */
export interface PreparedRun {
  readonly asAt: Day;
  readonly config: Config;
  readonly context: MeasureContext;
  readonly extracts: readonly LoadedExtract[];
  /** The workbooks read, and what became of each sheet. */
  readonly workbooks: readonly WorkbookSummary[];
  readonly data: MeasureData;
}

/**
 * Reads the configuration and the extracts. Shared by the commands that
 * compute measures. With `keepWorker` (see LoadOptions), the worker kept,
 * if any, is in `worker`: the caller ends it.
 */
export async function prepareRun(
  options: CommonOptions,
  io: CliIo,
  keepWorker = false,
): Promise<PreparedRun & { periods: Period[]; worker?: Worker | undefined }> {
  const asAt = resolveAsAt(options.asAt, io);
  // Labels and --every are checked before the configuration is read; the year's first month comes from it.
  periodSpecOf(options, DEFAULT_YEAR_START);
  const config = await loadConfig(options.config);
  const periods = resolvePeriods(options, asAt, periodSpecOf(options, yearStartOf(config)));
  const located = await locateExtracts(options.sources);
  const { extracts, workbooks, worker } = await loadExtracts(located, asAt, config, {
    progress: Progress.forTerminal(io.stderr, io.env),
    jobs: parseJobs(options.jobs),
    reader: csvReaderOf(io.env),
    keepWorker,
  });
  return { asAt, periods, config, context: measureContext(config, asAt), extracts, workbooks, data: measureData(extracts), worker };
}

export interface ScorecardRun extends PreparedRun {
  readonly periods: readonly Period[];
  readonly targets: Targets | undefined;
  readonly report: Scorecard;
}

export async function loadTargets(path: string | undefined): Promise<Targets | undefined> {
  return readDocument(path, 'the targets file', (text, file) => parseTargets(text, file, MEASURES));
}

/** Reads everything and computes the scorecard; shared by `scorecard` and `verify`. */
export async function computeScorecard(
  options: CommonOptions & { readonly targets?: string | undefined; readonly by?: Grouping | undefined },
  io: CliIo,
): Promise<ScorecardRun> {
  const targets = await loadTargets(options.targets);
  const { worker, ...prepared } = await prepareRun(options, io, true);
  let run = prepared;
  let runs: ReadonlyMap<string, MeasureRun> | undefined;
  if (worker) {
    try {
      ({ run, runs } = await runShared(prepared, worker, options.by, shareFromRows(io.env)));
    } finally {
      await worker.terminate();
    }
  }
  const report = buildScorecard({
    generator: generator(),
    measures: MEASURES,
    data: run.data,
    context: run.context,
    periods: run.periods,
    inputs: inputSummaries(run.extracts),
    targets,
    by: options.by,
    runs,
  });
  return { ...run, targets, report };
}

/**
 * The least work (rows) worth a worker's share of the measures: the
 * default, or as the environment variable `CSC_KPI_SHARE_MEASURES` says:
 * `never` (undefined: every measure on this thread, to rule the sharing
 * out) or `always` (0: whenever there is a worker and a share to give it).
 */
export function shareFromRows(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const how = env.CSC_KPI_SHARE_MEASURES;
  return how === 'never' ? undefined : how === 'always' ? 0 : MIN_WORKER_ROWS;
}

/**
 * Runs the measures on two threads (see measure-share.ts): the worker's
 * share over the extracts moved to it, this thread's meanwhile. The moved
 * extracts come back with the worker's figures; until then this thread
 * reads nothing of them. The run as before (its extracts whole again),
 * and every measure's run; no runs when there is no useful share.
 */
async function runShared<R extends PreparedRun & { readonly periods: readonly Period[] }>(
  run: R,
  worker: Worker,
  by: Grouping | undefined,
  minRows: number | undefined,
): Promise<{ run: R; runs?: ReadonlyMap<string, MeasureRun> }> {
  const share = minRows === undefined ? undefined : shareMeasures(MEASURES, run.data, run.context.rules, run.context.population, minRows);
  if (!share) return { run };
  const moving = run.extracts.filter((x) => share.extracts.has(x.name)).map((x) => moveTable(x.name, x.records));
  const job: MeasureJob = {
    kind: 'measures',
    id: 0,
    config: run.config,
    asAt: run.asAt,
    periods: run.periods,
    by,
    measures: share.measures.map((m) => m.id),
    tables: moving.map((m) => m.moved),
  };
  const answer = new Promise<MeasureReply>((resolve, reject) => {
    worker
      .on('message', (m: WorkerReply) => {
        if (m.kind === 'measures-done' || m.kind === 'measures-failed') resolve(m);
      })
      .once('error', reject)
      .once('exit', (code) => reject(new Error(`internal: the measures' worker thread stopped (exit code ${code}) before answering`)));
  });
  worker.postMessage(job, moving.flatMap((m) => m.transfer));
  // This thread's share meanwhile: its measures read none of the moved extracts, whose tables are now the worker's.
  const runs = new Map<string, MeasureRun>();
  const there = new Set(job.measures);
  for (const measure of MEASURES) {
    if (!there.has(measure.id)) runs.set(measure.id, runMeasure(measure, run.data, run.context, run.periods, by));
  }
  const reply = await answer;
  if (reply.kind === 'measures-failed') throw errorFrom(reply);
  for (const [id, r] of reply.runs) runs.set(id, r);
  const back = new Map(reply.tables.map((t) => [t.name, restoreTable(t)]));
  const extracts = run.extracts.map((x) => {
    const records = back.get(x.name);
    return records ? { ...x, records } : x;
  });
  return { run: { ...run, extracts, data: measureData(extracts) }, runs };
}

/** The options as given, for the manifest. */
export function runOptions(options: ScorecardOptions): RunOptions {
  return {
    data: options.sources.data ?? null,
    files: { ...options.sources.files },
    ...(options.sources.workbooks?.length ? { workbooks: [...options.sources.workbooks] } : {}),
    from: options.from ?? null,
    to: options.to ?? null,
    period: options.period ?? null,
    // Only when not the default, so a monthly run's manifest is as it was.
    ...(options.every !== undefined && options.every !== 'month' ? { every: options.every } : {}),
    ...(options.window !== undefined ? { window: options.window } : {}),
    asAt: options.asAt ?? null,
    config: options.config ?? null,
    targets: options.targets ?? null,
    format: options.format,
    out: options.out ?? null,
    strict: options.strict,
    maxRejected: options.maxRejected ?? null,
    by: options.by ?? null,
  };
}

export function manifestOf(run: ScorecardRun, options: RunOptions): object {
  return buildManifest({
    options,
    periods: run.periods.map((p) => p.id),
    config: run.config,
    targets: run.targets,
    measures: MEASURES,
    calendar: run.context.calendar,
    extracts: run.extracts,
    scorecard: run.report,
  });
}

export async function runScorecard(options: ScorecardOptions, io: CliIo): Promise<number> {
  const format = options.format;
  if (!isScorecardFormat(format)) {
    throw new CliError(`--format ${format}: choose one of ${Object.keys(SCORECARD_FORMATS).join(', ')}`);
  }
  if (BINARY_FORMATS.has(format) && options.out === undefined) {
    throw new CliError(`--format ${format} writes a binary file: give it a name with --out`);
  }
  const maxRejected = options.maxRejected === undefined ? undefined : parsePercent(options.maxRejected, '--max-rejected');
  const run = await computeScorecard(options, io);
  const problems = summariseProblems(run.extracts.map((extract) => checkExtract({ kind: 'loaded', extract })));
  if (problems) io.stderr.write(problems);
  for (const w of run.workbooks) {
    const notUsed = w.sheets.filter((s) => s.use.kind === 'not-used').map((s) => s.name);
    const notYet = w.sheets.flatMap((s) => (s.use.kind === 'not-used-yet' ? [`${s.name} (${s.use.extract})`] : []));
    const parts = [notUsed.length ? `not used: ${notUsed.join(', ')}` : '', notYet.length ? `not used yet: ${notYet.join(', ')}` : ''];
    if (notUsed.length || notYet.length) io.stderr.write(`csc-kpi: ${w.path}: sheets read and ${parts.filter(Boolean).join('; ')}\n`);
  }
  const rejected = run.extracts.reduce((n, x) => n + x.counts.rejected, 0);
  if (options.strict && rejected > 0) {
    io.stderr.write(`csc-kpi: --strict: ${rejected} row(s) rejected; no scorecard written\n`);
    return EXIT.rejected;
  }
  const overLimit = maxRejected === undefined ? [] : overRejectionLimit(run.extracts, maxRejected);
  if (overLimit.length > 0) {
    io.stderr.write(`${overLimit.map((l) => `csc-kpi: ${l}`).join('\n')}\ncsc-kpi: no scorecard written\n`);
    return EXIT.rejected;
  }
  const colour = options.out === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = await SCORECARD_FORMATS[format](run.report, { colour });
  const manifest = options.manifest === undefined ? undefined : `${JSON.stringify(manifestOf(run, runOptions(options)), null, 2)}\n`;
  if (options.out !== undefined) await writeFileAtomic(options.out, text);
  else io.stdout.write(text);
  if (options.manifest !== undefined && manifest !== undefined) await writeFileAtomic(options.manifest, manifest);
  return EXIT.ok;
}
