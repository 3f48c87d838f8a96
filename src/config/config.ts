/**
 * The configuration: the rules the measures leave to local procedure, the
 * working-day calendar, and how a council's extracts map onto the columns.
 * Every key is optional; the defaults are the published rules.
 */
import { z } from 'zod';
import { type Region, REGIONS } from '../core/calendar.js';
import { type Day, formatDay, parseIsoDay } from '../core/day.js';
import { type Duration, formatDuration, parseDuration } from '../core/duration.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import type { ExtractMapping } from '../normalise/validate.js';
import { ENCODINGS } from '../read/decode.js';
import { parseDocument } from './document.js';

const duration = z.string().transform((text, ctx): Duration => {
  const d = parseDuration(text);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration; write e.g. 10wd (working days), 28d, 4w or 1m` });
    return z.NEVER;
  }
  return d;
});

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

/**
 * A YAML section whose keys are all commented out reads as null: treat it
 * as empty, so a starter file with nothing switched on is still valid.
 */
function section<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === null ? undefined : v), schema);
}

const mappingShape = Object.fromEntries(EXTRACT_NAMES.map((n) => [n, section(extractMapping(n).optional())])) as {
  [N in ExtractName]: ReturnType<typeof section<z.ZodOptional<ReturnType<typeof extractMapping>>>>;
};

export const configSchema = z.strictObject({
  contacts: section(
    z
      .strictObject({
        /** Time allowed for a contact decision. */
        timescale: duration.prefault('1wd'),
      })
      .prefault({}),
  ),
  assessments: section(
    z
      .strictObject({
        /** Where the 45 working days start: the assessment's start, or the referral. */
        clockStart: z.enum(['start', 'referral']).prefault('start'),
      })
      .prefault({}),
  ),
  calendar: section(
    z
      .strictObject({
        region: z.enum(Object.keys(REGIONS) as [Region, ...Region[]]).prefault('england-and-wales'),
        bankHolidays: z.boolean().prefault(true),
        closures: z.array(isoDay).prefault([]),
      })
      .prefault({}),
  ),
  coreGroups: section(
    z
      .strictObject({
        /** First core group after the plan starts (the initial conference). */
        firstWithin: duration.prefault('10wd'),
        /** Each later core group after the previous one. */
        thenEvery: duration.prefault('4w'),
      })
      .prefault({}),
  ),
  supervision: section(
    z
      .strictObject({
        interval: duration.prefault('1m'),
        /** Interval per case type (CIN, CP, CLA, CL ...), matched without regard to case. */
        byCaseType: section(z.record(z.string(), duration).prefault({})),
      })
      .prefault({}),
  ),
  mapping: section(z.strictObject(mappingShape).prefault({})),
});

export type Config = z.output<typeof configSchema>;

/** The rules the measures read, resolved from the configuration. */
export interface Rules {
  readonly contactTimescale: Duration;
  readonly assessmentClock: 'start' | 'referral';
  readonly coreGroupFirst: Duration;
  readonly coreGroupEvery: Duration;
  readonly supervisionInterval: Duration;
  /** Upper-case case type → interval. */
  readonly supervisionByCaseType: ReadonlyMap<string, Duration>;
}

/** The configuration with every default filled in. */
export function defaultConfig(): Config {
  return configSchema.parse({});
}

/** Parses a configuration file's text (YAML or JSON). */
export function parseConfig(text: string, file: string): Config {
  return parseDocument(text, file, configSchema);
}

export function rulesOf(config: Config): Rules {
  return {
    contactTimescale: config.contacts.timescale,
    assessmentClock: config.assessments.clockStart,
    coreGroupFirst: config.coreGroups.firstWithin,
    coreGroupEvery: config.coreGroups.thenEvery,
    supervisionInterval: config.supervision.interval,
    supervisionByCaseType: new Map(
      Object.entries(config.supervision.byCaseType).map(([type, d]) => [type.trim().toUpperCase(), d]),
    ),
  };
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
      if (key === 'closures') return (value as readonly Day[]).map(formatDay);
      return value;
    }),
  );
}
