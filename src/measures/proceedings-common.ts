/**
 * Care proceedings, as one per application: rows sharing a proceedings_id
 * (siblings) are one proceedings, issued on the earliest issue_date and
 * ended on the latest end_date, open while any of its rows is open; a row
 * without a proceedings_id is one on its own. The Children Act 1989
 * s32(1)(a)(ii) asks for proceedings to be completed within 26 weeks
 * beginning with the day the application was issued: by issue_date + 26
 * weeks - 1 day.
 */
import type { Day } from '../core/day.js';
import type { Proceedings } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import { perChild } from './cla-common.js';
import type { Counted } from './types.js';

/** Days in 26 weeks beginning with the issue date: the last day is issue + 181. */
export const PROCEEDINGS_DAYS = 26 * 7;

/**
 * The day by which proceedings issued on `issue` should end (26 weeks
 * beginning with the day of issue), and the clock's start.
 * @example proceedingsDue(4 Jan 2021) //=> { due: 4 Jul 2021, since: 4 Jan 2021 }
 */
export function proceedingsDue(issue: Day): { readonly due: Day; readonly since: Day } {
  return { due: issue + PROCEEDINGS_DAYS - 1, since: issue };
}

/** One set of proceedings: its rows (one per child) taken together. */
export interface ProceedingsGroup {
  /** The first row in the file; explanations show it with every line. */
  readonly first: Proceedings;
  readonly lines: readonly number[];
  readonly children: number;
  readonly issue: Day;
  /** The latest end_date; null while any row is open. */
  readonly end: Day | null;
}

const groupsCache = new WeakMap<Records<Proceedings>, readonly ProceedingsGroup[]>();

/** The proceedings of the extract, in order of their first row (memoised on the records). */
export function proceedingsGroups(records: Records<Proceedings>): readonly ProceedingsGroup[] {
  const cached = groupsCache.get(records);
  if (cached) return cached;
  const byId = new Map<string, { first: Proceedings; lines: number[]; issue: Day; end: Day | null; open: boolean }>();
  const groups: { first: Proceedings; lines: number[]; issue: Day; end: Day | null; open: boolean }[] = [];
  for (const row of records) {
    const id = row.proceedingsId?.toUpperCase();
    const existing = id === undefined ? undefined : byId.get(id);
    if (existing) {
      existing.lines.push(row.line);
      existing.issue = Math.min(existing.issue, row.issueDate);
      if (row.endDate === null) existing.open = true;
      else existing.end = existing.end === null ? row.endDate : Math.max(existing.end, row.endDate);
      continue;
    }
    const g = { first: row, lines: [row.line], issue: row.issueDate, end: row.endDate, open: row.endDate === null };
    groups.push(g);
    if (id !== undefined) byId.set(id, g);
  }
  const result = groups.map((g): ProceedingsGroup => ({ first: g.first, lines: g.lines, children: g.lines.length, issue: g.issue, end: g.open ? null : g.end }));
  groupsCache.set(records, result);
  return result;
}

/** The proceedings as a counted observation: its first row, with every line when it has several. */
export function countedGroup(g: ProceedingsGroup): Counted {
  return perChild(g.first, g.lines);
}
