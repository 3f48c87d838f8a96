/**
 * What a kind of worklist item is: one module per kind, listed in
 * kinds/index.ts. A kind names the measure whose due dates it lists, and
 * gives every item open at the as-at date with its due date, taken from the
 * same function that measure uses, so an item overdue on the worklist is a
 * record that measure counts as not met (see the README, "The worklist").
 */
import type { Day } from '../../core/day.js';
import type { Measure, MeasureContext, MeasureData } from '../../measures/types.js';
import type { ExtractName } from '../../normalise/extracts.js';

/** One thing open at the as-at date, with the day it is due by. */
export interface OpenItem {
  /** The extract and line of the record the item is about (the plan for a core group, the case for supervision). */
  readonly extract: ExtractName;
  readonly line: number;
  readonly key: string;
  /** Null only where the extract does not require one (a complaint). */
  readonly childId: string | null;
  readonly team: string | null;
  readonly worker: string | null;
  /** The event that started the clock, in words (`contact`, `last supervision` ...), and its date. */
  readonly clockEvent: string;
  readonly clockDate: Day;
  /** The last day on which doing it still counts as met. */
  readonly due: Day;
  /** The rule that sets the due date, in words. */
  readonly rule: string;
}

export interface WorklistKind {
  /** What `--kind` names it by: `core-group`. */
  readonly id: string;
  /** A heading for people: `Core group`. */
  readonly title: string;
  /** The measure whose due dates it lists: the kind is not available when that measure is not computable. */
  readonly measure: Measure;
  /** Every item open at `context.asAt`, in any order; the worklist keeps those overdue or due within the window. */
  items(data: MeasureData, context: MeasureContext): Iterable<OpenItem>;
}
