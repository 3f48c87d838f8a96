/**
 * Small rules several measures share.
 */
import { type Day, formatDay } from '../core/day.js';

/**
 * Open at snapshot S: started on or before S, and not ended, or ended after S.
 * A plan or case that ends on S itself is closed at S.
 */
export function isOpenAt(start: Day, end: Day | null, snapshot: Day): boolean {
  return start <= snapshot && (end === null || end > snapshot);
}

/** A day for an explanation: yyyy-mm-dd, or null. */
export function iso(d: Day | null): string | null {
  return d === null ? null : formatDay(d);
}
