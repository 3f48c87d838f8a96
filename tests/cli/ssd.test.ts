/**
 * Standard Safeguarding Dataset exports (data-to-insight's ssd-data-model):
 * one CSV per table, named after the table, with the SSD's column names,
 * SQL Server's datetime text and its 1900-01-01 "no date". Read out of the
 * box, and listed by `csc-kpi init --preset ssd`.
 *
 * The column names are those of the ssd-data-model's table definitions
 * (data/objects/ssd_contacts.yml, ssd_cin_assessments.yml, ssd_cp_plans.yml,
 * ssd_involvements.yml).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import { EXTRACT_NAMES, EXTRACTS, SSD_TABLES_TO_COME } from '../../src/normalise/extracts.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

/** A small SSD export: placeholders in a date and a worker, datetimes as SQL Server writes them. */
const SSD = {
  'ssd_contacts.csv':
    'cont_contact_id,cont_person_id,cont_contact_date,cont_contact_source_code,cont_contact_source_desc,cont_contact_outcome_json\n' +
    'C1,P1,2021-01-05 09:12:00.000,1A,Individual,"{""NFA_FLAG"": ""Y""}"\n' +
    'C2,P2,2021-01-06 00:00:00.000,2B,School,\n',
  'ssd_cin_assessments.csv':
    'cina_assessment_id,cina_person_id,cina_referral_id,cina_assessment_start_date,cina_assessment_child_seen,cina_assessment_auth_date,cina_assessment_outcome_json,cina_assessment_outcome_nfa,cina_assessment_team,cina_assessment_worker_id\n' +
    // Authorised in 12 working days: met.
    'A1,P1,R1,2021-01-04 00:00:00.000,Y,2021-01-20 00:00:00.000,,N,Assessment Team,W1\n' +
    // Authorised long after 45 working days: not met.
    'A2,P2,R2,2020-10-01 00:00:00.000,Y,2021-01-29 00:00:00.000,,N,Assessment Team,W2\n' +
    // Not authorised (SQL Server's empty date): open at 31 January, 40 working days old.
    'A3,P3,R3,2020-12-01 00:00:00.000,N,1900-01-01 00:00:00.000,,N,Assessment Team,W2\n',
  'ssd_cp_plans.csv':
    'cppl_cp_plan_id,cppl_referral_id,cppl_icpc_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category,cppl_cp_plan_ola,cppl_cp_plan_latest_category\n' +
    // Open (1900-01-01), 335 days at 31 January: nine months or more.
    'CP1,R1,I1,P1,2020-03-02 00:00:00.000,1900-01-01 00:00:00.000,Neglect,N,Neglect\n' +
    'CP2,R2,I2,P2,2020-11-02 00:00:00.000,,Emotional abuse,N,Emotional abuse\n' +
    // Ended before the snapshot.
    'CP3,R3,I3,P3,2020-01-06 00:00:00.000,2021-01-15 00:00:00.000,Neglect,N,Neglect\n',
  'ssd_involvements.csv':
    'invo_involvements_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_worker_change_reason,invo_person_id,invo_referral_id\n' +
    'V1,W1,ALLOC,Team A,2020-06-01 00:00:00.000,1900-01-01 00:00:00.000,,P1,R1\n' +
    'V2,W1,ALLOC,Team A,2020-07-01 00:00:00.000,,,P2,R2\n' +
    'V3,W2,ALLOC,Team B,2020-08-01 00:00:00.000,,,P3,R3\n' +
    // Worker -1: no worker.
    'V4,-1,ALLOC,Team B,2020-09-01 00:00:00.000,,,P4,R4\n' +
    'V5,W2,ALLOC,Team B,2020-05-01 00:00:00.000,2020-12-31 00:00:00.000,,P5,R5\n',
};

const RUN = ['--period', '2021-01', '--as-at', '2021-05-10'];

interface Result {
  metric: string;
  group?: string | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  excluded: Record<string, number>;
  notComputable?: string;
}

