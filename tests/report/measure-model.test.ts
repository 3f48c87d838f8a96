/**
 * The measure model beyond today's thirteen measures, with measures made up
 * for the test: a neutral direction (never rated, comparators but no
 * target), rates per 10,000 and counts, and observations standing for
 * several records (a child counted once, with every line behind it).
 */
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../src/config/document.js';
import { parseMonth, periodsBetween } from '../../src/core/period.js';
import { iso } from '../../src/measures/common.js';
import { defineMeasure } from '../../src/measures/define.js';
import { childIndex } from '../../src/measures/indexes.js';
import { MEASURES } from '../../src/measures/index.js';
import { type Counted, type Measure, need } from '../../src/measures/types.js';
import { type Unit, UNITS } from '../../src/measures/units.js';
import { explainJson, renderExplainCsv, renderExplainTable } from '../../src/render/explain.js';
import { amountText, differenceUnit, directionText, gapText, travel, unitLabel, valueText } from '../../src/render/figure-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { explain } from '../../src/report/explain.js';
import { buildScorecard, type ScorecardRow } from '../../src/report/scorecard.js';
import { defaultTolerance, parseTargets, rag } from '../../src/report/targets.js';
import { contact, context, dataOf, day } from '../helpers/records.js';

/** Contacts per 10,000 contacts decided (a stand-in for a rate per 10,000 children). */
const neutralRate = defineMeasure({
  id: 'test_rate_per_10k',
  title: 'Decided contacts per 10,000 contacts',
  unit: 'per 10,000 children',
  scale: 10_000,
  direction: 'neutral',
  needs: { contacts: [] },
  rule: () => 'decided contacts per 10,000 contacts',
  doc: { text: 'A test measure.' },
  evaluate(data, _context, out) {
    out.from('contacts');
    for (const c of need(data, 'contacts')) {
      for (const p of out.periodsOf(c.contactDate)) {
        if (c.decisionDate !== null) out.met(p, c);
        else out.notMet(p, c);
      }
    }
  },
});

/**
 * Children with a contact in the month, counted once each (met when every
 * one of their contacts that month was decided): one observation per child,
 * standing for all of its contacts.
 */
const perChild = defineMeasure({
  id: 'test_children_decided',
  title: 'Children whose contacts were all decided',
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { contacts: [] },
  rule: () => 'children with a contact in the period; met when every such contact was decided',
  doc: { text: 'A test measure.' },
  evaluate(data, _context, out) {
    const contacts = need(data, 'contacts');
    const { start, rows } = childIndex(contacts);
    out.from('contacts');
    out.periods.forEach((_period, p) => {
      for (let k = 0; k + 1 < start.length; k++) {
        const mine = [...rows.subarray(start[k]!, start[k + 1]!)].map((row) => contacts.get(row)).filter((c) => out.periodsOf(c.contactDate).includes(p));
        if (mine.length === 0) continue;
        const first = mine[0]!;
        const child: Counted = { line: first.line, key: first.childId, childId: first.childId, lines: mine.map((c) => c.line) };
        const detail = out.observing ? { first_contact: iso(first.contactDate), contacts: mine.length } : undefined;
        if (mine.every((c) => c.decisionDate !== null)) out.met(p, child, detail);
        else out.notMet(p, child, detail);
      }
    });
  },
});

const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-02')!, day('2021-05-10'));

function dataSet() {
  return dataOf({
    contacts: [
      contact({ childId: '1', contactDate: '2021-01-04', decisionDate: '2021-01-05' }),
      contact({ childId: '2', contactDate: '2021-01-05', decisionDate: null }),
      contact({ childId: '1', contactDate: '2021-01-20', decisionDate: '2021-01-20' }),
      contact({ childId: '3', contactDate: '2021-02-01', decisionDate: '2021-02-01' }),
      contact({ childId: '2', contactDate: '2021-01-25', decisionDate: '2021-01-26' }),
    ],
  });
}

