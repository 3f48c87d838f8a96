/**
 * The same inputs, options and as-at give byte-identical output, whatever
 * the time zone, the locale, or the order the folder lists its files in.
 * These runs go through the real bin script in child processes, so TZ and
 * LANG take effect from the start.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, tempFolder } from '../helpers/cli.js';
import { messyExtracts } from '../helpers/messy.js';

const files = messyExtracts({ seed: 11, size: 200 });
const names = Object.keys(files);
const root = tempFolder();
afterAll(() => root.cleanup());

/** The same extracts written in a given order (directory listing order follows creation on many file systems). */
function folder(name: string, order: readonly string[]): string {
  const dir = join(root.dir, name);
  mkdirSync(dir);
  for (const f of order) writeFileSync(join(dir, f), files[f]!);
  return dir;
}

const forward = folder('a', names);
const backward = folder('b', [...names].reverse());

const ENVIRONMENTS: Record<string, string>[] = [
  { TZ: 'UTC', LANG: 'C' },
  { TZ: 'Pacific/Kiritimati', LANG: 'en_GB.UTF-8' },
  { TZ: 'America/Los_Angeles', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  { TZ: 'Asia/Kolkata', LANG: 'fr_FR.UTF-8' },
];

function outputs(dir: string, env: Record<string, string>, tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const common = ['--data', dir, '--from', '2020-04', '--to', '2021-05', '--as-at', '2021-05-10'];
  for (const format of ['json', 'table']) {
    const manifest = join(root.dir, `m-${tag}-${format}.json`);
    const r = spawnCli(['scorecard', ...common, '--format', format, '--manifest', manifest], env);
    expect(r.code, r.stderr).toBe(0);
    // Paths differ between the two folders; everything else must be equal.
    out[`scorecard.${format}`] = r.stdout.split(dir).join('<data>');
    if (format === 'json') out.manifest = readFileSync(manifest, 'utf8').split(dir).join('<data>');
  }
  const explain = spawnCli(['explain', 'core_groups_in_time', '--period', '2021-01', '--data', dir, '--as-at', '2021-05-10', '--format', 'json', '--all'], env);
  expect(explain.code).toBe(0);
  out.explain = explain.stdout.split(dir).join('<data>');
  for (const format of ['json', 'html']) {
    const due = spawnCli(['due', '--data', dir, '--as-at', '2021-05-10', '--within', '10wd', '--by', 'team', '--format', format], env);
    expect(due.code, due.stderr).toBe(0);
    out[`due.${format}`] = due.stdout;
  }
  const validate = spawnCli(['validate', '--data', dir, '--as-at', '2021-05-10', '--format', 'json'], env);
  out.validate = validate.stdout.split(dir).join('<data>');
  return out;
}

describe('deterministic output', () => {
  it('is byte-identical across time zones, locales and file listing order', { timeout: 240_000 }, () => {
    const reference = outputs(forward, ENVIRONMENTS[0]!, 'ref');
    expect(reference['scorecard.json']).toMatch(/"results"/);
    const runs: [string, Record<string, string>, string][] = [
      ...ENVIRONMENTS.slice(1).map((env, i): [string, Record<string, string>, string] => [forward, env, `f${i}`]),
      [backward, ENVIRONMENTS[1]!, 'b'],
    ];
    for (const [dir, env, tag] of runs) {
      const got = outputs(dir, env, tag);
      for (const key of Object.keys(reference)) expect(got[key], `${key} under ${JSON.stringify(env)} in ${tag}`).toBe(reference[key]);
    }
  });
});
