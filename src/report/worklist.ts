/**
 * The worklist (`csc-kpi due`): everything open at the as-at date whose
 * due date has passed or falls within the window, from the same due dates
 * the measures use (SPEC section 10). One model, rendered as a table, CSV,
 * JSON, HTML or a workbook (src/render/worklist*.ts).
 *
 * Working days left: the working days in (as-at, due] when the due date is
 * later, minus those in (due, as-at] when it is earlier, 0 on the day. An
 * item is overdue when its due date is before the as-at date (a due date on
 * a Saturday seen on the Sunday is overdue with 0 working days left).
 */
import type { WorkingCalendar } from '../core/calendar.js';
import type { Day } from '../core/day.js';
import { addDuration, type Duration } from '../core/duration.js';
import { whyNotComputable } from '../measures/index.js';
import type { Grouping, MeasureContext, MeasureData } from '../measures/types.js';
import type { IdMapper } from './explain.js';
import type { Generator } from './scorecard.js';
import type { OpenItem, WorklistKind } from './worklist/kind.js';
import { WORKLIST_KINDS } from './worklist/kinds/index.js';

export type { OpenItem, WorklistKind } from './worklist/kind.js';
export { WORKLIST_KINDS, WORKLIST_KIND_IDS } from './worklist/kinds/index.js';

/** One line of the worklist. */
export interface WorklistItem extends OpenItem {
  /** The kind's id (`core-group`). */
  readonly kind: string;
  /** Negative when overdue; 0 on the due date. */
  readonly workingDaysLeft: number;
  /** Due before the as-at date. */
  readonly overdue: boolean;
}

export interface Worklist {
  readonly generator: Generator;
  readonly asAt: Day;
  readonly within: Duration;
  /** The last day of the window: as-at plus `within`. */
  readonly windowEnd: Day;
  /** The kinds asked for, in list order. */
  readonly kinds: readonly WorklistKind[];
  /** Kinds asked for that the data cannot support, and why (their measure is not computable). */
  readonly notAvailable: readonly { readonly kind: string; readonly reason: string }[];
  /** How the renderers group the items (null: one list). */
  readonly by: Grouping | null;
  readonly pseudonymised: boolean;
  /** Sorted by due date, then kind (in list order), child id and key. */
  readonly items: readonly WorklistItem[];
}

export interface WorklistInput {
  readonly generator: Generator;
  readonly data: MeasureData;
  readonly context: MeasureContext;
  readonly within: Duration;
  /** Kinds to list (default: all of them). */
  readonly kinds?: readonly WorklistKind[] | undefined;
  readonly by?: Grouping | undefined;
}

/**
 * Working days from as-at to a due date: those in (asAt, due] when due is
 * later, minus those in (due, asAt] when it is earlier, 0 on the day.
 * @example workingDaysLeft(Fri 7 May 2021, Mon 10 May 2021, cal) //=> 1
 * @example workingDaysLeft(Tue 11 May 2021, Mon 10 May 2021, cal) //=> -1
 */
export function workingDaysLeft(asAt: Day, due: Day, calendar: WorkingCalendar): number {
  if (due >= asAt) return calendar.workingDaysBetween(asAt, due);
  // Never -0: an overdue item with no working day between (due Saturday, as-at Sunday) has 0 left.
  return 0 - calendar.workingDaysBetween(due, asAt) || 0;
}

/** Plain string order (by UTF-16 code units): the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildWorklist(input: WorklistInput): Worklist {
  const { data, context, within } = input;
  const { asAt, calendar } = context;
  const kinds = input.kinds ?? WORKLIST_KINDS;
  const windowEnd = addDuration(asAt, within, calendar);
  const notAvailable: { kind: string; reason: string }[] = [];
  const items: WorklistItem[] = [];
  const rank = new Map(WORKLIST_KINDS.map((k, i) => [k.id, i]));
  for (const kind of kinds) {
    const reason = whyNotComputable(kind.measure, data, context.rules);
    if (reason !== undefined) {
      notAvailable.push({ kind: kind.id, reason });
      continue;
    }
    for (const item of kind.items(data, context)) {
      if (item.due > windowEnd) continue;
      items.push({ ...item, kind: kind.id, workingDaysLeft: workingDaysLeft(asAt, item.due, calendar), overdue: item.due < asAt });
    }
  }
  items.sort(
    (a, b) =>
      a.due - b.due ||
      rank.get(a.kind)! - rank.get(b.kind)! ||
      compareText(a.childId ?? '', b.childId ?? '') ||
      compareText(a.key, b.key) ||
      a.line - b.line,
  );
  const ordered = WORKLIST_KINDS.filter((k) => kinds.includes(k));
  return { generator: input.generator, asAt, within, windowEnd, kinds: ordered, notAvailable, by: input.by ?? null, pseudonymised: false, items };
}

/** A group of items: a team or a worker (null: no team or worker recorded). */
export interface WorklistGroup {
  readonly name: string | null;
  readonly items: readonly WorklistItem[];
}

/**
 * The items by team or worker, groups in name order and the items without
 * one last, each group's items in worklist order.
 */
export function groupItems(items: readonly WorklistItem[], by: Grouping): WorklistGroup[] {
  const groups = new Map<string | null, WorklistItem[]>();
  for (const item of items) {
    const name = item[by];
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(item);
  }
  return [...groups]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : compareText(a, b)))
    .map(([name, list]) => ({ name, items: list }));
}

/** Per worker of a group's items: how many are overdue and how many due within the window; workers in name order, none last. */
export function countsByWorker(items: readonly WorklistItem[]): { worker: string | null; overdue: number; due: number }[] {
  return groupItems(items, 'worker').map((g) => ({
    worker: g.name,
    overdue: g.items.filter((i) => i.overdue).length,
    due: g.items.filter((i) => !i.overdue).length,
  }));
}

/** Replaces child identifiers and record keys (see pseudonymise.ts). */
export function pseudonymiseWorklist(list: Worklist, map: IdMapper): Worklist {
  return {
    ...list,
    pseudonymised: true,
    items: list.items.map((i) => ({ ...i, childId: i.childId === null ? null : map('child', i.childId), key: map('key', i.key) })),
  };
}

/**
 * The kinds named in `--kind a,b`: unknown names are an error naming them
 * and listing the kinds. Returns the error text, or the kinds.
 */
export function kindsNamed(text: string): { kinds: WorklistKind[] } | { error: string } {
  const names = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const ids = WORKLIST_KINDS.map((k) => k.id);
  const unknown = names.filter((n) => !ids.includes(n));
  if (unknown.length > 0 || names.length === 0) {
    const what = unknown.length > 0 ? `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a kind' : 'are not kinds'}` : 'no kind named';
    return { error: `--kind ${text}: ${what}; the kinds are ${ids.join(', ')}` };
  }
  return { kinds: WORKLIST_KINDS.filter((k) => names.includes(k.id)) };
}
