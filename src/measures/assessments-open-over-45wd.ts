import { ASSESSMENT_WORKING_DAYS } from './assessments-common.js';
import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { need } from './types.js';

/**
 * Assessments open at the snapshot S (started on or before S, and not
 * authorised, or authorised after S); the numerator is those open for more
 * than 45 working days at S.
 */
export const assessmentsOpenOver45wd = defineMeasure({
  id: 'assessments_open_over_45wd',
  title: 'Open assessments over 45 working days old',
  unit: 'percent',
  scale: 100,
  direction: 'lower',
  needs: { assessments: ['authorised_date'] },
  rule: () =>
    `assessments open at the snapshot S (start_date <= S, not authorised or authorised after S); counted when workingDaysBetween(start_date, S) > ${ASSESSMENT_WORKING_DAYS}`,
  doc: {
    text: 'Assessments open at S (started on or before S; not authorised, or authorised after S), as a percentage: those more than 45 working days after their start date at S.',
  },
  evaluate(data, { calendar }, out) {
    out.from('assessments');
    for (const a of need(data, 'assessments')) {
      // Read once, not once per period.
      const { startDate: start, authorisedDate: authorised } = a;
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        if (start > s || (authorised !== null && authorised <= s)) {
          if (out.observingSkipped) {
            const reason = start > s ? 'started-after-snapshot' : 'authorised-by-snapshot';
            out.skip(p, a, reason, { start_date: iso(start), authorised_date: iso(authorised), snapshot: iso(s) });
          }
          return;
        }
        const workingDays = calendar.workingDaysBetween(start, s);
        const detail = out.observing
          ? { start_date: iso(start), authorised_date: iso(authorised), snapshot: iso(s), working_days: workingDays }
          : undefined;
        if (workingDays > ASSESSMENT_WORKING_DAYS) out.met(p, a, detail);
        else out.notMet(p, a, detail);
      });
    }
  },
});