async function scorecard(dir: string, extra: readonly string[] = []): Promise<{ inputs: Record<string, { path: string; rows: unknown }>; results: Result[] }> {
  const r = await runCli(['scorecard', '--data', dir, ...RUN, '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('an SSD export scores out of the box', () => {
  it('finds each table by its name and reads every row', async () => {
    const dir = scratchFolder(SSD);
    const json = await scorecard(dir);
    expect(Object.keys(json.inputs)).toEqual(['contacts', 'assessments', 'cp_plans', 'cases']);
    expect(json.inputs.assessments!.path).toBe(join(dir, 'ssd_cin_assessments.csv'));
    expect(json.inputs.cases!.rows).toEqual({ read: 5, valid: 5, rejected: 0, duplicate: 0 });
  });

  it.each<[string, Partial<Result>]>([
    // ssd_contacts has no decision date: not computable, never 0%.
    ['contacts_1wd', { value: null, notComputable: 'the contacts extract has no decision_date column' }],
    ['assessments_45wd', { numerator: 1, denominator: 2, value: 50 }],
    // ssd_cin_assessments has no kind.
    ['assessments_45wd_new', { value: null, notComputable: 'the assessments extract has no kind column' }],
    ['assessments_open_over_45wd', { numerator: 0, denominator: 1, value: 0 }],
    ['cp_over_9m', { numerator: 1, denominator: 2, value: 50 }],
    ['cp_over_9m_avg_days', { numerator: 335, denominator: 1, value: 335 }],
    ['caseload_avg', { numerator: 3, denominator: 2, value: 1.5, excluded: { 'no-worker': 1 } }],
    ['supervision_in_time', { notComputable: 'no supervisions extract' }],
  ])('%s', async (metric, expected) => {
    const json = await scorecard(scratchFolder(SSD));
    expect(json.results.find((x) => x.metric === metric)).toMatchObject(expected);
  });

  it('breaks down by the SSD team columns', async () => {
    const json = await scorecard(scratchFolder(SSD), ['--by', 'team']);
    const caseload = json.results.filter((x) => x.metric === 'caseload_avg').map((x) => [x.group, x.numerator, x.denominator]);
    expect(caseload).toEqual([
      [null, 3, 2],
      ['Team A', 2, 1],
      ['Team B', 1, 1],
    ]);
  });

  it('gives the same figures with the configuration `init --preset ssd` writes', async () => {
    const dir = scratchFolder(SSD);
    const config = join(dir, 'csc-kpi.yaml');
    expect((await runCli(['init', '--preset', 'ssd', '--out', config])).code).toBe(0);
    expect(await scorecard(dir, ['--config', config])).toEqual(await scorecard(dir));
  });

  it('refuses two files of one extract, naming both', async () => {
    const dir = scratchFolder({ ...SSD, 'contacts.csv': 'child_id,contact_date\n1,2021-01-05\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RUN]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/has more than one contacts extract: contacts\.csv, ssd_contacts\.csv/);
  });

  it('without the placeholders, 1900-01-01 would close plans and cases before they started', async () => {
    const dir = scratchFolder({ ...SSD, 'c.yaml': 'placeholders: { dates: [] }\n' });
    const r = await runCli(['scorecard', '--data', dir, ...RUN, '--format', 'json', '--config', join(dir, 'c.yaml')]);
    expect(JSON.parse(r.stdout).inputs.cp_plans.rows).toEqual({ read: 3, valid: 2, rejected: 1, duplicate: 0 });
    expect(r.stderr).toMatch(/ssd_cp_plans\.csv:2: column F \(cppl_cp_plan_end_date\) date-order/);
  });
});

describe('init --preset ssd', () => {
  it('lists the SSD table of each extract, its column names, and the tables not read yet', async () => {
    const r = await runCli(['init', '--preset', 'ssd', '--out', '-']);
    expect(r.code).toBe(0);
    const config = parseConfig(r.stdout, 'csc-kpi.yaml');
    expect(config.mapping.contacts?.columns).toEqual({
      contact_id: ['cont_contact_id'],
      child_id: ['cont_person_id'],
      contact_date: ['cont_contact_date'],
      source: ['cont_contact_source_code'],
    });
    expect(config.mapping.cases?.columns?.end_date).toEqual(['invo_involvement_end_date']);
    for (const name of EXTRACT_NAMES) {
      const table = EXTRACTS[name].ssdTable;
      if (table !== null) expect(r.stdout).toContain(`# the SSD table ${table} (${table}.csv in --data is read as ${name})`);
    }
    for (const [table, extract] of Object.entries(SSD_TABLES_TO_COME)) expect(r.stdout).toContain(`#   ${table}: ${extract}`);
  });

  it('is offered by the help text', async () => {
    const r = await runCli(['init', '--help']);
    expect(r.stdout + r.stderr).toMatch(/ssd \(Standard Safeguarding Dataset column names\)/);
  });

  it('each SSD table is one extract', () => {
    const tables = EXTRACT_NAMES.map((n) => EXTRACTS[n].ssdTable).filter((t) => t !== null);
    expect(tables).toEqual([
      'ssd_contacts',
      'ssd_cin_assessments',
      'ssd_cp_plans',
      'ssd_involvements',
      'ssd_cin_episodes',
      'ssd_s47_enquiry',
      'ssd_cp_reviews',
      'ssd_cp_visits',
      'ssd_missing',
    ]);
    for (const t of tables) expect(Object.keys(SSD_TABLES_TO_COME)).not.toContain(t);
    // The README says which table each extract is read from.
    expect(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')).toContain('`ssd_involvements.csv`');
  });
});
