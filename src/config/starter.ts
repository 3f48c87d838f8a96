/**
 * The commented starter configuration written by `csc-kpi init`, and the
 * mapping presets it can include. The rules sections are written from the
 * measures' settings (src/measures/settings.ts): every key, its default and
 * its comment, as declared there.
 */
import { PRESET_NAMES, type PresetName } from '../normalise/define.js';
import { SETTINGS_SECTIONS } from '../measures/index.js';
import type { SettingsSection } from '../measures/settings.js';
import { type ExtractDef, EXTRACT_NAMES, EXTRACTS, type ExtractName, SSD_TABLES_TO_COME } from '../normalise/extracts.js';
import { CONFIG_KEYS } from './config.js';

/** Header spellings by extract and column. */
export type HeaderPreset = Partial<Record<ExtractName, Readonly<Record<string, readonly string[]>>>>;

/** The headings a preset lists for every extract's columns, from the extract definitions. */
export function presetHeadings(preset: PresetName): HeaderPreset {
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const name of EXTRACT_NAMES) {
    const columns = EXTRACTS[name].fields.flatMap((f) => (f.presets[preset] ? [[f.name, f.presets[preset]] as const] : []));
    if (columns.length) out[name] = Object.fromEntries(columns);
  }
  return out;
}

export const PRESETS: Readonly<Record<string, HeaderPreset>> = Object.fromEntries(PRESET_NAMES.map((p) => [p, presetHeadings(p)]));

function yamlString(s: string): string {
  return JSON.stringify(s);
}

function mappingSection(preset: HeaderPreset | undefined, presetName: string | undefined): string {
  const lines: string[] = [];
  for (const name of EXTRACT_NAMES) {
    const def: ExtractDef = EXTRACTS[name];
    const columns = preset?.[name] ?? {};
    lines.push(`  ${name}:`);
    if (presetName === 'ssd') {
      lines.push(
        def.ssdTable === null
          ? '    # no SSD table maps to this extract: export it with the headings below'
          : `    # the SSD table ${def.ssdTable} (${def.ssdTable}.csv in --data is read as ${name})`,
      );
    }
    lines.push(`    # encoding: auto          # auto | utf-8 | utf-16le | utf-16be | windows-1252`);
    lines.push(`    # onDuplicateKey: keep-first  # keep-last when the system appends an update after the original row`);
    lines.push(`    # coverageFrom: 2020-04-01    # the extract holds nothing before this day (Annex A: six to twelve months)`);
    if (def.fields.some((f) => f.type === 'date')) {
      lines.push(`    # dateOrder: day-first    # month-first only for systems that write 01/13/2021`);
      lines.push(`    # excelDates: false       # true when date cells hold spreadsheet serial numbers (44197)`);
    }
    const entries = Object.entries(columns);
    if (entries.length) {
      lines.push('    columns:');
      for (const [field, spellings] of entries) lines.push(`      ${field}: [${spellings.map(yamlString).join(', ')}]`);
    } else {
      lines.push(`    # columns:                # header spellings per column, e.g.`);
      lines.push(`    #   ${def.fields[1]!.name}: ["Your system's heading"]`);
    }
    const coded = def.fields.filter((f) => f.type === 'choice');
    for (const f of coded) {
      const values = Object.keys(f.choices ?? {});
      lines.push(`    # values:                 # more spellings for coded values, e.g.`);
      lines.push(`    #   ${f.name}: { ${values[0]}: ["${values[0] === 'new' ? 'New referral' : 'Took place'}"] }`);
    }
  }
  return lines.join('\n');
}

/** A default as written in the file: a plain word as it is, anything else as JSON (`{}`, `[]`, `true`). */
function yamlValue(value: unknown): string {
  return typeof value === 'string' && /^[\w.-]+$/.test(value) ? value : JSON.stringify(value);
}

/** A rules section: each key with its comment above it, its default, and any example entries commented out under it. */
function rulesSection(section: SettingsSection): string {
  const lines = [`${section.key}:`];
  for (const [key, s] of Object.entries(section.settings)) {
    for (const line of s.comment) lines.push(`  # ${line}`);
    lines.push(`  ${key}: ${yamlValue(s.default)}`);
    for (const line of s.examples ?? []) lines.push(`  #   ${line}`);
  }
  return lines.join('\n');
}

const CALENDAR = `calendar:
  # Bank holidays of england-and-wales, scotland or northern-ireland.
  region: england-and-wales
  # false counts every Monday to Friday as a working day.
  bankHolidays: true
  # Extra days the service was closed, as YYYY-MM-DD.
  closures: []`;

const POPULATION = `# Children aged 0-17 in the council's area (the ONS mid-year estimate), for
# the rates per 10,000 children. One number, or one per calendar year; a
# period takes the latest year not after its snapshot's year. Without it the
# rates are not computable.
# population: 56000
# population: { 2020: 55800, 2021: 56000 }`;

const PLACEHOLDERS = `# Values read as blank wherever they appear, because the system writes them
# for "none": SQL Server (behind Liquid Logic, Mosaic and the Standard
# Safeguarding Dataset) writes -1 for "no such record" and 1900-01-01, its
# day 0, for "no date". Dates match with any time and in any accepted
# spelling. In a required column a placeholder is a missing value. An empty
# list ([]) switches that kind off.
placeholders:
  ids: ["-1"]
  dates: [1900-01-01]`;

const PERIODS = `# Quarters and years (scorecard --every quarter|year) are financial: the
# year starts in this month (1-12). 4, April, is the DfE's year: 2021-22 runs
# April 2021 to March 2022 and 2021-22Q2 is July to September 2021. With 1,
# January, the labels are 2021 and 2021Q3.
periods:
  yearStart: 4`;

/** The SSD tables of extracts still to come, so that a council sees why they are not read. */
function ssdTablesToCome(): string {
  const tables = Object.entries(SSD_TABLES_TO_COME).map(([table, extract]) => `\n#   ${table}: ${extract}`);
  if (tables.length === 0) return '';
  return `\n# SSD tables not read yet (their extracts come in a later version):${tables.join('')}`;
}

function mapping(preset: HeaderPreset | undefined, presetName: string | undefined): string {
  return `# How this council's extracts map onto csc-kpi's columns. Headers are
# matched ignoring case, spaces, underscores and hyphens; list exact
# headings, not patterns.${presetName === 'ssd' ? `
# The Standard Safeguarding Dataset's table and column names below are also
# read without this file; they are listed here to show the mapping.${ssdTablesToCome()}` : ''}
mapping:
${mappingSection(preset, presetName)}`;
}

/** The starter configuration: every key, its default, and what it means. */
export function starterConfig(presetName?: string): string {
  const preset = presetName === undefined ? undefined : PRESETS[presetName];
  const sections = CONFIG_KEYS.map((key) => {
    if (key === 'calendar') return CALENDAR;
    if (key === 'population') return POPULATION;
    if (key === 'placeholders') return PLACEHOLDERS;
    if (key === 'periods') return PERIODS;
    if (key === 'mapping') return mapping(preset, presetName);
    const section = SETTINGS_SECTIONS.find((s) => s.key === key);
    if (!section) throw new Error(`internal: no starter text for the ${key} section`);
    return rulesSection(section);
  });
  return `# csc-kpi configuration${presetName ? ` (with the ${presetName} mapping preset)` : ''}
#
# Every key is optional: a key left out (or commented out) takes the default
# shown, which is the published rule. Durations are written 10wd (working
# days), 28d (calendar days), 4w (weeks) or 1m (calendar months).

${sections.join('\n\n')}
`;
}
