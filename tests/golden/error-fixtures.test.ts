/**
 * One fixture per problem code (fixtures/errors/<code>/), each producing
 * exactly the message listed in fixtures/errors/README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures/errors');

interface Problem {
  code: string;
  line: number | null;
  column: string | null;
  header?: string | null;
  message: string;
}

/** What `csc-kpi validate` says about a fixture: its one problem or warning, or its duplicate. */
export async function fixtureRow(name: string): Promise<{ row: string; exit: number }> {
  const r = await runCli(['validate', '--data', join('fixtures/errors', name), '--as-at', '2021-05-10', '--format', 'json']);
  const report = JSON.parse(r.stdout) as {
    extracts: Record<
      string,
      { status: string; error: Problem | null; problems: Problem[]; warnings: Problem[]; duplicates: { line: number; firstLine: number }[] }
    >;
  };
  const cells: string[] = [];
  for (const x of Object.values(report.extracts)) {
    if (x.status === 'absent') continue;
    // A warning fixture shows its warning, even when its rows have problems too (no-valid-rows).
    const p: Problem | undefined = x.error ?? x.warnings.find((w) => w.code === name) ?? x.problems[0] ?? x.warnings[0];
    if (p) {
      const column = p.column ? `${p.column}${p.header ? ` (${p.header})` : ''}` : '';
      cells.push(p.code, String(p.line || ''), column, p.message);
    } else if (x.duplicates[0]) {
      cells.push('(duplicate)', String(x.duplicates[0].line), '', `repeats line ${x.duplicates[0].firstLine}: dropped, not counted`);
    }
  }
  return { row: `| \`${name}\` | ${cells.join(' | ')} | ${r.code} |`, exit: r.code };
}

const fixtures = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('error fixtures', () => {
  const readme = readFileSync(join(DIR, 'README.md'), 'utf8');

  it.each(fixtures)('%s gives exactly the message in the README', async (name) => {
    const { row } = await fixtureRow(name);
    expect(readme.split('\n')).toContain(row);
  });

  it('lists every fixture folder, and no other', () => {
    const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(fixtures);
  });
});
