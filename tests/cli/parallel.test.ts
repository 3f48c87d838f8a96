/**
 * Extracts read in worker threads give exactly what one thread gives. These
 * runs use the built command (workers need the compiled code).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const folder = tempFolder({
  ...messyExtracts({ seed: 13, size: 500 }),
  // Windows-1252, read again after UTF-8 is refused, inside a worker.
  'cases.csv': Buffer.from('case_id,child_id,start_date,worker,team\nK1,1,2021-01-04,SW1,Équipe\n', 'latin1'),
});
afterAll(() => folder.cleanup());

describe('reading extracts in parallel', () => {
  it('gives byte-identical scorecards, manifests and validation reports', () => {
    const outputs = ['1', '2', '6'].map((jobs) => {
      const common = ['--data', folder.dir, '--as-at', '2021-05-10', '--jobs', jobs];
      const scorecard = spawnCli(['scorecard', ...common, '--from', '2020-10', '--to', '2021-05', '--format', 'json', '--by', 'team']);
      const validate = spawnCli(['validate', ...common, '--format', 'json']);
      expect(scorecard.code, scorecard.stderr).toBe(0);
      expect(validate.code).toBe(2);
      return { scorecard: scorecard.stdout, stderr: scorecard.stderr, validate: validate.stdout };
    });
    expect(JSON.parse(outputs[0]!.scorecard).inputs.cases.rows.valid).toBe(1);
    expect(outputs[1]).toEqual(outputs[0]);
    expect(outputs[2]).toEqual(outputs[0]);
  });

  it('reports the first unreadable extract, in the usual order, whichever thread read it', () => {
    const broken = tempFolder({ ...messyExtracts({ seed: 13, size: 100 }), 'cp_plans.csv': 'plan_id,start_date\n1,2021-01-01\n', 'cases.csv': '' });
    try {
      for (const jobs of ['1', '6']) {
        const r = spawnCli(['scorecard', '--data', broken.dir, '--as-at', '2021-05-10', '--jobs', jobs]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^csc-kpi: .*cp_plans\.csv:1: the cp_plans extract needs a column "child_id"/);
      }
    } finally {
      broken.cleanup();
    }
  });

  it('refuses a --jobs that is not a count', () => {
    const r = spawnCli(['scorecard', '--data', folder.dir, '--jobs', 'many']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--jobs many: give a whole number from 1 to 64/);
  });
});

describe('names spelt in several cases across extracts', () => {
  it('are one group, labelled as first spelt in extract order, whichever thread read what', () => {
    const dir = tempFolder({
      'contacts.csv': 'contact_id,child_id,contact_date,decision_date,team\nC1,1,2021-01-05,2021-01-05,north team\n',
      'cases.csv': 'case_id,child_id,start_date,end_date,worker,team\nK1,1,2021-01-04,,DUSTIN HAZLETT,NORTH TEAM\nK2,2,2021-01-04,,Dustin\u00a0Hazlett,North  Team\n',
    });
    try {
      const outputs = ['1', '2'].map((jobs) => {
        const r = spawnCli(['scorecard', '--data', dir.dir, '--as-at', '2021-05-10', '--period', '2021-01', '--jobs', jobs, '--format', 'json', '--by', 'team']);
        expect(r.code, r.stderr).toBe(0);
        return r.stdout;
      });
      expect(outputs[1]).toBe(outputs[0]);
      const results = JSON.parse(outputs[0]!).results as { metric: string; group: string | null; numerator: number; denominator: number }[];
      const caseload = results.filter((x) => x.metric === 'caseload_avg');
      // Contacts come first in extract order, so their spelling labels the team; one worker holds both cases.
      expect(caseload.map((x) => [x.group, x.numerator, x.denominator])).toEqual([
        [null, 2, 1],
        ['north team', 2, 1],
      ]);
    } finally {
      dir.cleanup();
    }
  });
});
