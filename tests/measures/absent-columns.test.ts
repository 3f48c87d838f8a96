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
  careLeaver,
  caseRecord,
  claPeriod,
  claReview,
  contact,
  context,
  coreGroup,
  cpPlan,
  cpReview,
  cpVisit,
  dataOf,
  type DataInput,
  missingEpisode,
  placement,
  proceedingsRow,
  records,
  referral,
  type RulesInput,
  run,
  s47Enquiry,
  supervision,
  build,
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
    cla_periods: [claPeriod({ startDate: '2018-01-15', dateOfBirth: '2010-03-01', team: 'CIC' }), claPeriod({ childId: '2', startDate: '2020-12-01', dateOfBirth: '2005-01-01', endDate: '2021-06-01' })],
    placements: [placement({ startDate: '2018-01-15', placementType: 'U1', reason: 'B' }), placement({ childId: '2', startDate: '2020-12-01', endDate: '2021-01-10' })],
    cla_reviews: [claReview({ childId: '2', reviewDate: '2020-12-20', permanencePlan: false }), claReview({ childId: '2', reviewDate: '2021-01-20', permanencePlan: true })],
    missing_episodes: [missingEpisode({ startDate: '2021-01-02', endDate: '2021-01-04', rhiOffered: true, rhiAccepted: true, rhiDate: '2021-01-06' })],
    care_leavers: [careLeaver({ recordDate: '2020-12-01', activity: 'F2', accommodationSuitable: 'Suitable', inTouch: 'YES' })],
    proceedings: [proceedingsRow({ issueDate: '2020-08-03', endDate: '2021-01-29' }), proceedingsRow({ childId: '2', proceedingsId: 'C2', issueDate: '2020-09-01' })],
    staff: [
      build('staff', { staffId: 'W1', startDate: '2019-01-01', contract: 'permanent', role: 'Social Worker', team: 'North', fte: 1 }),
      build('staff', { staffId: 'W2', startDate: '2019-01-01', endDate: '2020-12-31', contract: 'permanent', role: 'Social Worker', team: 'South', fte: 0.5 }),
      build('staff', { staffId: 'W3', startDate: '2020-01-01', contract: 'agency', role: 'Social Worker', team: 'South', fte: 1 }),
    ],
    complaints: [
      build('complaints', { complaintId: 'C1', childId: '1', receivedDate: '2021-01-04', responseDate: '2021-01-20', stage: '1', extended: true, team: 'North', worker: 'SW1' }),
      build('complaints', { complaintId: 'C2', receivedDate: '2021-01-04', responseDate: '2021-02-10', stage: '2', extended: false, team: 'North', worker: 'SW1' }),
      build('complaints', { complaintId: 'C3', receivedDate: '2021-02-01', responseDate: null, stage: '1', extended: false, team: 'South', worker: 'SW2' }),
    ],
  };
}

/** The same records, the extract's header taken to lack `column`. */
function without<N extends ExtractName>(input: DataInput, name: N, column: string): MeasureData {
  return dataOf({ ...input, [name]: records(name, input[name] as never, { without: [column] }) });
}

const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-02')!, context().asAt);

function figures(data: MeasureData, rulesInput: RulesInput): Map<string, readonly Tally[] | string> {
  const ctx = context({ rules: rulesInput, population: 50_000 });
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
  {
    extract: 'cla_periods',
    column: 'end_date',
    reasons: Object.fromEntries(
      ['cla_rate_per_10k', 'cla_placements_3plus', 'cla_long_term_stability', 'cla_reviews_in_time', 'cla_reviews_overdue'].map((id) => [id, 'the cla_periods extract has no end_date column']),
    ),
  },
  { extract: 'cla_periods', column: 'date_of_birth', reasons: { cla_long_term_stability: 'the cla_periods extract has no date_of_birth column' } },
  // A legal status selects periods (V3/V4 left out) and blank means none of those: an absent column keeps every period.
  { extract: 'cla_periods', column: 'legal_status', reasons: {} },
  {
    extract: 'placements',
    column: 'end_date',
    reasons: {
      cla_placements_3plus: 'the placements extract has no end_date column',
      cla_long_term_stability: 'the placements extract has no end_date column',
    },
  },
  { extract: 'placements', column: 'placement_type', reasons: { cla_long_term_stability: 'the placements extract has no placement_type column' } },
  // Reason blank is a new placement.
  { extract: 'placements', column: 'reason', reasons: {} },
  { extract: 'cla_reviews', column: 'permanence_plan', reasons: { cla_permanence_by_2nd_review: 'the cla_reviews extract has no permanence_plan column' } },
  {
    extract: 'missing_episodes',
    column: 'end_date',
    reasons: Object.fromEntries(['missing_rhi_offered', 'missing_rhi_done', 'missing_rhi_72h'].map((id) => [id, 'the missing_episodes extract has no end_date column'])),
  },
  { extract: 'missing_episodes', column: 'rhi_offered', reasons: { missing_rhi_offered: 'the missing_episodes extract has no rhi_offered column' } },
  {
    extract: 'missing_episodes',
    column: 'rhi_date',
    reasons: {
      missing_rhi_done: 'the missing_episodes extract has no rhi_date column',
      missing_rhi_72h: 'the missing_episodes extract has no rhi_date column',
    },
  },
  { extract: 'missing_episodes', column: 'rhi_accepted', reasons: {} },
  { extract: 'care_leavers', column: 'activity', reasons: { care_leavers_eet: 'the care_leavers extract has no activity column' } },
  {
    extract: 'care_leavers',
    column: 'accommodation_suitable',
    reasons: { care_leavers_suitable_accommodation: 'the care_leavers extract has no accommodation_suitable column' },
  },
  {
    extract: 'proceedings',
    column: 'end_date',
    reasons: {
      proceedings_26wk: 'the proceedings extract has no end_date column',
      proceedings_open_over_26wk: 'the proceedings extract has no end_date column',
    },
  },
  {
    extract: 'staff',
    column: 'end_date',
    reasons: { staff_permanent: 'the staff extract has no end_date column', staff_turnover_12m: 'the staff extract has no end_date column' },
  },
  {
    extract: 'staff',
    column: 'contract',
    reasons: { staff_permanent: 'the staff extract has no contract column', staff_turnover_12m: 'the staff extract has no contract column' },
  },
  {
    extract: 'complaints',
    column: 'response_date',
    reasons: { complaints_in_time: 'the complaints extract has no response_date column', complaints_overdue: 'the complaints extract has no response_date column' },
  },
  // Columns that only select records, with a documented value for blank when absent (read as such by the
  // validator: stage 1, not extended), and the role filter.
  { extract: 'complaints', column: 'stage', reasons: {} },
  { extract: 'complaints', column: 'extended', reasons: {} },
  { extract: 'complaints', column: 'team', reasons: {} },
  { extract: 'staff', column: 'role', reasons: {} },
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

describe('staff without an fte column', () => {
  it('are counted by head', () => {
    const input = fullInput();
    const counted = (data: MeasureData) => {
      const e = evaluate(MEASURES.find((m) => m.id === 'staff_turnover_12m')!, data, context(), periods);
      if (!e.computable) throw new Error(e.reason);
      return e.tallies.map((t) => [t.numerator, t.denominator]);
    };
    // W2 (0.5 FTE, permanent) left on 31 Dec 2020; W1 (1 FTE) is the permanent staff in post.
    expect(counted(dataOf(input))).toEqual([[0.5, 1], [0.5, 1]]);
    expect(counted(without(input, 'staff', 'fte'))).toEqual([[1, 1], [1, 1]]);
  });
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
