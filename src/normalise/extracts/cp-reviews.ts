import { date, defineExtract, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Child protection review conferences held (the SSD's ssd_cp_reviews). */
export const cpReviews = defineExtract({
  name: 'cp_reviews',
  file: 'cp_reviews.csv',
  ssdTable: 'ssd_cp_reviews',
  noun: 'review',
  fields: {
    review_id: id({ distinct: true, ssd: 'cppr_cp_review_id' }),
    child_id: withSsd(CHILD_ID, 'cppr_person_id'),
    review_date: date({ required: true, ssd: 'cppr_cp_review_date', doc: 'the review conference, held' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'review_id',
  compositeKey: ['child_id', 'review_date'],
  order: [],
});
