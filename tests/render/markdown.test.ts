/**
 * The Markdown scorecard: a golden file for a small fixed dataset, the
 * figures against the JSON scorecard, and text from the input rendered
 * inert.
 *
 * Golden file update policy: the expected output lives in
 * tests/render/__golden__/scorecard.md and is only ever regenerated on
 * purpose, after checking the difference by eye:
 *
 *     UPDATE_GOLDEN=1 npx vitest run tests/render/markdown.test.ts
 *
 * The temporary data folder is written as DATA in the golden file, and the
 * program's version as VERSION.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMonthLong, parseMonth } from '../../src/core/period.js';
import type { ScorecardJsonResult as JsonResult } from '../../src/report/scorecard-json.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { formatCount, oneDecimal, roundedRatio } from '../../src/render/numbers.js';
import { ROOT, runCli, scratchFolder } from '../helpers/cli.js';

const GOLDEN = join(import.meta.dirname, '__golden__', 'scorecard.md');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Contacts: C1 met, C2 missed, C4 met in January; C3 missed and C5 pending in February;
// one duplicate row and one rejected row (no child). No supervisions extract.
const DATA = {
  'contacts.csv':
    'contact_id,child_id,contact_date,decision_date,team\n' +
    'C1,1,2021-01-29,2021-02-01,North\n' +
    'C2,2,2021-01-29,2021-02-02,South\n' +
    'C4,4,2021-01-11,2021-01-12,South\n' +
    'C3,3,2021-02-05,,North\n' +
    'C5,5,2021-02-10,,North\n' +
    'C1,1,2021-01-29,2021-02-01,North\n' +
    'C6,,2021-01-15,2021-01-15,North\n',
  'assessments.csv': 'assessment_id,child_id,start_date,authorised_date,kind\nA1,1,2021-01-04,2021-01-20,new\n',
  'cp_plans.csv': 'plan_id,child_id,start_date,end_date\nP1,1,2020-04-30,\n',
  'core_groups.csv': 'child_id,meeting_date,education,police,health,other\n1,2021-01-04,Y,N,Y,\n',
  'cases.csv':
    'case_id,child_id,start_date,end_date,case_type,worker,team\n' +
    'K1,1,2020-04-30,,CP,SW1,North\n' +
    'K2,2,2020-06-01,,CIN,SW1,North\n' +
    'K3,3,2020-06-01,,CIN,SW2,South\n',
  'targets.json': JSON.stringify({
    title: 'Improvement plan 2021',
    measures: {
      contacts_1wd: { trajectory: { '2021-01': 70, '2021-02': 80 }, comparators: { Region: 77.1 } },
      assessments_45wd: { trajectory: { '2021-01': 100 } },
      cp_over_9m_avg_days: { trajectory: { '2021-01': 200 } },
      caseload_avg: { trajectory: { '2021-01': 1.6 }, comparators: { 'Statistical neighbours': 18, England: 17.4 } },
    },
  }),
};

const RANGE = ['--from', '2021-01', '--to', '2021-02', '--as-at', '2021-02-10'];
const RAG = { green: '🟢 Green', amber: '🟠 Amber', red: '🔴 Red', none: '' } as const;


function folder(files: Record<string, string> = DATA): string {
  return scratchFolder(files);
}

async function run(args: readonly string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The cells of a table line, split on the pipes that are not escaped. */
function cellsOf(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Table lines of the scorecard, keyed by measure id, group ('' for the whole service) and month label. */
function tableLines(md: string): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  let metric = '';
  let group = '';
  for (const line of md.split('\n')) {
    const id = /^`(\w+)` · /.exec(line);
    if (id) [metric, group] = [id[1]!, ''];
    const team = /^### Team: (.*)$/.exec(line);
    if (team) group = team[1]!;
    if (line.startsWith('## Inputs')) metric = '';
    if (metric && line.startsWith('| ') && !line.startsWith('| Month') && !line.startsWith('| :--')) {
      const cells = cellsOf(line);
      lines.set(`${metric}|${group}|${cells[0]}`, cells);
    }
  }
  return lines;
}

