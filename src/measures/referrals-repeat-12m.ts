import { addMonths, type Day } from '../core/day.js';
import { iso } from './common.js';
import { lookBackGap } from './coverage.js';
import { defineMeasure } from './define.js';
import { childOf, daysByChild, lastAtOrBefore } from './indexes.js';
import { need } from './types.js';

/** How far back a re-referral looks, in calendar months. */
export const RE_REFERRAL_MONTHS = 12;

/**
 * Referrals in the period that are re-referrals: the child had another
 * referral dated on or after `addMonths(referral_date, -12)` and strictly
 * before `referral_date` (the DfE's re-referral within 12 months; month
 * ends clamp, so a referral on 28 Feb 2021 looks back to 28 Feb 2020 and
 * one on 29 Feb 2020 to 28 Feb 2019). Another referral the same day is not
 * an earlier one. A period whose look-back starts before the referrals
 * extract's `coverageFrom` is not computable.
 */
export const referralsRepeat12m = defineMeasure({
  id: 'referrals_repeat_12m',
  title: 'Re-referrals within 12 months',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { referrals: [] },
  rule: () =>
    `referrals with referral_date in the period; counted when the child had another referral on or after addMonths(referral_date, -${RE_REFERRAL_MONTHS}) and before referral_date`,
  doc: {
    text: "Referrals dated in P: the percentage whose child had another referral in the 12 months before, i.e. dated on or after the same day 12 months earlier (month ends clamp: 29 Feb 2020 looks back to 28 Feb 2019) and before the referral's own date; a second referral the same day is not a re-referral. Every referral counts, whatever its outcome. With `mapping.referrals.coverageFrom`, a month whose look-back starts before that day is not computable.",
  },
  evaluate(data, context, out) {
    out.periods.forEach((period, p) => {
      const gap = lookBackGap(context, 'referrals', addMonths(period.countFrom, -RE_REFERRAL_MONTHS));
      if (gap !== undefined) out.notComputableIn(p, gap);
    });
    const referrals = need(data, 'referrals');
    const { children, days } = daysByChild(referrals, 'referralDate');
    out.from('referrals');
    for (const r of referrals) {
      const d = r.referralDate;
      const ps = out.periodsOf(d);
      if (ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, r, 'not-in-period', { referral_date: iso(d) });
        continue;
      }
      const k = childOf(children, r.childId)!;
      const from = children.start[k]!;
      const i = lastAtOrBefore(days, from, children.start[k + 1]!, d - 1);
      const previous: Day | null = i >= from ? days[i]! : null;
      const lookBack = addMonths(d, -RE_REFERRAL_MONTHS);
      const repeat = previous !== null && previous >= lookBack;
      const detail = out.observing ? { referral_date: iso(d), looks_back_to: iso(lookBack), previous_referral: iso(previous) } : undefined;
      for (const p of ps) {
        if (repeat) out.met(p, r, detail);
        else out.notMet(p, r, detail);
      }
    }
  },
});
