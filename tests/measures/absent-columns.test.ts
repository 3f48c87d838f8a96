/**
 * SPEC §6 "Absent columns": a measure that reads an optional column its
 * extract does not have is not computable, with the reason; it is never
 * computed as if every cell of the column were blank. Each case removes one
 * column from a full set of extracts and checks that exactly the measures
 * that read it become not computable, and that every other measure gives
 * the same figures as with the column.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, MEASURES, whyNoBreakdown } from '../../src/measures/index.js';
import type { MeasureData, Tally } from '../../src/measures/types.js';
import { periodsBetween, parseMonth } from '../../src/core/period.js';
import type { ExtractName } from '../../src/normalise/extracts.js';
import {
  assessment,
  caseRecord,
  contact,
  context,
  coreGroup,
  cpPlan,
  cpReview,
  cpVisit,
  dataOf,
  type DataInput,
  records,
  referral,
  type RulesInput,
  run,
  s47Enquiry,
  supervision,
} from '../helpers/records.js';

/** A little of everything, every column filled in, so that every measure has something to count. */
function fullInput(): DataInput {
  return {
    contacts: [contact({ contactDate: '2021-01-29', decisionDate: '2021-02-01', team: 'North', worker: 'SW1' })],
    assessments: [
      assessment({
        startDate: '2021-01-04',
        authorisedDate: '2021-01-20',
        referralDate: '2021-01-04',
        kind: 'new',
        team: 'North',
        childSeen: true,
        education: true,
        police: false,
        health: true,
        other: false,
      }),
      assessment({ childId: '2', startDate: '2020-11-02', kind: 'update', team: 'South' }),
    ],
    cp_plans: [
      cpPlan({ startDate: '2020-04-30', team: 'North', previousPlans: '0' }),
      cpPlan({ childId: '2', startDate: '2021-01-04', endDate: '2021-03-01', team: 'South', previousPlans: '1' }),
    ],
    core_groups: [coreGroup({ childId: '2', meetingDate: '2021-01-15', status: 'held', education: true, police: false, health: true, other: false })],
    supervisions: [supervision({ supervisionDate: '2021-01-10', worker: 'SW1' })],
    cases: [
      caseRecord({ startDate: '2020-04-30', caseType: 'CP', worker: 'SW1', team: 'North' }),
      caseRecord({ childId: '2', startDate: '2020-06-01', endDate: '2021-04-30', caseType: 'CIN', worker: 'SW2', team: 'South' }),
    ],
    referrals: [referral({ referralDate: '2020-03-02', nfa: true, team: 'North' }), referral({ referralDate: '2021-01-04', source: 'Police', team: 'North' })],
    s47: [s47Enquiry({ childId: '2', strategyDate: '2020-12-18', startDate: '2020-12-21', icpcDate: '2021-01-04', planMade: true, endDate: '2021-01-04' })],
    cp_reviews: [cpReview({ childId: '2', reviewDate: '2021-02-04', team: 'South' })],
    cp_visits: [cpVisit({ childId: '2', visitDate: '2021-01-14', seen: false, seenAlone: false }), cpVisit({ visitDate: '2021-01-25', seen: true })],
  };
}

/** The same records, the extract's header taken to lack `column`. */
function without<N extends ExtractName>(input: DataInput, name: N, column: string): MeasureData {
  return dataOf({ ...input, [name]: records(name, input[name] as never, { without: [column] }) });
}

const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-02')!, context().asAt);

function figures(data: MeasureData, rulesInput: RulesInput): Map<string, readonly Tally[] | string> {
  const ctx = context({ rules: rulesInput, population: 52_000 });
  return new Map(
    MEASURES.map((m) => {
      const e = evaluate(m, data, ctx, periods);
      return [m.id, e.computable ? e.tallies : e.reason];
    }),
  );
}

interface Case {
  readonly extract: ExtractName;
  readonly column: string;
  readonly rules?: RulesInput;
  /** The measures that become not computable, with the reason. */
  readonly reasons: Readonly<Record<string, string>>;
}

const CP_PLAN_MEASURES = [
  'cp_over_9m',
  'cp_over_9m_avg_days',
  'core_groups_in_time',
  'core_groups_education',
  'core_groups_police',
  'core_groups_health',
  'core_groups_other',
  'cp_repeat',
  'cp_open_avg_days',
  'cp_rate_per_10k',
  'cp_reviews_in_time',
  'cp_reviews_overdue',
  'cp_visits_in_time',
];

const AUTHORISED_MEASURES = [
  'assessments_45wd',
  'assessments_45wd_new',
  'assessments_open_over_45wd',
  'assessments_child_seen',
  'assessments_education',
  'assessments_police',
  'assessments_health',
  'assessments_other',
];

