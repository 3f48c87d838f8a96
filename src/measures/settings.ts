/**
 * Settings: the rules a measure leaves to local procedure, declared once,
 * beside the measure that reads them.
 *
 * A settings section is one top-level key of the configuration file
 * (`contacts:`, `coreGroups:` ...). It declares each of its keys once, with
 * `setting`: the zod schema of the value, its default as written in a file,
 * and the lines `csc-kpi init` writes about it; and, with `rules`, how the
 * values become the fields of `Rules` that the measures read. From the
 * sections of the measures in the list (index.ts) come the configuration
 * schema, the `Rules` type, the rules of a run and the starter file's rules
 * sections; nothing else lists a setting.
 *
 * @example
 * const contactSettings = defineSettings({
 *   key: 'contacts',
 *   settings: { timescale: setting(durationSchema, { default: '1wd', comment: ['Time allowed to decide a contact.'] }) },
 *   rules: (values) => ({ contactTimescale: values.timescale }),
 * });
 * contactSettings.schema.parse({ timescale: '2wd' }) //=> { timescale: { amount: 2, unit: 'wd' } }
 */
import { z } from 'zod';
import { type Duration, parseDuration } from '../core/duration.js';

/** A duration as written in a configuration file: `10wd`, `28d`, `4w`, `1m`. */
export const durationSchema = z.string().transform((text, ctx): Duration => {
  const d = parseDuration(text);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration; write e.g. 10wd (working days), 28d, 4w or 1m` });
    return z.NEVER;
  }
  return d;
});

/**
 * A YAML key whose content is all commented out reads as null: treat it as
 * absent, so it takes its default and a starter file with nothing switched
 * on is still valid.
 */
export function blankAsDefault<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === null ? undefined : v), schema);
}

/** One key of a settings section. */
export interface Setting<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  /** The default, as written in a configuration file (and in the starter file). */
  readonly default: z.input<S>;
  /** The starter file's comment lines above the key, without the `# `. */
  readonly comment: readonly string[];
  /** Commented-out entries the starter file shows under the key (a map's example entries). */
  readonly examples?: readonly string[];
  /** An empty value (`byCaseType:` with nothing under it) takes the default, as an empty section does. */
  readonly blankAsDefault?: boolean;
}

export interface SettingOptions<S extends z.ZodType> {
  readonly default: z.input<S>;
  readonly comment: readonly string[];
  readonly examples?: readonly string[];
  readonly blankAsDefault?: boolean;
}

/** A setting, its default checked against its schema. */
export function setting<S extends z.ZodType>(schema: S, options: SettingOptions<S>): Setting<S> {
  return { schema, ...options };
}

export type Settings = Readonly<Record<string, Setting>>;

/** A section's values once read, every default filled in. */
export type SettingValues<T extends Settings> = { readonly [K in keyof T]: z.output<T[K]['schema']> };

/** A section as it may be written in a file: every key optional. */
export type SettingInput<T extends Settings> = { readonly [K in keyof T]?: z.input<T[K]['schema']> };

export interface SettingsSection<K extends string = string, T extends Settings = Settings, R = unknown> {
  /** The top-level key in the configuration file. */
  readonly key: K;
  readonly settings: T;
  /** Strict (a misspelt key is an error naming it), every key defaulted, an empty section read as `{}`. */
  readonly schema: z.ZodType<SettingValues<T>, SettingInput<T> | null | undefined>;
  /**
   * The fields of `Rules` the values make. (A method, so that a section can
   * stand in a list of sections of other shapes.)
   */
  rules(values: SettingValues<T>): R;
}

export interface SectionDefinition<K extends string, T extends Settings, R> {
  readonly key: K;
  readonly settings: T;
  readonly rules: (values: SettingValues<T>) => R;
}

export function defineSettings<const K extends string, T extends Settings, R extends object>(
  definition: SectionDefinition<K, T, R>,
): SettingsSection<K, T, R> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, s] of Object.entries(definition.settings)) {
    const withDefault = s.schema.prefault(s.default as z.input<z.ZodType>);
    shape[name] = s.blankAsDefault ? blankAsDefault(withDefault) : withDefault;
  }
  const schema = blankAsDefault(z.strictObject(shape).prefault({})) as unknown as SettingsSection<K, T, R>['schema'];
  return { key: definition.key, settings: definition.settings, schema, rules: definition.rules };
}

/** Every section of a list, as a union. */
export type SectionOf<L extends readonly { readonly settings: readonly SettingsSection[] }[]> = L[number]['settings'][number];

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The `Rules` fields made by some sections: what a measure that uses them may read. */
export type RulesOf<S extends SettingsSection> = { readonly [K in keyof Intersection<ReturnType<S['rules']>>]: Intersection<ReturnType<S['rules']>>[K] };
