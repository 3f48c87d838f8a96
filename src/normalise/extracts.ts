/**
 * The six extracts: their columns, which are required, the header aliases
 * accepted out of the box (Ofsted Annex A list headings where one exists),
 * how a record's key is formed, and which dates must not run backwards.
 */
import type { Day } from '../core/day.js';

export const EXTRACT_NAMES = ['contacts', 'assessments', 'cp_plans', 'core_groups', 'supervisions', 'cases'] as const;
export type ExtractName = (typeof EXTRACT_NAMES)[number];

/**
 * How a cell is read.
 * - `id`: an identifier; trimmed, and an Excel-mangled `1234.0` becomes `1234`.
 * - `text`: free text; trimmed.
 * - `code`: a code such as a case type; trimmed and upper-cased.
 * - `date`: a calendar date (see parse-date.ts).
 * - `flag`: attended or not: Y/N, Yes/No, TRUE/FALSE, 1/0 in any case.
 * - `choice`: one of a fixed set of values, matched without regard to case.
 */
export type FieldType = 'id' | 'text' | 'code' | 'date' | 'flag' | 'choice';

export interface FieldDef {
  /** Canonical column name, as in the documentation. */
  readonly name: string;
  /** Property name on the normalised record. */
  readonly prop: string;
  readonly type: FieldType;
  readonly required: boolean;
  /** Header spellings accepted besides `name` (matched loosely, see headers.ts). */
  readonly aliases: readonly string[];
  /** For `choice`: each value and the spellings that mean it. */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  /** Value used when the cell is blank (choices only). */
  readonly blankAs?: string;
  /** Nearly every row has its own value (keys, child ids): stored compactly, not in a dictionary. */
  readonly distinct?: boolean;
}

export interface ExtractDef {
  readonly name: ExtractName;
  readonly file: string;
  /** Singular noun for messages: "contact", "plan". */
  readonly noun: string;
  readonly fields: readonly FieldDef[];
  /** The key column; when absent or blank, the key is made of `compositeKey`. */
  readonly keyField: string;
  readonly compositeKey: readonly string[];
  /** Pairs [earlier, later] of date columns: a row whose later date is before its earlier one is rejected. */
  readonly order: readonly (readonly [string, string])[];
}

interface FieldOptions {
  required?: boolean;
  aliases?: readonly string[];
  choices?: Readonly<Record<string, readonly string[]>>;
  blankAs?: string;
  distinct?: boolean;
}

function field(name: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const prop = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return {
    name,
    prop,
    type,
    required: options.required ?? false,
    aliases: options.aliases ?? [],
    ...(options.choices ? { choices: options.choices } : {}),
    ...(options.blankAs !== undefined ? { blankAs: options.blankAs } : {}),
    ...(options.distinct ? { distinct: true } : {}),
  };
}

const CHILD_ID = field('child_id', 'id', { required: true, aliases: ['Child Unique ID'], distinct: true });
const TEAM = field('team', 'text', { aliases: ['Allocated Team'] });
const WORKER = field('worker', 'id', { aliases: ['Allocated Worker'] });
const ATTENDED = { Y: ['y', 'yes', 'true', '1'], N: ['n', 'no', 'false', '0'] } as const;

