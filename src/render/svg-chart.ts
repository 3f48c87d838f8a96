/**
 * A measure's monthly values against its target trajectory, as inline SVG.
 *
 * - Values: a solid line with a marker per month that has a value; a month
 *   without one (null) breaks the line, it is never drawn as zero. The month
 *   still in progress has a hollow marker.
 * - Target: a step line. Each month is a band on the x axis and the target
 *   in force spans the whole band, so a target holds from its month until
 *   the next one and the month's marker sits in the middle of its target.
 *   Before the first target there is no line.
 * - Comparators (statistical neighbours, region, England): thin horizontal
 *   reference lines, each with its own dash pattern and labelled in the
 *   right margin.
 *
 * Lines differ by weight, dash and markers, not only by colour, so the chart
 * reads in greyscale. The SVG is role="img" with a <title> and a <desc> that
 * give the same figures in words; the report puts the figures in a table
 * beside it too. Text sizes are in the SVG's own units and scale with it.
 *
 * Geometry is estimated from character counts (no text measuring, which a
 * pure renderer cannot do), with room to spare.
 */
import type { Direction } from '../measures/types.js';
import { UNITS } from '../measures/units.js';
import type { ScorecardRow } from '../report/scorecard.js';
import {
  amountText,
  countsText,
  monthText,
  PERIODICAL,
  RAG_WORD,
  shownValue,
  tickParts,
  unitLabel,
  valueText,
} from './figure-text.js';
import { html, join, type Markup, slug } from './markup.js';
import { formatCount, oneDecimal } from './numbers.js';

const WIDTH = 480;
const PLOT_HEIGHT = 190;
/** Average advance of a character of the 13px chart text, generous for capitals and digits. */
const CHAR = 7.2;
/** The same for the comparator labels (12px). */
const LABEL_CHAR = 6.6;
/** The same for the latest value, in bold (13px). */
const VALUE_CHAR = 7.9;
const LEFT = 62;
const COMPARATOR_DASHES = ['2 3', '9 3 2 3', '5 4'] as const;

const DIRECTION_SENTENCE: Readonly<Record<Direction, string>> = {
  higher: 'Higher is better.',
  lower: 'Lower is better.',
  neutral: 'Neither higher nor lower is better.',
};

interface Scale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** 1, 2, 2.5 or 5 times a power of ten, the first at least `raw`. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
}

/**
 * The y axis: fitted to the figures drawn (values, targets, comparators) so
 * that a gap to target is visible, with round ticks. It starts at zero when
 * the figures come near zero; otherwise the chart marks the axis as broken.
 * Percentages stay within 0 to 100.
 */
export function niceScale(lo: number, hi: number, percent: boolean): Scale {
  if (!(hi >= lo)) return percent ? niceScale(0, 100, true) : niceScale(0, 10, false);
  const minSpan = percent ? 10 : Math.max(Math.abs(hi) * 0.2, 1);
  if (hi - lo < minSpan) {
    const mid = (hi + lo) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  const pad = (hi - lo) * 0.08;
  const step = niceStep((hi - lo + 2 * pad) / 5);
  let min = Math.floor((lo - pad) / step + 1e-9) * step;
  let max = Math.ceil((hi + pad) / step - 1e-9) * step;
  if (min <= 2 * step) min = 0;
  if (percent && max > 100) max = 100;
  if (percent && min >= max) min = Math.max(0, max - 2 * step);
  const count = Math.round((max - min) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => Math.round((min + i * step) * 1e6) / 1e6);
  return { min, max, step, ticks };
}

function tickText(tick: number, step: number, suffix: string): string {
  const text = Number.isInteger(step) ? formatCount(tick) : oneDecimal(tick);
  return text + suffix;
}

/** Splits a label into lines of at most `width` characters, at spaces where possible. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(rest.slice(0, width));
      rest = rest.slice(width);
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Moves label positions apart so that none is closer than `gap` to the next, within [lo, hi]. */
export function spread(ys: readonly number[], heights: readonly number[], lo: number, hi: number): number[] {
  const order = ys.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const placed = new Array<number>(ys.length).fill(0);
  let floor = lo;
  for (const [y, i] of order) {
    const h = heights[i] ?? 0;
    const top = Math.max(y - h / 2, floor);
    placed[i] = top + h / 2;
    floor = top + h;
  }
  // If the stack ran past the bottom, push it back up.
  let ceiling = hi;
  for (const [, i] of [...order].reverse()) {
    const h = heights[i] ?? 0;
    const bottom = Math.min(placed[i]! + h / 2, ceiling);
    placed[i] = bottom - h / 2;
    ceiling = bottom - h;
  }
  return placed;
}

interface LegendEntry {
  readonly swatch: Markup;
  readonly label: string;
}

function legend(entries: readonly LegendEntry[], x0: number, y0: number, width: number): { markup: Markup; height: number } {
  const rowHeight = 19;
  let x = x0;
  let y = y0;
  const parts: Markup[] = [];
  for (const entry of entries) {
    const w = 30 + entry.label.length * CHAR + 16;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += rowHeight;
    }
    parts.push(html`<g class="legend-item" transform="translate(${x} ${y})">${entry.swatch}<text x="30" y="4">${entry.label}</text></g>`);
    x += w;
  }
  return { markup: html`<g class="legend">${parts}</g>`, height: y - y0 + rowHeight };
}

