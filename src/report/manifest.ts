/**
 * The run manifest: everything an auditor needs to reproduce a scorecard.
 *
 * Tool and version, as-at date, the command's options, the effective
 * configuration and targets with every default filled in, the working-day
 * calendar (region, bank holidays on or off, and every bank holiday and
 * closure on a weekday in the range of days the measures looked at), each
 * input's source (path, and sheet for a workbook), size, SHA-256 and row
 * accounting with every rejected row's code, line (row) and column, and the
 * results.
 *
 * It holds no child identifiers and no timestamp, so two runs on the same
 * inputs give the same bytes and can be diffed.
 */
import type { WorkingCalendar } from '../core/calendar.js';
import { formatDay } from '../core/day.js';
import { REGIONS } from '../core/calendar.js';
import { type Config, describeConfig } from '../config/config.js';
import type { Measure } from '../measures/types.js';
import type { LoadedExtract } from '../normalise/load.js';
import type { Scorecard } from './scorecard.js';
import { scorecardJson } from './scorecard-json.js';
import { defaultTolerance, type Targets, type Tolerance } from './targets.js';
import { formatMonth } from '../core/period.js';

export const MANIFEST_VERSION = 1;

/** The options of the scorecard command, as given. */
export interface RunOptions {
  readonly data: string | null;
  readonly files: Readonly<Record<string, string>>;
  /** Workbooks named with --workbook; present only when some were. */
  readonly workbooks?: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly period: string | null;
  /** --every, present only when not `month`. */
  readonly every?: string;
  /** --window, present only when given. */
  readonly window?: string;
  readonly asAt: string | null;
  readonly config: string | null;
  readonly targets: string | null;
  readonly format: string;
  readonly out: string | null;
  readonly strict: boolean;
  readonly maxRejected: string | null;
  readonly by: 'team' | 'worker' | null;
}

/** A tolerance as written in a targets file: a number, or "N%" of the target. */
export function formatTolerance(t: Tolerance): number | string {
  return t.kind === 'absolute' ? t.amount : `${Math.round(t.fraction * 1e6) / 1e4}%`;
}

/** Every measure's targets, with the default tolerance filled in; a valid targets file. */
export function effectiveTargets(measures: readonly Measure[], targets: Targets | undefined): object {
  return {
    ...(targets?.title === undefined ? {} : { title: targets.title }),
    measures: Object.fromEntries(
      measures.map((m) => {
        const t = targets?.measures.get(m.id);
        return [
          m.id,
          {
            trajectory: Object.fromEntries((t?.trajectory ?? []).map(([month, v]) => [formatMonth(month), v])),
            tolerance: formatTolerance(t?.tolerance ?? defaultTolerance(m)),
            comparators: Object.fromEntries(t?.comparators ?? []),
            ...(t?.note === undefined ? {} : { note: t.note }),
          },
        ];
      }),
    ),
  };
}

/** The calendar as used: its settings and the weekday holidays and closures in the range asked about. */
export function calendarManifest(calendar: WorkingCalendar): object {
  const { region, bankHolidays, closures } = calendar.options;
  const range = calendar.usedRange();
  return {
    region,
    regionName: REGIONS[region].label,
    bankHolidays,
    closures: closures.map(formatDay),
    weekends: 'Saturday and Sunday',
    from: range ? formatDay(range.from) : null,
    to: range ? formatDay(range.to) : null,
    nonWorkingWeekdays: range
      ? calendar
          .nonWorkingDays(range.from, range.to)
          .filter((d) => d.reason !== 'weekend')
          .map((d) => ({ date: formatDay(d.day), reason: d.reason, ...(d.name ? { name: d.name } : {}) }))
      : [],
  };
}

export interface ManifestInput {
  readonly options: RunOptions;
  readonly periods: readonly string[];
  readonly config: Config;
  readonly targets: Targets | undefined;
  readonly measures: readonly Measure[];
  readonly calendar: WorkingCalendar;
  readonly extracts: readonly LoadedExtract[];
  readonly scorecard: Scorecard;
}

export function buildManifest(input: ManifestInput): object {
  const json = scorecardJson(input.scorecard);
  return {
    manifestVersion: MANIFEST_VERSION,
    generator: json.generator,
    command: 'scorecard',
    asAt: json.asAt,
    options: input.options,
    periods: input.periods,
    config: describeConfig(input.config),
    targets: effectiveTargets(input.measures, input.targets),
    calendar: calendarManifest(input.calendar),
    inputs: Object.fromEntries(
      input.extracts.map((x) => [
        x.name,
        {
          path: x.source.path,
          ...(x.source.kind === 'sheet' ? { sheet: x.source.sheet } : {}),
          bytes: x.source.bytes,
          sha256: x.source.sha256,
          rows: { ...x.counts },
          blankLines: x.source.blankLines,
          columns: {
            mapped: x.columns.mapped.map((m) => ({ field: m.field.name, column: m.index + 1, header: m.header })),
            ignored: x.columns.ignored,
          },
          rejected: x.rejections.map((r) => ({ code: r.code, line: r.at.line, column: r.at.column, field: r.field })),
          duplicates: x.duplicates.map((d) => ({ line: d.line, firstLine: d.firstLine })),
        },
      ]),
    ),
    results: json.results,
  };
}
