import { iso } from './common.js';
import { complaintDue, complaintSettings, NOT_STAGE_1, STAGE_1, timescalesText } from './complaints-common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Stage 1 complaints answered within the timescale, counted in the period
 * of their response; stage 2 and 3 are left out (`not-stage-1`).
 */
export const complaintsInTime = defineMeasure({
  id: 'complaints_in_time',
  title: (rules) => `Stage 1 complaints answered within ${timescalesText(rules)}`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { complaints: ['response_date'] },
  settings: [complaintSettings],
  rule: (rules) =>
    `stage 1 complaints with response_date in the period; met when response_date <= received_date + ${timescalesText(rules)}, the day of receipt being day 0; stage 2 and 3 left out (not-stage-1)`,
  doc: {
    text: 'Stage 1 complaints with their response date in P (a blank stage is stage 1). Met when answered on or before the 10th working day after the day of receipt (the day of receipt is day 0), or the 20th when the extension was agreed (`extended` yes; both configurable). Stage 2 and 3 complaints are left out (`not-stage-1`).',
  },
  evaluate(data, { calendar, rules }, out) {
    out.from('complaints');
    for (const c of need(data, 'complaints')) {
      const ps = c.responseDate === null ? [] : out.periodsOf(c.responseDate);
      if (ps.length === 0) {
        if (out.observingSkipped) out.skip(-1, c, c.responseDate === null ? 'no-response' : 'not-in-period', { response_date: iso(c.responseDate) });
        continue;
      }
      const { due } = complaintDue(c, rules, calendar);
      const detail = out.observing
        ? { received_date: iso(c.receivedDate), response_date: iso(c.responseDate), stage: c.stage, extended: c.extended === true ? 'yes' : 'no', due: iso(due) }
        : undefined;
      for (const p of ps) {
        if (c.stage !== STAGE_1) out.exclude(p, c, NOT_STAGE_1, detail);
        else if (c.responseDate! <= due) out.met(p, c, detail);
        else out.notMet(p, c, detail);
      }
    }
  },
});
