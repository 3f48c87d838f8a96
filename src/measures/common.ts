/**
 * Small rules several measures share.
 */
import { type Day, formatDay } from '../core/day.js';
import type { RecordBase } from '../normalise/extracts.js';
import type { Outcomes } from './types.js';

/**
 * Why a record is not open at snapshot S, or undefined when it is. Open at S:
 * started on or before S, and not ended, or ended after S; a plan or case
 * that ends on S itself is closed at S.
 */
function whyNotOpen(start: Day, end: Day | null, snapshot: Day): string | undefined {
  if (start > snapshot) return 'started-after-snapshot';
  if (end !== null && end <= snapshot) return 'ended-by-snapshot';
  return undefined;
}

/** How plans and cases name their dates in explanations. */
export const PLAN_DATES = ['start_date', 'end_date'] as const;
export const CASE_DATES = ['case_start', 'case_end'] as const;

/**
 * Whether a plan or case is open at the snapshot `s` of period `p`; when it
 * is not, it is skipped, with why, for full explanations. `labels` name its
 * start and end in the explanation (start_date/end_date, case_start/case_end).
 */
export function openAt(
  out: Outcomes,
  p: number,
  record: RecordBase,
  start: Day,
  end: Day | null,
  s: Day,
  labels: readonly [string, string],
): boolean {
  const closed = whyNotOpen(start, end, s);
  if (closed === undefined) return true;
  if (out.observingSkipped) out.skip(p, record, closed, { [labels[0]]: iso(start), [labels[1]]: iso(end), snapshot: iso(s) });
  return false;
}

/** A day for an explanation: yyyy-mm-dd, or null. */
export function iso(d: Day | null): string | null {
  return d === null ? null : formatDay(d);
}
