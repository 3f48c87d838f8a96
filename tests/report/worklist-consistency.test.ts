/**
 * The worklist agrees with the measures on the demo council at 10 May 2021,
 * kind by kind: an item overdue at as-at is exactly a record the matching
 * measure counts as not met if nothing changes, and an item not yet due is
 * met if done by its due date (here: done on the as-at date).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Day, formatDay as formatIso } from '../../src/core/day.js';
import { parseDuration } from '../../src/core/duration.js';
import { monthOf, periodsBetween } from '../../src/core/period.js';
import { prepareRun, type PreparedRun } from '../../src/cli/scorecard.js';
import { assessments45wd } from '../../src/measures/assessments-45wd.js';
import { assessmentsOpenOver45wd } from '../../src/measures/assessments-open-over-45wd.js';
import { contacts1wd } from '../../src/measures/contacts-1wd.js';
import { coreGroupsInTime } from '../../src/measures/core-groups-in-time.js';
import { evaluate } from '../../src/measures/index.js';
import { supervisionInTime } from '../../src/measures/supervision-in-time.js';
import { icpc15wd } from '../../src/measures/icpc-15wd.js';
import { cpReviewsOverdue } from '../../src/measures/cp-reviews-overdue.js';
import { cpVisitsInTime } from '../../src/measures/cp-visits-in-time.js';
import { claReviewsOverdue } from '../../src/measures/cla-reviews-overdue.js';
import { missingRhi72h } from '../../src/measures/missing-rhi-72h.js';
import { proceedingsOpenOver26wk } from '../../src/measures/proceedings-open-over-26wk.js';
import { complaintsOverdue } from '../../src/measures/complaints-overdue.js';
import type { Measure, MeasureData, Observation } from '../../src/measures/types.js';
import { type Assessment, type CoreGroup, EXTRACTS, type MissingEpisode, type S47, type ExtractName, type RecordTypes } from '../../src/normalise/extracts.js';
import { buildWorklist, type Worklist, WORKLIST_KINDS } from '../../src/report/worklist.js';
import { build, day, records } from '../helpers/records.js';

const AS_AT = '2021-05-10';
let run: PreparedRun;

beforeAll(async () => {
  const sink = { write: () => true, isTTY: false };
  run = await prepareRun({ sources: { data: 'fixtures/demo', files: {} }, asAt: AS_AT }, { stdout: sink, stderr: sink, env: {}, today: () => day(AS_AT) });
}, 60_000);

function worklist(kind: string, within: string, data: MeasureData = run.data): Worklist {
  return buildWorklist({
    generator: { name: 'csc-kpi', version: 'test' },
    data,
    context: run.context,
    within: parseDuration(within)!,
    kinds: WORKLIST_KINDS.filter((k) => k.id === kind),
  });
}

/** Observations of a measure over the months from `from` to as-at's month. */
function observe(measure: Measure, from: Day, data: MeasureData = run.data): Observation[] {
  const seen: Observation[] = [];
  const periods = periodsBetween(monthOf(from), monthOf(run.asAt), run.asAt);
  const e = evaluate(measure, data, run.context, periods, (o) => seen.push(o));
  expect(e.computable).toBe(true);
  return seen;
}

/** A record as a plain object (records read from a file are views whose fields are getters). */
function plain<N extends ExtractName>(name: N, r: RecordTypes[N]): RecordTypes[N] {
  const fields = EXTRACTS[name].fields.map((f) => [f.prop, (r as unknown as Record<string, unknown>)[f.prop]] as const);
  return { line: r.line, key: r.key, ...Object.fromEntries(fields) } as unknown as RecordTypes[N];
}

const lines = (xs: Iterable<{ line: number }>) => [...new Set([...xs].map((x) => x.line))].sort((a, b) => a - b);

