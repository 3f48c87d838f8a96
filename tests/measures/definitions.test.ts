/**
 * One definition per measure: what the definitions say (titles under the
 * rules in force, the reasons a measure is not computable), and that the
 * list, the README's table of measures and the starter configuration cannot
 * drift from the measure modules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configSchema, rulesOf, type RulesInput } from '../../src/config/config.js';
import { starterConfig } from '../../src/config/starter.js';
import { defineMeasure, isMeasure } from '../../src/measures/define.js';
import { findMeasure, MEASURES, SETTINGS_SECTIONS, whyNotComputable } from '../../src/measures/index.js';
import type { Measure } from '../../src/measures/types.js';
import { EXTRACT_NAMES, EXTRACTS } from '../../src/normalise/extracts.js';
import { measureTable } from '../../scripts/docs/measures.js';
import { withGeneratedBlocks } from '../../scripts/docs/readme.js';
import { assessment, caseRecord, contact, coreGroup, cpPlan, dataOf, type DataInput, records, rules, supervision } from '../helpers/records.js';

const MEASURES_DIR = fileURLToPath(new URL('../../src/measures/', import.meta.url));
const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');

function titleUnder(id: string, input: RulesInput = {}): string {
  return findMeasure(id)!.title(rulesOf(configSchema.parse(input)));
}

describe('titles', () => {
  it.each([
    ['contacts_1wd', 'Contacts decided within 1 working day'],
    ['assessments_45wd', 'Assessments authorised within 45 working days'],
    ['assessments_45wd_new', 'New-referral assessments authorised within 45 working days'],
    ['assessments_open_over_45wd', 'Open assessments over 45 working days old'],
    ['cp_over_9m', 'Child protection plans open 9 months or more'],
    ['cp_over_9m_avg_days', 'Average days open of plans open 9 months or more'],
    ['core_groups_in_time', 'Core groups held within timescale'],
    ['core_groups_education', 'Core groups attended by education'],
    ['core_groups_police', 'Core groups attended by police'],
    ['core_groups_health', 'Core groups attended by health'],
    ['core_groups_other', 'Core groups attended by other agencies'],
    ['supervision_in_time', 'Cases with case supervision within timescale'],
    ['caseload_avg', 'Average caseload per social worker'],
    ['referrals_repeat_12m', 'Re-referrals within 12 months'],
    ['referrals_rate_per_10k', 'Referrals in the last 12 months per 10,000 children'],
    ['assessments_child_seen', 'Assessments in which the child was seen'],
    ['assessments_education', 'Assessments with a contribution from education'],
    ['assessments_police', 'Assessments with a contribution from police'],
    ['assessments_health', 'Assessments with a contribution from health'],
    ['assessments_other', 'Assessments with a contribution from other agencies'],
    ['icpc_15wd', 'Initial child protection conferences within 15 working days'],
    ['cp_repeat', 'Child protection plans that are repeat plans'],
    ['cp_open_avg_days', 'Average days open of child protection plans'],
    ['cp_rate_per_10k', 'Children on a child protection plan per 10,000 children'],
    ['cp_reviews_in_time', 'Child protection reviews held within timescale'],
    ['cp_reviews_overdue', 'Child protection plans with a review overdue'],
    ['cp_visits_in_time', 'Children on a plan visited within timescale'],
  ])('%s under the default rules: %s', (id, title) => {
    expect(titleUnder(id)).toBe(title);
  });

  it('covers every measure', () => {
    expect(MEASURES).toHaveLength(44);
  });

  it.each<[string, RulesInput, string]>([
    ['contacts_1wd', { contacts: { timescale: '3wd' } }, 'Contacts decided within 3 working days'],
    ['contacts_1wd', { contacts: { timescale: '2d' } }, 'Contacts decided within 2 days'],
    ['contacts_1wd', { contacts: { timescale: '1w' } }, 'Contacts decided within 1 week'],
    ['assessments_45wd', { assessments: { clockStart: 'referral' } }, 'Assessments authorised within 45 working days of referral'],
    ['assessments_45wd_new', { assessments: { clockStart: 'referral' } }, 'New-referral assessments authorised within 45 working days of referral'],
    ['assessments_45wd', { assessments: { clockStart: 'start' } }, 'Assessments authorised within 45 working days'],
    ['assessments_open_over_45wd', { assessments: { clockStart: 'referral' } }, 'Open assessments over 45 working days old'],
    ['core_groups_in_time', { coreGroups: { thenEvery: '6w' } }, 'Core groups held within timescale'],
    ['icpc_15wd', { icpc: { within: '10wd' } }, 'Initial child protection conferences within 10 working days'],
  ])('%s with %j: %s', (id, input, title) => {
    expect(titleUnder(id, input)).toBe(title);
  });
});

describe('not computable: the reason comes from the extracts and columns a measure needs', () => {
  const all: DataInput = {
    contacts: [contact()],
    assessments: [assessment()],
    cp_plans: [cpPlan()],
    core_groups: [coreGroup()],
    supervisions: [supervision()],
    cases: [caseRecord()],
  };
  const without = (...names: string[]): DataInput => Object.fromEntries(Object.entries(all).filter(([n]) => !names.includes(n)));

  const noColumns = (...columns: string[]): DataInput => ({ ...all, core_groups: records('core_groups', [coreGroup()], { without: columns }) });

  it.each<{ id: string; given: string; input: DataInput; reason: string | undefined }>([
    { id: 'contacts_1wd', given: 'every extract', input: all, reason: undefined },
    { id: 'contacts_1wd', given: 'no contacts', input: without('contacts'), reason: 'no contacts extract' },
    { id: 'assessments_45wd', given: 'no assessments', input: without('assessments'), reason: 'no assessments extract' },
    { id: 'cp_over_9m_avg_days', given: 'no plans', input: without('cp_plans'), reason: 'no cp_plans extract' },
    { id: 'core_groups_in_time', given: 'no plans', input: without('cp_plans'), reason: 'no cp_plans extract' },
    { id: 'core_groups_in_time', given: 'neither', input: without('core_groups', 'cp_plans'), reason: 'no core_groups or cp_plans extract' },
    { id: 'supervision_in_time', given: 'neither', input: without('cases', 'supervisions'), reason: 'no cases or supervisions extract' },
    { id: 'supervision_in_time', given: 'no supervisions', input: without('supervisions'), reason: 'no supervisions extract' },
    { id: 'caseload_avg', given: 'only cases of its own', input: without('contacts', 'supervisions'), reason: undefined },
    { id: 'core_groups_education', given: 'no education column', input: noColumns('education'), reason: 'the core_groups extract has no education column' },
    // A missing extract is named before a missing column.
    {
      id: 'core_groups_police',
      given: 'no plans and no police column',
      input: { core_groups: records('core_groups', [coreGroup()], { without: ['police'] }) },
      reason: 'no cp_plans extract',
    },
    { id: 'core_groups_in_time', given: 'no attendance columns', input: noColumns('education', 'police'), reason: undefined },
  ])('$id with $given: $reason', ({ id, input, reason }) => {
    expect(whyNotComputable(findMeasure(id)!, dataOf(input), rules())).toBe(reason);
  });

  it('names the first missing column, extract by extract, for a measure that needs columns of several', () => {
    const needy = defineMeasure({
      id: 'test_needy',
      title: 'A measure that needs columns of two extracts',
      unit: 'percent',
      scale: 100,
      direction: 'higher',
      needs: { cp_plans: ['category'], core_groups: ['police', 'health'] },
      rule: () => '',
      doc: { text: '' },
      evaluate: () => {},
    });
    expect(needy.extracts).toEqual(['cp_plans', 'core_groups']);
    const plans = records('cp_plans', [cpPlan()]);
    const noCategory = records('cp_plans', [cpPlan()], { without: ['category'] });
    const noHealth = records('core_groups', [coreGroup()], { without: ['health'] });
    const noPoliceOrHealth = records('core_groups', [coreGroup()], { without: ['police', 'health'] });
    expect(whyNotComputable(needy, dataOf({ cp_plans: plans }), rules())).toBe('no core_groups extract');
    expect(whyNotComputable(needy, dataOf({ cp_plans: noCategory, core_groups: noHealth }), rules())).toBe('the cp_plans extract has no category column');
    expect(whyNotComputable(needy, dataOf({ cp_plans: plans, core_groups: noPoliceOrHealth }), rules())).toBe('the core_groups extract has no police column');
    expect(whyNotComputable(needy, dataOf({ cp_plans: plans, core_groups: noHealth }), rules())).toBe('the core_groups extract has no health column');
    expect(whyNotComputable(needy, dataOf({ cp_plans: plans, core_groups: [coreGroup()] }), rules())).toBeUndefined();
  });

  it.each(MEASURES.map((m) => ({ id: m.id, measure: m })))('$id needs only columns its extracts have', ({ measure }) => {
    for (const name of measure.extracts) {
      const fields = EXTRACTS[name].fields.map((f) => f.name);
      for (const { column } of measure.columns[name] ?? []) expect(fields, `${measure.id}: ${name}.${column}`).toContain(column);
    }
    expect(Object.keys(measure.columns).every((name) => measure.extracts.includes(name as (typeof EXTRACT_NAMES)[number]))).toBe(true);
  });
});

describe('defineMeasure', () => {
  const base = { id: 'test_scale', title: 'T', unit: 'count', direction: 'neutral', needs: {}, rule: () => '', doc: { text: '' }, evaluate: () => {} } as const;

  it.each([100, 1, 10_000, 0.5])('takes any positive scale (%s)', (scale) => {
    expect(defineMeasure({ ...base, scale }).scale).toBe(scale);
  });

  it.each([0, -100, Number.NaN])('refuses a scale of %s', (scale) => {
    expect(() => defineMeasure({ ...base, scale })).toThrow(/scale/);
  });

  it('turns a fixed title into a function of the rules', () => {
    expect(defineMeasure({ ...base, scale: 1 }).title(rulesOf(configSchema.parse({})))).toBe('T');
  });
});

/** Measures a module exports that the list does not hold. */
function unlisted(modules: readonly Record<string, unknown>[], list: readonly Measure[]): string[] {
  return modules.flatMap((exports) => Object.values(exports).filter(isMeasure).filter((m) => !list.includes(m)).map((m) => m.id));
}

