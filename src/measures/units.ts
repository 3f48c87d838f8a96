/**
 * The units a measure's value can be in, and everything the report and the
 * renderers need to know about each: one table, so a new unit is one entry
 * here and nothing else (a unit missing a description does not compile).
 */

/** An amber tolerance: in the measure's own units, or a fraction of the target. */
export type Tolerance = { readonly kind: 'absolute'; readonly amount: number } | { readonly kind: 'relative'; readonly fraction: number };

/** What the small figures under a value in a breakdown show. */
export interface BreakdownCounts {
  /** numerator/denominator, or n = the numerator or the denominator. */
  readonly show: 'fraction' | 'numerator' | 'denominator';
  /** What n counts, when that is not obvious. */
  readonly counting?: string;
}

export interface UnitDescription {
  /** Axis and column label: "Per cent". */
  readonly label: string;
  /** Straight after a figure in a table or chart: "77.1%", "386.0". */
  readonly suffix: string;
  /** After a figure in a sentence: "77.1%", "386.0 days". */
  readonly inWords: string;
  /** After the difference of two figures: "+2.5 pts". */
  readonly difference: string;
  /** Spreadsheet number format of a value. */
  readonly numberFormat: string;
  /** A chart's axis stays within 0 to 100. */
  readonly upTo100: boolean;
  readonly breakdownCounts: BreakdownCounts;
  /** The amber tolerance when the targets file gives none. */
  readonly defaultTolerance: Tolerance;
}

const FIVE_POINTS: Tolerance = { kind: 'absolute', amount: 5 };
const FIVE_PER_CENT_OF_TARGET: Tolerance = { kind: 'relative', fraction: 0.05 };

const UNIT_TABLE = {
  percent: {
    label: 'Per cent',
    suffix: '%',
    inWords: '%',
    difference: ' pts',
    numberFormat: '0.0"%"',
    upTo100: true,
    breakdownCounts: { show: 'fraction' },
    defaultTolerance: FIVE_POINTS,
  },
  days: {
    label: 'Days',
    suffix: '',
    inWords: ' days',
    difference: ' days',
    numberFormat: '0.0',
    upTo100: false,
    breakdownCounts: { show: 'denominator' },
    defaultTolerance: FIVE_PER_CENT_OF_TARGET,
  },
  'cases per worker': {
    label: 'Cases per worker',
    suffix: '',
    inWords: ' cases per worker',
    difference: '',
    numberFormat: '0.0',
    upTo100: false,
    breakdownCounts: { show: 'denominator', counting: 'workers' },
    defaultTolerance: FIVE_PER_CENT_OF_TARGET,
  },
  'per 10,000 children': {
    label: 'Per 10,000 children',
    suffix: '',
    inWords: ' per 10,000 children',
    difference: '',
    numberFormat: '0.0',
    upTo100: false,
    breakdownCounts: { show: 'numerator', counting: 'children' },
    defaultTolerance: FIVE_PER_CENT_OF_TARGET,
  },
  count: {
    label: 'Count',
    suffix: '',
    inWords: '',
    difference: '',
    numberFormat: '#,##0.0',
    upTo100: false,
    breakdownCounts: { show: 'numerator' },
    defaultTolerance: FIVE_PER_CENT_OF_TARGET,
  },
} satisfies Readonly<Record<string, UnitDescription>>;

/** The units: the keys of the table, so a unit cannot exist without its description. */
export type Unit = keyof typeof UNIT_TABLE;

export const UNITS: Readonly<Record<Unit, UnitDescription>> = UNIT_TABLE;
