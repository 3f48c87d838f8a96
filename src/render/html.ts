/**
 * The board report as one self-contained HTML file, for an Improvement
 * Board, Ofsted and anyone who prints it.
 *
 * Contents:
 * - a header with the title (from the targets file), the as-at date, the
 *   months covered and the working-day calendar;
 * - the headline: for the latest month in the report, per measure, the
 *   value, target, gap, RAG and direction of travel since the month before,
 *   with a count of each rating above it;
 * - per measure, a chart of the monthly values against the target
 *   trajectory (a step line) and the comparators (reference lines), with the
 *   same figures in a table beside it; with --by team|worker, a table of the
 *   months (columns) by group (rows), the whole service first;
 * - how to read the figures, the inputs with their row accounting and
 *   SHA-256, and the generator.
 *
 * Rules it keeps:
 * - Self-contained: one inline <style>, no script, no external resource of
 *   any kind, and a Content-Security-Policy that forbids loading any (the
 *   stylesheet is allowed by its hash, so even an injected <style> or style
 *   attribute would not apply).
 * - Every text from the input is escaped by the `html` tag (markup.ts),
 *   attributes included.
 * - Meaning never depends on colour or on backgrounds (which browsers drop
 *   when printing): RAG is a word and a symbol, travel a word and an arrow,
 *   chart series differ in dash and markers.
 * - Deterministic: no clock, no random ids; the same report gives the same
 *   bytes.
 * - Prints to A4: page size, margins, page numbers, and no chart or table
 *   row split across pages.
 */
import { createHash } from 'node:crypto';
import { formatDayLong } from '../core/day.js';
import { NO_GROUP } from '../measures/types.js';
import { UNITS } from '../measures/units.js';
import { inputPlace, type InputSummary, type Scorecard, type ScorecardCell, type ScorecardRow } from '../report/scorecard.js';
import type { Rag } from '../report/targets.js';
import {
  amountText,
  capitalised,
  countsText,
  differenceUnit,
  directionText,
  gapText,
  monthText,
  PERIODICAL,
  PERIODS_WORD,
  noRatingText,
  partialNote,
  RAG_MEANING,
  RAG_SYMBOL,
  RAG_WORD,
  reasonText,
  signed,
  type Travel,
  travel,
  travelArrow,
  TRAVEL_WORD,
  unitLabel,
  valueText,
} from './figure-text.js';
import { html, join, type Markup, slug, trusted } from './markup.js';
import { formatCount } from './numbers.js';
import { renderChart } from './svg-chart.js';

const DEFAULT_TITLE = "Children's social care performance scorecard";

/** Months per breakdown table; longer runs are split into balanced tables. */
const MONTHS_PER_TABLE = 10;