describe('the list of measures', () => {
  it('holds every measure a module under src/measures exports', async () => {
    const files = readdirSync(MEASURES_DIR).filter((f) => f.endsWith('.ts'));
    const modules = await Promise.all(files.map(async (f) => (await import(pathToFileURL(MEASURES_DIR + f).href)) as Record<string, unknown>));
    const exported = modules.flatMap((exports) => Object.values(exports).filter(isMeasure));
    expect(exported.length).toBeGreaterThanOrEqual(MEASURES.length);
    expect(unlisted(modules, MEASURES)).toEqual([]);
    // And the check sees a measure left out of the list.
    const stray = defineMeasure({ id: 'test_stray', title: 'Stray', unit: 'percent', scale: 100, direction: 'higher', needs: {}, rule: () => '', doc: { text: '' }, evaluate: () => {} });
    expect(unlisted([...modules, { stray }], MEASURES)).toEqual(['test_stray']);
  });

  it('has no id twice', () => {
    expect(new Set(MEASURES.map((m) => m.id)).size).toBe(MEASURES.length);
  });
});

describe('the README table of measures', () => {
  const block = README.slice(README.indexOf('<!-- generated:measures -->'), README.indexOf('<!-- /generated:measures -->'));

  it('is what `npm run docs` writes', () => {
    expect(block.length).toBeGreaterThan(100);
    expect(withGeneratedBlocks(README)).toBe(README);
  });

  it.each(MEASURES.map((m) => ({ id: m.id, measure: m })))('names $id', ({ measure }) => {
    const short = measure.id.slice(measure.id.lastIndexOf('_'));
    expect(block.includes(`\`${measure.id}\``) || block.includes(`\`${short}\``), measure.id).toBe(true);
  });

  it('would change if a measure were missing from the list', () => {
    expect(withGeneratedBlocks(README, { measures: measureTable(MEASURES.slice(1)) })).not.toBe(README);
    expect(measureTable(MEASURES.filter((m) => m.id !== 'caseload_avg'))).not.toContain('`caseload_avg`');
  });

  it('shares a row between consecutive measures with one doc, and refuses them different directions', () => {
    const doc = { ids: '`test_a`, `_b`', text: 'Shared.' };
    const shared = { unit: 'percent', scale: 100, direction: 'higher', needs: {}, rule: () => '', doc, evaluate: () => {} } as const;
    const a = defineMeasure({ ...shared, id: 'test_a', title: 'A' });
    const b = defineMeasure({ ...shared, id: 'test_b', title: 'B' });
    expect(measureTable([a, b]).split('\n')).toEqual(['| id | better | what is counted for month P (snapshot S) |', '|---|---|---|', '| `test_a`, `_b` | higher | Shared. |']);
    const c = defineMeasure({ ...shared, id: 'test_c', title: 'C', direction: 'lower' });
    expect(() => measureTable([a, c])).toThrow(/share a row but not a direction/);
  });
});

