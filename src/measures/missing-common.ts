/**
 * Missing episodes: the episodes the return-interview measures count, and
 * when a return interview is due.
 *
 * Each measure counts the episodes whose return (end_date) is in P; an
 * episode with no return is still missing and in no period. The statutory
 * guidance on children who run away or go missing asks for a return
 * interview within 72 hours of the return: dates carry no time, so it is
 * due by the return date plus 3 calendar days.
 */
import type { Day } from '../core/day.js';
import type { MissingEpisode } from '../normalise/extracts.js';
import { iso } from './common.js';
import type { Detail, MeasureData, Outcomes } from './types.js';
import { need } from './types.js';

/** Calendar days from the return to the return interview's deadline (72 hours). */
export const RHI_DAYS = 3;

/**
 * When an episode's return interview is due: the return date + 3 days, the
 * clock starting at the return; null while the child is still missing.
 * @example rhiDue({ endDate: 5 Jan 2021 }) //=> { due: 8 Jan 2021, since: 5 Jan 2021 }
 */
export function rhiDue(episode: Pick<MissingEpisode, 'endDate'>): { readonly due: Day; readonly since: Day } | null {
  return episode.endDate === null ? null : { due: episode.endDate + RHI_DAYS, since: episode.endDate };
}

/** Shared walk: episodes with a return in P, `met` decides each. */
export function evaluateReturns(data: MeasureData, out: Outcomes, met: (e: MissingEpisode) => boolean): void {
  out.from('missing_episodes');
  for (const episode of need(data, 'missing_episodes')) {
    if (episode.endDate === null) {
      if (out.observingSkipped) out.skip(-1, episode, 'still-missing', { start_date: iso(episode.startDate) });
      continue;
    }
    const ps = out.periodsOf(episode.endDate);
    if (ps.length === 0) {
      if (out.observingSkipped) out.skip(-1, episode, 'not-in-period', { end_date: iso(episode.endDate) });
      continue;
    }
    const detail: Detail | undefined = out.observing
      ? {
          start_date: iso(episode.startDate),
          end_date: iso(episode.endDate),
          rhi_offered: episode.rhiOffered === null ? null : episode.rhiOffered ? 'yes' : 'no',
          rhi_date: iso(episode.rhiDate),
          rhi_due: iso(episode.endDate + RHI_DAYS),
        }
      : undefined;
    const ok = met(episode);
    for (const p of ps) {
      if (ok) out.met(p, episode, detail);
      else out.notMet(p, episode, detail);
    }
  }
}