const CASES: readonly Case[] = [
  { extract: 'contacts', column: 'decision_date', reasons: { contacts_1wd: 'the contacts extract has no decision_date column' } },
  {
    extract: 'assessments',
    column: 'authorised_date',
    reasons: Object.fromEntries(
      AUTHORISED_MEASURES.map((id) => [id, 'the assessments extract has no authorised_date column']),
    ),
  },
  { extract: 'assessments', column: 'kind', reasons: { assessments_45wd_new: 'the assessments extract has no kind column' } },
  // The referral date is read only when the clock starts at referral.
  { extract: 'assessments', column: 'referral_date', reasons: {} },
  {
    extract: 'assessments',
    column: 'referral_date',
    rules: { assessments: { clockStart: 'referral' } },
    reasons: {
      assessments_45wd: 'the assessments extract has no referral_date column (the clock starts at referral)',
      assessments_45wd_new: 'the assessments extract has no referral_date column (the clock starts at referral)',
    },
  },
  { extract: 'cp_plans', column: 'end_date', reasons: Object.fromEntries(CP_PLAN_MEASURES.map((id) => [id, 'the cp_plans extract has no end_date column'])) },
  {
    extract: 'cases',
    column: 'end_date',
    reasons: { supervision_in_time: 'the cases extract has no end_date column', caseload_avg: 'the cases extract has no end_date column' },
  },
  { extract: 'cases', column: 'worker', reasons: { caseload_avg: 'the cases extract has no worker column' } },
  // The case type is read only when some case type has an interval of its own.
  { extract: 'cases', column: 'case_type', reasons: {} },
  {
    extract: 'cases',
    column: 'case_type',
    rules: { supervision: { byCaseType: { CP: '4w' } } },
    reasons: { supervision_in_time: 'the cases extract has no case_type column (the supervision interval is set by case type)' },
  },
  { extract: 'core_groups', column: 'education', reasons: { core_groups_education: 'the core_groups extract has no education column' } },
  { extract: 'core_groups', column: 'police', reasons: { core_groups_police: 'the core_groups extract has no police column' } },
  { extract: 'core_groups', column: 'health', reasons: { core_groups_health: 'the core_groups extract has no health column' } },
  { extract: 'core_groups', column: 'other', reasons: { core_groups_other: 'the core_groups extract has no other column' } },
  // A column that only selects records, with a documented value for blank, keeps it: status blank = held.
  { extract: 'core_groups', column: 'status', reasons: {} },
  { extract: 'assessments', column: 'child_seen', reasons: { assessments_child_seen: 'the assessments extract has no child_seen column' } },
  { extract: 'assessments', column: 'education', reasons: { assessments_education: 'the assessments extract has no education column' } },
  { extract: 'assessments', column: 'police', reasons: { assessments_police: 'the assessments extract has no police column' } },
  { extract: 'assessments', column: 'health', reasons: { assessments_health: 'the assessments extract has no health column' } },
  { extract: 'assessments', column: 'other', reasons: { assessments_other: 'the assessments extract has no other column' } },
  // previous_plans carries evidence of a repeat plan: without it cp_repeat is not computable, not "no repeats".
  { extract: 'cp_plans', column: 'previous_plans', reasons: { cp_repeat: 'the cp_plans extract has no previous_plans column' } },
  { extract: 's47', column: 'icpc_date', reasons: { icpc_15wd: 'the s47 extract has no icpc_date column' } },
  // Without a strategy discussion column the clock starts at the enquiry, as for a blank one.
  { extract: 's47', column: 'strategy_date', reasons: {} },
  // A visit with seen blank counts, so an absent column counts every visit.
  { extract: 'cp_visits', column: 'seen', reasons: {} },
  { extract: 'cp_visits', column: 'seen_alone', reasons: {} },
  { extract: 'referrals', column: 'nfa', reasons: {} },
  { extract: 'referrals', column: 'source', reasons: {} },
  { extract: 's47', column: 'icpc_not_required', reasons: {} },
  { extract: 's47', column: 'plan_made', reasons: {} },
  { extract: 's47', column: 'end_date', reasons: {} },
  // Columns no measure counts.
  { extract: 'contacts', column: 'team', reasons: {} },
  { extract: 'contacts', column: 'source', reasons: {} },
  { extract: 'cp_plans', column: 'category', reasons: {} },
  { extract: 'supervisions', column: 'worker', reasons: {} },
  { extract: 'cases', column: 'team', reasons: {} },
];

describe('a measure that reads an absent column is not computable; the others are unchanged', () => {
  it.each(CASES.map((c) => ({ ...c, under: c.rules ? JSON.stringify(c.rules) : 'the default rules' })))(
    '$extract without $column, under $under',
    ({ extract, column, rules, reasons }) => {
      const input = fullInput();
      const whole = figures(dataOf(input), rules ?? {});
      const lacking = figures(without(input, extract, column), rules ?? {});
      for (const m of MEASURES) {
        const expected = reasons[m.id];
        // With every column, every measure is computable.
        expect(typeof whole.get(m.id), m.id).toBe('object');
        if (expected !== undefined) expect(lacking.get(m.id), m.id).toBe(expected);
        else expect(lacking.get(m.id), m.id).toEqual(whole.get(m.id));
      }
    },
  );
});

