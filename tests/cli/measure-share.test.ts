/**
 * Sharing the measures between two threads: which measures and extracts a
 * worker gets (measure-share.ts), and that a run sharing them gives what a
 * run on one thread gives (the built command; workers need compiled code).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MIN_WORKER_ROWS, shareMeasures } from '../../src/cli/measure-share.js';
import { prepareRun, shareFromRows } from '../../src/cli/scorecard.js';
import { dayFromYmd } from '../../src/core/day.js';
import { runMeasure } from '../../src/report/scorecard.js';
import { defaultConfig, rulesOf } from '../../src/config/config.js';
import { MEASURES, whyNotComputable } from '../../src/measures/index.js';
import { populationFrom } from '../../src/measures/population.js';
import type { MeasureData } from '../../src/measures/types.js';
import { EXTRACT_NAMES, type ExtractName } from '../../src/normalise/extracts.js';
import type { Records } from '../../src/normalise/table.js';
import { spawnCli, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const rules = rulesOf(defaultConfig());
const POPULATION = populationFrom(60_000);

/** An extract of `rows` records with every column: all the planner looks at is its size and its header. */
function table(rows: number): Records<never> {
  return {
    length: rows,
    rowsRead: rows,
    hasColumn: () => true,
    get: () => {
      throw new Error('the planner reads no record');
    },
    [Symbol.iterator]: () => [][Symbol.iterator](),
  };
}

function dataOf(rows: Partial<Record<ExtractName, number>>): MeasureData {
  return Object.fromEntries(Object.entries(rows).map(([name, n]) => [name, table(n)])) as MeasureData;
}

/** The benchmark's proportions. */
const BENCH = { contacts: 1_000_000, assessments: 200_000, cp_plans: 30_000, core_groups: 100_000, supervisions: 250_000, cases: 100_000 };

describe('shareMeasures', () => {
  it('keeps the largest extract here and hands the other groups to the thread with fewer rows to go through', () => {
    const share = shareMeasures(MEASURES, dataOf(BENCH), rules)!;
    // Rows gone through: contacts 1,000,000 (the largest, here); assessments 200,000 by its 8 measures = 1,600,000;
    // cp_plans and core_groups 2 x 30,000 + 5 x 130,000 = 770,000; cases and supervisions 350,000 + 100,000 = 450,000.
    // Costliest first, to the thread with less: assessments to the worker, cp_plans to here, cases to the worker.
    expect([...share.extracts].sort()).toEqual(['assessments', 'cases', 'supervisions']);
    expect(share.cost).toEqual({ worker: 2_050_000, here: 1_770_000 });
    expect(share.measures.map((m) => m.id)).toEqual([
      'assessments_45wd',
      'assessments_45wd_new',
      'assessments_open_over_45wd',
      'supervision_in_time',
      'caseload_avg',
      'assessments_child_seen',
      'assessments_education',
      'assessments_police',
      'assessments_health',
      'assessments_other',
    ]);
  });

  it('gives no share when every measure reads one group of extracts, or the worker would have too little to do', () => {
    expect(shareMeasures(MEASURES, dataOf({ contacts: 1_000_000 }), rules)).toBeUndefined();
    expect(shareMeasures(MEASURES, dataOf({ cp_plans: 500_000, core_groups: 500_000 }), rules)).toBeUndefined();
    expect(shareMeasures(MEASURES, dataOf({ contacts: 1_000_000, cases: MIN_WORKER_ROWS - 1 }), rules)).toBeUndefined();
    expect(shareMeasures(MEASURES, dataOf({ contacts: 1_000_000, cases: MIN_WORKER_ROWS }), rules)?.extracts).toEqual(new Set(['cases']));
    expect(shareMeasures(MEASURES, dataOf({ contacts: 10, cases: 1 }), rules, undefined, 0)?.extracts).toEqual(new Set(['cases']));
  });

  it('keeps one of two extracts as large as each other here', () => {
    // cases (caseloads) and cp_visits (with cp_plans) are read by different measures: one group moves, one stays.
    const data = dataOf({ assessments: 500_000, cp_plans: 0, cases: 1_999_999, cp_visits: 1_999_999, missing_episodes: 1_333_333 });
    const share = shareMeasures(MEASURES, data, rules, POPULATION, 0)!;
    expect([share.extracts.has('cases'), share.extracts.has('cp_visits')].filter(Boolean)).toHaveLength(1);
  });

  it('leaves measures that are not computable here (they cost nothing)', () => {
    // Rates need a population: without one they stay, though their extract moves.
    const share = shareMeasures(MEASURES, dataOf({ contacts: 1_000_000, cp_plans: 300_000 }), rules)!;
    expect(share.extracts).toEqual(new Set(['cp_plans']));
    expect(share.measures.map((m) => m.id)).not.toContain('cp_rate_per_10k');
    const withPopulation = shareMeasures(MEASURES, dataOf({ contacts: 1_000_000, cp_plans: 300_000 }), rules, POPULATION)!;
    expect(withPopulation.measures.map((m) => m.id)).toContain('cp_rate_per_10k');
  });

  it('property: each computable measure runs on one thread, with every extract it reads', () => {
    const sizes = fc.record(Object.fromEntries(EXTRACT_NAMES.map((n) => [n, fc.option(fc.integer({ min: 0, max: 2_000_000 }), { nil: undefined })])));
    fc.assert(
      fc.property(sizes, (rows) => {
        const present = Object.fromEntries(Object.entries(rows).filter(([, n]) => n !== undefined)) as Partial<Record<ExtractName, number>>;
        const data = dataOf(present);
        const share = shareMeasures(MEASURES, data, rules, POPULATION, 0);
        if (!share) return;
        const there = new Set(share.measures);
        for (const m of MEASURES) {
          const moved = m.extracts.filter((x) => share.extracts.has(x));
          if (there.has(m)) {
            expect(whyNotComputable(m, data, rules, POPULATION)).toBeUndefined();
            expect(moved).toEqual(m.extracts);
          } else if (whyNotComputable(m, data, rules, POPULATION) === undefined) expect(moved).toEqual([]);
        }
        // The largest extract that a computable measure reads never moves (of several as large, one stays).
        const read = (Object.entries(present) as [ExtractName, number][]).filter(([x]) =>
          MEASURES.some((m) => m.extracts.includes(x) && whyNotComputable(m, data, rules, POPULATION) === undefined),
        );
        const most = Math.max(...read.map(([, n]) => n));
        expect(read.filter(([x, n]) => n === most && !share.extracts.has(x))).not.toEqual([]);
      }),
    );
  });
});

