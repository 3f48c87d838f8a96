/**
 * The demo extracts (fixtures/demo, written by scripts/demo/main.ts) must
 * reproduce the figures quoted in the improvement plan, as the built command
 * line prints them.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardJson, ScorecardJsonResult as Result } from '../../src/report/scorecard-json.js';

const ROOT = resolve(import.meta.dirname, '../..');


let results: readonly Result[] = [];

beforeAll(() => {
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'bin/csc-kpi.js'),
      'scorecard',
      '--data',
      'fixtures/demo',
      '--as-at',
      '2021-05-10',
      '--from',
      '2020-04',
      '--to',
      '2021-05',
      '--targets',
      'fixtures/targets/improvement-plan-2021.yaml',
      '--format',
      'json',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
  );
  if (r.status !== 0) throw new Error(`csc-kpi exited ${r.status}: ${r.stderr}`);
  results = (JSON.parse(r.stdout) as ScorecardJson).results;
});

function result(metric: string, period: string): Result {
  const r = results.find((x) => x.metric === metric && x.period === period);
  if (!r) throw new Error(`no ${metric} for ${period}`);
  return r;
}

/** The value as a board paper shows it: one decimal. */
function shown(metric: string, period: string): string | undefined {
  return result(metric, period).value?.toFixed(1);
}

describe('the published figures', () => {
  it('contacts decided within one working day: Nov 2020 69%, Jan 2021 77.1%', () => {
    expect(shown('contacts_1wd', '2020-11')).toBe('69.0');
    expect(shown('contacts_1wd', '2021-01')).toBe('77.1');
  });

  it('assessments within 45 working days: Dec 2020 76 of 151 (50.3%), Jan 2021 109 of 232 (47%)', () => {
    expect(result('assessments_45wd', '2020-12')).toMatchObject({ numerator: 76, denominator: 151 });
    expect(shown('assessments_45wd', '2020-12')).toBe('50.3');
    expect(result('assessments_45wd', '2021-01')).toMatchObject({ numerator: 109, denominator: 232 });
    expect(shown('assessments_45wd', '2021-01')).toBe('47.0');
  });

  it('new-referral assessments within 45 working days: Nov 2020 70.3%', () => {
    expect(shown('assessments_45wd_new', '2020-11')).toBe('70.3');
  });

  it('core groups within timescale: Oct 2020 75%, Nov 2020 82%, Jan 2021 86.6%', () => {
    expect(shown('core_groups_in_time', '2020-10')).toBe('75.0');
    expect(shown('core_groups_in_time', '2020-11')).toBe('82.0');
    expect(shown('core_groups_in_time', '2021-01')).toBe('86.6');
  });

  it('case supervision within timescale: Nov 2020 45%', () => {
    expect(shown('supervision_in_time', '2020-11')).toBe('45.0');
  });

  it('average caseload per social worker: Dec 2020 24.1', () => {
    expect(shown('caseload_avg', '2020-12')).toBe('24.1');
  });

  it('CP plans open nine months or more at 31 Jan 2021: 94 of 365, on average 386 days', () => {
    expect(result('cp_over_9m', '2021-01')).toMatchObject({ numerator: 94, denominator: 365 });
    expect(result('cp_over_9m_avg_days', '2021-01').denominator).toBe(94);
    expect(shown('cp_over_9m_avg_days', '2021-01')).toBe('386.0');
  });
});

describe('the published children-in-care figures', () => {
  it('permanence plan by the second looked-after review: Dec 2020 71.4% (10 of 14)', () => {
    expect(result('cla_permanence_by_2nd_review', '2020-12')).toMatchObject({ numerator: 10, denominator: 14 });
    expect(shown('cla_permanence_by_2nd_review', '2020-12')).toBe('71.4');
  });

  it('care leavers aged 19-21 in education, employment or training: Feb 2021 41.7% (15 of 36)', () => {
    expect(result('care_leavers_eet', '2021-02')).toMatchObject({ numerator: 15, denominator: 36 });
    expect(shown('care_leavers_eet', '2021-02')).toBe('41.7');
  });

  it('January 2021: 38 children back from missing, 38 offered a return interview, 30 interviewed', () => {
    expect(result('missing_rhi_offered', '2021-01')).toMatchObject({ numerator: 38, denominator: 38 });
    expect(result('missing_rhi_done', '2021-01')).toMatchObject({ numerator: 30, denominator: 38 });
  });

  it('care proceedings at the end of February 2021: 74 open, 51 past 26 weeks (31% on target)', () => {
    expect(result('proceedings_open_over_26wk', '2021-02')).toMatchObject({ numerator: 51, denominator: 74 });
    expect(Math.round(100 - result('proceedings_open_over_26wk', '2021-02').value!)).toBe(31);
  });
});

describe('the recovery, February to April 2021', () => {
  it('shows green, amber and red against the trajectories', () => {
    const rags = new Set(
      results.filter((r) => r.period >= '2021-02' && r.period <= '2021-04' && r.rag !== 'none').map((r) => r.rag),
    );
    expect([...rags].sort()).toEqual(['amber', 'green', 'red']);
  });
});
