/**
 * The children-in-care measures at the boundaries SPEC §7-8 names: a
 * placement ending exactly 12 months before S, children turning 16, 19 or
 * 22 on S, 29 February birthdays, a period started exactly 30 months before
 * S, the first review at 20/21 working days and the second at 3 months, a
 * return interview at +3 and +4 days, an episode still missing, proceedings
 * at 26 weeks - 1 day and 26 weeks, siblings with different issue dates.
 */
import { describe, expect, it } from 'vitest';
import { careLeaversEet } from '../../src/measures/care-leavers-eet.js';
import { careLeaversSuitableAccommodation } from '../../src/measures/care-leavers-suitable-accommodation.js';
import { activityOf } from '../../src/measures/care-leavers-common.js';
import { claLongTermStability } from '../../src/measures/cla-long-term-stability.js';
import { claPermanenceBy2ndReview } from '../../src/measures/cla-permanence-by-2nd-review.js';
import { claPlacements3plus } from '../../src/measures/cla-placements-3plus.js';
import { claRatePer10k } from '../../src/measures/cla-rate-per-10k.js';
import { claReviewsInTime } from '../../src/measures/cla-reviews-in-time.js';
import { claReviewsOverdue } from '../../src/measures/cla-reviews-overdue.js';
import { missingRhi72h } from '../../src/measures/missing-rhi-72h.js';
import { missingRhiDone } from '../../src/measures/missing-rhi-done.js';
import { missingRhiOffered } from '../../src/measures/missing-rhi-offered.js';
import { proceedings26wk } from '../../src/measures/proceedings-26wk.js';
import { proceedingsOpenOver26wk } from '../../src/measures/proceedings-open-over-26wk.js';
import {
  careLeaver,
  claPeriod,
  claReview,
  context,
  counts,
  day,
  missingEpisode,
  outcome,
  placement,
  proceedingsRow,
  run,
} from '../helpers/records.js';

