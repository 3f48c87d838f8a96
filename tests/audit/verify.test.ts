/**
 * A manifest records a run; verify re-runs it and says what changed.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli, scratchFolder, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

let dir = '';
beforeEach(() => {
  dir = scratchFolder({
    ...messyExtracts({ seed: 3, size: 150 }),
    'config.yaml': 'contacts:\n  timescale: 1wd\n',
    'targets.yaml': 'measures:\n  contacts_1wd:\n    trajectory: { 2021-01: 80 }\n',
  });
});

async function record(): Promise<string> {
  const manifest = join(dir, 'manifest.json');
  const r = await runCli([
    'scorecard', '--data', dir, '--from', '2020-10', '--to', '2021-03', '--as-at', '2021-05-10',
    '--config', join(dir, 'config.yaml'), '--targets', join(dir, 'targets.yaml'),
    '--format', 'json', '--out', join(dir, 'scorecard.json'), '--manifest', manifest,
  ]);
  expect(r.code).toBe(0);
  return manifest;
}

describe('the manifest', () => {
  it('records the options, effective rules, calendar, inputs and results, without identifiers or a timestamp', async () => {
    const m = JSON.parse(readFileSync(await record(), 'utf8'));
    expect(m).toMatchObject({ manifestVersion: 1, command: 'scorecard', asAt: '2021-05-10', generator: { name: 'csc-kpi' } });
    expect(m.options).toMatchObject({ from: '2020-10', to: '2021-03', format: 'json' });
    expect(m.periods).toEqual(['2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
    expect(m.config.contacts.timescale).toBe('1wd');
    expect(m.config.coreGroups).toEqual({ firstWithin: '10wd', thenEvery: '4w' });
    expect(m.targets.measures.contacts_1wd).toEqual({ trajectory: { '2021-01': 80 }, tolerance: 5, comparators: {} });
    expect(m.targets.measures.caseload_avg.tolerance).toBe('5%');
    expect(m.calendar).toMatchObject({ region: 'england-and-wales', bankHolidays: true });
    expect(m.calendar.nonWorkingWeekdays).toContainEqual({ date: '2020-12-28', reason: 'bank-holiday', name: 'Boxing Day (substitute day)' });
    expect(m.inputs.contacts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m.inputs.contacts.rejected[0]).toEqual(expect.objectContaining({ code: expect.any(String), line: expect.any(Number), column: expect.any(Number) }));
    expect(m.results).toEqual(JSON.parse(readFileSync(join(dir, 'scorecard.json'), 'utf8')).results);
    const text = JSON.stringify(m);
    expect(text).not.toMatch(/"1000\d\d"/); // no child ids
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/); // no timestamp
  });
});

describe('verify', () => {
  it('passes on an untouched run', async () => {
    const r = await runCli(['verify', await record()]);
    expect(r.stdout).toMatch(/Verified: the extracts and rules reproduce the manifest\./);
    expect(r.code).toBe(0);
  });

  it('fails when one input byte changes, naming the input and the figures it moved', async () => {
    const manifest = await record();
    const file = join(dir, 'contacts.csv');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('2021-01-');
    expect(at).toBeGreaterThan(0);
    bytes[at + 9] = bytes[at + 9] === 0x35 ? 0x36 : 0x35; // one digit of a January date
    writeFileSync(file, bytes);
    const r = await runCli(['verify', manifest]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/contacts: CHANGED/);
    expect(r.stdout).toMatch(/NOT verified/);
  });

  it('fails when a rule in the configuration changes, naming the rule', async () => {
    const manifest = await record();
    writeFileSync(join(dir, 'config.yaml'), 'contacts:\n  timescale: 2wd\n');
    const r = await runCli(['verify', manifest]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/Rules \(configuration\): CHANGED\n  contacts\.timescale: manifest "1wd", now "2wd"/);
    expect(r.stdout).toMatch(/contacts_1wd 2021-01: manifest .*; now .*\n    because: rules changed/);
  });

  it("keeps a target's note, so that a changed note shows as a changed target", async () => {
    writeFileSync(join(dir, 'targets.yaml'), 'measures:\n  contacts_1wd:\n    trajectory: { 2021-01: 80 }\n    note: decided by the front door\n');
    const manifest = await record();
    expect(JSON.parse(readFileSync(manifest, 'utf8')).targets.measures.contacts_1wd.note).toBe('decided by the front door');
    writeFileSync(join(dir, 'targets.yaml'), 'measures:\n  contacts_1wd:\n    trajectory: { 2021-01: 80 }\n    note: decided by MASH\n');
    const r = await runCli(['verify', manifest]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('decided by MASH');
  });

  it('names a changed closure date as a date, in the manifest and in the report', async () => {
    writeFileSync(join(dir, 'config.yaml'), 'calendar:\n  closures: [2020-12-24]\n');
    const manifest = await record();
    expect(JSON.parse(readFileSync(manifest, 'utf8')).config.calendar.closures).toEqual(['2020-12-24']);
    writeFileSync(join(dir, 'config.yaml'), 'calendar:\n  closures: [2020-12-23]\n');
    const r = await runCli(['verify', manifest]);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('2020-12-24');
    expect(r.stdout).toContain('2020-12-23');
  });

  it("fails when the manifest's result was edited, with both values", async () => {
    const manifest = await record();
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    const edited = m.results.find((x: { metric: string; period: string }) => x.metric === 'assessments_45wd' && x.period === '2021-01');
    const truth = edited.numerator;
    edited.numerator += 1;
    writeFileSync(manifest, JSON.stringify(m));
    const r = await runCli(['verify', manifest, '--format', 'json']);
    expect(r.code).toBe(4);
    const report = JSON.parse(r.stdout);
    const differs = report.results.filter((x: { status: string }) => x.status === 'differs');
    expect(differs).toHaveLength(1);
    expect(differs[0]).toMatchObject({ metric: 'assessments_45wd', period: '2021-01', manifest: { numerator: truth + 1 }, now: { numerator: truth } });
    expect(differs[0].causes[0]).toMatch(/nothing changed that explains it/);
  });

  it('reads the extracts from another folder with --data', async () => {
    const manifest = await record();
    const copy = tempFolder(messyExtracts({ seed: 3, size: 150 }));
    try {
      const same = await runCli(['verify', manifest, '--data', copy.dir]);
      expect(same.code).toBe(0);
      appendFileSync(join(copy.dir, 'cases.csv'), 'K99999,100001,2021-01-04,,CIN,SW01,North\n');
      const changed = await runCli(['verify', manifest, '--data', copy.dir]);
      expect(changed.code).toBe(4);
      expect(changed.stdout).toMatch(/cases: CHANGED/);
      expect(changed.stdout).toMatch(/because: input changed: cases/);
    } finally {
      copy.cleanup();
    }
  });

  it('refuses a file that is not a manifest', async () => {
    writeFileSync(join(dir, 'not.json'), '{"hello": 1}');
    const r = await runCli(['verify', join(dir, 'not.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a csc-kpi run manifest/);
  });
});
