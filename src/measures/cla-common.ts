/**
 * Children in care: what the children-in-care measures share.
 *
 * - Short breaks. A period of care with legal status `V3` or `V4` (a series
 *   of short breaks) is left out of every children-in-care measure, as
 *   `short-breaks` (SPEC §7).
 * - The period open at S. Of a child's periods of care open at the snapshot
 *   S (started on or before S, no end or an end after S), the one that
 *   started last; of two that started the same day, the one that ends later
 *   (an open one last of all); then the first in the file (SPEC §3/§8).
 * - Placements. A placement row with reason `L` (a change of legal status
 *   only) continues the child's previous placement (the latest-starting
 *   earlier one): the merged placement keeps the earlier start and takes the
 *   `L` row's end. An `L` row with no earlier placement stands alone. Every
 *   placement measure sees the merged placements only.
 * - Review chains. A looked-after review belongs to the child's period of
 *   care open on the review date (start <= date <= end, the tie-break
 *   above). Within a period, in date order (same date: file order), the
 *   first review is due 20 working days after the period started, the second
 *   3 months after the first, each later one 6 months after the previous
 *   (Care Planning, Placement and Case Review Regulations 2010, reg. 33).
 */
import type { WorkingCalendar } from '../core/calendar.js';
import { addMonths, type Day } from '../core/day.js';
import type { ClaPeriod, Placement } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import { childIndex, memoisePerRun, NO_DAY, openIndex } from './indexes.js';
import type { Counted, MeasureData } from './types.js';
import { need } from './types.js';

/** Why a period of care is left out of every children-in-care measure: a series of short breaks. */
export const SHORT_BREAKS = 'short-breaks';

/** Legal statuses of a series of short breaks (SSDA903 `V3`, `V4`). */
const SHORT_BREAK_STATUSES: ReadonlySet<string> = new Set(['V3', 'V4']);

const LEADING_CODE = /^([A-Z]\d)(?![0-9A-Z])/;

/**
 * Whether a period of care is a series of short breaks: legal status `V3`
 * or `V4`, with or without its text (`V3: Short term breaks`, as Annex A
 * List 8 writes it); a blank status is not.
 */
export function isShortBreaks(period: Pick<ClaPeriod, 'legalStatus'>): boolean {
  const m = period.legalStatus === null ? null : LEADING_CODE.exec(period.legalStatus);
  return m !== null && SHORT_BREAK_STATUSES.has(m[1]!);
}

/** Open at S: started on or before S, and no end or an end after S. */
export function isOpenAt(start: Day, end: Day | null, s: Day): boolean {
  return start <= s && (end === null || end > s);
}

/** Span `a` is preferred to span `b` by the tie-break: later start; same start: later end, an open one last of all. */
function preferred(aStart: Day, aEnd: Day | null, bStart: Day, bEnd: Day | null): boolean {
  if (aStart !== bStart) return aStart > bStart;
  return bEnd !== null && (aEnd === null || aEnd > bEnd);
}

/** A child's periods of care open at S, as the snapshot measures see them. */
export interface ChildAtSnapshot {
  readonly childId: string;
  /** The period the tie-break picks among the open periods that are not short breaks; null when all are short breaks. */
  readonly period: ClaPeriod | null;
  /** Every open period's row (short breaks included), in file order. */
  readonly rows: readonly number[];
}

/**
 * Each child with a period of care open at S, in order of the child's first
 * period in the file: the period the tie-break picks (short breaks aside).
 */
export function childrenInCareAt(periods: Records<ClaPeriod>, s: Day): ChildAtSnapshot[] {
  const { child, start, rows } = childIndex(periods);
  const found: ChildAtSnapshot[] = [];
  for (let k = 0; k < child.size; k++) {
    const open: number[] = [];
    let best: ClaPeriod | null = null;
    for (let i = start[k]!; i < start[k + 1]!; i++) {
      const row = rows[i]!;
      const period = periods.get(row);
      if (!isOpenAt(period.startDate, period.endDate, s)) continue;
      open.push(row);
      if (isShortBreaks(period)) continue;
      if (best === null || preferred(period.startDate, period.endDate, best.startDate, best.endDate)) best = period;
    }
    if (open.length > 0) found.push({ childId: periods.get(open[0]!).childId, period: best, rows: open });
  }
  return found;
}

