/**
 * missing_episodes.csv: children missing from home or care and back, 28 to
 * 46 returns a month, most of them children in care. A return interview is
 * offered after nearly every return and held after most, the majority
 * within 72 hours. January 2021 is built as the plan published it: 38
 * children back, 38 offered an interview, 30 interviewed (24 within 72
 * hours). Two children are still missing on the as-at date.
 */
import { type Day, formatDay } from '../../src/core/day.js';
import { monthEnd, monthStart, parseMonth } from '../../src/core/period.js';
import type { CareChild } from './children-in-care.js';
import { careIds } from './children-in-care.js';
import { type Built, type Extract, Mess } from './csv.js';
import { AS_AT } from './settings.js';
import { Rng, isOpenAt } from './solver.js';
import { TEAM_NAMES } from './story.js';

/** January 2021: returns, interviews offered, interviews held, within 72 hours. */
const JANUARY_2021 = { returns: 38, offered: 38, done: 30, within72h: 24 } as const;

interface Episode {
  child: string;
  start: Day;
  end: Day | null;
  offered: boolean;
  accepted: boolean | null;
  rhi: Day | null;
}

export function buildMissingEpisodes(children: readonly CareChild[]): Built<Episode[]> {
  const rng = new Rng('missing-episodes');
  const episodes: Episode[] = [];
  const someChild = (d: Day): string => {
    const inCare = children.filter((c) => c.legal !== 'V3' && isOpenAt(c.start, c.end, d));
    return inCare.length > 0 && rng.chance(0.65) ? rng.pick(inCare).child : careIds.mint();
  };
  for (let m = parseMonth('2020-04')!; m <= parseMonth('2021-05')!; m++) {
    const first = monthStart(m);
    const last = Math.min(monthEnd(m), AS_AT);
    const jan = formatDay(first) === '2021-01-01';
    const n = jan ? JANUARY_2021.returns : last < monthEnd(m) ? 9 : rng.int(28, 46);
    for (let i = 0; i < n; i++) {
      const end = rng.int(first, last);
      const start = end - rng.geometric(1.2);
      let offered: boolean;
      let done: boolean;
      let quick: boolean;
      if (jan) {
        offered = true;
        done = i < JANUARY_2021.done;
        quick = i < JANUARY_2021.within72h;
      } else {
        offered = rng.chance(0.93);
        done = offered && rng.chance(0.8);
        quick = rng.chance(0.7);
      }
      let rhi: Day | null = done ? end + (quick ? rng.int(0, 3) : rng.int(4, 12)) : null;
      if (rhi !== null && rhi > AS_AT) rhi = null;
      episodes.push({ child: someChild(end), start, end, offered, accepted: done ? true : offered && rng.chance(0.3) ? false : null, rhi });
    }
  }
  for (let i = 0; i < 2; i++) episodes.push({ child: someChild(AS_AT), start: AS_AT - rng.int(1, 6), end: null, offered: false, accepted: null, rhi: null });
  return { records: episodes, write: () => episodesExtract(episodes) };
}

function episodesExtract(episodes: Episode[]): Extract {
  episodes.sort((a, b) => a.start - b.start || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const yn = (v: boolean | null) => (v === null ? '' : v ? 'Yes' : 'No');
  const rows = episodes.map((e, i) => [
    `MIS${String(30_001 + i)}`,
    e.child,
    formatDay(e.start),
    e.end === null ? '' : formatDay(e.end),
    yn(e.offered),
    yn(e.accepted),
    e.rhi === null ? '' : formatDay(e.rhi),
    TEAM_NAMES.CIC,
  ]);
  const mess = new Mess('missing_episodes', rows);
  mess.repeat(1);
  mess.invalid('MIS99001', 0, (row) => (row[1] = ''));
  return mess.result('missing_episodes.csv', ['episode_id', 'child_id', 'start_date', 'end_date', 'rhi_offered', 'rhi_accepted', 'rhi_date', 'team'], '\n', false);
}
