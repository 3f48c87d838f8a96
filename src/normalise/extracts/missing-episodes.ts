import { date, defineExtract, flag, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Episodes of a child missing from home or care, and the return interview
 * offered and held (the SSD's ssd_missing). A return interview dated before
 * the child came back is read as blank, with a warning; the episode is kept.
 */
export const missingEpisodes = defineExtract({
  name: 'missing_episodes',
  file: 'missing_episodes.csv',
  ssdTable: 'ssd_missing',
  noun: 'missing episode',
  fields: {
    episode_id: id({ distinct: true, ssd: 'miss_table_id' }),
    child_id: withSsd(CHILD_ID, 'miss_person_id'),
    start_date: date({ required: true, ssd: 'miss_missing_episode_start_date', doc: 'the child went missing' }),
    end_date: date({ ssd: 'miss_missing_episode_end_date', doc: 'the child returned; blank: still missing' }),
    rhi_offered: flag({ ssd: 'miss_missing_rhi_offered', doc: 'a return interview was offered' }),
    rhi_accepted: flag({ ssd: 'miss_missing_rhi_accepted', doc: 'the offer was accepted' }),
    rhi_date: date({ doc: 'the return interview took place; before end_date: read as blank, with a warning' }),
    team: TEAM,
    worker: WORKER,
  },
  key: 'episode_id',
  compositeKey: ['child_id', 'start_date'],
  order: [['start_date', 'end_date']],
  blankOrder: [['end_date', 'rhi_date']],
});
