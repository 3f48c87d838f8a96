/**
 * Small rules several measures share.
 */
import { type Day, formatDay } from '../core/day.js';

/**
 * Why a record is not open at snapshot S, or undefined when it is. Open at S:
 * started on or before S, and not ended, or ended after S; a plan or case
 * that ends on S itself is closed at S.
 */
export function whyNotOpen(start: Day, end: Day | null, snapshot: Day): string | undefined {
  if (start > snapshot) return 'started-after-snapshot';
  if (end !== null && end <= snapshot) return 'ended-by-snapshot';
  return undefined;
}

/** A day for an explanation: yyyy-mm-dd, or null. */
export function iso(d: Day | null): string | null {
  return d === null ? null : formatDay(d);
}