describe('fault 1: Annex A List 1 has no decision date', () => {
  it('contacts_1wd is not computable, not 0/2 = 0.0% with every contact not met', () => {
    // Two contacts in January 2021, as List 1 saved as CSV gives them: no decision_date column.
    const listOne = records('contacts', [contact({ childId: 'A1', contactDate: '2021-01-05' }), contact({ childId: 'A2', contactDate: '2021-01-12' })], {
      columns: ['child_id', 'contact_date', 'source'],
    });
    const r = run(MEASURES.find((m) => m.id === 'contacts_1wd')!, { contacts: listOne }, { from: '2021-01' });
    expect(r.computable).toBe(false);
    expect(r.reason).toBe('the contacts extract has no decision_date column');
    expect(r.observations).toEqual([]);
  });

  it('assessments without an authorisation column are not all counted as open', () => {
    const noAuthorisation = records('assessments', [assessment({ startDate: '2020-10-01' }), assessment({ childId: '2', startDate: '2020-10-05' })], {
      without: ['authorised_date'],
    });
    const r = run(MEASURES.find((m) => m.id === 'assessments_open_over_45wd')!, { assessments: noAuthorisation }, { from: '2021-01' });
    expect(r.computable).toBe(false);
    expect(r.reason).toBe('the assessments extract has no authorised_date column');
  });
});

describe('--by needs the team or worker column of the extract a record counts under', () => {
  const data = (name: ExtractName, column: string) => without(fullInput(), name, column);

  it.each<[string, ExtractName, string, 'team' | 'worker', string | undefined]>([
    ['assessments_45wd', 'assessments', 'team', 'team', 'the assessments extract has no team column'],
    ['assessments_45wd', 'assessments', 'worker', 'team', undefined],
    ['assessments_45wd', 'assessments', 'worker', 'worker', 'the assessments extract has no worker column'],
    ['contacts_1wd', 'contacts', 'team', 'team', 'the contacts extract has no team column'],
    ['caseload_avg', 'cases', 'team', 'team', 'the cases extract has no team column'],
    ['supervision_in_time', 'cases', 'worker', 'worker', 'the cases extract has no worker column'],
    // A meeting counts for its plan's team: the plans' column decides, not the meetings'.
    ['core_groups_in_time', 'cp_plans', 'team', 'team', 'the cp_plans extract has no team column'],
    ['core_groups_education', 'cp_plans', 'worker', 'worker', 'the cp_plans extract has no worker column'],
    ['core_groups_in_time', 'core_groups', 'status', 'team', undefined],
    ['cp_over_9m', 'cp_plans', 'team', 'team', 'the cp_plans extract has no team column'],
  ])('%s without %s.%s, by %s: %s', (id, name, column, by, reason) => {
    const measure = MEASURES.find((m) => m.id === id)!;
    expect(whyNoBreakdown(measure, data(name, column), by)).toBe(reason);
    expect(whyNoBreakdown(measure, dataOf(fullInput()), by)).toBeUndefined();
  });
});

describe('an extract whose rows were all rejected', () => {
  /** Records as read from a source: `read` data rows, of which these are valid. */
  const readAs = <N extends ExtractName>(name: N, rows: DataInput[N], read: number) => Object.assign(records(name, rows as never), { rowsRead: read });

  it.each<[string, number, number, string | undefined]>([
    ['rows read, none valid', 0, 2, 'the contacts extract has no valid rows'],
    ['a header and no rows (a quiet month)', 0, 0, undefined],
    ['some valid', 1, 2, undefined],
  ])('%s: %s', (_name, valid, read, reason) => {
    const rows = valid === 0 ? [] : [contact({ contactDate: '2021-01-29', decisionDate: '2021-02-01' })];
    const r = run(MEASURES.find((m) => m.id === 'contacts_1wd')!, { contacts: readAs('contacts', rows, read) }, { from: '2021-01' });
    expect(r.reason).toBe(reason);
    if (reason === undefined) expect(r.periods['2021-01']).toEqual({ numerator: valid, denominator: valid, excluded: {} });
  });

  it('makes not computable every measure of that extract, and only those', () => {
    const input = fullInput();
    const data = dataOf({ ...input, cp_plans: readAs('cp_plans', [], 3) });
    const all = figures(dataOf(input), {});
    const lacking = figures(data, {});
    for (const m of MEASURES) {
      if (m.extracts.includes('cp_plans')) expect(lacking.get(m.id), m.id).toBe('the cp_plans extract has no valid rows');
      else expect(lacking.get(m.id), m.id).toEqual(all.get(m.id));
    }
  });
});
