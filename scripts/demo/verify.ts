/**
 * Whether the files written give what the plan published: runs the real
 * scorecard over them and compares.
 */
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { ScorecardJson, ScorecardJsonResult as Result } from '../../src/report/scorecard-json.js';
import { roundedRatio } from '../../src/render/numbers.js';
import type { Extract } from './csv.js';
import { AS_AT, CONFIG_FILE, OUT_DIR, PERIODS, TARGETS_FILE } from './settings.js';
import { fail } from './solver.js';
import { PUBLISHED } from './story.js';

const MONTH_IDS = PERIODS.map((p) => p.id);

/** The real scorecard (src/cli/main.ts) over the files written, as JSON. */
export async function scorecard(): Promise<ScorecardJson> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: {},
    today: () => AS_AT,
  };
  const args = ['scorecard', '--data', OUT_DIR, '--as-at', '2021-05-10', '--from', '2020-04', '--to', '2021-05', '--config', CONFIG_FILE];
  const code = await main([...args, '--targets', TARGETS_FILE, '--format', 'json'], io);
  if (code !== 0) fail(`csc-kpi scorecard exited ${code}:\n${stderr}`);
  return JSON.parse(stdout) as ScorecardJson;
}

/** A figure as the plan shows it: to one decimal, from the numerator and denominator. */
function shown(r: Result): string {
  if (r.numerator === null || r.denominator === null || r.denominator === 0) return '-';
  const scale = r.unit === 'per 10,000 children' ? 10_000 : r.unit === 'percent' ? 100 : 1;
  return roundedRatio(r.numerator, r.denominator, scale);
}

/**
 * What is not as intended: a published figure, the mix of RAG ratings for
 * February to April 2021, or a file's row accounting (which also proves that
 * only the deliberate problem rows were refused).
 */
export function verify(json: ScorecardJson, extracts: readonly Extract[]): string[] {
  const problems: string[] = [];
  const find = (metric: string, period: string) => json.results.find((r) => r.metric === metric && r.period === period);
  for (const [metric, period, value, numerator, denominator] of PUBLISHED) {
    const r = find(metric, period);
    if (!r) {
      problems.push(`${metric} ${period}: missing from the scorecard`);
      continue;
    }
    if (shown(r) !== value || r.value?.toFixed(1) !== value) problems.push(`${metric} ${period}: ${shown(r)}, published ${value}`);
    if (numerator !== null && r.numerator !== numerator) problems.push(`${metric} ${period}: numerator ${r.numerator}, published ${numerator}`);
    if (denominator !== null && r.denominator !== denominator) {
      problems.push(`${metric} ${period}: denominator ${r.denominator}, published ${denominator}`);
    }
  }
  const rags = new Set(
    json.results.filter((r) => r.period >= '2021-02' && r.period <= '2021-04' && r.rag !== 'none').map((r) => r.rag),
  );
  for (const rag of ['green', 'amber', 'red'] as const) if (!rags.has(rag)) problems.push(`February to April 2021 has no ${rag} rating`);
  for (const x of extracts) {
    const name = x.file.replace(/\.csv$/, '');
    const rows = json.inputs[name]?.rows;
    const e = x.expect;
    if (!rows || rows.read !== e.read || rows.valid !== e.valid || rows.rejected !== e.rejected || rows.duplicate !== e.duplicate) {
      problems.push(`${x.file}: rows ${JSON.stringify(rows)}, expected ${JSON.stringify(e)}`);
    }
  }
  return problems;
}

/** Every figure by month, with its RAG rating, and each file's row accounting. */
export function report(json: ScorecardJson, extracts: readonly Extract[]): string {
  const metrics = [...new Set(json.results.map((r) => r.metric))];
  const width = Math.max(...metrics.map((m) => m.length));
  const lines = [`${''.padEnd(width)} ${MONTH_IDS.map((m) => m.slice(2).padStart(7)).join('')}`];
  for (const metric of metrics) {
    const cells = MONTH_IDS.map((period) => {
      const r = json.results.find((x) => x.metric === metric && x.period === period)!;
      const mark = r.rag === 'green' ? 'G' : r.rag === 'amber' ? 'A' : r.rag === 'red' ? 'R' : ' ';
      return `${shown(r)}${mark}`.padStart(7);
    });
    lines.push(`${metric.padEnd(width)} ${cells.join('')}`);
  }
  lines.push('');
  for (const x of extracts) {
    const e = x.expect;
    lines.push(`${x.file.padEnd(17)} read ${e.read}, valid ${e.valid}, rejected ${e.rejected}, duplicate ${e.duplicate}`);
  }
  return lines.join('\n');
}
