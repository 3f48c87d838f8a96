/**
 * Which extract a sheet of a workbook is.
 *
 * A sheet is the extract its header row matches: of the extracts whose
 * required columns the header has, the one with the most columns mapped
 * (on a tie, the one the sheet's name says, then the first in the usual
 * order). A sheet's name is recognised too: Ofsted's Annex A lists
 * `List 1` ... `List 11` (by number, so `List 1` never matches `List 10`),
 * and the extracts' own names (`contacts`, `cp_plans`). A name that says one
 * thing while the header says another draws a warning, and the header wins;
 * a list csc-kpi does not read whose header has a heading of its own (List
 * 10's `Date of Adoption Order`; it shares others with the periods of care)
 * is not read; a sheet whose header matches nothing is read as the extract its name says
 * (so a missing column is reported as for a CSV file), or else is read and
 * not used.
 *
 * ANNEX_A_LISTS below is the one place the Annex A lists are mapped: a list
 * whose extract does not exist yet names the extract it is waiting for and is
 * reported as "not used yet"; adding that extract is a matter of naming it
 * here.
 */
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from './extracts.js';
import { matchHeader, normaliseHeader } from './headers.js';
import type { ExtractWarning } from './problems.js';
import type { ExtractMapping } from './validate.js';
import type { SourceRef } from '../read/source.js';

/** One Ofsted Annex A list, and what csc-kpi makes of it. */
export interface AnnexAList {
  /** The list's number: its sheet is `List <number>`. */
  readonly number: number;
  /** The list's title in the Annex A guidance. */
  readonly title: string;
  /** The extract the list is; null when it is not read into one. */
  readonly extract: ExtractName | null;
  /** For a list not read yet: the extract it will be once that exists. */
  readonly later?: string;
  /** Headings of this list for the extract's columns, besides the extract's own (`CIN Start Date`). */
  readonly columns?: Readonly<Record<string, readonly string[]>>;
  /** Columns the list does not have whose value is the same on every row, as text. */
  readonly fixed?: Readonly<Record<string, string>>;
  /** What to know about the list, for the README. */
  readonly note?: string;
  /** For a list not read: headings no extract's list has, which make a sheet that list whatever else it shares. */
  readonly ownHeadings?: readonly string[];
}

/** The Annex A lists (Ofsted's inspection of local authority children's services). */
export const ANNEX_A_LISTS: readonly AnnexAList[] = [
  { number: 1, title: 'Contacts', extract: 'contacts', note: 'has no decision date, so contacts_1wd cannot be computed from it' },
  { number: 2, title: 'Early help', extract: null, note: 'read and not used' },
  { number: 3, title: 'Referrals', extract: 'referrals' },
  { number: 4, title: 'Assessments', extract: 'assessments', note: '`Child Seen During Continuous Assessment` is child_seen' },
  { number: 5, title: 'Section 47 enquiries and ICPCs', extract: 's47' },
  {
    number: 6,
    title: 'Children in need',
    extract: 'cases',
    columns: { start_date: ['CIN Start Date'], end_date: ['CIN Closure Date'] },
    fixed: { case_type: 'CIN' },
    note: '`CIN Start Date` and `CIN Closure Date` are the case start and end; every case has case type `CIN`',
  },
  { number: 7, title: 'Child protection', extract: 'cp_plans' },
  { number: 8, title: 'Children in care', extract: 'cla_periods' },
  {
    number: 9,
    title: 'Care leavers',
    extract: 'care_leavers',
    note: 'one row per young person: its `Latest Date of Contact` is the record date',
  },
  {
    number: 10,
    title: 'Adoption',
    extract: null,
    note: 'read and not used',
    ownHeadings: ['Date of Decision that Child Should be Placed for Adoption', 'Date Placed for Adoption', 'Date of Adoption Order'],
  },
  { number: 11, title: 'Adopters', extract: null, note: 'read and not used', ownHeadings: ['Adopter ID', 'Date Stage 1 Started'] },
];

const LIST_NAME = /^list\s*0*(\d+)$/;

/** The Annex A list a sheet's name is (`List 4`, `list 4`), if any. */
export function annexAList(sheet: string): AnnexAList | undefined {
  const m = LIST_NAME.exec(sheet.trim().toLowerCase());
  if (!m) return undefined;
  return ANNEX_A_LISTS.find((l) => l.number === Number(m[1]));
}

/** What a sheet's name says it is: an Annex A list, or an extract by its own name. */
export interface SheetName {
  readonly list?: AnnexAList;
  /** The extract the name says, if any (a list's extract). */
  readonly extract?: ExtractName;
}

