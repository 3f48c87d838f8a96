/**
 * Open assessments: due 45 working days after the clock start (the start
 * date, or the referral date when so configured), as assessments_45wd.
 */
import { ASSESSMENT_WORKING_DAYS, assessmentClock, assessmentDue } from '../../../measures/assessments-common.js';
import { assessments45wd } from '../../../measures/assessments-45wd.js';
import { need } from '../../../measures/types.js';
import type { WorklistKind } from '../kind.js';

export const assessmentKind: WorklistKind = {
  id: 'assessment',
  title: 'Open assessment',
  measure: assessments45wd,
  *items(data, { calendar, rules }) {
    for (const a of need(data, 'assessments')) {
      if (a.authorisedDate !== null) continue;
      const clock = assessmentClock(a, rules);
      // No referral date under the referral clock: assessments_45wd leaves it out, so it has no due date.
      if (clock.date === null) continue;
      yield {
        extract: 'assessments',
        line: a.line,
        key: a.key,
        childId: a.childId,
        team: a.team,
        worker: a.worker,
        clockEvent: clock.event === 'referral_date' ? 'referral' : 'assessment start',
        clockDate: clock.date,
        due: assessmentDue(clock.date, calendar),
        rule: `authorise by ${clock.event} + ${ASSESSMENT_WORKING_DAYS} working days (${assessments45wd.id})`,
      };
    }
  },
};
