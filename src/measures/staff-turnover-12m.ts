import { addMonths } from '../core/day.js';
import type { Staff } from '../normalise/extracts.js';
import { iso } from './common.js';
import { lookBackGap } from './coverage.js';
import { defineMeasure } from './define.js';
import { inPostAt, roleCounted, rolesText, STAFF_NO_WORKER, staffBasis, staffSettings, staffWeight } from './staff-common.js';
import { need } from './types.js';

/** The look-back of staff turnover, in months. */
export const TURNOVER_MONTHS = 12;

/**
 * Whether a permanent appointment's end is a leaving: no permanent
 * appointment of the same worker starts on its end date or the day after (a
 * change of post is not leaving; a move to an agency contract is).
 */
export function isLeaving(row: Staff, permanentStarts: ReadonlyMap<string, ReadonlySet<number>>): boolean {
  if (row.endDate === null) return false;
  const starts = permanentStarts.get(row.staffId.toUpperCase());
  return !(starts?.has(row.endDate) || starts?.has(row.endDate + 1));
}

/**
 * Permanent staff turnover over the twelve months to the snapshot S (the
 * DfE's measure): permanent leavers in (addMonths(S, -12), S] over permanent
 * staff in post at S, by FTE or by head as `staff_permanent`.
 */
export const staffTurnover12m = defineMeasure({
  id: 'staff_turnover_12m',
  title: (rules) => `Permanent staff turnover over 12 months (${rolesText(rules.staffRoles)})`,
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { staff: ['end_date', 'contract'] },
  settings: [staffSettings],
  noBreakdown: (by) => (by === 'worker' ? STAFF_NO_WORKER : undefined),
  rule: (rules) =>
    `permanent appointments of ${rolesText(rules.staffRoles)}: numerator those ending in (addMonths(S, -12), S] with no permanent appointment of the same staff_id starting on the end date or the day after; denominator those in post at S; by FTE when every valid staff row has an fte, else by head`,
  doc: {
    text: 'Permanent staff only. Leavers: permanent appointments whose end date is in the twelve months to S (after S less twelve months, up to S) with no permanent appointment of the same `staff_id` starting on the end date or the day after (a change of post is not leaving; a move to an agency contract is). Over permanent staff in post at S. By FTE or by head as `staff_permanent`. Not computable for a period whose twelve months start before the staff extract\'s `coverageFrom`.',
  },
  evaluate(data, context, out) {
    out.from('staff');
    const { rules } = context;
    const rows = need(data, 'staff');
    const basis = staffBasis(rows);
    const permanentStarts = new Map<string, Set<number>>();
    for (const row of rows) {
      if (row.contract !== 'permanent') continue;
      const id = row.staffId.toUpperCase();
      let starts = permanentStarts.get(id);
      if (!starts) permanentStarts.set(id, (starts = new Set()));
      starts.add(row.startDate);
    }
    out.periods.forEach((period, p) => {
      const gap = lookBackGap(context, 'staff', addMonths(period.snapshot, -TURNOVER_MONTHS) + 1);
      if (gap !== undefined) out.notComputableIn(p, gap);
    });
    for (const row of rows) {
      if (row.contract !== 'permanent' || !roleCounted(row, rules.staffRoles)) continue;
      const w = staffWeight(row, basis);
      const leaving = isLeaving(row, permanentStarts);
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const from = addMonths(s, -TURNOVER_MONTHS);
        const left = leaving && row.endDate! > from && row.endDate! <= s;
        const inPost = inPostAt(row, s);
        if (!left && !inPost) return;
        const detail = out.observing
          ? { staff_id: row.staffId, start_date: iso(row.startDate), end_date: iso(row.endDate), fte: row.fte, basis, snapshot: iso(s), left: left ? 'yes' : 'no' }
          : undefined;
        // A leaver in (S - 12 months, S] has ended by S, so is never also in post at S.
        if (left) out.weighed(p, row, 'met', w, 0, detail);
        else out.weighed(p, row, 'not-met', 0, w, detail);
      });
    }
  },
});
