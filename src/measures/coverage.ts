/**
 * Extracts that hold only recent history.
 *
 * Many extracts cover six to twelve months (Ofsted's Annex A lists, an SSD
 * export with a cut-off). The configuration says so per extract with
 * `mapping.<extract>.coverageFrom: YYYY-MM-DD`: the extract holds nothing
 * dated before that day. Two things follow (SPEC §6, "Coverage"):
 *
 * - a chain whose earlier links may lie before that day (the review or core
 *   group chain of a plan or period of care that started before it) cannot
 *   be judged: its events are left out as `history-before-extract`;
 * - a measure that looks back (re-referrals, three or more placements,
 *   staff turnover: twelve months) is not computable for a period whose
 *   look-back starts before that day.
 *
 * Without the setting the extract is taken as complete and nothing changes.
 */
import { type Day, formatDay } from '../core/day.js';
import type { ExtractName } from '../normalise/extracts.js';
import type { MeasureContext } from './types.js';

/** The reason an event is left out when its chain may begin before the extract's coverage. */
export const HISTORY_BEFORE_EXTRACT = 'history-before-extract';

/** The first day an extract holds records for, or null when it is taken as complete. */
export function coverageOf(context: Pick<MeasureContext<unknown>, 'coverageFrom'>, extract: ExtractName): Day | null {
  return context.coverageFrom?.[extract] ?? null;
}

/**
 * True when a chain of `extract` events that began on `chainStart` (a plan's
 * or a period's start) may have links before the extract's coverage, i.e.
 * `chainStart` is before `coverageFrom`.
 */
export function historyBefore(context: Pick<MeasureContext<unknown>, 'coverageFrom'>, extract: ExtractName, chainStart: Day): boolean {
  const from = coverageOf(context, extract);
  return from !== null && chainStart < from;
}

/**
 * Why a period whose look-back starts on `lookBackFrom` is not computable
 * from `extract`, or undefined when the extract covers that day.
 * @example lookBackGap({ coverageFrom: { referrals: 1 Apr 2020 } }, 'referrals', 1 Jan 2020)
 * //=> 'the referrals extract holds nothing before 2020-04-01 (coverageFrom); this period looks back to 2020-01-01'
 */
export function lookBackGap(context: Pick<MeasureContext<unknown>, 'coverageFrom'>, extract: ExtractName, lookBackFrom: Day): string | undefined {
  const from = coverageOf(context, extract);
  if (from === null || lookBackFrom >= from) return undefined;
  return `the ${extract} extract holds nothing before ${formatDay(from)} (coverageFrom); this period looks back to ${formatDay(lookBackFrom)}`;
}
