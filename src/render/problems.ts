/**
 * Plain-text notes about rejected and duplicate rows and extract warnings, for stderr.
 */
import { type ExtractWarning, extractWarnings, type LoadedExtract } from '../normalise/load.js';
import { columnLetter } from '../normalise/headers.js';
import type { Rejection } from '../normalise/validate.js';
import { formatCount } from './numbers.js';

/** `contacts.csv:14: column C (Date of Contact): ...`. */
export function describeRejection(r: Rejection): string {
  const where = r.column > 0 ? ` column ${columnLetter(r.column)} (${r.header})` : '';
  return `${r.file}:${r.line}:${where} ${r.code}: ${r.message}`;
}

/** `warning: contacts.csv:1: the file has a header but no data rows ...`. */
export function describeWarning(file: string, w: ExtractWarning): string {
  return `warning: ${file}:${w.line}: ${w.message}`;
}

/**
 * A few lines per extract with rejected or duplicate rows, and a warning for
 * an extract with no rows at all; nothing when all rows were valid.
 */
export function summariseProblems(extracts: readonly LoadedExtract[], perExtract = 5): string {
  const lines: string[] = [];
  for (const x of extracts) {
    for (const w of extractWarnings(x)) lines.push(describeWarning(x.file, w));
    const { read, rejected, duplicate } = x.counts;
    if (rejected === 0 && duplicate === 0) continue;
    lines.push(
      `${x.file}: ${formatCount(rejected)} of ${formatCount(read)} rows rejected, ${formatCount(duplicate)} duplicate${duplicate === 1 ? '' : 's'} dropped`,
    );
    for (const r of x.rejections.slice(0, perExtract)) lines.push(`  ${describeRejection(r)}`);
    if (x.rejections.length > perExtract) lines.push(`  ... and ${formatCount(x.rejections.length - perExtract)} more`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