export function sheetName(sheet: string): SheetName {
  const list = annexAList(sheet);
  if (list) return list.extract === null ? { list } : { list, extract: list.extract };
  const loose = normaliseHeader(sheet);
  const extract = EXTRACT_NAMES.find((n) => normaliseHeader(n) === loose || normaliseHeader(EXTRACTS[n].file.replace(/\.csv$/, '')) === loose);
  return extract === undefined ? {} : { extract };
}

/** An extract's headings from the configuration and from the Annex A lists that are that extract. */
export function sheetAliases(name: ExtractName, mapping: ExtractMapping | undefined): Record<string, readonly string[]> {
  const aliases: Record<string, string[]> = {};
  const add = (field: string, names: readonly string[]) => (aliases[field] = [...(aliases[field] ?? []), ...names]);
  for (const [field, names] of Object.entries(mapping?.columns ?? {})) add(field, names);
  for (const list of ANNEX_A_LISTS) {
    if (list.extract !== name) continue;
    for (const [field, names] of Object.entries(list.columns ?? {})) add(field, names);
  }
  return aliases;
}

/** What a sheet is used as. */
export type SheetUse =
  | { readonly kind: 'extract'; readonly extract: ExtractName; /** Values every row has for columns the sheet lacks. */ readonly fixed: Readonly<Record<string, string>> }
  /** A list csc-kpi does not read (Annex A Lists 2, 10, 11), a header that matches no extract, or a sheet with no cells. */
  | { readonly kind: 'not-used'; readonly reason: 'not-read' | 'no-match' | 'empty' }
  /** An Annex A list whose extract does not exist yet. */
  | { readonly kind: 'not-used-yet'; readonly extract: string };

/**
 * Which extract the sheet `sheet` with header `headers` is (see the module comment).
 * @param mappings each extract's mapping from the configuration.
 */
export function chooseSheetUse(
  sheet: string,
  headers: readonly string[] | null,
  mappings: Readonly<Partial<Record<ExtractName, ExtractMapping>>>,
): SheetUse {
  const named = sheetName(sheet);
  if (headers === null) return { kind: 'not-used', reason: 'empty' };
  // A list csc-kpi does not read, known by a heading of its own, is not read whatever columns it shares with an extract.
  const loose = new Set(headers.map(normaliseHeader));
  if (ANNEX_A_LISTS.some((l) => l.extract === null && l.ownHeadings?.some((h) => loose.has(normaliseHeader(h))))) {
    return { kind: 'not-used', reason: 'not-read' };
  }
  let best: ExtractName | undefined;
  let bestScore = -1;
  for (const name of EXTRACT_NAMES) {
    const m = matchHeader(EXTRACTS[name], headers, sheetAliases(name, mappings[name]));
    if (m.missing.length > 0) continue;
    const score = m.mapped.length;
    if (score > bestScore || (score === bestScore && name === named.extract)) {
      best = name;
      bestScore = score;
    }
  }
  const chosen = best ?? named.extract;
  if (chosen !== undefined) return { kind: 'extract', extract: chosen, fixed: fixedValues(chosen, named.list, headers) };
  if (named.list?.later !== undefined) return { kind: 'not-used-yet', extract: named.list.later };
  return { kind: 'not-used', reason: named.list ? 'not-read' : 'no-match' };
}

/**
 * The fixed values of the Annex A list the sheet is: the list its name says,
 * or one whose own headings the header uses (a List 6 saved under another name).
 */
function fixedValues(extract: ExtractName, named: AnnexAList | undefined, headers: readonly string[]): Readonly<Record<string, string>> {
  const loose = new Set(headers.map(normaliseHeader));
  for (const list of ANNEX_A_LISTS) {
    if (list.extract !== extract || list.fixed === undefined) continue;
    const ownHeadings = Object.values(list.columns ?? {}).flat();
    if (list === named || ownHeadings.some((h) => loose.has(normaliseHeader(h)))) return list.fixed;
  }
  return {};
}

/**
 * The warning for a sheet whose name says another extract than the one its
 * header made it (`List 4` holding contacts); none when they agree.
 */
export function sheetNameWarnings(extract: ExtractName, source: SourceRef, headerLine: number): ExtractWarning[] {
  if (source.kind !== 'sheet') return [];
  const named = sheetName(source.sheet);
  if (named.extract === extract || (named.list === undefined && named.extract === undefined)) return [];
  const says = named.list
    ? `Annex A List ${named.list.number} (${named.list.title})${named.list.extract ? `, the ${named.list.extract} extract` : ''}`
    : `the ${named.extract!} extract`;
  return [{ code: 'sheet-name', at: { source, line: headerLine, column: 0 }, params: { sheet: source.sheet, says, extract } }];
}
