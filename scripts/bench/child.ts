/**
 * One measurement, in a process of its own: `node child.mjs '<job JSON>'`.
 *
 * The benchmark compiles this file to plain JavaScript and runs it with
 * plain `node` (no TypeScript loader), so the process holds only what the
 * measured code needs: its peak RSS is the code's own, plus Node itself.
 * For that reason it imports nothing at run time but Node's built-in modules
 * and the file URLs named in the job; the `import type` lines vanish when
 * compiled.
 *
 * The clock starts just before the code under test is imported (the CLI's
 * start-up cost is part of a run) and stops when the work is done; Node's
 * own start-up is left out, as it is the same for every phase. The peak RSS
 * is process.resourceUsage().maxRSS read at the very end, which covers the
 * whole life of the process.
 *
 * The result goes to stdout as one line starting with RESULT_MARK.
 */
import { createReadStream } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { CliIo } from '../../src/cli/io.js';
import type { LoadedExtract } from '../../src/normalise/load.js';
import type { ChildJob, ChildResult, Figure, MemoryFigures, RowCounts, StageReport } from './protocol.js';

// Repeated here rather than imported: this file may load nothing but built-ins at run time.
const RESULT_MARK = 'BENCH-RESULT ';

function memoryFigures(): MemoryFigures {
  const m = process.memoryUsage();
  return {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapTotal: m.heapTotal,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

function heapFigures(): Record<string, number> {
  return { ...getHeapStatistics() } as unknown as Record<string, number>;
}

type Work = Omit<ChildResult, 'ok' | 'seconds' | 'maxRssKiB' | 'memoryAtEnd' | 'heap'>;

/**
 * csv-parse alone, in its plainest use: the file piped in, `for await` over
 * the records, with only the options any CSV reader needs (`bom`, and
 * `relax_column_count` so that a ragged row does not stop it). The floor a
 * tool built on csv-parse pays before doing anything with the records.
 */
async function csvParseAlone(job: Extract<ChildJob, { kind: 'csv-parse' }>): Promise<Work> {
  const { parse } = (await import(job.csvParseUrl)) as typeof import('csv-parse');
  let rows = 0;
  for (const file of job.files) {
    let records = 0;
    for await (const _record of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) records++;
    rows += Math.max(0, records - 1); // the header is a record too
  }
  return { rows };
}

/**
 * DuckDB: an in-memory database running the benchmark's SQL (bench/duckdb.ts)
 * over the same CSV files; the last statement's rows are the figures.
 */
async function duckdb(job: Extract<ChildJob, { kind: 'duckdb' }>): Promise<Work> {
  const { DuckDBInstance } = (await import(job.duckdbUrl)) as typeof import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let figures: Figure[] = [];
  for (const sql of job.statements) {
    const reader = await connection.runAndReadAll(sql);
    figures = reader.getRowObjectsJson() as unknown as Figure[];
  }
  connection.closeSync();
  instance.closeSync();
  return { rows: 0, figures };
}

/**
 * The whole CLI, in this process: `main(argv, io)` exactly as bin/csc-kpi.js
 * would run it, with an io that prints nothing. The JSON it would print
 * (a few kilobytes) is kept only to read the row accounting afterwards.
 */
async function scorecard(job: Extract<ChildJob, { kind: 'scorecard' }>): Promise<Work & { readonly output: string }> {
  const { main } = (await import(job.mainUrl)) as typeof import('../../src/cli/main.js');
  let output = '';
  let stderrHead = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (output += s) },
    stderr: { write: (s: string) => (stderrHead.length < 4000 ? (stderrHead += s) : undefined) },
    env: {},
    // Never asked: --as-at is always given.
    today: () => Math.floor(Date.now() / 86_400_000),
  };
  const exitCode = await main(job.argv, io);
  return { rows: 0, exitCode, stderrHead, output };
}

