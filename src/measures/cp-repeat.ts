import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { childIndex, childOf } from './indexes.js';
import { need } from './types.js';

/**
 * The number of previous plans a `previous_plans` cell gives: 0 for a blank
 * (none), the whole number written (`2`, or Excel's `2.0`), or undefined
 * when the cell is not a whole number of 0 or more.
 * @example previousPlans('1') //=> 1
 * @example previousPlans(null) //=> 0
 * @example previousPlans('several') //=> undefined
 */
export function previousPlans(cell: string | null): number | undefined {
  if (cell === null) return 0;
  const n = Number(cell);
  return Number.isInteger(n) && n >= 0 && /^\s*\d/.test(cell) ? n : undefined;
}

/**
 * Child protection plans starting in the period that are repeat plans (the
 * DfE's second or subsequent plan, however long ago): `previous_plans` is 1
 * or more (the count leaves out the plan itself; blank = none), or the
 * extract holds an earlier plan of the same child that ended on or before
 * this one started. A plan whose `previous_plans` is not a number and that
 * has no such earlier plan is left out (`previous-plans-unreadable`).
 */
export const cpRepeat = defineMeasure({
  id: 'cp_repeat',
  title: 'Child protection plans that are repeat plans',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { cp_plans: ['previous_plans', 'end_date'] },
  rule: () =>
    'plans with start_date in the period; counted when previous_plans >= 1 (blank = none) or the child has another plan in the extract that ended on or before this one started',
  doc: {
    text: "Child protection plans starting in P: the percentage that are a second or subsequent plan, however long ago the first: `previous_plans` is 1 or more (it counts earlier plans only; blank = none), or the extract has another plan of the same child that ended on or before this one started. Without a `previous_plans` column the measure is not computable. A plan whose `previous_plans` is not a whole number and with no earlier plan in the extract is left out as `previous-plans-unreadable`.",
  },
  evaluate(data, _context, out) {
    const plans = need(data, 'cp_plans');
    const children = childIndex(plans);
    out.from('cp_plans');
    for (let row = 0; row < plans.length; row++) {
      const plan = plans.get(row);
      const ps = out.periodsOf(plan.startDate);
      if (ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, plan, 'not-in-period', { start_date: iso(plan.startDate) });
        continue;
      }
      const k = childOf(children, plan.childId)!;
      let earlier = -1;
      for (let i = children.start[k]!; i < children.start[k + 1]!; i++) {
        const q = children.rows[i]!;
        if (q === row) continue;
        const end = plans.get(q).endDate;
        if (end !== null && end <= plan.startDate && (earlier < 0 || end > plans.get(earlier).endDate!)) earlier = q;
      }
      const count = previousPlans(plan.previousPlans);
      const before = earlier < 0 ? null : plans.get(earlier);
      const detail = out.observing
        ? { start_date: iso(plan.startDate), previous_plans: plan.previousPlans, earlier_plan: before?.key ?? null, earlier_plan_end: iso(before?.endDate ?? null) }
        : undefined;
      for (const p of ps) {
        if (before !== null || (count !== undefined && count >= 1)) out.met(p, plan, detail);
        else if (count === undefined) out.exclude(p, plan, 'previous-plans-unreadable', detail);
        else out.notMet(p, plan, detail);
      }
    }
  },
});