function scorecardOf(measures: readonly Measure[], targetsYaml?: string) {
  return buildScorecard({
    generator: { name: 'csc-kpi', version: '0.0.0' },
    measures,
    data: dataSet(),
    context: context(),
    periods,
    inputs: [],
    targets: targetsYaml === undefined ? undefined : parseTargets(targetsYaml, 'targets.yaml', [...MEASURES, ...measures]),
  });
}

describe('a neutral measure', () => {
  it('takes comparators and no target, and is never rated', () => {
    const report = scorecardOf([neutralRate], 'measures:\n  test_rate_per_10k:\n    comparators: { England: 5000 }\n');
    const row = report.rows[0]!;
    expect(row.comparators).toEqual([['England', 5000]]);
    expect(row.cells.map((c) => [c.value, c.target, c.rag])).toEqual([
      [7500, null, 'none'],
      [10_000, null, 'none'],
    ]);
    const table = renderTable(report, { colour: false });
    expect(table).toContain('Decided contacts per 10,000 contacts (test_rate_per_10k, neither higher nor lower is better)');
    expect(table).toContain('Comparators: England 5,000.0');
    expect(renderMarkdown(report)).toContain('`test_rate_per_10k` · per 10,000 children · neither higher nor lower is better');
  });

  it.each([
    ['an empty trajectory', 'measures:\n  test_rate_per_10k:\n    trajectory: {}\n'],
    ['no trajectory', 'measures:\n  test_rate_per_10k:\n    note: watched, not targeted\n'],
  ])('reads a targets file with %s', (_name, yaml) => {
    expect(parseTargets(yaml, 'targets.yaml', [neutralRate]).measures.get('test_rate_per_10k')?.trajectory).toEqual([]);
  });

  it('refuses a trajectory, naming the measure', () => {
    const yaml = 'measures:\n  test_rate_per_10k:\n    trajectory: { 2021-01: 40 }\n';
    expect(() => parseTargets(yaml, 'targets.yaml', [neutralRate])).toThrow(DocumentError);
    expect(() => parseTargets(yaml, 'targets.yaml', [neutralRate])).toThrow(
      'targets.yaml: measures.test_rate_per_10k.trajectory: test_rate_per_10k is neutral (neither higher nor lower is better), so it takes no target; give it comparators only',
    );
  });

  it('leaves the other measures as strict as ever: a measure that is not neutral needs its trajectory', () => {
    const yaml = 'measures:\n  contacts_1wd:\n    comparators: { England: 80 }\n';
    for (const known of [MEASURES, [...MEASURES, neutralRate]]) {
      expect(() => parseTargets(yaml, 'targets.yaml', known)).toThrow('targets.yaml: measures.contacts_1wd.trajectory: Invalid input: expected record, received undefined');
    }
  });

  it('is rated none whatever the value and target', () => {
    expect(rag(80, 80, 'neutral', 5)).toBe('none');
    expect(rag(10, 80, 'neutral', 0)).toBe('none');
  });

  it('moves without improving or worsening', () => {
    const row = scorecardOf([neutralRate]).rows[0]!;
    expect(travel(row, 1)).toMatchObject({ kind: 'changed', change: 2500 });
    expect(directionText('neutral')).toBe('neither higher nor lower is better');
  });
});

