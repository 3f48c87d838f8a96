/**
 * The README's table of Ofsted Annex A lists, written from the list table
 * (src/normalise/annex-a.ts), so the documentation says what the reader does.
 */
import { ANNEX_A_LISTS } from '../../src/normalise/annex-a.js';

/** The Markdown table: one row per list. */
export function annexATable(): string {
  const rows = ['| sheet | list | read as | notes |', '|---|---|---|---|'];
  for (const list of ANNEX_A_LISTS) {
    const as = list.extract ?? (list.later ? `— (later: ${list.later})` : '—');
    rows.push(`| \`List ${list.number}\` | ${list.title} | ${as} | ${list.note ?? ''} |`);
  }
  return rows.join('\n');
}