describe('settings sections', () => {
  const starter = starterConfig();

  it('are the sections of the measures, each once, in list order', () => {
    expect(SETTINGS_SECTIONS.map((s) => s.key)).toEqual(['contacts', 'assessments', 'coreGroups', 'supervision', 'icpc', 'cpReviews', 'cpVisits', 'careLeavers', 'staff', 'complaints']);
    const used = new Set(MEASURES.flatMap((m) => m.settings));
    expect([...used].sort((a, b) => a.key.localeCompare(b.key))).toEqual([...SETTINGS_SECTIONS].sort((a, b) => a.key.localeCompare(b.key)));
  });

  it('make the configuration: its keys in the order manifests have always used (placeholders added before the mapping)', () => {
    expect(Object.keys(configSchema.parse({}))).toEqual(['contacts', 'assessments', 'calendar', 'coreGroups', 'supervision', 'icpc', 'cpReviews', 'cpVisits', 'careLeavers', 'staff', 'complaints', 'periods', 'placeholders', 'mapping']);
  });

  it.each(SETTINGS_SECTIONS.flatMap((s) => Object.entries(s.settings).map(([key, setting]) => ({ path: `${s.key}.${key}`, section: s.key, key, setting }))))(
    '$path is in the starter file with its default, and in the README',
    ({ section, key, setting }) => {
      const text = starter.slice(starter.indexOf(`\n${section}:\n`));
      const shown = typeof setting.default === 'string' ? setting.default : JSON.stringify(setting.default);
      expect(text.slice(0, text.indexOf('\n\n', 1) + 1)).toContain(`\n  ${key}: ${shown}\n`);
      const configuration = README.slice(README.indexOf('## Configuration'), README.indexOf('## Personal data'));
      expect(configuration).toContain(`\n${section}:\n`);
      expect(configuration).toMatch(new RegExp(`\\n  ${key}: `));
    },
  );

  it('write the starter file rules sections as they have always been', () => {
    const rules = starter.slice(starter.indexOf('contacts:'), starter.indexOf("# Children aged 0-17 in the council's area"));
    expect(rules).toBe(`contacts:
  # Time allowed to decide a contact, from the contact date.
  timescale: 1wd

assessments:
  # Where the 45 working days start: "start" (the assessment's start date)
  # or "referral" (the referral date; assessments without one are left out).
  clockStart: start

calendar:
  # Bank holidays of england-and-wales, scotland or northern-ireland.
  region: england-and-wales
  # false counts every Monday to Friday as a working day.
  bankHolidays: true
  # Extra days the service was closed, as YYYY-MM-DD.
  closures: []

coreGroups:
  # First core group after the plan starts (the initial conference).
  firstWithin: 10wd
  # Each later core group after the previous one (6w in some procedures).
  thenEvery: 4w

supervision:
  # Case supervision interval, and per case type (CIN, CP, CLA, CL ...).
  interval: 1m
  byCaseType: {}
  #   CP: 4w

icpc:
  # Initial child protection conference after the strategy discussion (else the section 47 start).
  within: 15wd

cpReviews:
  # First review conference after the plan starts (the initial conference).
  firstWithin: 3m
  # Each later review conference after the previous one.
  thenEvery: 6m

cpVisits:
  # Statutory visits to a child on a plan: at least this often.
  every: 10wd

careLeavers:
  # Youngest age (at the month end) counted by the care leaver measures.
  ageFrom: 19
  # Oldest age counted (inclusive).
  ageTo: 21

staff:
  # Roles counted by the staff measures (the role column, matched without regard
  # to case), e.g. [social worker, senior social worker]. Empty: every role.
  roles: []

complaints:
  # Time allowed for a stage 1 response, from the day of receipt (day 0).
  timescale: 10wd
  # Time allowed when the extension was agreed (extended = yes).
  extendedTimescale: 20wd

`);
  });

  it.each<[string, unknown, string]>([
    ['a misspelt key', { contacts: { timescal: '2wd' } }, 'contacts'],
    ['a bad duration', { coreGroups: { thenEvery: '4 weeks' } }, 'coreGroups.thenEvery: "4 weeks" is not a duration; write e.g. 10wd (working days), 28d, 4w or 1m'],
    ['a bad clock', { assessments: { clockStart: 'conference' } }, 'assessments.clockStart'],
    ['a bad interval for a case type', { supervision: { byCaseType: { CP: 'monthly' } } }, 'supervision.byCaseType.CP: "monthly" is not a duration'],
    ['an unknown section', { contact: {} }, 'contact'],
  ])('refuse %s, naming the key', (_name, input, message) => {
    const result = configSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(issues).toContain(message);
  });

  it.each<[string, unknown]>([
    ['empty sections', { contacts: null, supervision: { byCaseType: null } }],
    ['nothing', {}],
  ])('read %s as the defaults', (_name, input) => {
    expect(rulesOf(configSchema.parse(input))).toEqual(rulesOf(configSchema.parse({})));
  });

  it('resolve into the rules the measures read', () => {
    const rules = rulesOf(configSchema.parse({ contacts: { timescale: '2wd' }, supervision: { interval: '20wd', byCaseType: { cla: '6w', ' cp ': '4w' } } }));
    expect(rules).toEqual({
      contactTimescale: { amount: 2, unit: 'wd' },
      assessmentClock: 'start',
      coreGroupFirst: { amount: 10, unit: 'wd' },
      coreGroupEvery: { amount: 4, unit: 'w' },
      supervisionInterval: { amount: 20, unit: 'wd' },
      supervisionByCaseType: new Map([
        ['CLA', { amount: 6, unit: 'w' }],
        ['CP', { amount: 4, unit: 'w' }],
      ]),
      icpcWithin: { amount: 15, unit: 'wd' },
      cpReviewFirst: { amount: 3, unit: 'm' },
      cpReviewEvery: { amount: 6, unit: 'm' },
      cpVisitEvery: { amount: 10, unit: 'wd' },
      careLeaverAgeFrom: 19,
      careLeaverAgeTo: 21,
      staffRoles: [],
      complaintTimescale: { amount: 10, unit: 'wd' },
      complaintExtendedTimescale: { amount: 20, unit: 'wd' },
    });
  });
});
