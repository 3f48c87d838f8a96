/**
 * Every kind of worklist item, in the order a worklist lists kinds due the
 * same day. A new kind is one module in this folder exporting a
 * `WorklistKind` (kind.ts), and one line here.
 */
import type { WorklistKind } from '../kind.js';
import { assessmentKind } from './assessment.js';
import { claReviewKind } from './cla-review.js';
import { complaintKind } from './complaint.js';
import { contactKind } from './contact.js';
import { coreGroupKind } from './core-group.js';
import { cpReviewKind } from './cp-review.js';
import { cpVisitKind } from './cp-visit.js';
import { icpcKind } from './icpc.js';
import { proceedingsKind } from './proceedings.js';
import { returnInterviewKind } from './return-interview.js';
import { supervisionKind } from './supervision.js';

export const WORKLIST_KINDS: readonly WorklistKind[] = [
  contactKind,
  assessmentKind,
  icpcKind,
  coreGroupKind,
  cpReviewKind,
  cpVisitKind,
  supervisionKind,
  claReviewKind,
  returnInterviewKind,
  proceedingsKind,
  complaintKind,
];

export const WORKLIST_KIND_IDS: readonly string[] = WORKLIST_KINDS.map((k) => k.id);