describe('the worklist agrees with the measures on the demo at 10 May 2021', () => {
  it('contact: overdue = undecided and counted not met by contacts_1wd; not yet due = pending', () => {
    const contacts = run.data.contacts!;
    const first = Math.min(...[...contacts].map((c) => c.contactDate));
    const seen = observe(contacts1wd, first).filter((o) => (o.record as unknown as { decisionDate: Day | null }).decisionDate === null);
    // A one working day window holds every contact whose deadline is not past.
    const list = worklist('contact', '1wd');
    const overdue = list.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    expect(lines(overdue)).toEqual(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record)));
    expect(lines(list.items.filter((i) => !i.overdue))).toEqual(lines(seen.filter((o) => o.reason === 'pending').map((o) => o.record)));
  });

  it('assessment: overdue = counted in assessments_open_over_45wd now, and not met by assessments_45wd when authorised on as-at', () => {
    const asAt = run.asAt;
    const list = worklist('assessment', '3m');
    const overdue = list.items.filter((i) => i.overdue);
    expect(overdue.length).toBeGreaterThan(0);
    const openOver = observe(assessmentsOpenOver45wd, asAt).filter((o) => o.status === 'met');
    expect(lines(overdue)).toEqual(lines(openOver.map((o) => o.record)));

    // Every open assessment authorised on the as-at date.
    const rows: Assessment[] = [];
    const authorisedNow = new Set<number>();
    for (const a of run.data.assessments!) {
      if (a.authorisedDate === null) authorisedNow.add(a.line);
      rows.push(a.authorisedDate === null ? { ...plain('assessments', a), authorisedDate: asAt } : a);
    }
    const seen = observe(assessments45wd, asAt, { ...run.data, assessments: records('assessments', rows) }).filter((o) => authorisedNow.has(o.record.line));
    expect(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record))).toEqual(lines(overdue));
    // With a window wide enough, every open assessment is listed; those not overdue are met.
    expect(lines(seen.filter((o) => o.status === 'met').map((o) => o.record))).toEqual(lines(list.items.filter((i) => !i.overdue)));
  });

  it('core group: the next meeting of a plan overdue is not met whenever held (here on as-at); of one not yet due, met', () => {
    const list = worklist('core-group', '3m');
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    expect(list.items.filter((i) => !i.overdue).length).toBeGreaterThan(0);
    const meetings = [...run.data.core_groups!];
    for (const item of list.items) {
      const next: CoreGroup = build('core_groups', { line: 1_000_000, meetingId: 'NEXT', childId: item.childId!, meetingDate: AS_AT });
      const data = { ...run.data, core_groups: records('core_groups', [...meetings, next]) };
      const seen = observe(coreGroupsInTime, run.asAt, data).filter((o) => o.record.line === 1_000_000);
      expect(seen.map((o) => [o.status, o.detail.plan, o.detail.due])).toEqual([[item.overdue ? 'not-met' : 'met', item.key, formatIso(item.due)]]);
    }
  });

  it('supervision: overdue = not met by supervision_in_time at S = as-at; not yet due = met', () => {
    const seen = observe(supervisionInTime, run.asAt);
    // Due dates are at most a month ahead: a month's window lists every open case.
    const list = worklist('supervision', '1m');
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    expect(lines(list.items.filter((i) => i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record)));
    expect(lines(list.items.filter((i) => !i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'met').map((o) => o.record)));
  });

  it('icpc: with the conferences of the last six weeks not yet held, overdue = not met by icpc_15wd when held on as-at; not yet due = met', () => {
    // Every enquiry in the demo has had its conference (or needed none): reopen the recent ones.
    const asAt = run.asAt;
    const reopened = new Set<number>();
    const open: S47[] = [];
    const heldNow: S47[] = [];
    for (const e of run.data.s47!) {
      if (e.icpcDate !== null && e.icpcDate > asAt - 42 && e.icpcNotRequired !== true) {
        reopened.add(e.line);
        open.push({ ...plain('s47', e), icpcDate: null, endDate: null });
        heldNow.push({ ...plain('s47', e), icpcDate: asAt, endDate: null });
      } else {
        open.push(e);
        heldNow.push(e);
      }
    }
    const list = worklist('icpc', '3m', { ...run.data, s47: records('s47', open) });
    expect(lines(list.items)).toEqual([...reopened].sort((a, b) => a - b));
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    expect(list.items.filter((i) => !i.overdue).length).toBeGreaterThan(0);
    const seen = observe(icpc15wd, asAt, { ...run.data, s47: records('s47', heldNow) }).filter((o) => reopened.has(o.record.line));
    expect(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record))).toEqual(lines(list.items.filter((i) => i.overdue)));
    expect(lines(seen.filter((o) => o.status === 'met').map((o) => o.record))).toEqual(lines(list.items.filter((i) => !i.overdue)));
  });

  // A snapshot measure of the backlog: counted (met) at S = as-at exactly when overdue; the rest of its denominator is listed, not yet due.
  it.each([
    ['cp-review', cpReviewsOverdue, '7m'],
    ['cla-review', claReviewsOverdue, '7m'],
    ['proceedings', proceedingsOpenOver26wk, '7m'],
    ['complaint', complaintsOverdue, '2m'],
  ] as const)('%s: overdue = counted at S = as-at by the backlog measure; not yet due = in its denominator, not counted', (id, measure, within) => {
    const seen = observe(measure, run.asAt);
    const list = worklist(id, within);
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    expect(lines(list.items.filter((i) => i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'met').map((o) => o.record)));
    expect(lines(list.items.filter((i) => !i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record)));
  });

  it('cp-visit: overdue = not met by cp_visits_in_time at S = as-at; not yet due = met', () => {
    const seen = observe(cpVisitsInTime, run.asAt);
    const list = worklist('cp-visit', '1m');
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    expect(lines(list.items.filter((i) => i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record)));
    expect(lines(list.items.filter((i) => !i.overdue))).toEqual(lines(seen.filter((o) => o.status === 'met').map((o) => o.record)));
  });

  it('return-interview: overdue = not met by missing_rhi_72h when the interview is held on as-at; not yet due = met', () => {
    const asAt = run.asAt;
    const list = worklist('return-interview', '1m');
    const listed = new Set(list.items.map((i) => i.line));
    expect(list.items.filter((i) => i.overdue).length).toBeGreaterThan(0);
    const rows: MissingEpisode[] = [...run.data.missing_episodes!].map((e) => (listed.has(e.line) ? { ...plain('missing_episodes', e), rhiDate: asAt } : e));
    const first = Math.min(...list.items.map((i) => i.clockDate));
    const seen = observe(missingRhi72h, first, { ...run.data, missing_episodes: records('missing_episodes', rows) }).filter((o) => listed.has(o.record.line));
    expect(lines(seen.filter((o) => o.status === 'not-met').map((o) => o.record))).toEqual(lines(list.items.filter((i) => i.overdue)));
    expect(lines(seen.filter((o) => o.status === 'met').map((o) => o.record))).toEqual(lines(list.items.filter((i) => !i.overdue)));
  });
});
