import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readSource } from '../../src/cli/load-protocol.js';
import { dayFromYmd } from '../../src/core/day.js';
import { DEFAULT_PLACEHOLDERS } from '../../src/normalise/validate.js';
import { runCli, scratchFolder } from '../helpers/cli.js';

const TEXT =
  'contact_id,child_id,contact_date,decision_date,source,team\n' +
  'C1,1001,05/01/2021,06/01/2021,École Sainte-Thérèse,Équipe Santé\n' +
  'C2,1002,05/01/2021,,Café,Équipe Santé\n' +
  'C3,1003,06/01/2021,11/01/2021,Police,Nord\n';

/** Windows-1252 for Latin-1 text (every character used here is below U+0100). */
function cp1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => c.charCodeAt(0)));
}

const SAVED_AS: Record<string, Buffer> = {
  'UTF-8': Buffer.from(TEXT, 'utf8'),
  'UTF-8 with BOM': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
  'UTF-16 LE': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
  'Windows-1252': cp1252(TEXT),
};

async function results(bytes: Buffer, by?: string) {
  const dir = scratchFolder({ 'contacts.csv': bytes });
  const args = ['scorecard', '--data', dir, '--period', '2021-01', '--as-at', '2021-05-10', '--format', 'json'];
  const r = await runCli(by ? [...args, '--by', by] : args);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  return { results: json.results, rows: json.inputs.contacts.rows };
}

it('gives identical results whatever encoding the extract was saved in', async () => {
  const reference = await results(SAVED_AS['UTF-8']!, 'team');
  expect(reference.rows).toEqual({ read: 3, valid: 3, rejected: 0, duplicate: 0 });
  expect(reference.results.map((r: { group: string | null }) => r.group)).toContain('Équipe Santé');
  for (const [name, bytes] of Object.entries(SAVED_AS)) {
    expect(await results(bytes, 'team'), name).toEqual(reference);
  }
});

it('says which encoding it read', async () => {
  for (const [name, bytes] of Object.entries(SAVED_AS)) {
    const dir = scratchFolder({ 'contacts.csv': bytes });
    const r = await runCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).extracts.contacts.encoding).toBe(name.replace(' with BOM', ''));
  }
});

it('counts each byte once for progress, though a Windows-1252 file is read twice', async () => {
  // Long enough to span several reads, with the first non-UTF-8 byte far in.
  const rows = Array.from({ length: 40_000 }, (_, i) => `R${i},${i},05/01/2021,06/01/2021,Police,Nord`).join('\n');
  const bytes = cp1252(`${TEXT}${rows}\nC9,9,05/01/2021,,Café,Nord\n`);
  const dir = scratchFolder({ 'contacts.csv': bytes });
  let counted = 0;
  const [read] = await readSource(
    { kind: 'csv', path: join(dir, 'contacts.csv'), size: bytes.length, asAt: dayFromYmd(2021, 5, 10), placeholders: DEFAULT_PLACEHOLDERS, extracts: [{ name: 'contacts', mapping: {} }] },
    (n) => (counted += n),
  );
  if (read?.kind !== 'loaded') throw new Error(`not loaded: ${JSON.stringify(read)}`);
  const extract = read.extract;
  expect(extract.source).toMatchObject({ kind: 'csv', encoding: 'windows-1252' });
  expect(extract.counts.valid).toBe(40_004);
  expect(counted).toBe(bytes.length);
});
