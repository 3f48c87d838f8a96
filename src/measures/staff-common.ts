/**
 * What the staff measures share: the role filter (`staff.roles`), and the
 * counting basis, full-time equivalents or heads, decided once per run
 * (SPEC §8: by FTE when every valid staff row has an `fte`, else by head).
 */
import { z } from 'zod';
import type { Staff } from '../normalise/extracts.js';
import type { Records } from '../normalise/table.js';
import { defineSettings, setting } from './settings.js';

/** The `staff:` section of the configuration. */
export const staffSettings = defineSettings({
  key: 'staff',
  settings: {
    roles: setting(z.array(z.string().trim().min(1)), {
      default: [],
      comment: [
        'Roles counted by the staff measures (the role column, matched without regard',
        'to case), e.g. [social worker, senior social worker]. Empty: every role.',
      ],
    }),
  },
  rules: (values) => ({ staffRoles: values.roles.map((r) => r.toLowerCase()) }),
});

/** How staff are counted in a run: by full-time equivalent, or one per appointment. */
export type StaffBasis = 'FTE' | 'heads';

/**
 * The basis of a run: FTE when every valid row has an `fte`, else heads.
 * The rule is literal: one row without an `fte` makes the run count heads.
 */
export function staffBasis(rows: Records<Staff>): StaffBasis {
  if (!rows.hasColumn('fte')) return 'heads';
  for (const r of rows) if (r.fte === null) return 'heads';
  return 'FTE';
}

/** What a row counts for: its FTE, or 1. */
export function staffWeight(row: Staff, basis: StaffBasis): number {
  return basis === 'FTE' ? row.fte! : 1;
}

/** Whether a row's role is one the measures count (every role when the filter is empty). */
export function roleCounted(row: Staff, roles: readonly string[]): boolean {
  return roles.length === 0 || (row.role !== null && roles.includes(row.role.toLowerCase()));
}

/** The roles counted, in words. */
export function rolesText(roles: readonly string[]): string {
  return roles.length === 0 ? 'every role' : `roles ${roles.join(', ')}`;
}

/** In post at S: started on or before S, and no end or an end after S. */
export function inPostAt(row: Staff, s: number): boolean {
  return row.startDate <= s && (row.endDate === null || row.endDate > s);
}

export const STAFF_NO_WORKER = 'a staff figure is counted by team; the staff extract names no allocated worker';