describe('cla_placements_3plus: placements overlapping (addMonths(S, -12), S]', () => {
  // S = 31 Jan 2021; addMonths(S, -12) = 31 Jan 2020.
  it.each<[string, string | null, number]>([
    ['the first placement ends exactly at S - 12 months: it does not overlap', '2020-01-31', 0],
    ['it ends the day after: three placements', '2020-02-01', 1],
    ['it is still open (and so are the others): three', null, 1],
  ])('%s', (_name, firstEnd, met) => {
    const data = {
      cla_periods: [claPeriod({ startDate: '2019-06-01' })],
      placements: [
        placement({ startDate: '2019-06-01', endDate: firstEnd }),
        placement({ startDate: '2020-02-01', endDate: '2020-06-30' }),
        placement({ startDate: '2020-07-01' }),
      ],
    };
    expect(run(claPlacements3plus, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(met, 1));
  });

  it('a change of legal status only (L) continues the previous placement: two placements, not three', () => {
    const data = {
      cla_periods: [claPeriod({ startDate: '2020-03-01' })],
      placements: [
        placement({ startDate: '2020-03-01', endDate: '2020-05-31' }),
        placement({ startDate: '2020-06-01', endDate: '2020-09-30' }),
        placement({ startDate: '2020-10-01', reason: 'L' }),
      ],
    };
    expect(run(claPlacements3plus, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 1));
    // Without the L the third row is a placement of its own.
    const asNew = { ...data, placements: data.placements.map((p) => ({ ...p, reason: null })) };
    expect(run(claPlacements3plus, asNew, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 1));
  });

  it('a child counts once whatever the number of open periods, and short breaks are left out', () => {
    const data = {
      cla_periods: [claPeriod({ startDate: '2020-01-01' }), claPeriod({ startDate: '2020-06-01' }), claPeriod({ childId: '2', startDate: '2020-06-01', legalStatus: 'V3' })],
      placements: [placement({ startDate: '2020-01-01' })],
    };
    expect(run(claPlacements3plus, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 1, { 'short-breaks': 1 }));
  });

  it('is not computable for a month whose 12 months start before the placements coverage', () => {
    const data = { cla_periods: [claPeriod({ startDate: '2019-06-01' })], placements: [placement({ startDate: '2019-06-01' })] };
    const base = run(claPlacements3plus, data, { from: '2021-01' }).observations;
    expect(base).toHaveLength(1);
    const r = run(claPlacements3plus, data, {
      from: '2021-01',
      to: '2021-02',
      context: { ...contextWithCoverage('2020-02-15') },
    });
    // January looks back to 1 Feb 2020, before the coverage; February to 1 Mar 2020, after it.
    expect(r.observations.map((o) => o.period?.id)).toEqual(['2021-02']);
  });
});

/** The default context, with the placements and reviews extracts holding nothing before `from`. */
function contextWithCoverage(from: string) {
  return { ...context(), coverageFrom: { placements: day(from), cla_reviews: day(from) } };
}

describe('cla_long_term_stability', () => {
  // S = 31 Jan 2021: looked after since 31 Jul 2018 (30 months), placed since 31 Jan 2019 (24 months).
  const child = (over: { start?: string; born?: string; placed?: string; type?: string }) => ({
    cla_periods: [claPeriod({ startDate: over.start ?? '2018-01-01', dateOfBirth: over.born ?? '2010-01-01' })],
    placements: [placement({ startDate: over.placed ?? '2018-01-01', placementType: over.type ?? 'U1' })],
  });
  it.each<[string, Parameters<typeof child>[0], string]>([
    ['period started exactly 30 months before S: in', { start: '2018-07-31', placed: '2018-07-31' }, 'met'],
    ['period started a day later: not in', { start: '2018-08-01', placed: '2018-08-01' }, 'none'],
    ['placement started exactly 24 months before S: met', { placed: '2019-01-31' }, 'met'],
    ['placement started a day later: not met', { placed: '2019-02-01' }, 'not-met'],
    ['turning 16 on S: not under 16', { born: '2005-01-31' }, 'none'],
    ['turning 16 the day after S: in', { born: '2005-02-01' }, 'met'],
  ])('%s', (_name, over, expected) => {
    const data = child(over);
    const r = run(claLongTermStability, data, { from: '2021-01' });
    expect(outcome(r, data.cla_periods[0]!, '2021-01')).toBe(expected);
  });

  it('a 29 February birthday: 16 on 29 Feb 2020 in a leap year, still 15 on the 28th', () => {
    const data = child({ born: '2004-02-29', start: '2017-01-01', placed: '2017-01-01' });
    expect(outcome(run(claLongTermStability, data, { from: '2020-02' }), data.cla_periods[0]!, '2020-02')).toBe('none');
    // With the extracts taken on 28 Feb 2020, February's snapshot is that day.
    const r = run(claLongTermStability, data, { from: '2020-02', asAt: '2020-02-28' });
    expect(outcome(r, data.cla_periods[0]!, '2020-02')).toBe('met');
  });

  it.each<[string, string, string]>([
    ['placed for adoption, the placement before ending the day before it started: met', '2019-05-31', 'met'],
    ['the placement before ending the day it started: met', '2019-06-01', 'met'],
    ['a gap of a day between them: not met', '2019-05-30', 'not-met'],
  ])('%s', (_name, previousEnd, expected) => {
    const data = {
      cla_periods: [claPeriod({ startDate: '2018-01-01', dateOfBirth: '2012-01-01' })],
      placements: [placement({ startDate: '2018-12-01', endDate: previousEnd }), placement({ startDate: '2019-06-01', placementType: 'A4' })],
    };
    expect(outcome(run(claLongTermStability, data, { from: '2021-01' }), data.cla_periods[0]!, '2021-01')).toBe(expected);
  });

  it('a child with no placement open at S stays in the denominator, not met', () => {
    const data = { cla_periods: [claPeriod({ startDate: '2018-01-01', dateOfBirth: '2012-01-01' })], placements: [placement({ startDate: '2018-01-01', endDate: '2020-12-31' })] };
    expect(run(claLongTermStability, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 1));
  });
});

describe('cla_reviews_in_time: 20 working days, then 3 months, then 6 months', () => {
  // Looked after from Monday 4 Jan 2021: first review due Monday 1 Feb 2021 (20 working days).
  it.each<[string, string, string]>([
    ['first review at 20 working days: met', '2021-02-01', 'met'],
    ['first review at 21 working days: not met', '2021-02-02', 'not-met'],
  ])('%s', (_name, reviewDate, expected) => {
    const review = claReview({ reviewDate });
    const r = run(claReviewsInTime, { cla_periods: [claPeriod()], cla_reviews: [review] }, { from: '2021-02' });
    expect(outcome(r, review, '2021-02')).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['second review exactly 3 months after the first: met', '2021-04-29', 'met'],
    ['a day later: not met', '2021-04-30', 'not-met'],
  ])('%s', (_name, reviewDate, expected) => {
    const second = claReview({ reviewDate });
    const data = { cla_periods: [claPeriod()], cla_reviews: [second, claReview({ reviewDate: '2021-01-29' })] };
    expect(outcome(run(claReviewsInTime, data, { from: '2021-04' }), second, '2021-04')).toBe(expected);
  });

  it('reviews with no period, or of short breaks, are left out', () => {
    const data = {
      cla_periods: [claPeriod({ legalStatus: 'V4' })],
      cla_reviews: [claReview({ reviewDate: '2021-01-20' }), claReview({ childId: '2', reviewDate: '2021-01-20' })],
    };
    expect(run(claReviewsInTime, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 0, { 'no-period': 1, 'short-breaks': 1 }));
  });

  it('reviews of a period begun before the reviews coverage are left out', () => {
    const data = { cla_periods: [claPeriod({ startDate: '2020-01-06' })], cla_reviews: [claReview({ reviewDate: '2021-01-20' })] };
    const r = run(claReviewsInTime, data, { from: '2021-01', context: contextWithCoverage('2020-04-01') });
    expect(r.periods['2021-01']).toEqual(counts(0, 0, { 'history-before-extract': 1 }));
  });
});

describe('cla_reviews_overdue', () => {
  it.each<[string, string, string[], number]>([
    ['no review yet, first due 1 Feb 2021: not overdue at 31 Jan', '2021-01', [], 0],
    ['no review yet: overdue at 28 Feb', '2021-02', [], 1],
    ['first held 29 Jan, second due 29 Apr: not overdue at 31 Mar', '2021-03', ['2021-01-29'], 0],
    ['a review held after S does not count at S', '2021-02', ['2021-03-01'], 1],
  ])('%s', (_name, month, reviews, met) => {
    const data = { cla_periods: [claPeriod()], cla_reviews: reviews.map((reviewDate) => claReview({ reviewDate })) };
    expect(run(claReviewsOverdue, data, { from: month }).periods[month]).toEqual(counts(met, 1));
  });
});

describe('cla_permanence_by_2nd_review', () => {
  it.each<[string, boolean | null, boolean | null, number]>([
    ['plan at the first review: met', true, null, 1],
    ['plan at the second review: met', false, true, 1],
    ['no plan at either: not met', false, false, 0],
    ['blank at both: not met', null, null, 0],
  ])('%s', (_name, first, second, met) => {
    const data = {
      cla_periods: [claPeriod({ startDate: '2020-09-01', endDate: '2021-01-10' })],
      cla_reviews: [claReview({ reviewDate: '2020-09-25', permanencePlan: first }), claReview({ reviewDate: '2020-12-20', permanencePlan: second })],
    };
    const r = run(claPermanenceBy2ndReview, data, { from: '2020-09', to: '2020-12' });
    expect(r.periods['2020-12']).toEqual(counts(met, 1));
    expect(r.periods['2020-09']).toEqual(counts(0, 0));
    // One row per period of care, naming both reviews' lines.
    expect(r.observations[0]!.lines).toEqual(data.cla_reviews.map((x) => x.line));
  });
});

describe('return interviews', () => {
  // Back on Tuesday 5 Jan 2021: the interview is due by Friday 8 Jan (72 hours).
  it.each<[string, string | null, number, number]>([
    ['interview at +3 days: within 72 hours', '2021-01-08', 1, 1],
    ['interview at +4 days: held, not within 72 hours', '2021-01-09', 0, 1],
    ['no interview', null, 0, 0],
  ])('%s', (_name, rhiDate, in72h, done) => {
    const data = { missing_episodes: [missingEpisode({ startDate: '2021-01-03', endDate: '2021-01-05', rhiOffered: false, rhiDate })] };
    expect(run(missingRhi72h, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(in72h, 1));
    expect(run(missingRhiDone, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(done, 1));
    expect(run(missingRhiOffered, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(0, 1));
  });

  it('an episode still missing (no return) is in no month', () => {
    const data = { missing_episodes: [missingEpisode({ startDate: '2021-01-03', endDate: null, rhiOffered: true })] };
    for (const m of [missingRhiOffered, missingRhiDone, missingRhi72h]) {
      const r = run(m, data, { from: '2021-01', to: '2021-05' });
      expect(Object.values(r.periods).every((t) => t.denominator === 0), m.id).toBe(true);
    }
  });

  it('episodes count in the month of the return, not of going missing', () => {
    const data = { missing_episodes: [missingEpisode({ startDate: '2021-01-30', endDate: '2021-02-01', rhiOffered: true })] };
    const r = run(missingRhiOffered, data, { from: '2021-01', to: '2021-02' });
    expect(r.periods).toEqual({ '2021-01': counts(0, 0), '2021-02': counts(1, 1) });
  });
});

describe('care leavers aged 19-21 at S', () => {
  // S = 31 Jan 2021.
  it.each<[string, string, number]>([
    ['turning 19 on S: in', '2002-01-31', 1],
    ['turning 19 the day after: not yet', '2002-02-01', 0],
    ['turning 22 on S: out', '1999-01-31', 0],
    ['turning 22 the day after: still 21, in', '1999-02-01', 1],
  ])('%s', (_name, dateOfBirth, denominator) => {
    const data = { care_leavers: [careLeaver({ recordDate: '2020-12-01', dateOfBirth, activity: 'F1' })] };
    expect(run(careLeaversEet, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(denominator, denominator));
  });

  it('a 29 February birthday turns 19 on 1 March in a common year', () => {
    const data = { care_leavers: [careLeaver({ recordDate: '2019-01-01', dateOfBirth: '2000-02-29', activity: 'G6' })] };
    const r = run(careLeaversEet, data, { from: '2019-02', to: '2019-03', asAt: '2019-05-10' });
    expect(r.periods).toEqual({ '2019-02': counts(0, 0), '2019-03': counts(0, 1) });
  });

  it('the latest record on or before S decides; on the same date the later line; not known counts in the denominator', () => {
    const data = {
      care_leavers: [
        careLeaver({ recordDate: '2020-11-01', activity: 'F1: Full time in higher education', accommodationSuitable: 'Suitable' }),
        careLeaver({ recordDate: '2020-12-01', activity: 'G4', accommodationSuitable: 'Unsuitable' }),
        careLeaver({ recordDate: '2020-12-01', activity: 'P2 Part time in training', accommodationSuitable: 'Suitable', recordId: 'R3' }),
        careLeaver({ recordDate: '2021-02-10', activity: 'G6' }),
        careLeaver({ childId: '2', recordDate: '2020-12-01', activity: '0' }),
      ],
    };
    const r = run(careLeaversEet, data, { from: '2021-01', to: '2021-02' });
    expect(r.periods).toEqual({ '2021-01': counts(1, 2), '2021-02': counts(0, 2) });
    expect(run(careLeaversSuitableAccommodation, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 2));
    // One row per young person, naming every line of theirs up to S.
    const jan = r.observations.filter((o) => o.period?.id === '2021-01');
    expect(jan.map((o) => o.lines ?? [o.record.line])).toEqual([data.care_leavers.slice(0, 3).map((x) => x.line), [data.care_leavers[4]!.line]]);
  });

  it('the age band is configurable and inclusive', () => {
    const data = { care_leavers: [careLeaver({ recordDate: '2020-12-01', dateOfBirth: '2004-01-31', activity: 'F3' })] };
    const r = run(careLeaversEet, data, { from: '2021-01', rules: { careLeavers: { ageFrom: 17, ageTo: 17 } } });
    expect(r.periods['2021-01']).toEqual(counts(1, 1));
  });

  it.each<[string | null, string]>([
    ['F1', 'eet'],
    ['P5: Part time employment', 'eet'],
    ['f3', 'eet'],
    ['G5', 'neet'],
    ['G6: NEET - other', 'neet'],
    ['0', 'not-known'],
    [null, 'not-known'],
    ['F10', 'not-known'],
  ])('activity %s reads as %s', (cell, expected) => {
    expect(activityOf(cell)).toBe(expected);
  });
});

describe('care proceedings: 26 weeks beginning with the day of issue', () => {
  // Issued Monday 6 Jul 2020: the 26 weeks end on Sunday 3 Jan 2021 (issue + 181 days).
  it.each<[string, string, number]>([
    ['ended at 26 weeks - 1 day: met', '2021-01-03', 1],
    ['ended at 26 weeks: not met', '2021-01-04', 0],
  ])('%s', (_name, endDate, met) => {
    const data = { proceedings: [proceedingsRow({ issueDate: '2020-07-06', endDate })] };
    expect(run(proceedings26wk, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(met, 1));
  });

  it('siblings sharing a proceedings id are one proceedings, issued on the earliest date and ended on the latest', () => {
    const data = {
      proceedings: [
        proceedingsRow({ childId: '1', issueDate: '2020-07-06', endDate: '2021-01-02' }),
        proceedingsRow({ childId: '2', issueDate: '2020-07-20', endDate: '2021-01-10' }),
      ],
    };
    const r = run(proceedings26wk, data, { from: '2021-01' });
    // Taken one by one, the second child's row (due 17 Jan) would be in time.
    expect(r.periods['2021-01']).toEqual(counts(0, 1));
    expect(r.observations[0]!.lines).toEqual(data.proceedings.map((x) => x.line));
  });

  // S = 31 Jan 2021: issued 3 Aug 2020 the 26 weeks end on S itself.
  it.each<[string, string, number]>([
    ['open, 26 weeks ending on S: not over', '2020-08-03', 0],
    ['open, 26 weeks ended the day before S: over', '2020-08-02', 1],
  ])('%s', (_name, issueDate, over) => {
    const data = { proceedings: [proceedingsRow({ issueDate })] };
    expect(run(proceedingsOpenOver26wk, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(over, 1));
  });

  it('a proceedings with any sibling row open is open; a row without an id stands alone', () => {
    const data = {
      proceedings: [
        proceedingsRow({ childId: '1', issueDate: '2020-06-01', endDate: '2021-01-15' }),
        proceedingsRow({ childId: '2', issueDate: '2020-06-01' }),
        proceedingsRow({ childId: '3', proceedingsId: null, issueDate: '2020-12-01' }),
        proceedingsRow({ childId: '4', proceedingsId: null, issueDate: '2020-12-01', endDate: '2021-01-20' }),
      ],
    };
    expect(run(proceedingsOpenOver26wk, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 2));
    expect(run(proceedings26wk, data, { from: '2021-01' }).periods['2021-01']).toEqual(counts(1, 1));
  });
});

describe('cla_rate_per_10k', () => {
  it('distinct children with a period open at S, per 10,000 of the population', () => {
    const data = {
      cla_periods: [
        claPeriod({ startDate: '2020-01-01' }),
        claPeriod({ startDate: '2020-06-01' }),
        claPeriod({ childId: '2', startDate: '2020-01-01', endDate: '2021-01-31' }),
        claPeriod({ childId: '3', startDate: '2020-01-01', legalStatus: 'V3' }),
        // As Annex A List 8 writes it: the code with its text.
        claPeriod({ childId: '4', startDate: '2020-01-01', legalStatus: 'V4: SHORT TERM BREAKS, NOT ALL RECORDED' }),
        claPeriod({ childId: '5', startDate: '2020-01-01', legalStatus: 'V2: SINGLE PERIOD OF ACCOMMODATION' }),
      ],
    };
    const r = run(claRatePer10k, data, { from: '2021-01', population: 40_000 });
    expect(r.periods['2021-01']).toEqual(counts(2, 40_000, { 'short-breaks': 2 }));
    expect(run(claRatePer10k, data, { from: '2021-01' }).computable).toBe(false);
  });
});
