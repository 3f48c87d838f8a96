/**
 * referrals.csv (Annex A List 3 headings), for referrals_repeat_12m and
 * referrals_rate_per_10k: a referral on the referral date of every
 * new-referral assessment (the contact behind it was decided that day);
 * for about one child in five an earlier referral within the year before,
 * closed with no further action (a re-referral, falling from about a
 * quarter in 2020 to under a fifth in 2021), and for a few one more than a
 * year before; and a share of the front door's "no further action" contacts
 * that were referred on and closed at once (NFA referrals). Referrals from
 * April 2019 are written, so the first months' look-back is complete.
 */
import { type Day, dayFromYmd } from '../../src/core/day.js';
import type { Assessment } from './assessments.js';
import type { Contact } from './contacts.js';
import { type Built, DATE_FORMATS, type Extract, Mess, pickFormat } from './csv.js';
import { HEADERS } from './headings.js';
import { AS_AT } from './settings.js';
import { Rng, prevWd } from './solver.js';
import { TEAM_NAMES, type TeamKey } from './story.js';

export interface Referral {
  readonly child: string;
  readonly date: Day;
  readonly nfa: boolean;
  readonly source: string;
  /** The assessment it led to, whose team and worker it is allocated to (set when written); null for an NFA referral. */
  readonly assessment: Assessment | null;
}

/** The extract begins a year before the reporting window, so April 2020 can look back its 12 months. */
const FIRST_WRITTEN = dayFromYmd(2019, 4, 1);

const SOURCES: readonly (readonly [string, number])[] = [
  ['Police', 29],
  ['Schools', 20],
  ['Health services', 16],
  ['Local authority services', 10],
  ['Individual', 12],
  ['Other legal agency', 4],
  ['Anonymous', 2],
  ['Other', 7],
];

/** Referrals, from the assessments and contacts built before them. */
export function buildReferrals(assessments: readonly Assessment[], contacts: readonly Contact[]): Built<Referral[]> {
  const rng = new Rng('referrals');
  const out: Referral[] = [];
  for (const a of assessments) {
    if (a.kind !== 'new' || a.referral === null) continue;
    out.push({ child: a.child, date: a.referral, nfa: false, source: rng.weighted(SOURCES), assessment: a });
    const reReferral = a.referral < AS_AT - 400 ? 0.28 : a.referral < AS_AT - 130 ? 0.26 : 0.2;
    if (rng.chance(reReferral)) {
      out.push({ child: a.child, date: prevWd(a.referral - rng.int(14, 360)), nfa: true, source: rng.weighted(SOURCES), assessment: null });
    } else if (rng.chance(0.05)) {
      out.push({ child: a.child, date: prevWd(a.referral - rng.int(380, 700)), nfa: rng.chance(0.7), source: rng.weighted(SOURCES), assessment: null });
    }
  }
  for (const c of contacts) {
    if (c.outcome !== 'No further action' || c.decision === null || !rng.chance(0.1)) continue;
    out.push({ child: c.child, date: c.decision, nfa: true, source: c.source, assessment: null });
  }
  return { records: out, write: () => referralsExtract(out) };
}

function referralsExtract(all: Referral[]): Extract {
  const rng = new Rng('write-referrals');
  const referrals = all.filter((r) => r.date >= FIRST_WRITTEN).sort((a, b) => a.date - b.date || (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  const rows = referrals.map((r, i) => {
    const fmt = pickFormat(rng, [['dmy', 75], ['iso', 25]]);
    const team: TeamKey = r.assessment ? r.assessment.team : 'MASH';
    return [
      `RF${String(700_001 + i)}`,
      r.child,
      DATE_FORMATS[fmt](r.date),
      r.source,
      r.nfa ? 'Yes' : 'No',
      TEAM_NAMES[team],
      r.assessment?.worker ?? '',
    ];
  });
  const mess = new Mess('referrals', rows);
  mess.repeat(1);
  mess.invalid('RF990001', 0, (row) => (row[2] = '30/02/2021'));
  return mess.result('referrals.csv', HEADERS.referrals, '\n', false);
}