/** The chart's text alternative: every figure it draws, in words. */
export function describeChart(row: ScorecardRow, axis?: string): string {
  const { measure, cells, comparators, unit } = row;
  const first = cells[0];
  const last = cells[cells.length - 1];
  const parts: string[] = [];
  if (first && last) {
    const values = cells.map((c) => `${monthText(c)} ${valueText(row, c) ?? 'no value'}`).join(', ');
    parts.push(`${PERIODICAL[first.period.kind]} values, ${first.period.label} to ${last.period.label}: ${values}.`);
  }
  // The trajectory as runs of months with the same target.
  const runs: { target: number | null; from: string; to: string }[] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    if (last && last.target === c.target) last.to = c.period.label;
    else runs.push({ target: c.target, from: c.period.label, to: c.period.label });
  }
  if (runs.every((r) => r.target === null)) parts.push('No target.');
  else {
    const span = (r: { from: string; to: string }) => (r.from === r.to ? `in ${r.from}` : `from ${r.from} to ${r.to}`);
    parts.push(`Target: ${runs.map((r) => `${r.target === null ? 'none' : amountText(unit, r.target)} ${span(r)}`).join('; ')}.`);
  }
  if (comparators.length) parts.push(`Comparators: ${comparators.map(([l, v]) => `${l} ${amountText(unit, v)}`).join('; ')}.`);
  const partial = cells.find((c) => c.period.partial);
  if (partial) parts.push(`* ${partial.period.label} is a ${partial.period.kind} in progress.`);
  parts.push(DIRECTION_SENTENCE[measure.direction]);
  if (axis) parts.push(axis);
  return parts.join(' ');
}

