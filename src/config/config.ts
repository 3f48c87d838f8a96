/**
 * The configuration: the rules the measures leave to local procedure, the
 * working-day calendar, and how a council's extracts map onto the columns.
 * Every key is optional; the defaults are the published rules.
 *
 * The rules sections (`contacts`, `assessments`, `coreGroups`,
 * `supervision` ...) are declared by the measures that read them (see
 * src/measures/settings.ts); this module puts them together with the
 * `calendar` and `mapping` sections.
 */
import { z } from 'zod';
import { type Region, REGIONS } from '../core/calendar.js';
import { type Day, formatDay, parseIsoDay } from '../core/day.js';
import { type Duration, formatDuration } from '../core/duration.js';
import { type MeasureSection, type Rules, SETTINGS_SECTIONS } from '../measures/index.js';
import { type Population, populationFrom } from '../measures/population.js';
import { blankAsDefault as section, type SettingInput, type Settings, type SettingsSection, type SettingValues } from '../measures/settings.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import type { ExtractMapping, Placeholders } from '../normalise/validate.js';
import { ENCODINGS } from '../read/decode.js';
import { parseDocument } from './document.js';

const isoDay = z.string().transform((text, ctx): Day => {
  const d = parseIsoDay(text);
  if (d === undefined) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date in the form YYYY-MM-DD` });
    return z.NEVER;
  }
  return d;
});

const spellings = z.array(z.string().min(1));

function extractMapping(name: ExtractName) {
  const fields = EXTRACTS[name].fields;
  const columnNames = fields.map((f) => f.name);
  const coded = fields.filter((f) => f.choices).map((f) => f.name);
  const oneOf = (names: readonly string[]) => names.join(', ');
  return z.strictObject({
    encoding: z.enum(['auto', ...ENCODINGS]).optional(),
    dateOrder: z.enum(['day-first', 'month-first']).optional(),
    excelDates: z.boolean().optional(),
    onDuplicateKey: z.enum(['keep-first', 'keep-last']).optional(),
    coverageFrom: isoDay.optional(),
    columns: z
      .record(
        z.string().refine((k) => columnNames.includes(k), { message: `not a ${name} column; columns are ${oneOf(columnNames)}` }),
        spellings,
      )
      .optional(),
    values: z
      .record(
        z.string().refine((k) => coded.includes(k), { message: `not a coded ${name} column; coded columns are ${oneOf(coded) || 'none'}` }),
        z.record(z.string(), spellings),
      )
      .optional(),
  });
}

const mappingShape = Object.fromEntries(EXTRACT_NAMES.map((n) => [n, section(extractMapping(n).optional())])) as {
  [N in ExtractName]: ReturnType<typeof section<z.ZodOptional<ReturnType<typeof extractMapping>>>>;
};

const calendarSection = section(
  z
    .strictObject({
      region: z.enum(Object.keys(REGIONS) as [Region, ...Region[]]).prefault('england-and-wales'),
      bankHolidays: z.boolean().prefault(true),
      closures: z.array(isoDay).prefault([]),
    })
    .prefault({}),
);

const mappingSection = section(z.strictObject(mappingShape).prefault({}));

/**
 * Values read as blank wherever they stand: SQL Server writes `-1` for "no
 * such record" and `1900-01-01` (its day 0) for "no date". An empty list
 * switches one kind off.
 */
const placeholdersSection = section(
  z
    .strictObject({
      ids: section(z.array(z.string().trim().min(1)).prefault(['-1'])),
      dates: section(z.array(isoDay).prefault(['1900-01-01'])),
    })
    .prefault({}),
);

/** A count of children: a whole number above 0, or why not. */
function childrenProblem(v: unknown): string | undefined {
  if (typeof v !== 'number') return 'must be a number of children';
  if (!Number.isInteger(v)) return 'must be a whole number of children';
  if (v <= 0) return 'must be more than 0';
  return undefined;
}

/**
 * Children aged 0-17 in the council's area, for rates per 10,000: one
 * number, or a number per calendar year (`2020: 56000`). Absent: the rates
 * are not computable.
 */
const populationSection = z.unknown().transform((v, ctx): Population | undefined => {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    for (const [year, n] of entries) {
      const problem = /^\d{4}$/.test(year) ? childrenProblem(n) : 'a year is written as four digits (2021)';
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', path: [year], message: problem });
        return z.NEVER;
      }
    }
    if (entries.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'give one number, or at least one year and its number' });
      return z.NEVER;
    }
    return populationFrom(Object.fromEntries(entries) as Record<string, number>);
  }
  const problem = childrenProblem(v);
  if (problem !== undefined) {
    ctx.addIssue({ code: 'custom', message: `${problem} (or a number per year: { 2021: 56000 })` });
    return z.NEVER;
  }
  return populationFrom(v as number);
}).optional();

/**
 * How quarters and years are cut: the month a financial year starts in
 * (1-12; 4, April, by default: the DfE's year). Absent: the default.
 */
const monthNumber = 'must be a month number from 1 to 12';
const periodsSection = section(
  z
    .strictObject({
      yearStart: section(z.number({ error: monthNumber }).int(monthNumber).min(1, monthNumber).max(12, monthNumber).prefault(4)),
    })
    .prefault({}),
);

/** The first month of the financial year when the configuration names none: April. */
export const DEFAULT_YEAR_START: number = 4;

type ConfigShape = { [S in MeasureSection as S['key']]: S['schema'] } & {
  calendar: typeof calendarSection;
  population: typeof populationSection;
  periods: typeof periodsSection;
  placeholders: typeof placeholdersSection;
  mapping: typeof mappingSection;
};

/**
 * `calendar` keeps the place it has always had, after this section: a
 * manifest lists the configuration in the schema's order, and manifests are
 * compared byte for byte.
 */
const CALENDAR_AFTER = 'assessments';

/**
 * The top-level sections in order: the measures' sections in the order of
 * the list, the calendar among them, then the placeholders and the mapping.
 */
function configShape(): ConfigShape {
  const shape: Record<string, z.ZodType> = {};
  for (const s of SETTINGS_SECTIONS) {
    shape[s.key] = s.schema;
    if (s.key === CALENDAR_AFTER) shape.calendar = calendarSection;
  }
  shape.calendar ??= calendarSection;
  shape.population = populationSection;
  shape.periods = periodsSection;
  shape.placeholders = placeholdersSection;
  shape.mapping = mappingSection;
  return shape as ConfigShape;
}

export const configSchema = z.strictObject(configShape());

/** The configuration file's top-level keys, in order. */
export const CONFIG_KEYS: readonly string[] = Object.keys(configSchema.shape);

export type Config = z.output<typeof configSchema>;

/** The rules sections as a test or a caller may give them: the file's form, every key optional. */
export type RulesInput = { readonly [S in MeasureSection as S['key']]?: SettingInput<S['settings']> | null };

/** The configuration with every default filled in. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** Parses a configuration file's text (YAML or JSON). */
export function parseConfig(text: string, file: string): Config {
  return parseDocument(text, file, configSchema);
}

/** The rules the measures read: what each section makes of its values. */
export function rulesOf(config: Config): Rules {
  const rules = {};
  for (const s of SETTINGS_SECTIONS as readonly SettingsSection[]) {
    Object.assign(rules, s.rules(config[s.key as MeasureSection['key']] as SettingValues<Settings>));
  }
  return rules as Rules;
}

/** The child population for rates per 10,000, if the configuration gives one. */
export function populationOf(config: Config): Population | undefined {
  return config.population;
}

/** The month (1-12) a financial year starts in, for quarters and years. */
export function yearStartOf(config: Config): number {
  return config.periods.yearStart;
}

/** Per extract, the first day it holds records for (`mapping.<extract>.coverageFrom`). */
export function coverageOf(config: Config): Partial<Record<ExtractName, Day>> {
  const out: Partial<Record<ExtractName, Day>> = {};
  for (const name of EXTRACT_NAMES) {
    const from = config.mapping[name]?.coverageFrom;
    if (from !== undefined) out[name] = from;
  }
  return out;
}

/** The values read as blank in every extract. */
export function placeholdersOf(config: Config): Placeholders {
  return config.placeholders;
}

/** The mapping for one extract. */
export function mappingOf(config: Config, name: ExtractName): ExtractMapping {
  return config.mapping[name] ?? {};
}

/** The effective configuration as plain data (durations and dates as text), for manifests. */
export function describeConfig(config: Config): unknown {
  return JSON.parse(
    JSON.stringify(config, (key, value: unknown) => {
      if (value && typeof value === 'object' && 'unit' in value && 'amount' in value) return formatDuration(value as Duration);
      if (key === 'coverageFrom') return formatDay(value as Day);
      if (key === 'population' && value && typeof value === 'object') {
        const p = value as Population;
        return p.kind === 'fixed' ? p.children : Object.fromEntries(p.years.map(([y, n]) => [String(y), n]));
      }
      if (key === 'closures') return (value as readonly Day[]).map(formatDay);
      if (key === 'placeholders') return { ...(value as Placeholders), dates: (value as Placeholders).dates.map(formatDay) };
      return value;
    }),
  );
}