describe('what the sharing stands on', () => {
  it('every measure reads only the extracts it declares, on the demo council, whole and by team', async () => {
    const sink = { write: () => true, isTTY: false };
    const run = await prepareRun(
      { sources: { data: 'fixtures/demo', files: {} }, asAt: '2021-05-10', config: 'fixtures/demo/csc-kpi.yaml', from: '2020-04', to: '2021-05' },
      { stdout: sink, stderr: sink, env: {}, today: () => dayFromYmd(2021, 5, 10) },
    );
    let computed = 0;
    for (const measure of MEASURES) {
      const read = new Set<string>();
      // Every read of an extract goes through the data object: a measure moved to another thread has only its own.
      const watched = new Proxy(run.data, {
        get: (target, name, receiver) => {
          if (typeof name === 'string') read.add(name);
          return Reflect.get(target, name, receiver) as unknown;
        },
      });
      const r = runMeasure(measure, watched, run.context, run.periods, 'team');
      if (r.whole.computable) computed++;
      expect([...read].filter((name) => !(measure.extracts as readonly string[]).includes(name)), measure.id).toEqual([]);
    }
    expect(computed).toBeGreaterThan(40);
  }, 60_000);
});

describe('CSC_KPI_SHARE_MEASURES', () => {
  it('sets the least work worth sharing', () => {
    expect(shareFromRows({})).toBe(MIN_WORKER_ROWS);
    expect(shareFromRows({ CSC_KPI_SHARE_MEASURES: 'always' })).toBe(0);
    expect(shareFromRows({ CSC_KPI_SHARE_MEASURES: 'never' })).toBeUndefined();
  });
});

describe('a scorecard with its measures shared between two threads', () => {
  const folder = tempFolder(messyExtracts({ seed: 29, size: 400 }));
  afterAll(() => folder.cleanup());

  it('is byte-identical to one computed on one thread, whole and broken down by team and by worker', () => {
    for (const extra of [[], ['--by', 'team'], ['--by', 'worker']]) {
      const args = ['scorecard', '--data', folder.dir, '--as-at', '2021-05-10', '--from', '2020-10', '--to', '2021-05', '--format', 'json', ...extra];
      const one = spawnCli([...args, '--jobs', '1']);
      const shared = spawnCli([...args, '--jobs', '2'], { CSC_KPI_SHARE_MEASURES: 'always' });
      expect(one.code, one.stderr).toBe(0);
      expect(shared.stderr).toBe(one.stderr);
      expect(shared.stdout).toBe(one.stdout);
      expect(JSON.parse(shared.stdout).results.length).toBeGreaterThan(100);
    }
  });
});

describe("the worker's measures job", () => {
  it('answers a job it cannot run with the failure, message and stack, which the main thread raises as an error again', async () => {
    const { runMeasureJob } = await import('../../src/cli/measure-job.js');
    const { errorFrom } = await import('../../src/cli/load-protocol.js');
    const { reply, transfer } = runMeasureJob({
      kind: 'measures',
      id: 7,
      config: defaultConfig(),
      asAt: dayFromYmd(2021, 5, 10),
      periods: [],
      measures: ['no_such_measure'],
      tables: [],
    });
    expect(transfer).toEqual([]);
    expect(reply).toMatchObject({ kind: 'measures-failed', id: 7, message: 'internal: no measure no_such_measure' });
    if (reply.kind !== 'measures-failed') return;
    expect(reply.stack).toContain('internal: no measure no_such_measure');
    const raised = errorFrom(reply);
    expect(raised.message).toBe('internal: no measure no_such_measure');
    expect(raised.stack).toBe(reply.stack);
  });
});
