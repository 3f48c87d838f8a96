/**
 * A new extract and a new measure, declared with the public definition
 * helpers alone (defineExtract, defineMeasure) and nowhere else, go through
 * every stage a real one does: reading and validation, the scorecard and its
 * JSON, an explanation that adds up to it, the validation report and the run
 * manifest. The registries (EXTRACTS, MEASURES) do not know them, so their
 * names are typed by hand here; nothing in src/ is edited for them.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { formatDay } from '../../src/core/day.js';
import { parseMonth, periodsBetween } from '../../src/core/period.js';
import { defineMeasure } from '../../src/measures/define.js';
import type { MeasureData } from '../../src/measures/types.js';
import { CHILD_ID, TEAM } from '../../src/normalise/extracts/common.js';
import { date, defineExtract, flag, id, type RecordOf } from '../../src/normalise/define.js';
import type { ExtractName } from '../../src/normalise/extracts.js';
import { type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import { csvSource } from '../../src/read/csv-source.js';
import { explain } from '../../src/report/explain.js';
import { buildManifest, type RunOptions } from '../../src/report/manifest.js';
import { buildScorecard } from '../../src/report/scorecard.js';
import { scorecardJson } from '../../src/report/scorecard-json.js';
import { buildValidation } from '../../src/report/validation.js';
import { problemText } from '../../src/report/wording.js';
import { context, day } from '../helpers/records.js';

const homeVisits = defineExtract({
  name: 'home_visits',
  file: 'home_visits.csv',
  noun: 'visit',
  fields: {
    visit_id: id({ distinct: true }),
    child_id: CHILD_ID,
    booked_date: date({ required: true }),
    due_date: date({ required: true }),
    visit_date: date({ doc: 'blank: not visited yet' }),
    seen_alone: flag(),
    team: TEAM,
  },
  key: 'visit_id',
  compositeKey: ['child_id', 'due_date'],
  order: [['booked_date', 'visit_date']],
});
type HomeVisit = RecordOf<typeof homeVisits>;
// Not in the registry: the extract's name is typed as one of its names by hand.
const NAME = homeVisits.name as unknown as ExtractName;

const visitsOnTime = defineMeasure({
  id: 'home_visits_on_time',
  title: 'Home visits made by their due date',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { [NAME]: ['visit_date'] } as never,
  rule: () => 'visits due in the period; met when visited on or before the due date',
  doc: { text: 'Visits due in P: met when visited on or before the due date.' },
  evaluate(data, { asAt }, out) {
    out.from(NAME);
    for (const v of data[NAME] as unknown as Iterable<HomeVisit>) {
      for (const p of out.periodsOf(v.dueDate)) {
      const detail = out.observing ? { due: formatDay(v.dueDate), visited: v.visitDate === null ? null : formatDay(v.visitDate) } : undefined;
      if (v.visitDate !== null && v.visitDate <= v.dueDate) out.met(p, v, detail);
      else if (v.visitDate === null && asAt <= v.dueDate) out.exclude(p, v, 'not-yet-due', detail);
      else out.notMet(p, v, detail);
      }
    }
  },
});

const CSV = [
  'visit_id,child_id,booked_date,due_date,visit_date,seen_alone,team',
  'V1,C1,2021-01-02,2021-01-10,2021-01-08,Y,North',
  'V2,C2,2021-01-02,2021-01-20,2021-01-25,N,North',
  'V3,C3,2021-01-02,2021-01-31,,,South',
  'V4,C4,2021-01-02,2021-01-15,bad date,Y,South',
  'V1,C1,2021-01-02,2021-01-10,2021-01-08,Y,North',
  '',
].join('\n');

async function load(): Promise<LoadedExtract> {
  const source = csvSource('home_visits.csv', Readable.from([Buffer.from(CSV)]));
  return loadExtract(homeVisits as never, source, { asAt: day('2021-05-10') });
}

describe('an extract and a measure declared with the definition helpers only', () => {
  it('are read, validated and counted like any other', async () => {
    const x = await load();
    expect(x.counts).toEqual({ read: 5, valid: 3, rejected: 1, duplicate: 1 });
    expect(x.rejections.map((r) => [r.code, r.at.line, r.field])).toEqual([['invalid-date', 5, 'visit_date']]);
    expect(problemText(x.rejections[0]!)).toMatch(/^visit_date "bad date": /);
    const [first] = x.records as unknown as Iterable<HomeVisit>;
    expect(first).toMatchObject({ visitId: 'V1', childId: 'C1', seenAlone: true, team: 'North', line: 2 });

    const validation = buildValidation({ name: 'csc-kpi', version: 'test' }, '2021-05-10', [{ kind: 'loaded', extract: x }]);
    const check = validation.extracts[0]!;
    expect(check.columns.map((c) => [c.field, c.found?.letter ?? null])).toEqual([
      ['visit_id', 'A'],
      ['child_id', 'B'],
      ['booked_date', 'C'],
      ['due_date', 'D'],
      ['visit_date', 'E'],
      ['seen_alone', 'F'],
      ['team', 'G'],
    ]);
    expect(check.rows).toEqual(x.counts);
  });

  it('make a scorecard, an explanation that adds up to it, and a manifest', async () => {
    const x = await load();
    const data = { [NAME]: x.records } as unknown as MeasureData;
    const ctx = context({ asAt: '2021-05-10' });
    const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-01')!, ctx.asAt);
    const inputs = [{ name: NAME, path: 'home_visits.csv', sha256: x.source.sha256, bytes: x.source.bytes, rows: x.counts }];
    const scorecard = buildScorecard({ generator: { name: 'csc-kpi', version: 'test' }, measures: [visitsOnTime], data, context: ctx, periods, inputs });
    const [result] = scorecardJson(scorecard).results;
    expect(result).toMatchObject({ metric: 'home_visits_on_time', period: '2021-01', numerator: 1, denominator: 3, unit: 'percent' });
    expect(scorecard.rows[0]!.title).toBe('Home visits made by their due date');

    const why = explain({ measure: visitsOnTime, period: periods[0]!, data, context: ctx, files: { [NAME]: 'home_visits.csv' } });
    expect(why.rows.map((r) => [r.line, r.status])).toEqual([
      [2, 'met'],
      [3, 'not-met'],
      [4, 'not-met'],
    ]);
    expect(why.rows.reduce((n, r) => n + r.numerator, 0)).toBe(result!.numerator);
    expect(why.rows.reduce((n, r) => n + r.denominator, 0)).toBe(result!.denominator);

    const options: RunOptions = {
      data: null, files: { [NAME]: 'home_visits.csv' }, from: '2021-01', to: '2021-01', period: null, asAt: '2021-05-10',
      config: null, targets: null, format: 'json', out: null, strict: false, maxRejected: null, by: null,
    };
    const manifest = buildManifest({
      options, periods: ['2021-01'], config: defaultConfig(), targets: undefined, measures: [visitsOnTime],
      calendar: ctx.calendar, extracts: [x], scorecard,
    }) as { inputs: Record<string, { sha256: string; rows: unknown; rejected: unknown[] }>; results: unknown[]; targets: { measures: object } };
    expect(manifest.inputs.home_visits).toMatchObject({ sha256: x.source.sha256, rows: x.counts });
    expect(manifest.inputs.home_visits!.rejected).toEqual([{ code: 'invalid-date', line: 5, column: 5, field: 'visit_date' }]);
    expect(manifest.results).toEqual(scorecardJson(scorecard).results);
    expect(Object.keys(manifest.targets.measures)).toEqual(['home_visits_on_time']);
  });

  it('a measure needing a column the extract lacks is not computable, with the reason', async () => {
    const source = csvSource('home_visits.csv', Readable.from([Buffer.from('visit_id,child_id,booked_date,due_date\nV1,C1,2021-01-02,2021-01-10\n')]));
    const x = await loadExtract(homeVisits as never, source, { asAt: day('2021-05-10') });
    const data = { [NAME]: x.records } as unknown as MeasureData;
    const ctx = context({ asAt: '2021-05-10' });
    const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-01')!, ctx.asAt);
    const scorecard = buildScorecard({ generator: { name: 'csc-kpi', version: 'test' }, measures: [visitsOnTime], data, context: ctx, periods, inputs: [] });
    expect(scorecard.rows[0]!.notComputable).toBe('the home_visits extract has no visit_date column');
  });
});
