import { date, defineExtract, flag, id } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/** Statutory looked-after reviews held. */
export const claReviews = defineExtract({
  name: 'cla_reviews',
  file: 'cla_reviews.csv',
  noun: 'review',
  fields: {
    review_id: id({ distinct: true }),
    child_id: CHILD_ID,
    review_date: date({ required: true, doc: 'a statutory looked-after review held' }),
    permanence_plan: flag({ doc: 'a plan for permanence was recorded at or before this review' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'review_id',
  compositeKey: ['child_id', 'review_date'],
  order: [],
});
