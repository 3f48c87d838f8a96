/**
 * The extracts csc-kpi reads, each declared once in its own module under
 * extracts/ (see define.ts). Adding an extract is a new module there and one
 * line in EXTRACTS below; its record type, file option, configuration
 * mapping section, preset headings and README table row follow from it.
 */
import type { ExtractDef, ExtractDefinition, PresetName, RecordOf } from './define.js';
import { assessments } from './extracts/assessments.js';
import { cases } from './extracts/cases.js';
import { contacts } from './extracts/contacts.js';
import { coreGroups } from './extracts/core-groups.js';
import { cpPlans } from './extracts/cp-plans.js';
import { cpReviews } from './extracts/cp-reviews.js';
import { cpVisits } from './extracts/cp-visits.js';
import { referrals } from './extracts/referrals.js';
import { s47 } from './extracts/s47.js';
import { supervisions } from './extracts/supervisions.js';
import { careLeavers } from './extracts/care-leavers.js';
import { claPeriods } from './extracts/cla-periods.js';
import { claReviews } from './extracts/cla-reviews.js';
import { missingEpisodes } from './extracts/missing-episodes.js';
import { placements } from './extracts/placements.js';
import { proceedings } from './extracts/proceedings.js';
import { staff } from './extracts/staff.js';
import { complaints } from './extracts/complaints.js';

export type { ExtractDef, FieldDef, FieldType, RecordBase } from './define.js';

/** Every extract, in the order they are read, reported and documented. */
export const EXTRACTS = {
  contacts,
  assessments,
  cp_plans: cpPlans,
  core_groups: coreGroups,
  supervisions,
  cases,
  referrals,
  s47,
  cp_reviews: cpReviews,
  cp_visits: cpVisits,
  cla_periods: claPeriods,
  placements,
  cla_reviews: claReviews,
  missing_episodes: missingEpisodes,
  care_leavers: careLeavers,
  proceedings,
  staff,
  complaints,
} as const satisfies Readonly<Record<string, ExtractDef>>;

export type ExtractName = keyof typeof EXTRACTS;
export const EXTRACT_NAMES = Object.keys(EXTRACTS) as readonly ExtractName[];

/**
 * Standard Safeguarding Dataset tables that belong to extracts not read yet,
 * and the extract each will be. When an extract is added, its table moves
 * from here onto its definition (`ssdTable`, and `ssd` on each column), and
 * `<table>.csv` in a data folder is read as that extract.
 */
export const SSD_TABLES_TO_COME: Readonly<Record<string, string>> = {};

/** The file names an extract is found by in a data folder: its own, and its SSD table's. */
export function extractFileNames(name: ExtractName): readonly string[] {
  const def: ExtractDef = EXTRACTS[name];
  return def.ssdTable === null ? [def.file] : [def.file, `${def.ssdTable}.csv`];
}

/** The columns declared for extract N. */
export type FieldsOf<N extends ExtractName> = (typeof EXTRACTS)[N] extends ExtractDefinition<string, infer F> ? F : never;

/** The name of a column of extract N (`contact_date`), checked by the compiler. */
export type ColumnName<N extends ExtractName> = keyof FieldsOf<N> & string;

/** The record type of each extract, inferred from its definition. */
export type RecordTypes = { [N in ExtractName]: RecordOf<(typeof EXTRACTS)[N]> };

export type Contact = RecordTypes['contacts'];
export type Assessment = RecordTypes['assessments'];
export type AssessmentKind = NonNullable<Assessment['kind']>;
export type CpPlan = RecordTypes['cp_plans'];
export type CoreGroup = RecordTypes['core_groups'];
export type Supervision = RecordTypes['supervisions'];
export type Case = RecordTypes['cases'];
export type Referral = RecordTypes['referrals'];
export type S47 = RecordTypes['s47'];
export type CpReview = RecordTypes['cp_reviews'];
export type CpVisit = RecordTypes['cp_visits'];
export type ClaPeriod = RecordTypes['cla_periods'];
export type Placement = RecordTypes['placements'];
export type ClaReview = RecordTypes['cla_reviews'];
export type MissingEpisode = RecordTypes['missing_episodes'];
export type CareLeaver = RecordTypes['care_leavers'];
export type Proceedings = RecordTypes['proceedings'];
export type Staff = RecordTypes['staff'];
export type Complaint = RecordTypes['complaints'];

/**
 * The heading a mapping preset gives a column (the Annex A list heading by default).
 * @throws when the preset has no heading for it.
 */
export function presetHeading<N extends ExtractName>(name: N, column: string, preset: PresetName = 'annex-a'): string {
  const heading = EXTRACTS[name].fields.find((f) => f.name === column)?.presets[preset]?.[0];
  if (heading === undefined) throw new Error(`internal: the ${preset} preset has no heading for ${name}.${column}`);
  return heading;
}

/** The definition of extract `name`, typed by its name. */
export function extractDef<N extends ExtractName>(name: N): ExtractDef<N> {
  return EXTRACTS[name] as ExtractDef<string> as ExtractDef<N>;
}
