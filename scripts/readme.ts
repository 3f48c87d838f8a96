/**
 * The parts of README.md written from the code: the table of measures, from
 * each measure's `doc` (src/measures). `npm run docs` rewrites them, and a
 * test checks that the README holds what this would write.
 */
import type { Measure } from '../src/measures/types.js';

export const MEASURES_START = '<!-- measures: written by `npm run docs` from the measure modules (src/measures); edit those, not this table -->';
export const MEASURES_END = '<!-- end of measures -->';

/** The ids cell of a row: every id, or what the shared doc says. */
function idsCell(measures: readonly Measure[]): string {
  return measures[0]!.doc.ids ?? measures.map((m) => `\`${m.id}\``).join(', ');
}

/**
 * The Markdown table of measures, one row per measure, except that
 * consecutive measures sharing one `doc` object share a row.
 */
export function measureTable(measures: readonly Measure[]): string {
  const groups: Measure[][] = [];
  for (const m of measures) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.doc === m.doc) last.push(m);
    else groups.push([m]);
  }
  const lines = ['| id | better | what is counted for month P (snapshot S) |', '|---|---|---|'];
  for (const group of groups) {
    const directions = new Set(group.map((m) => m.direction));
    if (directions.size > 1) throw new Error(`measures ${group.map((m) => m.id).join(', ')} share a row but not a direction`);
    lines.push(`| ${idsCell(group)} | ${group[0]!.direction} | ${group[0]!.doc.text} |`);
  }
  return lines.join('\n');
}

/** The README with its table of measures rewritten. */
export function withMeasureTable(readme: string, measures: readonly Measure[]): string {
  const start = readme.indexOf(MEASURES_START);
  const end = readme.indexOf(MEASURES_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${MEASURES_START}" ... "${MEASURES_END}" block`);
  return `${readme.slice(0, start + MEASURES_START.length)}\n\n${measureTable(measures)}\n\n${readme.slice(end)}`;
}