const CSS = `
:root {
  --ink: #1b1b1b; --muted: #505a5f; --rule: #b1b4b6; --faint: #f3f2f1;
  --accent: #1d3f73; --target: #b35400; --comparator: #3d4447;
  --green: #00703c; --amber: #8a5300; --red: #b10e1e;
  color-scheme: light;
}
* { box-sizing: border-box; }
html {
  font-family: "Segoe UI", Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink); background: #fff;
  font-variant-numeric: tabular-nums;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%;
}
body { margin: 0 auto; max-width: 1100px; padding: 28px 32px 48px; }
h1, h2, h3 { line-height: 1.2; margin: 0; }
h1 { font-size: 2rem; margin: 4px 0 14px; }
h2 { font-size: 1.45rem; margin: 36px 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.15rem; }
p { margin: 0 0 8px; }
a { color: var(--accent); }
.eyebrow { font-size: .8rem; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); margin: 0; }
.report-header { border-bottom: 5px solid var(--accent); padding-bottom: 14px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 0; font-size: .93rem; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; }
.visually-hidden {
  position: absolute !important; width: 1px !important; height: 1px !important; padding: 0 !important;
  margin: -1px !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important;
}
.note { font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 700; padding: 0 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); font-size: .82rem; vertical-align: bottom; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
.sub { display: block; font-size: .78rem; color: var(--muted); font-weight: 400; }
.big { font-size: 1.1rem; font-weight: 700; }
.dim { color: var(--muted); }
.rag {
  display: inline-block; white-space: nowrap; font-weight: 700; font-size: .85rem;
  border: 1.5px solid currentColor; border-radius: 3px; padding: 0 6px 0 5px;
}
.rag .sym, .travel .sym { display: inline-block; min-width: 1.05em; text-align: center; margin-right: .25em; font-weight: 700; }
.rag-green { color: var(--green); background: #eaf5ee; }
.rag-amber { color: var(--amber); background: #fdf3e3; border-style: dashed; }
.rag-red { color: var(--red); background: #fbeaec; border-width: 2.5px; }
.rag-none { color: var(--muted); background: transparent; border-style: dotted; font-weight: 400; }
.travel { white-space: nowrap; font-weight: 700; }
.travel-none { font-weight: 400; color: var(--muted); }
.summary { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0 16px; padding: 0; list-style: none; }
.summary li { border: 1px solid var(--rule); border-radius: 4px; padding: 6px 12px; min-width: 96px; }
.summary .count { display: block; font-size: 1.5rem; font-weight: 700; line-height: 1.1; }
.summary .label { font-size: .85rem; }
.summary .label .sym { margin-right: .3em; }
.headline td, .headline th { padding: 8px; }
.headline tbody th a { font-weight: 700; color: var(--ink); text-decoration: none; }
.headline tbody th a:hover { text-decoration: underline; }
.headline .comparators { display: block; font-size: .78rem; color: var(--muted); }
.not-computable-text { color: var(--muted); font-style: italic; }
.measure { margin: 0 0 30px; padding-top: 16px; border-top: 1px solid var(--rule); }
.measure-head { margin-bottom: 10px; break-after: avoid; }
.measure-head .meta { font-size: .85rem; color: var(--muted); margin: 2px 0 0; }
.measure-body { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 26px; align-items: start; }
.chart-box { max-width: 620px; }
.figures { font-size: .82rem; }
.figures th, .figures td { padding: 3px 5px; white-space: nowrap; }
.figures caption .sub { white-space: normal; }
.figures .rag { font-size: .75rem; }
.figures tr.partial td, .figures tr.partial th { font-style: italic; }
.chart { display: block; width: 100%; height: auto; overflow: visible; }
.chart text { font-family: inherit; font-size: 13px; fill: var(--ink); }
.chart .tick { fill: var(--muted); font-size: 12px; }
.chart .year { font-weight: 700; }
.chart .axis-label { font-weight: 700; fill: var(--muted); }
.chart .grid { stroke: #dcdcdc; stroke-width: 1; }
.chart .axis, .chart .tick-mark { stroke: var(--ink); stroke-width: 1; }
.chart .value-line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.chart .point, .chart .marker { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
.chart .point.partial, .chart .marker.partial { fill: #fff; stroke: var(--accent); stroke-width: 2; }
.chart .target-step { fill: none; stroke: var(--target); stroke-width: 2.5; stroke-dasharray: 8 4; }
.chart .target-step.none { stroke: var(--rule); stroke-width: 1; stroke-dasharray: 1 3; }
.chart .comparator { stroke: var(--comparator); stroke-width: 1.4; fill: none; }
.chart .comparator.c0 { stroke-dasharray: 2 3; }
.chart .comparator.c1 { stroke-dasharray: 9 3 2 3; }
.chart .comparator.c2 { stroke-dasharray: 5 4; }
.chart .axis-break rect { fill: #fff; }
.chart .axis-break path { stroke: var(--ink); stroke-width: 1.2; fill: none; }
.chart .leader { stroke: var(--rule); stroke-width: .8; }
.chart .comparator-label { font-size: 12px; fill: var(--comparator); }
.chart .value-label { font-weight: 700; fill: var(--accent); paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.chart .empty { fill: var(--muted); font-style: italic; }
.not-computable { border: 1px dashed var(--rule); border-left: 5px solid var(--muted); padding: 10px 14px; margin: 4px 0 0; }
.not-computable strong { display: block; }
.breakdown { margin-top: 16px; }
.breakdown h4 { font-size: 1rem; margin: 0 0 4px; }
.breakdown table { font-size: .8rem; margin-top: 8px; table-layout: fixed; }
.breakdown th, .breakdown td { padding: 3px 5px; }
.breakdown thead th.group { width: 24%; }
.breakdown tbody tr.service th, .breakdown tbody tr.service td { font-weight: 700; background: var(--faint); }
.breakdown td .sym { margin-left: .25em; }
.breakdown td .sub { font-weight: 400; }
.key { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; align-items: baseline; margin: 8px 0 12px; }
.key dd { margin: 0; }
.inputs { font-size: .82rem; }
.inputs td, .inputs th { padding: 4px 6px; }
.hash { font-family: "DejaVu Sans Mono", Consolas, "Liberation Mono", monospace; font-size: .72rem; word-break: break-all; }
.path { word-break: break-all; }
footer.colophon { margin-top: 28px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: .8rem; color: var(--muted); }
@media (max-width: 760px) {
  body { padding: 16px; }
  .measure-body { grid-template-columns: 1fr; }
  .headline { font-size: .85rem; }
}
@page {
  size: A4;
  margin: 14mm 13mm 16mm 13mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, "Liberation Sans", sans-serif; color: #505a5f; }
}
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 18px; break-after: avoid; }
  .report-header { break-inside: avoid; }
  .headline td, .headline th { padding: 4px 6px; }
  .headline .big { font-size: 1rem; }
  .summary { gap: 6px; margin: 8px 0 10px; }
  .summary li { padding: 3px 8px; min-width: 0; flex: 1 1 0; }
  .summary .count { font-size: 1.2rem; }
  .measure { margin-bottom: 10px; padding-top: 8px; }
  .measure-main, .not-computable, tr, .summary, .key, .chart { break-inside: avoid; }
  .breakdown h4, .breakdown > .note, caption { break-after: avoid; }
  .measure-body { gap: 12px; grid-template-columns: minmax(0, 1fr) minmax(0, .82fr); }
  .figures { font-size: 7.5pt; }
  .figures th, .figures td { padding: 1px 4px; }
  .figures .rag { font-size: 7pt; padding: 0 3px; }
  .breakdown table { font-size: 7.5pt; }
  .rag, .summary li, .breakdown tbody tr.service th, .breakdown tbody tr.service td { background: none; }
}
`.trimStart();

