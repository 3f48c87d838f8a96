import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMonth, periodsBetween } from '../../src/core/period.js';
import { dayFromYmd } from '../../src/core/day.js';
import { findMeasure, MEASURE_IDS } from '../../src/measures/index.js';
import { travel } from '../../src/render/figure-text.js';
import { renderHtml } from '../../src/render/html.js';
import { escapeHtml, html, num, trusted } from '../../src/render/markup.js';
import { niceScale, spread, wrapWords } from '../../src/render/svg-chart.js';
import type { Scorecard, ScorecardCell, ScorecardRow } from '../../src/report/scorecard.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

const EVIL_TEAM = '<script>alert(1)</script>';
const EVIL_COMPARATOR = 'Stat "neighbours" <SN> & co';
const EVIL_TITLE = 'Board <i>pack</i> & "Q1" \'21';

// No supervisions extract: supervision_in_time is not computable.
const FILES = {
  'contacts.csv': [
    'contact_id,child_id,contact_date,decision_date,team',
    `C1,1,2021-01-29,2021-02-01,${EVIL_TEAM}`,
    'C2,2,2021-01-29,2021-02-02,Front Door',
    'C3,3,2021-02-05,2021-02-05,Front Door',
    'C4,4,2021-02-08,2021-02-08,Front Door',
    '',
  ].join('\n'),
  'assessments.csv': 'assessment_id,child_id,start_date,authorised_date,kind\nA1,1,2021-01-04,2021-01-20,new\n',
  'cp_plans.csv': 'plan_id,child_id,start_date,end_date\nP1,1,2020-04-30,\n',
  'core_groups.csv': 'child_id,meeting_date,education,police,health,other\n1,2021-01-04,Y,N,Y,\n',
  'cases.csv': [
    'case_id,child_id,start_date,end_date,case_type,worker,team',
    `K1,1,2020-04-30,,CP,SW1,${EVIL_TEAM}`,
    'K2,2,2020-06-01,,CIN,SW1,Front Door',
    'K3,3,2020-06-01,,CIN,SW2,Front Door',
    '',
  ].join('\n'),
  'targets.yaml': [
    `title: '${EVIL_TITLE.replace(/'/g, "''")}'`,
    'measures:',
    '  contacts_1wd:',
    '    trajectory: { 2021-01: 80, 2021-02: 90 }',
    '  caseload_avg:',
    '    trajectory: { 2021-02: 18 }',
    '    comparators:',
    `      '${EVIL_COMPARATOR}': 18`,
    '      England: 17.4',
    '',
  ].join('\n'),
};

const RANGE = ['--from', '2020-12', '--to', '2021-02', '--as-at', '2021-02-10'];

function folder(): string {
  return scratchFolder(FILES);
}

