/**
 * Every kind of worklist item, in the order a worklist lists kinds due the
 * same day. A new kind is one module in this folder exporting a
 * `WorklistKind` (kind.ts), and one line here.
 */
import type { WorklistKind } from '../kind.js';
import { assessmentKind } from './assessment.js';
import { contactKind } from './contact.js';
import { coreGroupKind } from './core-group.js';
import { supervisionKind } from './supervision.js';

export const WORKLIST_KINDS: readonly WorklistKind[] = [
  contactKind,
  assessmentKind,
  coreGroupKind,
  supervisionKind,
];

export const WORKLIST_KIND_IDS: readonly string[] = WORKLIST_KINDS.map((k) => k.id);
