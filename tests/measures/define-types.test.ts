/**
 * What the compiler refuses in a measure's definition. Each case below is
 * marked `@ts-expect-error`: `npm test` type-checks the tests first, and
 * fails if any of them compiles (the directive is then unused). At run time
 * each test shows the harm the compiler prevents.
 */
import { describe, expect, it } from 'vitest';
import { configSchema, type RulesInput } from '../../src/config/config.js';
import { describeDuration } from '../../src/core/duration.js';
import { defineMeasure } from '../../src/measures/define.js';
import { defineSettings, durationSchema, setting } from '../../src/measures/settings.js';
import { UNITS } from '../../src/measures/units.js';
import { rules } from '../helpers/records.js';

const base = { id: 'test_types', scale: 100, needs: {}, rule: () => '', doc: { text: '' }, evaluate: () => {} } as const;

describe('the compiler refuses', () => {
  it('a unit with no description', () => {
    // @ts-expect-error 'percentage' is not a unit (UNITS has no such entry)
    const m = defineMeasure({ ...base, title: 'T', unit: 'percentage', direction: 'higher' });
    expect(UNITS[m.unit]).toBeUndefined();
  });

  it('a direction that is not higher, lower or neutral', () => {
    // @ts-expect-error 'up' is not a direction
    const m = defineMeasure({ ...base, title: 'T', unit: 'percent', direction: 'up' });
    expect(['higher', 'lower', 'neutral']).not.toContain(m.direction);
  });

  it('a title that reads a rule of a settings section the measure does not list', () => {
    const m = defineMeasure({
      ...base,
      unit: 'percent',
      direction: 'higher',
      // @ts-expect-error contactTimescale belongs to the contacts section, which this measure does not list
      title: (r) => `Within ${describeDuration(r.contactTimescale)}`,
    });
    // Its configuration section would not be derived from it.
    expect(m.settings).toEqual([]);
    expect(m.title(rules())).toBe('Within 1 working day');
  });

  it('a default of the wrong type for its setting', () => {
    const section = defineSettings({
      key: 'test',
      // @ts-expect-error a duration is written as text, such as '1wd'
      settings: { every: setting(durationSchema, { default: 5, comment: [] }) },
      rules: (values) => ({ every: values.every }),
    });
    expect(() => section.schema.parse({})).toThrow();
  });

  it('a needed column the extract does not have', () => {
    // @ts-expect-error core_groups has an education column, not educaton
    const m = defineMeasure({ ...base, title: 'T', unit: 'percent', direction: 'higher', needs: { core_groups: ['educaton'] } });
    expect(m.columns.core_groups).toEqual([{ column: 'educaton' }]);
    // @ts-expect-error a column of another extract (contacts has decision_date; core_groups has not)
    defineMeasure({ ...base, title: 'T', unit: 'percent', direction: 'higher', needs: { core_groups: ['decision_date'] } });
    // @ts-expect-error the same, for a column needed only under some rules
    defineMeasure({ ...base, title: 'T', unit: 'percent', direction: 'higher', needs: { core_groups: [{ column: 'decision_date', when: () => true }] } });
  });

  it('a misspelt setting in rules given as a configuration', () => {
    // @ts-expect-error the setting is `timescale`
    const input: RulesInput = { contacts: { timescle: '2wd' } };
    expect(() => configSchema.parse(input)).toThrow(/timescle/);
  });

  it('a misspelt section', () => {
    // @ts-expect-error the section is `coreGroups`
    const input: RulesInput = { coreGroup: { thenEvery: '6w' } };
    expect(() => configSchema.parse(input)).toThrow(/coreGroup/);
  });
});
