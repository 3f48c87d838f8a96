/**
 * The worklist as a table, CSV, JSON or HTML (the workbook is in
 * worklist-xlsx.ts). Every format carries child identifiers: personal
 * data, as `explain` output is, unless pseudonymised.
 *
 * JSON (schemaVersion 1):
 *   { schemaVersion, generator {name, version}, asAt, within, windowEnd, by,
 *     kinds: [id], notAvailable: [{kind, reason}], pseudonymised,
 *     counts {overdue, due},
 *     items: [{ kind, childId, key, team, worker, clockEvent, clockDate, due,
 *               workingDaysLeft, overdue, rule, extract, line }] }
 * Dates are yyyy-mm-dd; `by` is null, "team" or "worker" (items then come
 * team by team, or worker by worker, and in worklist order within each).
 */
import { createHash } from 'node:crypto';
import Table from 'cli-table3';
import { formatDay, formatDayLong } from '../core/day.js';
import { describeDuration, formatDuration } from '../core/duration.js';
import type { Grouping } from '../measures/types.js';
import { countsByWorker, groupItems, type Worklist, type WorklistGroup, type WorklistItem } from '../report/worklist.js';
import { csvLine } from './csv.js';
import { html, join, type Markup, trusted } from './markup.js';
import { formatCount } from './numbers.js';

export const WORKLIST_SCHEMA_VERSION = 1;

/** How a group with no team (or worker) is named. */
export function groupName(name: string | null, by: Grouping): string {
  return name ?? `(no ${by})`;
}

/** The items in output order: grouped when the worklist is. */
function orderedGroups(list: Worklist): WorklistGroup[] {
  return list.by === null ? [{ name: null, items: list.items }] : groupItems(list.items, list.by);
}

function counts(items: readonly WorklistItem[]): { overdue: number; due: number } {
  const overdue = items.filter((i) => i.overdue).length;
  return { overdue, due: items.length - overdue };
}

function heading(list: Worklist): string[] {
  const { overdue, due } = counts(list.items);
  const lines = [
    `Worklist at ${formatDayLong(list.asAt)}: overdue, or due by ${formatDayLong(list.windowEnd)} (within ${describeDuration(list.within)})`,
    `${formatCount(overdue)} overdue, ${formatCount(due)} due. Kinds: ${list.kinds.map((k) => k.id).join(', ')}.`,
  ];
  for (const n of list.notAvailable) lines.push(`Not listed: ${n.kind}: ${n.reason}.`);
  if (list.pseudonymised) lines.push('Child identifiers and record keys are pseudonymised.');
  return lines;
}

const COLUMNS = ['Kind', 'Child', 'Key', 'Team', 'Worker', 'Clock started', 'On', 'Due', 'WD left', 'Rule'];

function cells(i: WorklistItem): string[] {
  return [i.kind, i.childId ?? '', i.key, i.team ?? '', i.worker ?? '', i.clockEvent, formatDay(i.clockDate), formatDay(i.due), String(i.workingDaysLeft), i.rule];
}

export function renderWorklistTable(list: Worklist): string {
  const lines = heading(list);
  for (const group of orderedGroups(list)) {
    if (list.by !== null) {
      const c = counts(group.items);
      lines.push('', `${groupName(group.name, list.by)}: ${formatCount(c.overdue)} overdue, ${formatCount(c.due)} due`);
    }
    const table = new Table({ head: COLUMNS, style: { head: [], border: [], compact: true } });
    for (const i of group.items) table.push(cells(i));
    lines.push(group.items.length ? table.toString() : '(nothing overdue or due)');
  }
  return `${lines.join('\n')}\n`;
}

export const WORKLIST_CSV_COLUMNS = [
  'kind', 'child_id', 'key', 'team', 'worker', 'clock_event', 'clock_date', 'due', 'working_days_left', 'overdue', 'rule', 'extract', 'line',
] as const;

export function renderWorklistCsv(list: Worklist): string {
  let out = csvLine(WORKLIST_CSV_COLUMNS);
  for (const group of orderedGroups(list)) {
    for (const i of group.items) {
      out += csvLine([
        i.kind, i.childId, i.key, i.team, i.worker, i.clockEvent, formatDay(i.clockDate), formatDay(i.due),
        i.workingDaysLeft, i.overdue ? 'yes' : 'no', i.rule, i.extract, i.line,
      ]);
    }
  }
  return out;
}

export function worklistJson(list: Worklist): object {
  return {
    schemaVersion: WORKLIST_SCHEMA_VERSION,
    generator: { name: list.generator.name, version: list.generator.version },
    asAt: formatDay(list.asAt),
    within: formatDuration(list.within),
    windowEnd: formatDay(list.windowEnd),
    by: list.by,
    kinds: list.kinds.map((k) => k.id),
    notAvailable: list.notAvailable.map((n) => ({ kind: n.kind, reason: n.reason })),
    pseudonymised: list.pseudonymised,
    counts: counts(list.items),
    items: orderedGroups(list).flatMap((g) =>
      g.items.map((i) => ({
        kind: i.kind,
        childId: i.childId,
        key: i.key,
        team: i.team,
        worker: i.worker,
        clockEvent: i.clockEvent,
        clockDate: formatDay(i.clockDate),
        due: formatDay(i.due),
        workingDaysLeft: i.workingDaysLeft,
        overdue: i.overdue,
        rule: i.rule,
        extract: i.extract,
        line: i.line,
      })),
    ),
  };
}

