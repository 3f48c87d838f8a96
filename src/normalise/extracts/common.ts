/**
 * Columns several extracts share.
 */
import { id, text } from '../define.js';

/** The child the record is about: required on every extract about a child. */
export const CHILD_ID = id({ required: true, annexA: 'Child Unique ID', distinct: true });
/** The allocated team and worker, optional on every extract. */
export const TEAM = text({ annexA: 'Allocated Team' });
export const WORKER = id({ annexA: 'Allocated Worker' });
