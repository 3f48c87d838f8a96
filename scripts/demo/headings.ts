/**
 * The first line of each demo file: the Annex A headings the council's
 * system exports for contacts, assessments and CP plans, and plain column
 * names for the rest. The cells of a row follow the same order.
 *
 * These repeat what src/normalise knows of each extract (its columns and
 * their aliases); they are kept here, in one place, so that deriving them
 * from the extract definitions is one edit.
 */
export const HEADERS = {
  contacts: [
    'Contact ID',
    'Child Unique ID',
    'Gender',
    'Date of Contact',
    'Decision Date',
    'Contact Source',
    'Outcome',
    'Allocated Team',
    'Allocated Worker',
  ],
  assessments: [
    'Assessment ID',
    'Child Unique ID',
    'Referral Date',
    'Continuous Assessment Start Date',
    'Continuous Assessment Date of Authorisation',
    'Kind',
    'Factors Identified at End of Assessment',
    'Team',
    'Worker',
  ],
  cp_plans: [
    'Plan ID',
    'Child Unique ID',
    'Child Protection Plan Start Date',
    'Child Protection Plan End Date',
    'Latest Category of Abuse',
    'Number of Previous Child Protection Plans',
    'Team',
    'Worker',
  ],
  core_groups: ['meeting_id', 'child_id', 'meeting_date', 'status', 'education', 'police', 'health', 'other', 'venue'],
  supervisions: ['supervision_id', 'child_id', 'supervision_date', 'worker', 'supervisor'],
  cases: ['case_id', 'child_id', 'start_date', 'end_date', 'case_type', 'worker', 'team', 'primary_need'],
} as const satisfies Readonly<Record<string, readonly string[]>>;