const CSS_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');

/** Loads nothing from anywhere: only this document's own stylesheet applies. */
const CSP = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'`;

function ragBadge(rag: Rag, noneText?: string): Markup {
  const word = rag === 'none' ? (noneText ?? RAG_WORD.none) : RAG_WORD[rag];
  return html`<span class="rag rag-${rag}"><span class="sym" aria-hidden="true">${RAG_SYMBOL[rag]}</span>${word}</span>`;
}

function travelMarkup(row: ScorecardRow, t: Travel): Markup {
  if (t.kind === 'none') return html`<span class="travel travel-none">Not comparable<span class="sub">${t.why}</span></span>`;
  const previous = amountText(row.unit, t.previous);
  const change = t.kind === 'same' ? 'same value' : `${signed(t.change)}${differenceUnit(row.unit)}`;
  return html`<span class="travel travel-${t.kind}"><span class="sym" aria-hidden="true">${travelArrow(t)}</span>${TRAVEL_WORD[t.kind]}<span class="sub">${change}, from ${previous}</span></span>`;
}

function anchorOf(row: ScorecardRow): string {
  return `measure-${slug(row.measure.id)}`;
}

function groupName(report: Scorecard, group: string): string {
  return group === NO_GROUP ? `(no ${report.by ?? 'group'} recorded)` : group;
}

