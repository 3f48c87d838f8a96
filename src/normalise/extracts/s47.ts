import { date, defineExtract, flag, id, withSsd } from '../define.js';
import { CHILD_ID, TEAM, WORKER } from './common.js';

/**
 * Section 47 enquiries and their initial child protection conferences
 * (Annex A List 5; the SSD's ssd_s47_enquiry, which keeps the conference in
 * another table, so an SSD extract needs `icpc_date` mapped by hand).
 */
export const s47 = defineExtract({
  name: 's47',
  file: 's47.csv',
  ssdTable: 'ssd_s47_enquiry',
  noun: 'enquiry',
  fields: {
    enquiry_id: id({ distinct: true, ssd: 's47e_s47_enquiry_id' }),
    child_id: withSsd(CHILD_ID, 's47e_person_id'),
    strategy_date: date({ doc: 'the strategy discussion, when recorded apart from the enquiry start; starts the ICPC clock' }),
    start_date: date({
      required: true,
      annexA: 'Strategy discussion initiating Section 47 Enquiry Start Date',
      ssd: 's47e_s47_start_date',
      doc: 'starts the ICPC clock when there is no strategy_date',
    }),
    icpc_date: date({ annexA: 'Date of Initial Child Protection Conference', doc: 'blank: no conference (yet)' }),
    icpc_not_required: flag({ annexA: 'Was an Initial Child Protection Conference deemed unnecessary?' }),
    plan_made: flag({ annexA: 'Did the Initial Child Protection Conference Result in a Child Protection Plan' }),
    end_date: date({ ssd: 's47e_s47_end_date', doc: 'the enquiry completed' }),
    team: withSsd(TEAM, 's47e_s47_completed_by_team'),
    worker: withSsd(WORKER, 's47e_s47_completed_by_worker_id'),
  },
  key: 'enquiry_id',
  compositeKey: ['child_id', 'start_date'],
  order: [
    ['strategy_date', 'start_date'],
    ['start_date', 'icpc_date'],
    ['start_date', 'end_date'],
  ],
});
