/**
 * cp_reviews.csv, for cp_reviews_in_time and cp_reviews_overdue: each
 * family's review conferences, one for all its children, the first due
 * three months after the initial conference and each later one six months
 * after the one before (the rule the measures use, cpReviewDue). Most are
 * held up to a fortnight early; about one in six in 2020, and one in ten
 * from 2021, a few days to three weeks late. A child's reviews stop when
 * their plan ends.
 */
import type { Day } from '../../src/core/day.js';
import { cpReviewDue } from '../../src/measures/cp-reviews-common.js';
import type { Family } from './cp-plans.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT, CAL, RULES } from './settings.js';
import { Rng, nextWd, prevWd } from './solver.js';
import { TEAM_NAMES, type TeamKey } from './story.js';

export interface Review {
  readonly child: string;
  readonly date: Day;
  readonly team: TeamKey;
  readonly worker: string;
}

/** The reviews of every family's plans. */
export function buildCpReviews(families: readonly Family[]): Built<Review[]> {
  const rng = new Rng('cp-reviews');
  const out: Review[] = [];
  for (const f of families) {
    let previous: Day | null = null;
    for (;;) {
      const { due } = cpReviewDue(f.start, previous, RULES, CAL);
      const late = rng.chance(due < AS_AT - 130 ? 0.17 : 0.1);
      const held = late ? nextWd(due + rng.int(2, 21)) : Math.max(prevWd(due - rng.int(0, 14)), f.start + 1);
      if (held > AS_AT) break;
      const open = f.members.filter((p) => f.start <= held && (p.end === null || held <= p.end));
      if (open.length === 0) break;
      for (const p of open) out.push({ child: p.child, date: held, team: f.team, worker: p.caseRef?.worker?.code ?? '' });
      previous = held;
    }
  }
  return { records: out, write: () => reviewsExtract(out) };
}

function reviewsExtract(all: readonly Review[]): Extract {
  const rng = new Rng('write-cp-reviews');
  const reviews = [...all].sort((a, b) => a.date - b.date || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const rows = reviews.map((r, i) => {
    const fmt = pickFormat(rng, [['dmy', 70], ['dotted', 30]]);
    return [`RV${String(60_001 + i)}`, r.child, DATE_FORMATS[fmt](r.date), TEAM_NAMES[r.team], r.worker];
  });
  const mess = new Mess('cp-reviews', rows);
  mess.repeat(1);
  mess.invalid('RV99001', 0, (row) => (row[2] = ''));
  return mess.result('cp_reviews.csv', HEADERS.cp_reviews, '\n', false);
}
