/**
 * Plain-text notes about rejected and duplicate rows and extract warnings, for stderr.
 */
import type { ExtractCheck } from '../report/validation.js';
import { rejectionLine, sourceText, warningLine } from '../report/wording.js';
import { formatCount } from './numbers.js';

/**
 * A few lines per extract with rejected or duplicate rows, and a warning for
 * an extract with no rows at all; nothing when all rows were valid.
 */
export function summariseProblems(extracts: readonly ExtractCheck[], perExtract = 5): string {
  const lines: string[] = [];
  for (const x of extracts) {
    for (const w of x.warnings) lines.push(warningLine(w));
    if (x.rows === null || x.source === null) continue;
    const { read, rejected, duplicate } = x.rows;
    if (rejected === 0 && duplicate === 0) continue;
    lines.push(
      `${sourceText(x.source)}: ${formatCount(rejected)} of ${formatCount(read)} rows rejected, ${formatCount(duplicate)} duplicate${duplicate === 1 ? '' : 's'} dropped`,
    );
    for (const r of x.problems.slice(0, perExtract)) lines.push(`  ${rejectionLine(r)}`);
    if (x.problems.length > perExtract) lines.push(`  ... and ${formatCount(x.problems.length - perExtract)} more`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