/** A record with its team and worker, as counted. */
type Owned = Counted & { readonly childId: string; readonly team?: string | null; readonly worker?: string | null };

/**
 * What is counted for a child (or a proceedings) standing for several
 * records: every line behind it in file order (`line` the first), and the
 * key, child, team and worker of `first`, the record that decides; the
 * record itself when there is only one. (Records are
 * read through views, so a copy names each field.)
 */
export function perChild(first: Owned, lines: readonly number[]): Owned {
  if (lines.length <= 1) return first;
  const sorted = [...lines].sort((a, b) => a - b);
  return { line: sorted[0]!, key: first.key, childId: first.childId, team: first.team ?? null, worker: first.worker ?? null, lines: sorted };
}

// ---------------------------------------------------------------- placements

/** A placement after `L` rows are merged into the placement they continue. */
export interface MergedPlacement {
  readonly childId: string;
  readonly start: Day;
  /** The end of the last row merged in; null while open. */
  readonly end: Day | null;
  /** The placement type of the row that started it. */
  readonly type: string | null;
  /** The placement rows behind it, the starting row first. */
  readonly rows: readonly number[];
  readonly lines: readonly number[];
}

const mergedCache = new WeakMap<Records<Placement>, ReadonlyMap<string, readonly MergedPlacement[]>>();

/**
 * Each child's placements with `L` rows merged (see the module comment), in
 * start order; keyed by child id upper-cased (memoised on the records).
 * @example an `L` row 1 Mar 2021 - open after a placement 1 Jan 2020 - 28 Feb 2021
 *   //=> one placement from 1 Jan 2020, open
 */
export function mergedPlacements(placements: Records<Placement>): ReadonlyMap<string, readonly MergedPlacement[]> {
  const cached = mergedCache.get(placements);
  if (cached) return cached;
  const { child, start, rows } = childIndex(placements);
  const result = new Map<string, MergedPlacement[]>();
  for (const [id, k] of child) {
    const own = Array.from(rows.subarray(start[k]!, start[k + 1]!));
    // Start order, then file order (rows are in file order and the sort is stable).
    own.sort((a, b) => placements.get(a).startDate - placements.get(b).startDate);
    const merged: { childId: string; start: Day; end: Day | null; type: string | null; rows: number[]; lines: number[] }[] = [];
    for (const row of own) {
      const p = placements.get(row);
      const previous = merged[merged.length - 1];
      if (p.reason === 'L' && previous !== undefined) {
        previous.end = p.endDate;
        previous.rows.push(row);
        previous.lines.push(p.line);
        continue;
      }
      merged.push({ childId: p.childId, start: p.startDate, end: p.endDate, type: p.placementType, rows: [row], lines: [p.line] });
    }
    result.set(id, merged);
  }
  mergedCache.set(placements, result);
  return result;
}

/** A child's merged placements (none when the extract has none of the child). */
export function placementsOf(placements: Records<Placement>, childId: string): readonly MergedPlacement[] {
  return mergedPlacements(placements).get(childId.toUpperCase()) ?? [];
}

/**
 * The placement open at S: of those open at S, the latest-starting; null
 * when none is.
 */
export function placementAt(list: readonly MergedPlacement[], s: Day): MergedPlacement | null {
  let best: MergedPlacement | null = null;
  for (const p of list) if (isOpenAt(p.start, p.end, s) && (best === null || p.start > best.start)) best = p;
  return best;
}

/** Placement types of a child placed for adoption (SSDA903 `A3` to `A6`). */
export const ADOPTION_PLACEMENTS: ReadonlySet<string> = new Set(['A3', 'A4', 'A5', 'A6']);

