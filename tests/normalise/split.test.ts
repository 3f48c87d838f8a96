/**
 * One CSV file read in two parts and merged (src/normalise/split.ts) gives
 * exactly what one read of the whole file gives: the same row accounting,
 * rejections (lines, columns, values, the line of the row kept), duplicates,
 * records in the same order on the same lines, the first spelling of each
 * name, the same provenance; keep-first and keep-last alike. A split point
 * inside a quoted cell is refused, never used.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFirstPart, readLaterPart, mergeParts } from '../../src/cli/load-protocol.js';
import { dayFromYmd } from '../../src/core/day.js';
import { type LoadedExtract, loadExtract } from '../../src/normalise/load.js';
import { DEFAULT_PLACEHOLDERS, ExtractError, type ExtractMapping } from '../../src/normalise/validate.js';
import { csvSource } from '../../src/read/csv-source.js';
import { headerOf } from '../../src/read/fast-csv.js';
import { scratchFolder } from '../helpers/cli.js';
import { contactsText, MAPPINGS } from '../helpers/random-csv.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AS_AT = dayFromYmd(2021, 5, 10);

function plain(x: LoadedExtract) {
  const records: unknown[] = [];
  for (let row = 0; row < x.records.length; row++) records.push([x.records.line(row), ...x.records.cells(row)]);
  return { counts: x.counts, headerLine: x.headerLine, rejections: x.rejections, duplicates: x.duplicates, records, source: x.source, dictionaries: spellings(x) };
}

/** Every name as it is shown (the first spelling seen). */
function spellings(x: LoadedExtract): Record<string, (string | null)[]> {
  const out: Record<string, (string | null)[]> = {};
  for (const f of x.records.def.fields) if (f.type === 'text' || f.type === 'id') out[f.name] = [...x.records].map((r) => (r as unknown as Record<string, string | null>)[f.prop]!);
  return out;
}

async function whole(path: string, bytes: Buffer, mapping: ExtractMapping) {
  const source = csvSource(path, () => Readable.from([bytes]), { reader: 'csv-parse', size: bytes.length });
  try {
    return plain(await loadExtract('contacts', source, { asAt: AS_AT, mapping }));
  } catch (e) {
    if (e instanceof ExtractError) return { error: e.problem };
    throw e;
  }
}

/** The file read in two parts at `start`; undefined when the split is refused. */
async function split(path: string, bytes: Buffer, mapping: ExtractMapping, start: number) {
  const header = headerOf(bytes.subarray(0, 65536));
  if (!header) return undefined;
  const job = { kind: 'csv' as const, path, size: bytes.length, extracts: [{ name: 'contacts' as const, mapping }], asAt: AS_AT, placeholders: DEFAULT_PLACEHOLDERS };
  const first = await readFirstPart(job, start);
  const later = await readLaterPart({ kind: 'csv-part', id: 0, path, start, extract: job.extracts[0]!, asAt: AS_AT, placeholders: DEFAULT_PLACEHOLDERS, header });
  if (!first || !later) return undefined;
  return plain(await mergeParts(first, later.state));
}

