import { addMonths, type Day } from '../core/day.js';

/** Months after which an open plan counts as long-running. */
export const CP_LONG_MONTHS = 9;

/** Whether a plan started on `start` has been open nine months or more at `snapshot`. */
export function isLongPlan(start: Day, snapshot: Day): boolean {
  return snapshot >= addMonths(start, CP_LONG_MONTHS);
}
