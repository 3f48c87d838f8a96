import { activityOf, careLeaverSettings, evaluateCareLeavers } from './care-leavers-common.js';
import { defineMeasure } from './define.js';

/**
 * Care leavers in education, employment or training, by their current
 * activity (the latest record on or before S), not the DfE statistic taken
 * around their birthday.
 */
export const careLeaversEet = defineMeasure({
  id: 'care_leavers_eet',
  title: (rules) => `Care leavers aged ${rules.careLeaverAgeFrom}-${rules.careLeaverAgeTo} in education, employment or training (current activity)`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { care_leavers: ['activity'] },
  settings: [careLeaverSettings],
  rule: (rules) =>
    `young people with a care leaver record on or before S, aged ${rules.careLeaverAgeFrom} to ${rules.careLeaverAgeTo} at S (inclusive; date of birth from their latest record); met when the latest record's activity is EET (OC3 F1-F5, P1-P5); not known stays in the denominator`,
  doc: {
    text: 'Young people with a care leaver record dated on or before S and aged 19 to 21 at S (the band is configurable, inclusive; age from the date of birth on their latest record; a 29 February birthday falls on 1 March in other years): those whose latest record (latest `record_date`; same date: the later line) has an activity in education, employment or training (OC3 `F1`-`F5`, `P1`-`P5`, with or without the text). Not known (`0`, blank) stays in the denominator. This is current activity, not the DfE statistic taken around the 19th to 21st birthdays.',
  },
  evaluate(data, context, out) {
    evaluateCareLeavers(data, context, out, (latest) => ({
      met: activityOf(latest.activity) === 'eet',
      detail: { activity: latest.activity, reads_as: activityOf(latest.activity) },
    }));
  },
});
