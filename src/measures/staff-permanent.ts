import { iso } from './common.js';
import { defineMeasure } from './define.js';
import { inPostAt, roleCounted, rolesText, STAFF_NO_WORKER, staffBasis, staffSettings, staffWeight } from './staff-common.js';
import { need } from './types.js';

/**
 * Staff in post at the snapshot S on permanent contracts, as a percentage of
 * staff in post with a known contract; by FTE when every valid staff row has
 * an `fte`, else by head (the basis is in every explanation's rows).
 */
export const staffPermanent = defineMeasure({
  id: 'staff_permanent',
  title: (rules) => `Staff on permanent contracts (${rolesText(rules.staffRoles)})`,
  unit: 'percent',
  scale: 100,
  direction: 'higher',
  needs: { staff: ['end_date', 'contract'] },
  settings: [staffSettings],
  noBreakdown: (by) => (by === 'worker' ? STAFF_NO_WORKER : undefined),
  rule: (rules) =>
    `appointments in post at the snapshot S (start_date <= S, no end_date or end_date > S) of ${rolesText(rules.staffRoles)}, with a known contract (blank: left out, contract-unknown); met when permanent; counted by FTE when every valid staff row has an fte, else by head`,
  doc: {
    text: 'Staff in post at S (started on or before S, and no end date or one after S: a planned leaving date counts them until then) with a known contract; a blank contract is left out (`contract-unknown`). The percentage on permanent contracts (agency, locum and interim are agency). Counted by full-time equivalent when every valid staff row has an `fte`, otherwise by head: one row without an `fte` makes the whole run count heads. `staff.roles` picks the roles counted (default every role). By team, each team\'s; by worker it is not computable.',
  },
  evaluate(data, { rules }, out) {
    out.from('staff');
    const rows = need(data, 'staff');
    const basis = staffBasis(rows);
    for (const row of rows) {
      if (!roleCounted(row, rules.staffRoles)) {
        if (out.observingSkipped) out.skip(-1, row, 'role-not-counted', { role: row.role });
        continue;
      }
      const w = staffWeight(row, basis);
      out.periods.forEach((period, p) => {
        const s = period.snapshot;
        const detail = out.observing
          ? { staff_id: row.staffId, start_date: iso(row.startDate), end_date: iso(row.endDate), contract: row.contract, fte: row.fte, basis, snapshot: iso(s) }
          : undefined;
        if (!inPostAt(row, s)) {
          if (out.observingSkipped) out.skip(p, row, 'not-in-post', detail);
          return;
        }
        if (row.contract === null) out.exclude(p, row, 'contract-unknown', detail);
        else if (row.contract === 'permanent') out.weighed(p, row, 'met', w, w, detail);
        else out.weighed(p, row, 'not-met', 0, w, detail);
      });
    }
  },
});