function comparatorsText(row: ScorecardRow): string {
  return row.comparators.map(([label, v]) => `${label} ${amountText(row.unit, v)}`).join(' · ');
}

/** What one period of the report is, in words: "calendar month", "financial quarter", "financial year". */
function periodWords(report: Scorecard): string {
  const kind = report.periods[0]?.kind ?? 'month';
  return kind === 'month' ? 'calendar month' : `financial ${kind}`;
}

function header(report: Scorecard, serviceRows: readonly ScorecardRow[]): Markup {
  const first = report.periods[0];
  const last = report.periods[report.periods.length - 1];
  const months =
    first && last ? (first.id === last.id ? first.label : `${first.label} to ${last.label}`) : 'none';
  const withTarget = serviceRows.filter((r) => r.cells.some((c) => c.target !== null)).length;
  return html`<header class="report-header">
<p class="eyebrow">Performance scorecard</p>
<h1>${report.title ?? DEFAULT_TITLE}</h1>
<dl class="facts">
<dt>As at</dt><dd>${formatDayLong(report.asAt)}</dd>
<dt>${PERIODS_WORD[first?.kind ?? 'month']}</dt><dd>${months} (${formatCount(report.periods.length)})</dd>
<dt>Measures</dt><dd>${formatCount(serviceRows.length)}, of which ${formatCount(withTarget)} with a target</dd>
${report.by === null ? '' : html`<dt>Breakdown</dt><dd>by ${report.by}</dd>`}
<dt>Working days</dt><dd>${report.calendar}</dd>
</dl>
</header>`;
}

function summaryItem(count: number, label: string, symbol: string, cls: string): Markup {
  return html`<li class="${cls}"><span class="count">${formatCount(count)}</span><span class="label"><span class="sym" aria-hidden="true">${symbol}</span>${label}</span></li>`;
}

function headline(report: Scorecard, serviceRows: readonly ScorecardRow[]): Markup {
  const index = report.periods.length - 1;
  const period = report.periods[index];
  if (!period) return html`<p>No months in the report.</p>`;
  const previous = report.periods[index - 1];
  const month = period.label;
  const rags: Record<Rag, number> = { green: 0, amber: 0, red: 0, none: 0 };
  const travels = { improving: 0, worsening: 0, same: 0, changed: 0, none: 0 };
  const lines = serviceRows.map((row) => {
    const cell = row.cells[index];
    if (!cell) return '';
    const t = travel(row, index);
    rags[cell.rag] += 1;
    travels[t.kind] += 1;
    const comparators = row.comparators.length ? html`<span class="comparators">${comparatorsText(row)}</span>` : '';
    const title = html`<th scope="row"><a href="#${anchorOf(row)}">${row.title}</a><span class="sub">${directionText(row.measure.direction)}</span>${comparators}</th>`;
    const reason = row.notComputable ?? cell.notComputable;
    if (reason !== null) {
      return html`<tr>${title}<td colspan="5" class="not-computable-text">Not computable: ${reason}</td></tr>`;
    }
    const value = valueText(row, cell);
    return html`<tr>${title}
<td class="num">${value === null ? html`<span class="dim">No value</span>` : html`<span class="big">${value}</span>`}<span class="sub">${countsText(cell) ?? ''}</span></td>
<td class="num">${cell.target === null ? html`<span class="dim">None</span>` : amountText(row.unit, cell.target)}</td>
<td class="num">${gapText(row, cell) ?? html`<span class="dim">–</span>`}</td>
<td>${ragBadge(cell.rag, noRatingText(row, cell))}</td>
<td>${travelMarkup(row, t)}</td>
</tr>`;
  });
  const since = previous ? `Since ${previous.label}` : `Since the ${period.kind} before`;
  return html`<section class="headline-block" aria-labelledby="headline-title">
<h2 id="headline-title">Headline: ${month}${period.partial ? '*' : ''}</h2>
${period.partial ? html`<p class="note">* ${month} is a ${partialNote(period)}.</p>` : ''}
<ul class="summary">
${summaryItem(rags.green, 'Green', RAG_SYMBOL.green, 'rag-count green')}
${summaryItem(rags.amber, 'Amber', RAG_SYMBOL.amber, 'rag-count amber')}
${summaryItem(rags.red, 'Red', RAG_SYMBOL.red, 'rag-count red')}
${summaryItem(rags.none, 'No rating', RAG_SYMBOL.none, 'rag-count none')}
${summaryItem(travels.improving, 'Improving', '+', 'travel-count')}
${summaryItem(travels.worsening, 'Worsening', '\u2212', 'travel-count')}
${summaryItem(travels.same, 'No change', '=', 'travel-count')}${travels.changed > 0 ? html`\n${summaryItem(travels.changed, 'Changed', '~', 'travel-count')}` : ''}
</ul>
<table class="headline">
<caption class="visually-hidden">Each measure in ${month}: value, target, gap, RAG rating and direction of travel</caption>
<thead><tr>
<th scope="col">Measure</th>
<th scope="col" class="num">Value<span class="sub">numerator / denominator</span></th>
<th scope="col" class="num">Target</th>
<th scope="col" class="num">Gap<span class="sub">value − target</span></th>
<th scope="col">RAG</th>
<th scope="col">${since}</th>
</tr></thead>
<tbody>
${lines}
</tbody>
</table>
<p class="note">Arrows show whether the value went up or down; the word says whether that is better for the measure. Months compared as shown, to one decimal.</p>
</section>`;
}