describe('a file read in two parts and merged', () => {
  it('property: gives what one read of the whole file gives, wherever it is split', async () => {
    const dir = scratchFolder();
    let merged = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(contactsText, fc.constantFrom(...MAPPINGS), fc.nat(), async (text, mapping, at) => {
        const bytes = Buffer.from(text);
        const feeds = [...bytes.keys()].filter((i) => bytes[i] === 0x0a && i + 1 < bytes.length);
        if (feeds.length === 0) return;
        const start = feeds[at % feeds.length]! + 1;
        const path = join(dir, 'contacts.csv');
        writeFileSync(path, bytes);
        runs++;
        const parts = await split(path, bytes, mapping, start);
        if (parts === undefined) return;
        merged++;
        expect(parts).toEqual(await whole(path, bytes, mapping));
      }),
      { numRuns: 300 },
    );
    // Most splits are used: the property is about merging, not about refusing.
    expect(merged).toBeGreaterThan(runs / 2);
  });

  it('keeps the first spelling of a name and the earlier row of a key clash across the split, or the later with keep-last', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'contacts.csv');
    const head = 'contact_id,child_id,contact_date,team\nC1,1,2021-01-04,north\nC2,2,2021-01-04,NORTH\n';
    const tail = 'C2,2,2021-01-05,North\nC1,1,2021-01-04,North\nC3,3,2021-01-05,North\n';
    const bytes = Buffer.from(head + tail);
    for (const mapping of MAPPINGS) {
      const parts = await split(path, (writeFileSync(path, bytes), bytes), mapping, head.length);
      expect(parts).toBeDefined();
      expect(parts).toEqual(await whole(path, bytes, mapping));
      // `north` was seen first, in the first part: every later spelling shows as it.
      expect(parts!.dictionaries.team).toEqual(['north', 'north', 'north']);
      expect(parts!.records.map((r) => (r as unknown[])[0])).toEqual(mapping.onDuplicateKey === 'keep-last' ? [2, 4, 6] : [2, 3, 6]);
    }
    const keepFirst = await split(path, bytes, {}, head.length);
    expect(keepFirst!.counts).toEqual({ read: 5, valid: 3, rejected: 1, duplicate: 1 });
    // C1 on line 5 repeats line 2 (names compared without regard to case).
    expect(keepFirst!.duplicates).toEqual([{ line: 5, firstLine: 2, key: 'C1' }]);
    expect(keepFirst!.rejections.map((r) => [r.at.line, r.code, (r.params as { firstLine: number }).firstLine])).toEqual([[4, 'duplicate-key', 3]]);
  });

  it('spells a name first seen in the later part as the first row kept there spells it, not a row the key check drops', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'contacts.csv');
    const head = 'contact_id,child_id,contact_date,team\nC1,1,2021-01-04,north\n';
    // C1 again with other values: rejected with keep-first (its `South` never kept), kept with keep-last.
    const tail = 'C1,1,2021-01-05,South\nC2,2,2021-01-05,SOUTH\n';
    const bytes = Buffer.from(head + tail);
    writeFileSync(path, bytes);
    for (const mapping of MAPPINGS) {
      const parts = await split(path, bytes, mapping, head.length);
      expect(parts).toEqual(await whole(path, bytes, mapping));
      expect(parts!.dictionaries.team).toEqual(mapping.onDuplicateKey === 'keep-last' ? ['South', 'South'] : ['north', 'SOUTH']);
    }
  });

  it('lets the later part go as it merges, past 65,536 rows, and still gives what one read gives', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'contacts.csv');
    const rows: string[] = ['contact_id,child_id,contact_date,team'];
    for (let i = 0; i < 150_000; i++) {
      // Every 997th row repeats a key from far back (across the split too), with other values every other time.
      const id = i % 997 === 0 && i > 0 ? `C${i - 90_000 > 0 ? i - 90_000 : i - 1}` : `C${i}`;
      rows.push(`${id},${i % 5000},2021-0${1 + (i % 4)}-0${1 + (i % 9)},${i % 2 ? 'North' : 'NORTH'} ${i % 7}`);
    }
    const text = `${rows.join('\n')}\n`;
    const bytes = Buffer.from(text);
    writeFileSync(path, bytes);
    const start = text.indexOf('\n', Math.floor(text.length * 0.3)) + 1;
    for (const mapping of MAPPINGS) {
      const parts = await split(path, bytes, mapping, start);
      expect(parts).toBeDefined();
      expect(parts).toEqual(await whole(path, bytes, mapping));
    }
  }, 60_000);

  it('refuses a split point inside a quoted cell', async () => {
    const dir = scratchFolder();
    const path = join(dir, 'contacts.csv');
    const text = 'contact_id,child_id,contact_date,team\nC1,1,2021-01-04,"north\nteam"\nC2,2,2021-01-04,south\n';
    const bytes = Buffer.from(text);
    writeFileSync(path, bytes);
    expect(await split(path, bytes, {}, text.indexOf('north\n') + 6)).toBeUndefined();
    expect(await split(path, bytes, {}, text.indexOf('C2'))).toEqual(await whole(path, bytes, {}));
  });
});
