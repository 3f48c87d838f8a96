/**
 * Assessments authorised in the period, counted when a yes/no column of the
 * assessment says yes: the child was seen, or a partner agency contributed.
 * A blank cell counts as no; an extract without the column makes the
 * measure not computable rather than zero.
 */
import type { Assessment } from '../normalise/extracts.js';
import { iso } from './common.js';
import { type MeasureData, type Outcomes, need } from './types.js';

/** The yes/no columns of an assessment that a measure counts. */
export type AssessmentFlag = 'child_seen' | 'education' | 'police' | 'health' | 'other';

const PROP: Readonly<Record<AssessmentFlag, 'childSeen' | 'education' | 'police' | 'health' | 'other'>> = {
  child_seen: 'childSeen',
  education: 'education',
  police: 'police',
  health: 'health',
  other: 'other',
};

const NONE: readonly number[] = [];

/** Assessments with authorised_date in the period: met when `flag` is yes. */
export function evaluateAssessmentFlag(data: MeasureData, out: Outcomes, flag: AssessmentFlag): void {
  const prop = PROP[flag];
  out.from('assessments');
  for (const a of need(data, 'assessments') as Iterable<Assessment>) {
    const ps = a.authorisedDate === null ? NONE : out.periodsOf(a.authorisedDate);
    if (a.authorisedDate === null || ps.length === 0) {
      if (out.observingSkipped) {
        out.skip(-1, a, a.authorisedDate === null ? 'not-authorised' : 'not-in-period', { start_date: iso(a.startDate), authorised_date: iso(a.authorisedDate) });
      }
      continue;
    }
    const value = a[prop];
    const detail = out.observing ? { start_date: iso(a.startDate), authorised_date: iso(a.authorisedDate), [flag]: value === null ? null : value ? 'Y' : 'N' } : undefined;
    for (const p of ps) {
      if (value === true) out.met(p, a, detail);
      else out.notMet(p, a, detail);
    }
  }
}