function figuresTable(row: ScorecardRow): Markup {
  const hasExclusions = row.cells.some((c) => c.excluded.length > 0);
  const reasons = [...new Set(row.cells.flatMap((c) => c.excluded.map(([r]) => r)))].sort();
  const lines = row.cells.map((cell) => {
    const value = valueText(row, cell);
    const leftOut = cell.excluded.reduce((n, [, k]) => n + k, 0);
    const leftOutTitle = cell.excluded.map(([r, k]) => `${formatCount(k)} ${reasonText(r)}`).join(', ');
    return html`<tr${cell.period.partial ? html` class="partial"` : ''}>
<th scope="row">${monthText(cell)}</th>
<td class="num">${countsText(cell) ?? '—'}</td>
<td class="num">${cell.notComputable !== null ? html`<span class="not-computable-text" title="${cell.notComputable}">Not computable: ${cell.notComputable}</span>` : value === null ? html`<span class="dim">—</span>` : html`<strong>${value}</strong>`}</td>
<td class="num">${cell.target === null ? html`<span class="dim">—</span>` : amountText(row.unit, cell.target)}</td>
<td>${cell.rag === 'none' ? html`<span class="dim">–</span>` : ragBadge(cell.rag)}</td>
${hasExclusions ? html`<td class="num"${leftOutTitle ? html` title="${leftOutTitle}"` : ''}>${leftOut ? formatCount(leftOut) : ''}</td>` : ''}
</tr>`;
  });
  return html`<table class="figures">
<caption>${PERIODICAL[row.cells[0]?.period.kind ?? 'month']} figures<span class="sub">${unitLabel(row.unit)}; the same figures as the chart</span></caption>
<thead><tr><th scope="col">${capitalised(row.cells[0]?.period.kind ?? 'month')}</th><th scope="col" class="num">Num. / den.</th><th scope="col" class="num">Value</th><th scope="col" class="num">Target</th><th scope="col">RAG</th>${hasExclusions ? html`<th scope="col" class="num">Left out</th>` : ''}</tr></thead>
<tbody>
${lines}
</tbody>
</table>
${hasExclusions ? html`<p class="note">Left out of the count: ${reasons.map(reasonText).join(', ')}.</p>` : ''}`;
}