/** The chart of a computable measure (the whole service). */
export function renderChart(row: ScorecardRow): Markup {
  const { measure, cells, comparators, unit } = row;
  const key = slug(measure.id);
  const { upTo100: percent, suffix } = UNITS[unit];
  const n = cells.length;

  // The latest value is written in the right margin, beside the end of its
  // line, when it is the last month's; otherwise above its marker.
  const values = cells.map((c) => c.value);
  let lastIndex = -1;
  values.forEach((v, i) => {
    if (v !== null) lastIndex = i;
  });
  const lastCell = cells[lastIndex];
  const lastText = lastCell ? valueText(row, lastCell) : null;
  const marginValue = lastIndex === n - 1 ? lastText : null;

  // Right margin: room for those labels; comparator labels wrap when long.
  const comparatorTexts = comparators.map(([label, v]) => `${label} ${amountText(unit, v)}`);
  const labelWidth = Math.min(18, Math.max(0, ...comparatorTexts.map((t) => t.length)));
  const wrapped = comparatorTexts.map((t) => wrapWords(t, labelWidth));
  const right = 16 + Math.max(labelWidth * LABEL_CHAR, (marginValue?.length ?? 0) * VALUE_CHAR, 6);
  const plotLeft = LEFT;
  const plotRight = WIDTH - right;
  const plotWidth = plotRight - plotLeft;

  // Legend above the plot.
  const hasTarget = cells.some((c) => c.target !== null);
  const partialWithValue = cells.some((c) => c.period.partial && shownValue(row, c) !== null);
  const entries: LegendEntry[] = [
    { swatch: html`<line class="value-line" x1="0" y1="0" x2="24" y2="0"/><circle class="marker" cx="12" cy="0" r="3.5"/>`, label: 'Value' },
  ];
  if (partialWithValue) entries.push({ swatch: html`<circle class="marker partial" cx="12" cy="0" r="3.5"/>`, label: 'Month in progress' });
  entries.push(
    hasTarget
      ? { swatch: html`<path class="target-step" d="M0 4H12V-4H24"/>`, label: 'Target trajectory' }
      : { swatch: html`<path class="target-step none" d="M0 0H24"/>`, label: 'No target set' },
  );
  comparators.forEach(([label], i) => {
    entries.push({ swatch: html`<line class="comparator c${i % COMPARATOR_DASHES.length}" x1="0" y1="0" x2="24" y2="0"/>`, label });
  });
  const leg = legend(entries, 8, 12, WIDTH - 16);
  const plotTop = 12 + leg.height + 12;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const height = plotBottom + 54;

  // Scales.
  const drawn = [
    ...values.filter((v): v is number => v !== null),
    ...cells.flatMap((c) => (c.target === null ? [] : [c.target])),
    ...comparators.map(([, v]) => v),
  ];
  const scale = drawn.length ? niceScale(Math.min(...drawn), Math.max(...drawn), percent) : niceScale(0, percent ? 100 : 10, percent);
  const band = plotWidth / Math.max(n, 1);
  const xOf = (i: number) => plotLeft + (i + 0.5) * band;
  const yOf = (v: number) => plotBottom - ((Math.min(Math.max(v, scale.min), scale.max) - scale.min) / (scale.max - scale.min)) * PLOT_HEIGHT;

  // Gridlines and y ticks.
  const yTicks = scale.ticks.map(
    (t) => html`<line class="grid" x1="${plotLeft}" y1="${yOf(t)}" x2="${plotRight}" y2="${yOf(t)}"/><text class="tick" x="${plotLeft - 6}" y="${yOf(t) + 4}" text-anchor="end">${tickText(t, scale.step, suffix)}</text>`,
  );

  // x ticks: every month when there is room, else every k-th.
  const every = Math.max(1, Math.ceil(28 / band));
  let yearShown: string | undefined;
  const xTicks = cells.map((c, i) => {
    // The last month is always labelled; a label too close before it is left out.
    const labelled = i === n - 1 || (i % every === 0 && n - 1 - i >= every);
    if (!labelled) return html`<line class="tick-mark" x1="${xOf(i)}" y1="${plotBottom}" x2="${xOf(i)}" y2="${plotBottom + 3}"/>`;
    const month = c.period.label;
    const [abbr, year] = tickParts(c.period);
    // The year under the first labelled month of each year.
    const showYear = year !== undefined && year !== yearShown;
    if (showYear) yearShown = year;
    return html`<line class="tick-mark" x1="${xOf(i)}" y1="${plotBottom}" x2="${xOf(i)}" y2="${plotBottom + 5}"/><text class="tick" x="${xOf(i)}" y="${plotBottom + 18}" text-anchor="middle">${abbr ?? month}${c.period.partial ? '*' : ''}</text>${showYear ? html`<text class="tick year" x="${xOf(i)}" y="${plotBottom + 32}" text-anchor="middle">${year ?? ''}</text>` : ''}`;
  });

  // Target: a step line over each run of months with a target; it rises or
  // falls at the boundary of the month where the next target starts.
  const targetPaths: Markup[] = [];
  let d = '';
  let held: number | null = null;
  const flush = (end: number) => {
    if (d) targetPaths.push(html`<path class="target-step" d="${`${d}H${end.toFixed(2)}`}"/>`);
    d = '';
  };
  cells.forEach((c, i) => {
    const left = plotLeft + i * band;
    if (c.target === null) flush(left);
    else if (!d) d = `M${left.toFixed(2)} ${yOf(c.target).toFixed(2)}`;
    else if (c.target !== held) d += `H${left.toFixed(2)}V${yOf(c.target).toFixed(2)}`;
    held = c.target;
  });
  flush(plotRight);

  // Comparators: reference lines, labelled in the right margin. The labels
  // (and the latest value's) are moved apart so that none overlaps another.
  const lineHeight = 13;
  const marginYs = [
    ...(marginValue !== null && lastCell?.value != null ? [yOf(lastCell.value)] : []),
    ...comparators.map(([, v]) => yOf(v)),
  ];
  const marginHeights = [...(marginValue !== null ? [16] : []), ...wrapped.map((lines) => lines.length * lineHeight + 2)];
  const placed = spread(marginYs, marginHeights, plotTop - 6, plotBottom + 6);
  const comparatorYs = marginValue !== null ? placed.slice(1) : placed;
  const comparatorLines = comparators.map(([, v], i) => {
    const y = yOf(v);
    const labelY = comparatorYs[i] ?? y;
    const lines = wrapped[i] ?? [];
    const ly = labelY - ((lines.length - 1) * lineHeight) / 2 + 4;
    const tspans = lines.map((t, k) => html`<tspan x="${plotRight + 9}" y="${ly + k * lineHeight}">${t}</tspan>`);
    const dash = `c${i % COMPARATOR_DASHES.length}`;
    return html`<line class="comparator ${dash}" x1="${plotLeft}" y1="${y}" x2="${plotRight}" y2="${y}"/><line class="leader" x1="${plotRight}" y1="${y}" x2="${plotRight + 7}" y2="${labelY}"/><text class="comparator-label">${tspans}</text>`;
  });

  // Values: line segments between consecutive months with values; a null breaks the line.
  const segments: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) segments.push(run.join('L'));
      run = [];
      return;
    }
    run.push(`${xOf(i).toFixed(2)} ${yOf(v).toFixed(2)}`);
  });
  if (run.length > 1) segments.push(run.join('L'));
  const valueLines = segments.map((s) => html`<path class="value-line" d="M${s}"/>`);
  const points = cells.map((c, i) => {
    const v = c.value;
    if (v === null) return '';
    const label = `${monthText(c)}: ${valueText(row, c) ?? ''} (${countsText(c) ?? ''})${c.target === null ? '' : `, target ${amountText(unit, c.target)}, ${RAG_WORD[c.rag]}`}`;
    return html`<circle class="point${c.period.partial ? ' partial' : ''}" cx="${xOf(i)}" cy="${yOf(v)}" r="3.5" data-period="${c.period.id}"><title>${label}</title></circle>`;
  });

  let lastLabel: Markup | '' = '';
  if (lastCell && lastCell.value !== null && lastText !== null) {
    const y = yOf(lastCell.value);
    if (marginValue !== null) {
      const labelY = placed[0] ?? y;
      const leader = Math.abs(labelY - y) > 3 ? html`<line class="leader" x1="${xOf(lastIndex) + 5}" y1="${y}" x2="${plotRight + 7}" y2="${labelY}"/>` : '';
      lastLabel = html`${leader}<text class="value-label" x="${plotRight + 9}" y="${labelY + 4.5}">${lastText}</text>`;
    } else {
      // Below the marker when the value is under its target line, so the label never sits on it.
      const below = lastCell.target !== null && lastCell.value < lastCell.target;
      lastLabel = html`<text class="value-label" x="${xOf(lastIndex)}" y="${below ? Math.min(y + 19, plotBottom - 4) : Math.max(y - 9, plotTop + 10)}" text-anchor="middle">${lastText}</text>`;
    }
  }

  const noValues = values.every((v) => v === null);
  const empty = noValues
    ? html`<text class="empty" x="${(plotLeft + plotRight) / 2}" y="${(plotTop + plotBottom) / 2}" text-anchor="middle">No records to count in any month</text>`
    : '';

  const axisText = `The vertical axis runs from ${tickText(scale.min, scale.step, suffix)} to ${tickText(scale.max, scale.step, suffix)}${scale.min > 0 ? ', not from zero' : ''}.`;
  const titleId = `chart-${key}-title`;
  const descId = `chart-${key}-desc`;
  return html`<svg class="chart" data-measure="${measure.id}" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" preserveAspectRatio="xMinYMin meet">
<title id="${titleId}">${row.title}: monthly values against the target${comparators.length ? ' and comparators' : ''}</title>
<desc id="${descId}">${describeChart(row, axisText)}</desc>
${leg.markup}
<g class="axes">${yTicks}
<line class="axis" x1="${plotLeft}" y1="${plotBottom}" x2="${plotRight}" y2="${plotBottom}"/>
<line class="axis" x1="${plotLeft}" y1="${plotTop}" x2="${plotLeft}" y2="${plotBottom}"/>${
    scale.min > 0
      ? html`<g class="axis-break"><rect x="${plotLeft - 6}" y="${plotBottom - 13}" width="12" height="6"/><path d="M${plotLeft - 6} ${plotBottom - 11}l12 -4M${plotLeft - 6} ${plotBottom - 5}l12 -4"/></g>`
      : ''
  }
${xTicks}
<text class="axis-label" transform="translate(14 ${(plotTop + plotBottom) / 2}) rotate(-90)" text-anchor="middle">${unitLabel(unit)}</text>
<text class="axis-label" x="${(plotLeft + plotRight) / 2}" y="${plotBottom + 48}" text-anchor="middle">Month${cells.some((c) => c.period.partial) ? ' (* in progress)' : ''}</text>
</g>
<g class="comparators">${comparatorLines}</g>
<g class="targets">${targetPaths}</g>
<g class="values">${valueLines}${join(points)}${lastLabel}</g>
${empty}
</svg>`;
}

