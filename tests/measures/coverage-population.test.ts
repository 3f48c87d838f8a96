/**
 * Extracts with only recent history (`mapping.<extract>.coverageFrom`) and
 * the child population for rates per 10,000 (SPEC §6 "Coverage", §8): the
 * configuration, the chain rule on core groups, and a period that alone is
 * not computable, end to end.
 */
import { describe, expect, it } from 'vitest';
import { configSchema, coverageOf, describeConfig, parseConfig, populationOf } from '../../src/config/config.js';
import { dayFromYmd } from '../../src/core/day.js';
import { coreGroupsInTime } from '../../src/measures/core-groups-in-time.js';
import { lookBackGap } from '../../src/measures/coverage.js';
import { populationAt, populationFrom } from '../../src/measures/population.js';
import { runCli, scratchFolder } from '../helpers/cli.js';
import { coreGroup, counts, cpPlan, run } from '../helpers/records.js';

describe('population in the configuration', () => {
  const at = (y: number, m: number, d: number) => dayFromYmd(y, m, d);

  it.each([
    ['one number applies to every year', 56000, at(2015, 1, 1), { children: 56000 }],
    ['the latest year not after the snapshot year applies', { 2020: 55000, 2021: 56000 }, at(2021, 12, 31), { children: 56000 }],
    ['a year in the map applies from 1 January', { 2020: 55000, 2021: 56000 }, at(2021, 1, 1), { children: 56000 }],
    ['31 December still takes the earlier year', { 2020: 55000, 2021: 56000 }, at(2020, 12, 31), { children: 55000 }],
    ['a later year is used until the next one', { 2019: 54000, 2022: 57000 }, at(2021, 6, 30), { children: 54000 }],
    ['no year up to the snapshot year: not computable', { 2021: 56000 }, at(2020, 12, 31), { missing: "the configuration's population has no year up to 2020" }],
  ] as const)('%s', (_name, value, s, expected) => {
    expect(populationAt(populationFrom(value), s)).toEqual(expected);
  });

  it('without a population, the reason names the configuration', () => {
    expect(populationAt(undefined, at(2021, 1, 31))).toEqual({ missing: 'no population in the configuration (children aged 0-17, for rates per 10,000)' });
  });

  it('is read from YAML as a number or by year, and written back to the manifest as given', () => {
    expect(populationOf(parseConfig('population: 56000\n', 'c.yaml'))).toEqual({ kind: 'fixed', children: 56000 });
    const byYear = parseConfig('population:\n  2021: 56000\n  2020: 55800\n', 'c.yaml');
    expect(populationOf(byYear)).toEqual({ kind: 'by-year', years: [[2020, 55800], [2021, 56000]] });
    expect((describeConfig(byYear) as { population: unknown }).population).toEqual({ 2020: 55800, 2021: 56000 });
    expect(populationOf(configSchema.parse({}))).toBeUndefined();
    expect('population' in (describeConfig(configSchema.parse({})) as object)).toBe(false);
  });

  it.each([
    ['population: -5\n', 'more than 0'],
    ['population: 5.5\n', 'whole number'],
    ['population: { twenty: 5 }\n', 'four digits'],
    ['population: lots\n', 'must be a number of children'],
    ['population: {}\n', 'at least one year'],
  ])('refuses %j with a clear message', (text, words) => {
    expect(() => parseConfig(text, 'c.yaml')).toThrow(words);
  });
});

describe('coverageFrom', () => {
  it('is read per extract from the mapping', () => {
    const config = parseConfig('mapping:\n  core_groups:\n    coverageFrom: 2020-10-01\n', 'c.yaml');
    expect(coverageOf(config)).toEqual({ core_groups: dayFromYmd(2020, 10, 1) });
    expect(() => parseConfig('mapping:\n  core_groups:\n    coverageFrom: 01/10/2020\n', 'c.yaml')).toThrow('YYYY-MM-DD');
  });

  it.each([
    ['a look-back starting on the first day covered is computable', dayFromYmd(2020, 4, 1), undefined],
    ['a look-back starting the day before is not', dayFromYmd(2020, 3, 31), 'the contacts extract holds nothing before 2020-04-01 (coverageFrom); this period looks back to 2020-03-31'],
  ])('%s', (_name, from, expected) => {
    expect(lookBackGap({ coverageFrom: { contacts: dayFromYmd(2020, 4, 1) } }, 'contacts', from)).toBe(expected);
    expect(lookBackGap({}, 'contacts', from)).toBeUndefined();
  });

  describe('core groups of a plan begun before the core group extract covers are left out', () => {
    // C1's plan began the day before coverage; C2's on the day. C1's first meeting
    // in the extract may not be its first (an earlier one may predate the extract).
    const data = {
      cp_plans: [cpPlan({ childId: 'C1', startDate: '2020-09-30' }), cpPlan({ childId: 'C2', startDate: '2020-10-01' })],
      core_groups: [
        coreGroup({ childId: 'C1', meetingDate: '2020-11-02' }),
        coreGroup({ childId: 'C2', meetingDate: '2020-10-15' }),
        coreGroup({ childId: 'C2', meetingDate: '2020-11-12' }),
      ],
    };
    it('without coverageFrom every meeting is judged', () => {
      const r = run(coreGroupsInTime, data, { from: '2020-10', to: '2020-11' });
      expect(r.periods['2020-11']).toEqual(counts(1, 2));
    });
    it('a plan that started the day before coverageFrom: history-before-extract; on the day: judged', () => {
      const r = run(coreGroupsInTime, data, { from: '2020-10', to: '2020-11', coverageFrom: { core_groups: '2020-10-01' } });
      expect(r.periods['2020-10']).toEqual(counts(1, 1));
      expect(r.periods['2020-11']).toEqual(counts(1, 1, { 'history-before-extract': 1 }));
      expect(r.observed).toEqual(r.periods);
    });
  });
});

describe('coverageFrom through the command line', () => {
  it('the configuration reaches the measures', async () => {
    const dir = scratchFolder({
      'core_groups.csv': 'child_id,meeting_date\nC1,2020-11-02\n',
      'cp_plans.csv': 'child_id,start_date,end_date\nC1,2020-09-28,\n',
      'csc-kpi.yaml': 'mapping:\n  core_groups:\n    coverageFrom: 2020-10-01\n',
    });
    const r = await runCli(['scorecard', '--data', dir, '--config', `${dir}/csc-kpi.yaml`, '--period', '2020-11', '--as-at', '2021-05-10', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const results = (JSON.parse(r.stdout) as { results: { metric: string; numerator: number | null; denominator: number | null; excluded: Record<string, number> }[] }).results;
    const cg = results.find((x) => x.metric === 'core_groups_in_time')!;
    expect(cg).toMatchObject({ numerator: 0, denominator: 0, excluded: { 'history-before-extract': 1 } });
  });
});
