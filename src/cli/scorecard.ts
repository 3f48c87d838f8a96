/**
 * `csc-kpi scorecard`: read the extracts, compute every measure for every
 * month, rate against the targets, and print or write the scorecard.
 */
import { WorkingCalendar } from '../core/calendar.js';
import { type Day, parseIsoDay } from '../core/day.js';
import { type Config, defaultConfig, parseConfig, rulesOf } from '../config/config.js';
import { DocumentError } from '../config/document.js';
import { MEASURE_IDS, MEASURES } from '../measures/index.js';
import type { MeasureContext, MeasureData } from '../measures/types.js';
import type { ExtractName } from '../normalise/extracts.js';
import type { LoadedExtract } from '../normalise/load.js';
import { SCORECARD_FORMATS, isScorecardFormat } from '../render/index.js';
import { summariseProblems } from '../render/problems.js';
import { buildScorecard, type InputSummary, type Scorecard } from '../report/scorecard.js';
import { parseTargets, type Targets } from '../report/targets.js';
import { CliError, EXIT } from './errors.js';
import { type ExtractSources, loadExtracts, locateExtracts } from './extracts.js';
import { type CliIo, readTextFile, writeFileAtomic } from './io.js';
import { type PeriodOptions, resolvePeriods } from './periods.js';
import { generator } from './version.js';

export interface CommonOptions extends PeriodOptions {
  readonly sources: ExtractSources;
  readonly asAt?: string | undefined;
  readonly config?: string | undefined;
}

export interface ScorecardOptions extends CommonOptions {
  readonly targets?: string | undefined;
  readonly format: string;
  readonly out?: string | undefined;
  readonly strict: boolean;
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
  return extracts.map((x) => ({ name: x.name, path: x.file, sha256: x.sha256, bytes: x.bytes, rows: x.counts }));
}

/** Everything a scorecard run needs, loaded and checked. */
export interface PreparedRun {
  readonly asAt: Day;
  readonly config: Config;
  readonly context: MeasureContext;
  readonly extracts: readonly LoadedExtract[];
  readonly data: MeasureData;
}

/** Reads the configuration and the extracts. Shared by the commands that compute measures. */
export async function prepareRun(options: CommonOptions, io: CliIo): Promise<PreparedRun & { periods: ReturnType<typeof resolvePeriods> }> {
  const asAt = resolveAsAt(options.asAt, io);
  const periods = resolvePeriods(options, asAt);
  const config = await loadConfig(options.config);
  const files = await locateExtracts(options.sources);
  const extracts = await loadExtracts(files, asAt, config);
  const calendar = new WorkingCalendar(config.calendar);
  return { asAt, periods, config, context: { asAt, calendar, rules: rulesOf(config) }, extracts, data: measureData(extracts) };
}

export async function runScorecard(options: ScorecardOptions, io: CliIo): Promise<number> {
  const format = options.format;
  if (!isScorecardFormat(format)) {
    throw new CliError(`--format ${format}: choose one of ${Object.keys(SCORECARD_FORMATS).join(', ')}`);
  }
  const targets: Targets | undefined = await readDocument(options.targets, 'the targets file', (text, file) =>
    parseTargets(text, file, MEASURE_IDS),
  );
  const run = await prepareRun(options, io);
  const problems = summariseProblems(run.extracts);
  if (problems) io.stderr.write(problems);
  const rejected = run.extracts.reduce((n, x) => n + x.counts.rejected, 0);
  if (options.strict && rejected > 0) {
    io.stderr.write(`csc-kpi: --strict: ${rejected} row(s) rejected; no scorecard written\n`);
    return EXIT.rejected;
  }
  const report: Scorecard = buildScorecard({
    generator: generator(),
    measures: MEASURES,
    data: run.data,
    context: run.context,
    periods: run.periods,
    inputs: inputSummaries(run.extracts),
    targets,
  });
  const colour = options.out === undefined && io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = SCORECARD_FORMATS[format](report, { colour });
  if (options.out !== undefined) await writeFileAtomic(options.out, text);
  else io.stdout.write(text);
  return EXIT.ok;
}