/** The row accounting and the whole-service figures of the scorecard's JSON. */
function inputsOf(output: string): { inputs: Record<string, RowCounts>; rows: number; figures: Figure[] } | undefined {
  try {
    const json = JSON.parse(output) as { inputs?: Record<string, { rows: RowCounts }>; results?: (Figure & { group?: string | null })[] };
    const inputs: Record<string, RowCounts> = {};
    let rows = 0;
    for (const [name, x] of Object.entries(json.inputs ?? {})) {
      inputs[name] = x.rows;
      rows += x.rows.read;
    }
    const figures = (json.results ?? [])
      .filter((r) => (r.group ?? null) === null)
      .map((r) => ({ metric: r.metric, period: r.period, numerator: r.numerator, denominator: r.denominator }));
    return { inputs, rows, figures };
  } catch {
    return undefined;
  }
}

/**
 * The scorecard's steps one by one, to see which one costs the time and
 * which one raises the memory: each extract loaded on its own, then each
 * measure. Figures after each step are taken after a full garbage
 * collection when `gc` is exposed, so `heapUsed` is what the step left
 * alive; `maxRss` is the peak so far. A profiling aid, not a timing: the
 * forced collections change the garbage collector's behaviour.
 */
async function stages(job: Extract<ChildJob, { kind: 'stages' }>): Promise<Work> {
  const reports: StageReport[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  let t = performance.now();
  const mark = (stage: string, rows: number | null): void => {
    const seconds = (performance.now() - t) / 1000;
    gc?.();
    reports.push({ stage, seconds, rows, memory: memoryFigures() });
    t = performance.now();
  };
  const load = <T>(path: string): Promise<T> => import(new URL(path, job.distUrl).href) as Promise<T>;
  const [config, calendar, day, extracts, periods, runner, measures] = await Promise.all([
    load<typeof import('../../src/config/config.js')>('config/config.js'),
    load<typeof import('../../src/core/calendar.js')>('core/calendar.js'),
    load<typeof import('../../src/core/day.js')>('core/day.js'),
    load<typeof import('../../src/cli/extracts.js')>('cli/extracts.js'),
    load<typeof import('../../src/cli/periods.js')>('cli/periods.js'),
    load<typeof import('../../src/cli/scorecard.js')>('cli/scorecard.js'),
    load<typeof import('../../src/measures/index.js')>('measures/index.js'),
  ]);
  mark('import modules', null);

  const cfg = config.defaultConfig();
  const asAt = day.parseIsoDay(job.asAt)!;
  const months = periods.resolvePeriods({ from: job.from, to: job.to }, asAt);
  const files = await extracts.locateExtracts({ data: job.dataDir, files: {} });
  const loaded: LoadedExtract[] = [];
  let rows = 0;
  for (const [name, path] of files.files) {
    const {
      extracts: [x],
    } = await extracts.loadExtracts({ files: new Map([[name, path]]), workbooks: [] }, asAt, cfg);
    loaded.push(x!);
    rows += x!.counts.read;
    mark(`load ${name}`, x!.counts.read);
  }
  const data = runner.measureData(loaded);
  const context = { asAt, calendar: new calendar.WorkingCalendar(cfg.calendar), rules: config.rulesOf(cfg) };
  mark('calendar and rules', null);
  for (const measure of measures.MEASURES) {
    measures.evaluate(measure, data, context, months);
    mark(`measure ${measure.id}`, null);
  }
  return { rows, stages: reports };
}

async function run(job: ChildJob): Promise<ChildResult> {
  const t0 = performance.now();
  let work: Work;
  let output: string | undefined;
  if (job.kind === 'csv-parse') work = await csvParseAlone(job);
  else if (job.kind === 'duckdb') work = await duckdb(job);
  else if (job.kind === 'stages') work = await stages(job);
  else ({ output, ...work } = await scorecard(job));
  const seconds = (performance.now() - t0) / 1000;
  // Read the peak only now, after the work and outside the timed span.
  const memoryAtEnd = memoryFigures();
  if (output !== undefined) {
    const found = inputsOf(output);
    if (found) work = { ...work, ...found };
  }
  return {
    ok: job.kind !== 'scorecard' || (job.acceptExit ?? [0]).includes(work.exitCode ?? -1),
    seconds,
    maxRssKiB: process.resourceUsage().maxRSS,
    memoryAtEnd,
    heap: heapFigures(),
    ...work,
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as ChildJob;
run(job).then(
  (result) => {
    process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
  },
  (e: unknown) => {
    const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stdout.write(`${RESULT_MARK}${JSON.stringify({ ok: false, error })}\n`);
    process.exitCode = 1;
  },
);
