/**
 * Explanations as a table, CSV or JSON.
 *
 * JSON: { metric, period, numerator, denominator, value, unit, snapshot,
 *         rule, calendar, excluded, [population,] pseudonymised,
 *         rows: [ { extract, file, line, [lines,] key, childId, status, reason,
 *                   numerator, denominator, ...details } ] }
 * `lines` (every line behind a row) only on a row that stands for several
 * records, such as a child counted once; `line` is then the first.
 * Detail names are the extract's column names (contact_date ...) and the
 * quantities computed from them (deadline, working_days, due ...).
 */
import Table from 'cli-table3';
import { formatDay, formatDayLong } from '../core/day.js';
import type { Explanation, ExplainRow } from '../report/explain.js';
import { UNITS } from '../measures/units.js';
import { csvLine } from './csv.js';
import { formatCount, roundedRatio } from './numbers.js';

export interface ExplainRenderOptions {
  readonly pseudonymised: boolean;
}

/** Detail names in the order they first appear. */
function detailColumns(rows: readonly ExplainRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.detail)) seen.add(k);
  return [...seen];
}

function summary(x: Explanation): string {
  const { measure, period } = x;
  const head = `${x.title} (${measure.id}), ${period.label}`;
  if (x.notComputable) return `${head}: not computable: ${x.notComputable}`;
  const value =
    x.denominator === 0 || x.numerator === null || x.denominator === null
      ? 'no value (nothing to count)'
      : `${roundedRatio(x.numerator, x.denominator, measure.scale)}${UNITS[measure.unit].inWords}`;
  return `${head}: ${formatCount(x.numerator ?? 0)} / ${formatCount(x.denominator ?? 0)} = ${value}`;
}

export function renderExplainTable(x: Explanation, options: ExplainRenderOptions): string {
  const lines = [
    summary(x),
    `Rule: ${x.rule}`,
    `Snapshot: ${formatDayLong(x.period.snapshot)}${x.period.partial ? ` (${x.period.kind} in progress)` : ''}. Working days: ${x.calendar}`,
  ];
  if (x.population !== null) lines.push(`Denominator: the configuration's population of ${formatCount(x.population)} children aged 0-17 (no record's).`);
  if (x.excluded.length) lines.push(`Left out: ${x.excluded.map(([r, n]) => `${formatCount(n)} ${r}`).join(', ')}`);
  if (options.pseudonymised) lines.push('Child identifiers and record keys are pseudonymised.');
  const details = detailColumns(x.rows);
  const table = new Table({
    head: ['File', 'Line', 'Key', 'Child', 'Status', 'Reason', 'Adds', ...details],
    style: { head: [], border: [], compact: true },
  });
  for (const r of x.rows) {
    table.push([
      r.file,
      String(r.line),
      r.key,
      r.childId,
      r.status,
      r.reason ?? '',
      `${r.numerator} / ${r.denominator}`,
      ...details.map((d) => {
        const v = r.detail[d];
        return v === null || v === undefined ? '' : String(v);
      }),
    ]);
  }
  lines.push(x.rows.length ? table.toString() : '(no records)');
  return `${lines.join('\n')}\n`;
}

export function renderExplainCsv(x: Explanation): string {
  const details = detailColumns(x.rows);
  let out = csvLine(['extract', 'file', 'line', 'key', 'child_id', 'status', 'reason', 'numerator', 'denominator', ...details]);
  for (const r of x.rows) {
    out += csvLine([
      r.extract,
      r.file,
      r.line,
      r.key,
      r.childId,
      r.status,
      r.reason,
      r.numerator,
      r.denominator,
      ...details.map((d) => r.detail[d] ?? null),
    ]);
  }
  return out;
}

export function explainJson(x: Explanation, options: ExplainRenderOptions): object {
  return {
    metric: x.measure.id,
    period: x.period.id,
    numerator: x.numerator,
    denominator: x.denominator,
    value: x.value,
    unit: x.measure.unit,
    snapshot: formatDay(x.period.snapshot),
    rule: x.rule,
    calendar: x.calendar,
    notComputable: x.notComputable,
    excluded: Object.fromEntries(x.excluded),
    ...(x.population === null ? {} : { population: x.population }),
    pseudonymised: options.pseudonymised,
    rows: x.rows.map((r) => ({
      extract: r.extract,
      file: r.file,
      line: r.line,
      ...(r.lines === undefined ? {} : { lines: r.lines }),
      key: r.key,
      childId: r.childId,
      status: r.status,
      reason: r.reason,
      numerator: r.numerator,
      denominator: r.denominator,
      ...r.detail,
    })),
  };
}

export function renderExplainJson(x: Explanation, options: ExplainRenderOptions): string {
  return `${JSON.stringify(explainJson(x, options), null, 2)}\n`;
}

export const EXPLAIN_FORMATS = {
  table: renderExplainTable,
  csv: (x: Explanation) => renderExplainCsv(x),
  json: renderExplainJson,
} as const;
