/**
 * The commented starter configuration written by `csc-kpi init`, and the
 * mapping presets it can include.
 */
import { PRESET_NAMES, type PresetName } from '../normalise/define.js';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';

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

function mappingSection(preset: HeaderPreset | undefined): string {
  const lines: string[] = [];
  for (const name of EXTRACT_NAMES) {
    const def = EXTRACTS[name];
    const columns = preset?.[name] ?? {};
    lines.push(`  ${name}:`);
    lines.push(`    # encoding: auto          # auto | utf-8 | utf-16le | utf-16be | windows-1252`);
    lines.push(`    # onDuplicateKey: keep-first  # keep-last when the system appends an update after the original row`);
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

/** The starter configuration: every key, its default, and what it means. */
export function starterConfig(presetName?: string): string {
  const preset = presetName === undefined ? undefined : PRESETS[presetName];
  return `# csc-kpi configuration${presetName ? ` (with the ${presetName} mapping preset)` : ''}
#
# Every key is optional: a key left out (or commented out) takes the default
# shown, which is the published rule. Durations are written 10wd (working
# days), 28d (calendar days), 4w (weeks) or 1m (calendar months).

contacts:
  # Time allowed to decide a contact, from the contact date.
  timescale: 1wd

assessments:
  # Where the 45 working days start: "start" (the assessment's start date)
  # or "referral" (the referral date; assessments without one are left out).
  clockStart: start

calendar:
  # Bank holidays of england-and-wales, scotland or northern-ireland.
  region: england-and-wales
  # false counts every Monday to Friday as a working day.
  bankHolidays: true
  # Extra days the service was closed, as YYYY-MM-DD.
  closures: []

coreGroups:
  # First core group after the plan starts (the initial conference).
  firstWithin: 10wd
  # Each later core group after the previous one (6w in some procedures).
  thenEvery: 4w

supervision:
  # Case supervision interval, and per case type (CIN, CP, CLA, CL ...).
  interval: 1m
  byCaseType: {}
  #   CP: 4w

# How this council's extracts map onto csc-kpi's columns. Headers are
# matched ignoring case, spaces, underscores and hyphens; list exact
# headings, not patterns.
mapping:
${mappingSection(preset)}
`;
}
