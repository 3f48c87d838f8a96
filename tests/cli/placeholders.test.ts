/**
 * Placeholders (SPEC §6 "Values"): `-1` and `1900-01-01`, which SQL Server
 * writes for "none", are read as blank by default; the configuration's
 * `placeholders: { ids, dates }` changes the lists, an empty list switching
 * one off, on every thread that reads an extract.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig, describeConfig, parseConfig } from '../../src/config/config.js';
import { starterConfig } from '../../src/config/starter.js';
import { DocumentError } from '../../src/config/document.js';
import { runCli, scratchFolder, spawnCli, tempFolder } from '../helpers/cli.js';
import { day } from '../helpers/records.js';

describe('the placeholders setting', () => {
  it.each<[string, unknown, { ids: string[]; dates: string[] }]>([
    ['nothing said: -1 and 1900-01-01', {}, { ids: ['-1'], dates: ['1900-01-01'] }],
    ['an empty section', { placeholders: null }, { ids: ['-1'], dates: ['1900-01-01'] }],
    ['ids switched off', { placeholders: { ids: [] } }, { ids: [], dates: ['1900-01-01'] }],
    ['both switched off', { placeholders: { ids: [], dates: [] } }, { ids: [], dates: [] }],
    ['other values', { placeholders: { ids: [' 0 ', 'NONE'], dates: ['1753-01-01', '1900-01-01'] } }, { ids: ['0', 'NONE'], dates: ['1753-01-01', '1900-01-01'] }],
  ])('%s', (_name, input, expected) => {
    const config = configSchema.parse(input);
    expect(config.placeholders).toEqual({ ids: expected.ids, dates: expected.dates.map(day) });
    // The manifest's record of the configuration writes the dates back as text.
    expect((describeConfig(config) as { placeholders: unknown }).placeholders).toEqual(expected);
  });

  it.each([
    ['placeholders: { dates: [1900/01/01] }', 'c.yaml: placeholders.dates.0: "1900/01/01" is not a date in the form YYYY-MM-DD'],
    ['placeholders: { ids: [""] }', 'c.yaml: placeholders.ids.0'],
    ['placeholders: { id: ["-1"] }', 'c.yaml: placeholders: Unrecognized key: "id"'],
  ])('%s is refused, naming the key', (text, message) => {
    expect(() => parseConfig(text, 'c.yaml')).toThrow(DocumentError);
    expect(() => parseConfig(text, 'c.yaml')).toThrow(message);
  });

  it('is in the starter file, with the reason, and reads back as the defaults', () => {
    const starter = starterConfig();
    expect(starter).toMatch(/# .*SQL Server[^\n]*\n(# [^\n]*\n)*placeholders:\n {2}ids: \["-1"\]\n {2}dates: \[1900-01-01\]\n/);
    expect(starter).toContain('An empty');
    expect(parseConfig(starter, 'starter.yaml').placeholders).toEqual(defaultConfig().placeholders);
  });
});

/** A contact with a placeholder child id, and one with a placeholder decision date in SQL Server's datetime text. */
const CONTACTS =
  'contact_id,child_id,contact_date,decision_date\n' +
  'C1,-1,2021-01-04,2021-01-05\n' +
  'C2,2,2021-01-04,1900-01-01 00:00:00.000\n' +
  'C3,0,2021-01-05,2021-01-05\n';

async function contactsRun(config: string | undefined) {
  const dir = scratchFolder({ 'contacts.csv': CONTACTS, ...(config === undefined ? {} : { 'c.yaml': config }) });
  const args = ['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json'];
  const r = await runCli(config === undefined ? args : [...args, '--config', join(dir, 'c.yaml')]);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { inputs: { contacts: { rows: unknown } }; results: { metric: string; numerator: number; denominator: number }[] };
  const contacts = json.results.find((x) => x.metric === 'contacts_1wd')!;
  return { rows: json.inputs.contacts.rows, figure: [contacts.numerator, contacts.denominator], stderr: r.stderr };
}

describe('placeholders in a scorecard', () => {
  it('by default: the -1 child id is a missing value, the 1900-01-01 decision is no decision', async () => {
    const r = await contactsRun(undefined);
    expect(r.rows).toEqual({ read: 3, valid: 2, rejected: 1, duplicate: 0 });
    expect(r.stderr).toMatch(/contacts\.csv:2: column B \(child_id\) missing-value/);
    // C2 undecided and overdue (not met), C3 decided the same day (met).
    expect(r.figure).toEqual([1, 2]);
  });

  it('ids: [] reads -1 as a child id', async () => {
    const r = await contactsRun('placeholders: { ids: [] }\n');
    expect(r.rows).toEqual({ read: 3, valid: 3, rejected: 0, duplicate: 0 });
    expect(r.figure).toEqual([2, 3]);
  });

  it('dates: [] reads 1900-01-01 as a date, which comes before the contact (date-order)', async () => {
    const r = await contactsRun('placeholders: { dates: [] }\n');
    expect(r.rows).toEqual({ read: 3, valid: 1, rejected: 2, duplicate: 0 });
    expect(r.stderr).toMatch(/contacts\.csv:3: column D \(decision_date\) date-order/);
  });

  it('other ids: 0 is blank too, -1 no longer', async () => {
    const r = await contactsRun('placeholders: { ids: ["0"] }\n');
    expect(r.rows).toEqual({ read: 3, valid: 2, rejected: 1, duplicate: 0 });
    expect(r.stderr).toMatch(/contacts\.csv:4: column B \(child_id\) missing-value/);
  });

  it('the manifest records the setting', async () => {
    const dir = scratchFolder({ 'contacts.csv': CONTACTS, 'c.yaml': 'placeholders: { ids: [], dates: ["1753-01-01"] }\n' });
    const manifest = join(dir, 'run.json');
    const r = await runCli(['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--config', join(dir, 'c.yaml'), '--manifest', manifest]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(manifest, 'utf8')).config.placeholders).toEqual({ ids: [], dates: ['1753-01-01'] });
  });

  it('reaches the extracts read in worker threads (built command)', () => {
    const cases = 'case_id,child_id,start_date,end_date,worker\nK1,-1,2020-06-01,,SW1\nK2,2,2020-06-01,1900-01-01 00:00,SW1\n';
    const folder = tempFolder({ 'contacts.csv': CONTACTS, 'cases.csv': cases, 'off.yaml': 'placeholders: { ids: [] }\n' });
    try {
      const counts = (jobs: string, config: string[]) => {
        const r = spawnCli(['validate', '--data', folder.dir, '--as-at', '2021-05-10', '--jobs', jobs, '--format', 'json', ...config]);
        const extracts = JSON.parse(r.stdout).extracts as Record<string, { rows: { valid: number } }>;
        return [extracts.contacts!.rows.valid, extracts.cases!.rows.valid];
      };
      const off = ['--config', join(folder.dir, 'off.yaml')];
      // By default C1 and K1 are rejected (child -1), K2 is open; with ids switched off, -1 is a child.
      expect(counts('1', [])).toEqual([2, 1]);
      expect(counts('2', [])).toEqual([2, 1]);
      expect(counts('1', off)).toEqual([3, 2]);
      expect(counts('2', off)).toEqual([3, 2]);
    } finally {
      folder.cleanup();
    }
  });
});
