import { afterAll, describe, expect, it } from 'vitest';
import { pseudonymiser } from '../../src/report/pseudonymise.js';
import { runCli, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const folder = tempFolder(messyExtracts({ seed: 5, size: 120 }));
afterAll(() => folder.cleanup());
const KEY = 'a-long-random-secret-key-0123456789';

async function explain(measure: string, env: Record<string, string>, extra: string[] = ['--pseudonymise']) {
  return runCli(['explain', measure, '--period', '2021-01', '--data', folder.dir, '--as-at', '2021-05-10', '--format', 'json', ...extra], { env });
}

describe('--pseudonymise', () => {
  it('replaces every child id and key by a token, the same child by the same token across runs and extracts', async () => {
    const plain = JSON.parse((await explain('supervision_in_time', {}, [])).stdout);
    const first = JSON.parse((await explain('supervision_in_time', { CSC_KPI_PSEUDONYM_KEY: KEY })).stdout);
    const again = JSON.parse((await explain('supervision_in_time', { CSC_KPI_PSEUDONYM_KEY: KEY })).stdout);
    expect(first).toEqual(again);
    expect(first.pseudonymised).toBe(true);
    expect(first.rows.length).toBe(plain.rows.length);
    first.rows.forEach((row: { childId: string; key: string }, i: number) => {
      expect(row.childId).toMatch(/^P-[0-9a-f]{16}$/);
      expect(row.key).toMatch(/^K-[0-9a-f]{16}$/);
      expect(row.childId).toBe(pseudonymiser(KEY)('child', plain.rows[i].childId));
    });
    const text = JSON.stringify(first);
    for (const row of plain.rows) expect(text).not.toContain(`"${row.childId}"`);
    // The same child in another extract gets the same token.
    const contacts = JSON.parse((await explain('contacts_1wd', { CSC_KPI_PSEUDONYM_KEY: KEY })).stdout);
    const plainContacts = JSON.parse((await explain('contacts_1wd', {}, [])).stdout);
    const shared = plainContacts.rows.findIndex((r: { childId: string }) => plain.rows.some((p: { childId: string }) => p.childId === r.childId));
    expect(shared).toBeGreaterThanOrEqual(0);
    const child = plainContacts.rows[shared].childId;
    const inSupervision = plain.rows.findIndex((p: { childId: string }) => p.childId === child);
    expect(contacts.rows[shared].childId).toBe(first.rows[inSupervision].childId);
  });

  it('gives one child one token whatever the letter case of the id', () => {
    const token = pseudonymiser(KEY);
    expect(token('child', 'dfe123')).toBe(token('child', 'DFE123'));
    expect(token('child', 'dfe123')).not.toBe(token('child', 'DFE124'));
    expect(token('key', 'c1')).toBe(token('key', 'C1'));
  });

  it('gives different tokens under a different key', async () => {
    const a = JSON.parse((await explain('contacts_1wd', { CSC_KPI_PSEUDONYM_KEY: KEY })).stdout);
    const b = JSON.parse((await explain('contacts_1wd', { CSC_KPI_PSEUDONYM_KEY: `${KEY}-other` })).stdout);
    expect(a.rows.length).toBeGreaterThan(0);
    a.rows.forEach((row: { childId: string }, i: number) => expect(row.childId).not.toBe(b.rows[i].childId));
  });

  it('refuses to run without a key, or with a short one', async () => {
    const none = await explain('contacts_1wd', {});
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/--pseudonymise needs a secret key in the environment variable CSC_KPI_PSEUDONYM_KEY/);
    const short = await explain('contacts_1wd', { CSC_KPI_PSEUDONYM_KEY: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/too short/);
  });
});
