import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHILD_ID } from '../../src/normalise/extracts/common.js';
import { choice, date, defineExtract, flag, id, type RecordOf, text } from '../../src/normalise/define.js';
import { EXTRACT_NAMES, EXTRACTS } from '../../src/normalise/extracts.js';
import { RecordTable } from '../../src/normalise/table.js';
import { build } from '../helpers/records.js';
import { day } from '../helpers/records.js';

const visits = defineExtract({
  name: 'test_visits',
  file: 'test_visits.csv',
  noun: 'visit',
  fields: {
    visit_id: id({ distinct: true }),
    child_id: CHILD_ID,
    visit_date: date({ required: true, annexA: 'Date of Visit' }),
    left_date: date(),
    seen: flag(),
    mode: choice({ home: ['at home'], office: [] }, { blankAs: 'home' }),
    note: text({ aliases: ['Visit note'] }),
  },
  key: 'visit_id',
  compositeKey: ['child_id', 'visit_date'],
  order: [['visit_date', 'left_date']],
});

describe('defineExtract', () => {
  it('lists the columns in declaration order, with record property names and headings', () => {
    expect(visits.fields.map((f) => [f.name, f.prop, f.type, f.required])).toEqual([
      ['visit_id', 'visitId', 'id', false],
      ['child_id', 'childId', 'id', true],
      ['visit_date', 'visitDate', 'date', true],
      ['left_date', 'leftDate', 'date', false],
      ['seen', 'seen', 'flag', false],
      ['mode', 'mode', 'choice', false],
      ['note', 'note', 'text', false],
    ]);
    const visitDate = visits.fields[2]!;
    expect(visitDate.aliases).toEqual(['Date of Visit']);
    expect(visitDate.presets).toEqual({ 'annex-a': ['Date of Visit'] });
    expect(visits.fields[6]!.aliases).toEqual(['Visit note']);
    expect(visits.fields[6]!.presets).toEqual({});
    expect(visits.fields[5]!.blankAs).toBe('home');
    expect([visits.keyField, visits.compositeKey, visits.order]).toEqual(['visit_id', ['child_id', 'visit_date'], [['visit_date', 'left_date']]]);
  });

  it('infers the record type from the columns (checked by the type checker)', () => {
    type Visit = RecordOf<typeof visits>;
    const v: Visit = { line: 2, key: 'V1', visitId: 'V1', childId: 'C1', visitDate: 18_000, leftDate: null, seen: null, mode: 'home', note: null };
    // @ts-expect-error a required date is never null
    const noDate: Visit = { ...v, visitDate: null };
    // @ts-expect-error a choice with a value for blank is never null
    const noMode: Visit = { ...v, mode: null };
    // @ts-expect-error a choice holds only its values
    const badMode: Visit = { ...v, mode: 'car' };
    // @ts-expect-error a flag is a boolean
    const badFlag: Visit = { ...v, seen: 'Y' };
    expect([noDate, noMode, badMode, badFlag].length).toBe(4);
  });

  it('refuses at compile time a key, composite key or date order naming a column it does not have', () => {
    const fields = { visit_id: id(), child_id: CHILD_ID, visit_date: date({ required: true }), note: text() };
    const ok = { name: 'x', file: 'x.csv', noun: 'x', fields, key: 'visit_id', compositeKey: ['child_id'], order: [] } as const;
    // @ts-expect-error misspelt key column
    defineExtract({ ...ok, key: 'visitid' });
    // @ts-expect-error misspelt composite key column
    defineExtract({ ...ok, compositeKey: ['child_id', 'visit_dat'] });
    // @ts-expect-error misspelt date-order column
    defineExtract({ ...ok, order: [['visit_date', 'visit_end']] });
    // @ts-expect-error date order between a date and a text column
    defineExtract({ ...ok, order: [['visit_date', 'note']] });
    expect(defineExtract(ok).keyField).toBe('visit_id');
  });
});

describe('the extracts', () => {
  it('every module under src/normalise/extracts/ is in EXTRACTS, under its own name', () => {
    const folder = join(import.meta.dirname, '../../src/normalise/extracts');
    const modules = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'common.ts');
    expect(modules.length).toBe(EXTRACT_NAMES.length);
    for (const name of EXTRACT_NAMES) {
      expect(EXTRACTS[name].name).toBe(name);
      expect(modules).toContain(`${name.replace(/_/g, '-')}.ts`);
    }
  });

  it('every key, composite key and date-order column is a column of its extract', () => {
    for (const name of EXTRACT_NAMES) {
      const def = EXTRACTS[name];
      const columns = def.fields.map((f) => f.name);
      for (const c of [...(def.keyField === null ? [] : [def.keyField]), ...def.compositeKey, ...def.order.flat()]) expect(columns).toContain(c);
    }
  });

  it('the test builder forms keys exactly as the record tables do', () => {
    const table = new RecordTable<'contacts'>(EXTRACTS.contacts, new Set(EXTRACTS.contacts.fields.map((f) => f.name)));
    const cells = ['C9', '42', day('2021-01-29'), null, 'Police', null, null, null];
    const withId = build('contacts', { contactId: 'C9', childId: '42', contactDate: '2021-01-29', source: 'Police' });
    expect(withId.key).toBe(table.keyOfCells(cells));
    const composite = build('contacts', { childId: '42', contactDate: '2021-01-29', source: 'Police' });
    expect(composite.key).toBe(table.keyOfCells([null, ...cells.slice(1)]));
    expect(composite.key).toBe('42|2021-01-29|Police');
    expect(build('contacts', { childId: '42', contactDate: '2021-01-29' }).key).toBe('42|2021-01-29|');
  });

  it('the test builder refuses a record without a required column', () => {
    expect(() => build('contacts', { contactDate: '2021-01-29' })).toThrow(/contacts.child_id is required/);
  });
});