/** Splits months into runs of at most `size`, as even as possible. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const each = Math.ceil(items.length / count);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += each) out.push(items.slice(i, i + each));
  return out;
}

function breakdownCell(row: ScorecardRow, cell: ScorecardCell): Markup {
  const value = valueText(row, cell);
  if (cell.notComputable !== null) return html`<td class="num not-computable-text" title="Not computable: ${cell.notComputable}">not computable</td>`;
  if (value === null) return html`<td class="num dim">—${cell.denominator === 0 ? html`<span class="sub">none</span>` : ''}</td>`;
  const shown = UNITS[row.unit].breakdownCounts.show;
  const counts =
    shown === 'fraction'
      ? `${formatCount(cell.numerator ?? 0)}/${formatCount(cell.denominator ?? 0)}`
      : `n=${formatCount((shown === 'numerator' ? cell.numerator : cell.denominator) ?? 0)}`;
  const rag =
    cell.rag === 'none'
      ? ''
      : html`<span class="sym" aria-hidden="true">${RAG_SYMBOL[cell.rag]}</span><span class="visually-hidden"> ${RAG_WORD[cell.rag]}</span>`;
  return html`<td class="num">${value}${rag}<span class="sub">${counts}</span></td>`;
}

function breakdown(report: Scorecard, service: ScorecardRow, groups: readonly ScorecardRow[]): Markup {
  if (report.by === null) return html``;
  const by = report.by;
  if (service.noBreakdown !== null) {
    return html`<div class="breakdown">
<h4>By ${by}</h4>
<p class="note" data-no-breakdown="${service.measure.id}">No breakdown by ${by}: ${service.noBreakdown}. The whole-service figure above stands.</p>
</div>`;
  }
  const indices = service.cells.map((_, i) => i);
  const counts = UNITS[service.unit].breakdownCounts;
  const countsNote =
    counts.show === 'fraction'
      ? 'small figures are numerator/denominator'
      : `small figures are the number counted (n)${counts.counting === undefined ? '' : `, here ${counts.counting}`}`;
  const tables = chunks(indices, MONTHS_PER_TABLE).map((part, _k, all) => {
    const first = service.cells[part[0]!]!;
    const last = service.cells[part[part.length - 1]!]!;
    const head = part.map((i) => html`<th scope="col" class="num">${monthText(service.cells[i]!)}</th>`);
    const line = (row: ScorecardRow, name: string, cls: string) =>
      html`<tr${cls ? html` class="${cls}"` : ''}><th scope="row">${name}</th>${part.map((i) => breakdownCell(row, row.cells[i]!))}</tr>`;
    return html`<table class="breakdown-table">
<caption class="${all.length > 1 ? '' : 'visually-hidden'}">${service.title} by ${by}, ${first.period.label} to ${last.period.label}</caption>
<thead><tr><th scope="col" class="group">${by === 'team' ? 'Team' : 'Worker'}</th>${head}</tr></thead>
<tbody>
${line(service, 'Whole service', 'service')}
${groups.map((g) => line(g, groupName(report, g.group ?? ''), ''))}
</tbody>
</table>`;
  });
  return html`<div class="breakdown">
<h4>By ${by}</h4>
<p class="note">${groups.length === 0 ? `No records with a ${by}.` : `${formatCount(groups.length)} ${by}${groups.length === 1 ? '' : 's'}. ${unitLabel(service.unit)}; ${RAG_SYMBOL.green} green, ${RAG_SYMBOL.amber} amber, ${RAG_SYMBOL.red} red against the service target; ${countsNote}; — no value.`}</p>
${groups.length === 0 ? '' : tables}
</div>`;
}

function measureSection(report: Scorecard, service: ScorecardRow, groups: readonly ScorecardRow[]): Markup {
  const { measure } = service;
  const meta = [measure.id, unitLabel(service.unit).toLowerCase(), directionText(measure.direction)].join(' · ');
  const head = html`<div class="measure-head">
<h3 id="${anchorOf(service)}-title">${service.title}</h3>
<p class="meta">${meta}</p>
${service.comparators.length ? html`<p class="meta">Comparators: ${comparatorsText(service)}</p>` : ''}
</div>`;
  if (service.notComputable !== null) {
    return html`<section class="measure" id="${anchorOf(service)}" aria-labelledby="${anchorOf(service)}-title">
${head}
<div class="not-computable" data-not-computable="${measure.id}"><strong>Not computable</strong>Reason: ${service.notComputable}. No chart is drawn; this is not a zero.</div>
</section>`;
  }
  return html`<section class="measure" id="${anchorOf(service)}" aria-labelledby="${anchorOf(service)}-title">
<div class="measure-main">
${head}
<div class="measure-body">
<div class="chart-box">${renderChart(service)}</div>
<div class="figures-box">${figuresTable(service)}</div>
</div>
</div>
${breakdown(report, service, groups)}
</section>`;
}

function ragKey(): Markup {
  const rags: Rag[] = ['green', 'amber', 'red', 'none'];
  return html`<dl class="key">${rags.map((r) => html`<dt>${ragBadge(r)}</dt><dd>${RAG_MEANING[r]}</dd>`)}</dl>`;
}

function inputsTable(inputs: readonly InputSummary[]): Markup {
  if (inputs.length === 0) return html`<p>No extracts were read.</p>`;
  return html`<table class="inputs">
<caption>Extracts read</caption>
<thead><tr><th scope="col">Extract</th><th scope="col">File</th><th scope="col" class="num">Rows read</th><th scope="col" class="num">Valid</th><th scope="col" class="num">Rejected</th><th scope="col" class="num">Duplicate</th><th scope="col">SHA-256</th></tr></thead>
<tbody>
${inputs.map(
  (i) => html`<tr><th scope="row">${i.name}</th><td class="path">${inputPlace(i)}</td><td class="num">${formatCount(i.rows.read)}</td><td class="num">${formatCount(i.rows.valid)}</td><td class="num">${formatCount(i.rows.rejected)}</td><td class="num">${formatCount(i.rows.duplicate)}</td><td class="hash">${i.sha256}</td></tr>`,
)}
</tbody>
</table>`;
}

function about(report: Scorecard): Markup {
  return html`<section class="about" aria-labelledby="about-title">
<h2 id="about-title">About these figures</h2>
<p>Each measure is a ratio for a ${periodWords(report)}: value = numerator ÷ denominator (× 100 for a percentage). Measures of cases open at a date use the last day of the ${report.periods[0]?.kind ?? 'month'}, or the as-at date for a ${report.periods[0]?.kind ?? 'month'} in progress. Records left out of a count are listed beside each chart.</p>
<p>Values are rounded to one decimal for display; the RAG rating compares the unrounded value with the target. The gap is the value shown minus the target. A target holds from its month until the next one; before the first there is none. Comparators come from the targets file.</p>
<p>Working days: ${report.calendar}.</p>
<h3>RAG ratings</h3>
${ragKey()}
${inputsTable(report.inputs)}
</section>`;
}

export function renderHtml(report: Scorecard): string {
  const serviceRows = report.rows.filter((r) => r.group === null);
  const groupsOf = (service: ScorecardRow) => report.rows.filter((r) => r.group !== null && r.measure.id === service.measure.id);
  const title = `${report.title ?? DEFAULT_TITLE}: scorecard as at ${formatDayLong(report.asAt)}`;
  const doc = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${report.generator.name} ${report.generator.version}">
<title>${title}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
${header(report, serviceRows)}
<main>
${headline(report, serviceRows)}
<h2 id="measures-title">Measures ${report.periods[0]?.kind ?? 'month'} by ${report.periods[0]?.kind ?? 'month'}</h2>
${join(serviceRows.map((row) => measureSection(report, row, groupsOf(row))), '\n')}
${about(report)}
</main>
<footer class="colophon">
<p>Produced by ${report.generator.name} ${report.generator.version} from the extracts listed above; the same extracts, options and targets give the same report.</p>
</footer>
</body>
</html>
`;
  return doc.toString();
}