describe('units', () => {
  const UNIT_NAMES = Object.keys(UNITS) as Unit[];

  it('are the five the model knows', () => {
    expect(UNIT_NAMES).toEqual(['percent', 'days', 'cases per worker', 'per 10,000 children', 'count']);
  });

  it.each<[Unit, string, string, string, string]>([
    // unit, axis label, a value of 12.34, a difference of 2 from a target of 10, a figure in an explanation
    ['percent', 'Per cent', '12.3%', '+2.3 pts', '12.3%'],
    ['days', 'Days', '12.3', '+2.3 days', '12.3 days'],
    ['cases per worker', 'Cases per worker', '12.3', '+2.3', '12.3 cases per worker'],
    ['per 10,000 children', 'Per 10,000 children', '12.3', '+2.3', '12.3 per 10,000 children'],
    ['count', 'Count', '12.3', '+2.3', '12.3'],
  ])('%s: "%s", %s, %s', (unit, label, value, gap, inWords) => {
    expect(unitLabel(unit)).toBe(label);
    expect(amountText(unit, 12.34)).toBe(value);
    const measure = defineMeasure({ id: 'test_unit', title: 'T', unit, scale: 1, direction: 'higher', needs: {}, rule: () => '', doc: { text: '' }, evaluate: () => {} });
    const row: ScorecardRow = {
      measure,
      title: 'T',
      group: null,
      unit,
      notComputable: null,
      noBreakdown: null,
      comparators: [],
      note: null,
      cells: [{ period: periods[0]!, numerator: 1234, denominator: 100, value: 12.34, excluded: [], target: 10, rag: 'none', notComputable: null }],
    };
    expect(valueText(row, row.cells[0]!)).toBe(value);
    expect(gapText(row, row.cells[0]!)!.replace('\u2212', '-')).toBe(gap);
    expect(differenceUnit(unit)).toBe(gap.slice('+2.3'.length));
    expect(`12.3${UNITS[unit].inWords}`).toBe(inWords);
  });

  it.each(UNIT_NAMES)('%s has a default tolerance: 5 points for a percentage, 5%% of the target otherwise', (unit) => {
    expect(defaultTolerance({ unit })).toEqual(unit === 'percent' ? { kind: 'absolute', amount: 5 } : { kind: 'relative', fraction: 0.05 });
  });

  it('scale a value: 10,000 for a rate', () => {
    const cells = scorecardOf([neutralRate]).rows[0]!.cells;
    expect(cells.map((c) => [c.numerator, c.denominator, c.value])).toEqual([
      [3, 4, 7500],
      [1, 1, 10_000],
    ]);
  });
});

describe('an observation standing for several records', () => {
  const data = dataSet();
  const x = () => explain({ measure: perChild, period: periods[0]!, data, context: context(), files: { contacts: 'contacts.csv' } });

  it('lists every line behind it in the explanation, the first as its line', () => {
    const rows = x().rows.map((r) => ({ line: r.line, lines: r.lines, child: r.childId, status: r.status }));
    expect(rows).toHaveLength(2);
    const [one, two] = rows;
    expect(one!.lines).toHaveLength(2);
    expect(one).toMatchObject({ child: '1', status: 'met', line: one!.lines![0] });
    expect(two).toMatchObject({ child: '2', status: 'not-met', line: two!.lines![0] });
    const json = explainJson(x(), { pseudonymised: false }) as { rows: Record<string, unknown>[] };
    expect(Object.keys(json.rows[0]!).slice(0, 4)).toEqual(['extract', 'file', 'line', 'lines']);
    expect(json.rows[0]!.lines).toEqual(one!.lines);
  });

  it('still adds up to the figure', () => {
    const e = x();
    expect([e.numerator, e.denominator]).toEqual([1, 2]);
    expect(e.rows.reduce((n, r) => n + r.numerator, 0)).toBe(e.numerator);
    expect(e.rows.reduce((n, r) => n + r.denominator, 0)).toBe(e.denominator);
    expect(renderExplainTable(e, { pseudonymised: false })).toContain('Children whose contacts were all decided (test_children_decided), Jan 2021: 1 / 2 = 50.0%');
    expect(renderExplainCsv(e).split('\r\n')[0]).toBe('extract,file,line,key,child_id,status,reason,numerator,denominator,first_contact,contacts');
  });

  it('is the only kind whose explanation has `lines`', () => {
    const contacts = MEASURES.find((m) => m.id === 'contacts_1wd')!;
    const e = explain({ measure: contacts, period: periods[0]!, data: dataSet(), context: context(), files: { contacts: 'contacts.csv' } });
    expect(e.rows.length).toBeGreaterThan(0);
    const json = explainJson(e, { pseudonymised: false }) as { rows: Record<string, unknown>[] };
    for (const row of json.rows) expect(row).not.toHaveProperty('lines');
    for (const row of e.rows) expect(row).not.toHaveProperty('lines');
  });
});