// ---------------------------------------------------------------- reviews

/** Working days from the start of a period of care to its first review. */
export const FIRST_REVIEW_WD = 20;
/** Months from the first review to the second. */
export const SECOND_REVIEW_MONTHS = 3;
/** Months from each later review to the next. */
export const LATER_REVIEW_MONTHS = 6;

/** When a looked-after review is due, and the event its clock starts from. */
export interface ReviewDue {
  readonly due: Day;
  /** `period-start` for the first review, `first-review` for the second, `previous-review` after that. */
  readonly from: 'period-start' | 'first-review' | 'previous-review';
  /** The day the clock started. */
  readonly since: Day;
}

/**
 * When the next looked-after review of a period of care is due, given the
 * reviews of that period already held (in date order): 20 working days after
 * the period started, then 3 months after the first review, then 6 months
 * after the previous one.
 * @example claReviewDue(start 4 Jan 2021, [], calendar) //=> { due: 1 Feb 2021, from: 'period-start' }
 */
export function claReviewDue(periodStart: Day, held: readonly Day[], calendar: WorkingCalendar): ReviewDue {
  if (held.length === 0) return { due: calendar.addWorkingDays(periodStart, FIRST_REVIEW_WD), from: 'period-start', since: periodStart };
  if (held.length === 1) return { due: addMonths(held[0]!, SECOND_REVIEW_MONTHS), from: 'first-review', since: held[0]! };
  const last = held[held.length - 1]!;
  return { due: addMonths(last, LATER_REVIEW_MONTHS), from: 'previous-review', since: last };
}

/**
 * A period's next review as seen at the snapshot S, from the dates of its
 * reviews in chain order: `claReviewDue` of those held on or before S, and
 * how many were. Used by cla_reviews_overdue and the worklist.
 */
export function claReviewDueAt(periodStart: Day, held: readonly Day[], s: Day, calendar: WorkingCalendar): ReviewDue & { readonly before: readonly Day[] } {
  const before = held.filter((d) => d <= s);
  return { ...claReviewDue(periodStart, before, calendar), before };
}

/** Every review's place in its period of care (typed arrays by review row). */
export interface ReviewSchedule {
  /** The period row, or -1 for a review with no period open on its date. */
  readonly period: Int32Array;
  /** 1 for the period's first review. */
  readonly sequence: Int32Array;
  readonly due: Int32Array;
  /** Each period's reviews (rows), in date order then file order. */
  readonly byPeriod: ReadonlyMap<number, readonly number[]>;
}

/** Places every review in its period of care and works out its due date (memoised per data and calendar). */
export function scheduleClaReviews(data: MeasureData, calendar: WorkingCalendar): ReviewSchedule {
  return reviewSchedules(data, calendar);
}

const reviewSchedules = memoisePerRun(buildScheduleClaReviews);

function buildScheduleClaReviews(data: MeasureData, calendar: WorkingCalendar): ReviewSchedule {
  const periods = openIndex(need(data, 'cla_periods'));
  const reviews = need(data, 'cla_reviews');
  const n = reviews.length;
  const schedule = { period: new Int32Array(n).fill(-1), sequence: new Int32Array(n), due: new Int32Array(n).fill(NO_DAY), byPeriod: new Map<number, number[]>() };
  const dates = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const r = reviews.get(row);
    dates[row] = r.reviewDate;
    const period = periods.openOn(r.childId, r.reviewDate);
    if (period < 0) continue;
    schedule.period[row] = period;
    let list = schedule.byPeriod.get(period);
    if (!list) schedule.byPeriod.set(period, (list = []));
    list.push(row);
  }
  for (const [period, list] of schedule.byPeriod) {
    list.sort((a, b) => dates[a]! - dates[b]! || a - b);
    const held: Day[] = [];
    for (const row of list) {
      schedule.sequence[row] = held.length + 1;
      schedule.due[row] = claReviewDue(periods.starts[period]!, held, calendar).due;
      held.push(dates[row]!);
    }
  }
  return schedule;
}