export const EXTRACTS: Readonly<Record<ExtractName, ExtractDef>> = {
  contacts: {
    name: 'contacts',
    file: 'contacts.csv',
    noun: 'contact',
    fields: [
      field('contact_id', 'id', { distinct: true }),
      CHILD_ID,
      field('contact_date', 'date', { required: true, aliases: ['Date of Contact'] }),
      field('decision_date', 'date'),
      field('source', 'text', { aliases: ['Contact Source'] }),
      field('outcome', 'text'),
      TEAM,
      WORKER,
    ],
    keyField: 'contact_id',
    compositeKey: ['child_id', 'contact_date', 'source'],
    order: [['contact_date', 'decision_date']],
  },
  assessments: {
    name: 'assessments',
    file: 'assessments.csv',
    noun: 'assessment',
    fields: [
      field('assessment_id', 'id', { distinct: true }),
      CHILD_ID,
      field('start_date', 'date', { required: true, aliases: ['Continuous Assessment Start Date'] }),
      field('authorised_date', 'date', { aliases: ['Continuous Assessment Date of Authorisation'] }),
      field('referral_date', 'date'),
      field('kind', 'choice', { choices: { new: ['new'], update: ['update'] } }),
      field('team', 'text'),
      field('worker', 'id'),
    ],
    keyField: 'assessment_id',
    compositeKey: ['child_id', 'start_date'],
    order: [['start_date', 'authorised_date']],
  },
  cp_plans: {
    name: 'cp_plans',
    file: 'cp_plans.csv',
    noun: 'plan',
    fields: [
      field('plan_id', 'id', { distinct: true }),
      CHILD_ID,
      field('start_date', 'date', { required: true, aliases: ['Child Protection Plan Start Date'] }),
      field('end_date', 'date', { aliases: ['Child Protection Plan End Date'] }),
      field('category', 'text', { aliases: ['Latest Category of Abuse'] }),
      field('previous_plans', 'text', { aliases: ['Number of Previous Child Protection Plans'] }),
      field('team', 'text'),
      field('worker', 'id'),
    ],
    keyField: 'plan_id',
    compositeKey: ['child_id', 'start_date'],
    order: [['start_date', 'end_date']],
  },
  core_groups: {
    name: 'core_groups',
    file: 'core_groups.csv',
    noun: 'meeting',
    fields: [
      field('meeting_id', 'id', { distinct: true }),
      CHILD_ID,
      field('meeting_date', 'date', { required: true }),
      field('status', 'choice', { choices: { held: ['held'], cancelled: ['cancelled', 'canceled'] }, blankAs: 'held' }),
      field('education', 'flag', { choices: ATTENDED }),
      field('police', 'flag', { choices: ATTENDED }),
      field('health', 'flag', { choices: ATTENDED }),
      field('other', 'flag', { choices: ATTENDED }),
    ],
    keyField: 'meeting_id',
    compositeKey: ['child_id', 'meeting_date'],
    order: [],
  },
  supervisions: {
    name: 'supervisions',
    file: 'supervisions.csv',
    noun: 'supervision',
    fields: [
      field('supervision_id', 'id', { distinct: true }),
      CHILD_ID,
      field('supervision_date', 'date', { required: true }),
      field('worker', 'id'),
      field('supervisor', 'id'),
    ],
    keyField: 'supervision_id',
    compositeKey: ['child_id', 'supervision_date'],
    order: [],
  },
  cases: {
    name: 'cases',
    file: 'cases.csv',
    noun: 'case',
    fields: [
      field('case_id', 'id', { distinct: true }),
      CHILD_ID,
      field('start_date', 'date', { required: true }),
      field('end_date', 'date'),
      field('case_type', 'code'),
      field('worker', 'id'),
      field('team', 'text'),
    ],
    keyField: 'case_id',
    compositeKey: ['child_id', 'start_date'],
    order: [['start_date', 'end_date']],
  },
};

/** Fields every normalised record carries besides its columns. */
export interface RecordBase {
  /** Line of the file the row starts on (the header is usually line 1). */
  readonly line: number;
  /** The key the row was de-duplicated on. */
  readonly key: string;
  readonly childId: string;
}

export interface Contact extends RecordBase {
  readonly contactId: string | null;
  readonly contactDate: Day;
  readonly decisionDate: Day | null;
  readonly source: string | null;
  readonly outcome: string | null;
  readonly team: string | null;
  readonly worker: string | null;
}

export type AssessmentKind = 'new' | 'update';

export interface Assessment extends RecordBase {
  readonly assessmentId: string | null;
  readonly startDate: Day;
  readonly authorisedDate: Day | null;
  readonly referralDate: Day | null;
  readonly kind: AssessmentKind | null;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface CpPlan extends RecordBase {
  readonly planId: string | null;
  readonly startDate: Day;
  readonly endDate: Day | null;
  readonly category: string | null;
  readonly previousPlans: string | null;
  readonly team: string | null;
  readonly worker: string | null;
}

export interface CoreGroup extends RecordBase {
  readonly meetingId: string | null;
  readonly meetingDate: Day;
  readonly status: 'held' | 'cancelled';
  /** Attendance: true, false, or null when the cell was blank. */
  readonly education: boolean | null;
  readonly police: boolean | null;
  readonly health: boolean | null;
  readonly other: boolean | null;
}

export interface Supervision extends RecordBase {
  readonly supervisionId: string | null;
  readonly supervisionDate: Day;
  readonly worker: string | null;
  readonly supervisor: string | null;
}

export interface Case extends RecordBase {
  readonly caseId: string | null;
  readonly startDate: Day;
  readonly endDate: Day | null;
  readonly caseType: string | null;
  readonly worker: string | null;
  readonly team: string | null;
}

/** The record type of each extract. */
export interface RecordTypes {
  contacts: Contact;
  assessments: Assessment;
  cp_plans: CpPlan;
  core_groups: CoreGroup;
  supervisions: Supervision;
  cases: Case;
}
