import { careLeaverSettings, evaluateCareLeavers } from './care-leavers-common.js';
import { defineMeasure } from './define.js';

/** Care leavers in suitable accommodation, by their latest record on or before S. */
export const careLeaversSuitableAccommodation = defineMeasure({
  id: 'care_leavers_suitable_accommodation',
  title: (rules) => `Care leavers aged ${rules.careLeaverAgeFrom}-${rules.careLeaverAgeTo} in suitable accommodation (current)`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { care_leavers: ['accommodation_suitable'] },
  settings: [careLeaverSettings],
  rule: (rules) =>
    `young people with a care leaver record on or before S, aged ${rules.careLeaverAgeFrom} to ${rules.careLeaverAgeTo} at S; met when the latest record's accommodation is suitable`,
  doc: {
    text: 'The same young people as `care_leavers_eet`: those whose latest record says their accommodation is suitable. Not known (blank) stays in the denominator.',
  },
  evaluate(data, context, out) {
    evaluateCareLeavers(data, context, out, (latest) => ({
      met: latest.accommodationSuitable === 'Suitable',
      detail: { accommodation_suitable: latest.accommodationSuitable },
    }));
  },
});