async function board(dir: string, name: string, extra: readonly string[] = []): Promise<string> {
  const out = join(dir, name);
  const r = await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.yaml'), ...extra, '--format', 'html', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** The markup of one element with a data-measure attribute, up to its closing tag. */
function chartOf(doc: string, id: string): string[] {
  return [...doc.matchAll(/<svg class="chart" data-measure="([^"]*)"[\s\S]*?<\/svg>/g)].filter((m) => m[1] === id).map((m) => m[0]);
}

describe('HTML board report', () => {
  it('is one self-contained HTML5 file that loads nothing', async () => {
    const dir = folder();
    const doc = await board(dir, 'board.html', ['--by', 'team']);
    expect(doc.startsWith('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(doc).toMatch(/<title>[^<]+<\/title>/);
    expect(doc).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/]+=*&#39;;[^"]*">/);
    expect(doc.trimEnd().endsWith('</html>')).toBe(true);
    // No script, no linked resources, no remote or protocol-relative URL anywhere.
    expect(doc).not.toMatch(/<script/i);
    expect(doc).not.toMatch(/<link\b/i);
    expect(doc).not.toMatch(/<(img|iframe|object|embed|video|audio|source|use|image)\b/i);
    expect(doc).not.toMatch(/@import|url\(/i);
    expect(doc).not.toMatch(/https?:\/\//i);
    expect(doc).not.toMatch(/\b(?:src|href|srcset|action|poster|xlink:href)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?\/\//i);
    // Links only within the document.
    for (const m of doc.matchAll(/\bhref="([^"]*)"/g)) expect(m[1]).toMatch(/^#[a-z0-9-]+$/);
    // No inline style attributes (the CSP would refuse them) and exactly one stylesheet.
    expect(doc).not.toMatch(/\sstyle=/i);
    expect(doc.match(/<style>/g)).toHaveLength(1);
    // Prints to A4 without splitting charts.
    expect(doc).toMatch(/@page\s*{\s*size: A4;/);
    expect(doc).toMatch(/break-inside: avoid/);
  });

  it('draws one chart per computable measure, with one point per month that has a value', async () => {
    const dir = folder();
    const doc = await board(dir, 'board.html');
    const json = JSON.parse(
      (await runCli(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.yaml'), '--format', 'json'])).stdout,
    ) as { results: { metric: string; numerator: number | null; value: number | null }[] };
    for (const id of MEASURE_IDS) {
      const results = json.results.filter((r) => r.metric === id);
      const computable = results.some((r) => r.numerator !== null);
      const charts = chartOf(doc, id);
      expect(charts, id).toHaveLength(computable ? 1 : 0);
      if (!computable) continue;
      const chart = charts[0]!;
      expect(chart.match(/<circle class="point[ "]/g) ?? [], id).toHaveLength(results.filter((r) => r.value !== null).length);
      expect(chart, id).toMatch(/^<svg[^>]* role="img" aria-labelledby="chart-[a-z0-9-]+-title chart-[a-z0-9-]+-desc"[^>]*>\n<title id="[^"]+">[^<]+<\/title>\n<desc id="[^"]+">[^<]+<\/desc>/);
      expect(chart, id).toContain('class="axis-label"');
      expect(chart, id).toContain('class="legend"');
    }
    // Every measure has its section, computable or not.
    for (const id of MEASURE_IDS) expect(doc).toContain(`id="measure-${id.replace(/_/g, '-')}"`);
  });

  it('draws the target as a step line, and none where there is no target', async () => {
    const doc = await board(folder(), 'board.html');
    const targets = (id: string) => /<g class="targets">([\s\S]*?)<\/g>/.exec(chartOf(doc, id)[0] ?? '')?.[1] ?? '';
    // contacts_1wd: 80 from Jan 2021, 90 from Feb 2021, none in Dec 2020.
    const steps = [...targets('contacts_1wd').matchAll(/<path class="target-step" d="([^"]*)"\/>/g)].map((m) => m[1]);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatch(/^M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+$/);
    const [, x0, , x1, , x2] = /^M([\d.]+) ([\d.]+)H([\d.]+)V([\d.]+)H([\d.]+)$/.exec(steps[0]!)!.map(Number);
    // Two whole months wide, starting one month in (Dec 2020 has no target).
    expect(x1! - x0!).toBeCloseTo(x2! - x1!, 1);
    expect(targets('assessments_45wd')).toBe('');
    // Comparators are horizontal reference lines.
    const caseload = /<g class="comparators">([\s\S]*?)<\/g>/.exec(chartOf(doc, 'caseload_avg')[0]!)![1]!;
    const lines = [...caseload.matchAll(/<line class="comparator c\d" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"\/>/g)];
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l[2]).toBe(l[4]);
  });

  it('escapes every text from the input: team names, comparator labels, the title', async () => {
    const doc = await board(folder(), 'board.html', ['--by', 'team']);
    expect(doc).not.toContain(EVIL_TEAM);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).not.toContain('<SN>');
    expect(doc).not.toContain('"neighbours"');
    expect(doc).toContain('Stat &quot;neighbours&quot; &lt;SN&gt; &amp; co 18.0');
    expect(doc).not.toContain('<i>pack</i>');
    expect(doc).toContain('<title>Board &lt;i&gt;pack&lt;/i&gt; &amp; &quot;Q1&quot; &#39;21: scorecard as at 10 Feb 2021</title>');
    // Every attribute value is quoted and free of raw < > and quotes of its own kind.
    for (const m of doc.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z-:]+(?:="[^"]*")?)*)\s*\/?>/g)) {
      expect(m[1]).not.toMatch(/[<>]/);
    }
    // The breakdown names the team, as text.
    expect(doc).toMatch(/<th scope="row">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/th>/);
  });

  it('labels a measure that cannot be computed instead of drawing an empty chart', async () => {
    const doc = await board(folder(), 'board.html');
    expect(chartOf(doc, 'supervision_in_time')).toHaveLength(0);
    expect(doc).toMatch(/<div class="not-computable" data-not-computable="supervision_in_time"><strong>Not computable<\/strong>Reason: no supervisions extract\./);
    expect(doc).toMatch(/Cases with case supervision within timescale<\/a>[\s\S]*?<td colspan="5" class="not-computable-text">Not computable: no supervisions extract<\/td>/);
  });

  it('shows the latest month with RAG and direction of travel by word and symbol', async () => {
    const doc = await board(folder(), 'board.html');
    const headline = /<table class="headline">([\s\S]*?)<\/table>/.exec(doc)![1]!;
    expect(doc).toContain('<h2 id="headline-title">Headline: Feb 2021*</h2>');
    // contacts_1wd: Jan 1 of 2 (50%), Feb 2 of 2 (100%) against 90: green and improving.
    const contacts = /<tr><th scope="row"><a href="#measure-contacts-1wd">[\s\S]*?<\/tr>/.exec(headline)![0];
    expect(contacts).toContain('<span class="big">100.0%</span>');
    expect(contacts).toContain('<span class="rag rag-green"><span class="sym" aria-hidden="true">\u2714</span>Green</span>');
    expect(contacts).toContain('<span class="sym" aria-hidden="true">\u2191</span>Improving');
    expect(contacts).toContain('+10.0 pts');
  });

  it('is byte-identical for the same report', async () => {
    const dir = folder();
    const a = await board(dir, 'a.html', ['--by', 'team']);
    const b = await board(dir, 'b.html', ['--by', 'team']);
    expect(a).toBe(b);
    expect(a).not.toMatch(/\b20\d\d-\d\d-\d\dT/);
  });
});

describe('report built in memory', () => {
  const measure = findMeasure('contacts_1wd')!;
  const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-05')!, dayFromYmd(2021, 6, 10));
  const cell = (i: number, n: number | null, d: number | null, target: number | null): ScorecardCell => ({
    period: periods[i]!,
    numerator: n,
    denominator: d,
    value: n === null || d === null || d === 0 ? null : (100 * n) / d,
    excluded: [],
    target,
    rag: 'none',
    notComputable: null,
  });
  const report = (row: Omit<ScorecardRow, 'measure' | 'title' | 'group' | 'unit' | 'notComputable' | 'noBreakdown' | 'comparators' | 'note'>): Scorecard => ({
    generator: { name: 'csc-kpi', version: '0.0.0' },
    asAt: dayFromYmd(2021, 6, 10),
    title: null,
    periods,
    calendar: 'Monday to Friday',
    inputs: [],
    by: null,
    rows: [{ measure, title: 'Contacts decided within 1 working day', group: null, unit: 'percent', notComputable: null, noBreakdown: null, comparators: [], note: null, ...row }],
  });

  it('leaves a gap for a month without a value, never a zero', () => {
    // Mar has nothing to count (0 / 0): the line breaks there.
    const doc = renderHtml(report({ cells: [cell(0, 5, 10, null), cell(1, 6, 10, null), cell(2, 0, 0, null), cell(3, 7, 10, null), cell(4, 8, 10, null)] }));
    const chart = chartOf(doc, 'contacts_1wd')[0]!;
    expect(chart.match(/<circle class="point/g)).toHaveLength(4);
    expect(chart.match(/<path class="value-line" d="M[^"]*"/g)).toHaveLength(2);
    expect(chart).toContain('Mar 2021 no value');
    expect(chart).not.toMatch(/data-period="2021-03"/);
  });

  it('steps the target only where it changes, and starts it at its first month', () => {
    const doc = renderHtml(report({ cells: [cell(0, 5, 10, null), cell(1, 6, 10, 80), cell(2, 7, 10, 80), cell(3, 7, 10, 90), cell(4, 8, 10, 90)] }));
    const steps = /<g class="targets">([\s\S]*?)<\/g>/.exec(chartOf(doc, 'contacts_1wd')[0]!)![1]!;
    const d = /d="([^"]*)"/.exec(steps)![1]!;
    // One run from Feb, one step up at Apr, to the end of May.
    expect(d).toMatch(/^M[\d.]+ [\d.]+H[\d.]+V[\d.]+H[\d.]+$/);
    expect(chartOf(doc, 'contacts_1wd')[0]).toContain('Target: none in Jan 2021; 80.0% from Feb 2021 to Mar 2021; 90.0% from Apr 2021 to May 2021.');
  });

  it('renders a report with no months or no rows without failing', () => {
    expect(renderHtml({ ...report({ cells: [] }), periods: [], rows: [] })).toContain('No months in the report.');
  });
});

describe('direction of travel', () => {
  const periods = periodsBetween(parseMonth('2021-01')!, parseMonth('2021-02')!, dayFromYmd(2021, 3, 1));
  const row = (id: string, a: number, b: number): ScorecardRow => {
    const measure = findMeasure(id)!;
    const c = (i: number, n: number): ScorecardCell => ({ period: periods[i]!, numerator: n, denominator: 100, value: n, excluded: [], target: null, rag: 'none', notComputable: null });
    return { measure, title: id, group: null, unit: measure.unit, notComputable: null, noBreakdown: null, comparators: [], note: null, cells: [c(0, a), c(1, b)] };
  };

  it('takes the measure direction into account', () => {
    expect(travel(row('contacts_1wd', 50, 60), 1)).toMatchObject({ kind: 'improving', change: 10 });
    expect(travel(row('contacts_1wd', 60, 50), 1)).toMatchObject({ kind: 'worsening', change: -10 });
    expect(travel(row('cp_over_9m', 60, 50), 1)).toMatchObject({ kind: 'improving', change: -10 });
    expect(travel(row('cp_over_9m', 50, 60), 1)).toMatchObject({ kind: 'worsening' });
    expect(travel(row('cp_over_9m', 50, 50), 1)).toMatchObject({ kind: 'same', change: 0 });
    expect(travel(row('cp_over_9m', 50, 50), 0)).toMatchObject({ kind: 'none' });
  });
});

describe('markup helpers', () => {
  it('escapes text and attributes, quotes included', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('a\u0000b\u0007c\u009Fd\tz')).toBe('a\uFFFDb\uFFFDc\uFFFDd\tz');
    expect(escapeHtml('\uD800x')).toBe('\uFFFDx');
    expect(escapeHtml('😀')).toBe('😀');
    const name = '"><script>alert(1)</script>';
    expect(html`<td title="${name}">${name}</td>`.toString()).toBe(
      '<td title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>',
    );
    expect(html`<p>${html`<b>${'<i>'}</b>`}${[trusted('<br>'), 'x&y']}${null}${false}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b><br>x&amp;y</p>');
    expect(num(1 / 3)).toBe('0.33');
    expect(num(-0.001)).toBe('0');
    expect(num(12.5)).toBe('12.5');
  });

  it('chooses round axis ticks fitted to the figures', () => {
    expect(niceScale(66.3, 95, true)).toMatchObject({ min: 60, max: 100, step: 10 });
    expect(niceScale(8.8, 23.8, true).min).toBe(0);
    expect(niceScale(17.4, 25, false)).toMatchObject({ min: 16, max: 26, step: 2 });
    expect(niceScale(100, 100, true).max).toBe(100);
    expect(niceScale(0, 0, false).ticks.length).toBeGreaterThan(1);
  });

  it('wraps and spreads labels', () => {
    expect(wrapWords('Statistical neighbours 18.0', 18)).toEqual(['Statistical', 'neighbours 18.0']);
    expect(wrapWords('Averyveryverylongword', 8)).toEqual(['Averyver', 'yverylon', 'gword']);
    const ys = spread([100, 101, 102], [12, 12, 12], 0, 300);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(12);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(12);
  });
});