export function renderWorklistJson(list: Worklist): string {
  return `${JSON.stringify(worklistJson(list), null, 2)}\n`;
}

const STYLE = `
@page { size: A4; margin: 12mm; }
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; margin: 0 1em; }
h1 { font-size: 14pt; margin: 0.6em 0 0.2em; }
h2 { font-size: 12pt; margin: 0.2em 0; }
h3 { font-size: 10.5pt; margin: 0.8em 0 0.2em; }
p { margin: 0.2em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n, th.n { text-align: right; }
tr.overdue td { font-weight: 600; }
section.team { break-after: page; page-break-after: always; }
section.team:last-of-type { break-after: auto; page-break-after: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.note { color: #555; }
`;

const STYLE_HASH = createHash('sha256').update(STYLE, 'utf8').digest('base64');

/** Loads nothing from anywhere, runs nothing: only this document's own stylesheet applies (as the scorecard's HTML). */
const CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`;

function itemRows(items: readonly WorklistItem[], overdue: boolean): Markup {
  return join(
    items.map(
      (i) => html`<tr${overdue ? trusted(' class="overdue"') : ''}><td>${i.kind}</td><td>${i.childId ?? ''}</td><td>${i.key}</td><td>${i.worker ?? ''}</td><td>${i.clockEvent}</td><td>${formatDayLong(i.clockDate)}</td><td>${formatDayLong(i.due)}</td><td class="n">${i.workingDaysLeft}</td><td>${i.rule}</td></tr>`,
    ),
    '\n',
  );
}

function itemTable(title: string, items: readonly WorklistItem[], overdue: boolean): Markup {
  if (items.length === 0) return html`<h3>${title}</h3><p class="note">None.</p>`;
  return html`<h3>${title} (${formatCount(items.length)})</h3>
<table><thead><tr><th>Kind</th><th>Child</th><th>Key</th><th>Worker</th><th>Clock started</th><th>On</th><th>Due</th><th class="n">Working days left</th><th>Rule</th></tr></thead>
<tbody>
${itemRows(items, overdue)}
</tbody></table>`;
}

function page(list: Worklist, by: Grouping, group: WorklistGroup): Markup {
  const overdue = group.items.filter((i) => i.overdue);
  const due = group.items.filter((i) => !i.overdue);
  const workers = countsByWorker(group.items);
  return html`<section class="team">
<h2>${groupName(group.name, by)}</h2>
<p>Worklist at ${formatDayLong(list.asAt)}: ${formatCount(overdue.length)} overdue, ${formatCount(due.length)} due by ${formatDayLong(list.windowEnd)}.</p>
<table class="workers"><thead><tr><th>Worker</th><th class="n">Overdue</th><th class="n">Due</th></tr></thead>
<tbody>
${join(workers.map((w) => html`<tr><td>${groupName(w.worker, 'worker')}</td><td class="n">${w.overdue}</td><td class="n">${w.due}</td></tr>`), '\n')}
</tbody></table>
${itemTable('Overdue', overdue, true)}
${itemTable(`Due by ${formatDayLong(list.windowEnd)}`, due, false)}
</section>`;
}

/** One page per team (per worker with --by worker); self-contained, no script, a Content-Security-Policy that loads nothing: counts per worker, then the overdue items, then those due. Print-ready on A4. */
export function renderWorklistHtml(list: Worklist): string {
  const by: Grouping = list.by ?? 'team';
  const groups = groupItems(list.items, by);
  const notes = [
    ...list.notAvailable.map((n) => html`<p class="note">Not listed: ${n.kind}: ${n.reason}.</p>`),
    list.pseudonymised ? html`<p class="note">Child identifiers and record keys are pseudonymised.</p>` : null,
  ];
  const doc = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="robots" content="noindex">
<title>Worklist at ${formatDayLong(list.asAt)}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<h1>Worklist at ${formatDayLong(list.asAt)}</h1>
<p class="note">Overdue, or due within ${describeDuration(list.within)} (by ${formatDayLong(list.windowEnd)}). Kinds: ${list.kinds.map((k) => k.title).join(', ')}. Personal data: handle as case records.</p>
${notes}
${groups.length ? join(groups.map((g) => page(list, by, g)), '\n') : html`<p>Nothing is overdue or due.</p>`}
</body>
</html>
`;
  return doc.toString();
}

export type WorklistRendered = string | Uint8Array;

export const WORKLIST_FORMATS = {
  table: (list: Worklist): WorklistRendered => renderWorklistTable(list),
  csv: (list: Worklist): WorklistRendered => renderWorklistCsv(list),
  json: (list: Worklist): WorklistRendered => renderWorklistJson(list),
  html: (list: Worklist): WorklistRendered => renderWorklistHtml(list),
  // exceljs takes a second to load: only when a workbook is asked for.
  xlsx: async (list: Worklist): Promise<WorklistRendered> => (await import('./worklist-xlsx.js')).renderWorklistXlsx(list),
} as const;

export type WorklistFormat = keyof typeof WORKLIST_FORMATS;