describe('Markdown scorecard', () => {
  it('matches the golden file', async () => {
    const dir = folder();
    const md = (await run(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--format', 'md']))
      .split(escapeMarkdown(dir))
      .join('DATA')
      .replace(`csc-kpi ${VERSION}.`, 'csc-kpi VERSION.');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, md);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: see the update policy at the top of this file`).toBe(true);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('shows the JSON figures rounded to one decimal, per team, with RAG as a symbol and a word', async () => {
    const dir = folder();
    const args = ['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--by', 'team'];
    const json = JSON.parse(await run([...args, '--format', 'json'])) as { results: JsonResult[] };
    const md = await run([...args, '--format', 'md']);
    const lines = tableLines(md);
    const computable = json.results.filter((x) => x.numerator !== null);
    expect(lines.size).toBe(computable.length);
    for (const x of computable) {
      const month = formatMonthLong(parseMonth(x.period)!) + (x.period === '2021-02' ? ' \\*' : '');
      const cells = lines.get(`${x.metric}|${x.group ?? ''}|${month}`);
      expect(cells, `${x.metric} ${x.group} ${x.period}`).toBeDefined();
      const [, counts, value, target, , rag, notes] = cells!;
      const scale = x.unit === 'percent' ? 100 : 1;
      const suffix = x.unit === 'percent' ? '%' : '';
      expect(counts).toBe(`${formatCount(x.numerator!)} / ${formatCount(x.denominator!)}`);
      expect(value).toBe(x.denominator === 0 ? '—' : roundedRatio(x.numerator!, x.denominator!, scale) + suffix);
      expect(target).toBe(x.target === null ? '' : oneDecimal(x.target) + suffix);
      expect(rag).toBe(RAG[x.rag]);
      expect(notes).toBe(Object.entries(x.excluded).map(([reason, n]) => `${n} ${reason}`).join(', '));
    }
    // Every RAG rating and the pending contact show up.
    expect(md).toContain('🟢 Green');
    expect(md).toContain('🟠 Amber');
    expect(md).toContain('🔴 Red');
    expect(md).toMatch(/### Team: North\n(.*\n){4}\| Feb 2021 \\\* \| 0 \/ 1 \| .* \| 1 pending \|\n/);
    expect(md).toContain('Not computable: no supervisions extract.');
    expect(md).toContain('\\* Month in progress: figures as at 10 Feb 2021.');
  });

  it('accounts for every row of every extract', async () => {
    const dir = folder();
    const md = await run(['scorecard', '--data', dir, ...RANGE, '--format', 'md']);
    const json = JSON.parse(await run(['scorecard', '--data', dir, ...RANGE, '--format', 'json'])) as {
      inputs: Record<string, { path: string; sha256: string; rows: { read: number; valid: number; rejected: number; duplicate: number } }>;
    };
    const inputs = md.slice(md.indexOf('## Inputs'));
    for (const [name, input] of Object.entries(json.inputs)) {
      const { read, valid, rejected, duplicate } = input.rows;
      const line = inputs.split('\n').find((l) => l.startsWith(`| ${escapeMarkdown(name)} |`));
      expect(line, name).toBeDefined();
      expect(cellsOf(line!)).toEqual([
        escapeMarkdown(name),
        escapeMarkdown(input.path),
        expect.stringMatching(/^[\d,]+$/),
        String(read),
        String(valid),
        String(rejected),
        String(duplicate),
        `\`${input.sha256}\``,
      ]);
    }
    expect(json.inputs.contacts!.rows).toEqual({ read: 7, valid: 5, rejected: 1, duplicate: 1 });
  });
});

describe('Markdown escaping', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const FORMULA = '=HYPERLINK("http://example.com","x")';
  const MARKUP = '*bold* [link](http://evil.example) `code` ~~gone~~ $x$ #';
  const PIPE = 'A | B\nC';
  const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

  it('renders names, titles and labels from the input as inert text', async () => {
    const dir = folder({
      ...DATA,
      'contacts.csv':
        'contact_id,child_id,contact_date,decision_date,team\n' +
        `C1,1,2021-01-29,2021-02-01,${csvText(SCRIPT)}\n` +
        `C2,2,2021-01-29,2021-02-02,${csvText(FORMULA)}\n` +
        `C3,3,2021-01-29,2021-02-02,${csvText(MARKUP)}\n` +
        `C4,4,2021-01-29,2021-02-02,${csvText(PIPE)}\n`,
      'targets.json': JSON.stringify({
        title: `${FORMULA} ${SCRIPT}`,
        measures: { contacts_1wd: { trajectory: { '2021-01': 90 }, comparators: { [FORMULA]: 50, [SCRIPT]: 60 } } },
      }),
    });
    const md = await run(['scorecard', '--data', dir, ...RANGE, '--targets', join(dir, 'targets.json'), '--by', 'team', '--format', 'md']);
    const script = '&lt;script&gt;alert(1)&lt;/script&gt;';

    // No HTML at all: nothing in the scorecard itself needs < or >.
    expect(md).not.toMatch(/[<>]/);
    expect(md.split('\n')[0]).toBe(`# ${FORMULA} ${script}: as at 10 Feb 2021`);
    expect(md).toContain(`### Team: ${script}\n`);
    expect(md).toContain(`### Team: ${FORMULA}\n`);
    expect(md).toContain(`Comparators: ${FORMULA} 50.0% · ${script} 60.0%\n`);
    // Markup characters are escaped: no emphasis, link, code, strikethrough or maths, no closing #.
    expect(md).toContain('### Team: \\*bold\\* \\[link\\](http://evil.example) \\`code\\` \\~\\~gone\\~\\~ \\$x\\$ \\#\n');
    expect(md).not.toMatch(/(?<!\\)\[[^\]]*\]\(/);
    // A pipe cannot split a cell, a line break cannot end a row.
    expect(md).toContain('### Team: A \\| B C\n');
    let width = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        width = 0;
        continue;
      }
      if (width === 0) width = cellsOf(line).length;
      else expect(cellsOf(line), line).toHaveLength(width);
    }
  });

  it('escapes every character that could start markup', () => {
    expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
    expect(escapeMarkdown('x\r\ny\tz')).toBe('x y z');
    expect(escapeMarkdown('Tom & Jerry <b>')).toBe('Tom &amp; Jerry &lt;b&gt;');
    expect(escapeMarkdown('&lt;')).toBe('&amp;lt;');
    expect(escapeMarkdown('North-East (2)')).toBe('North-East (2)');
  });
});
