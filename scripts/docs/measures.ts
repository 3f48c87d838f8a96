/**
 * The README's table of measures, written from each measure's `doc`
 * (src/measures) by `npm run docs` (see readme.ts).
 */
import type { Measure } from '../../src/measures/types.js';

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
