/**
 * Demo data for csc-kpi: the six extracts of a fictional mid-size English
 * council's children's social care case system, 1 April 2020 to 10 May 2021
 * (the as-at date), written to fixtures/demo/.
 *
 *     npx tsx scripts/demo/main.ts            (or: npm run demo:data)
 *
 * The output is byte-identical on every run (and in every time zone): all
 * randomness comes from the seeded mulberry32 generator (scripts/lib), with a
 * separate stream for each part of the generator, and every date is an
 * integer day number formatted by hand. Working days, due dates and month
 * arithmetic come from the project's own src/core code.
 *
 * The extracts reproduce the figures published in the council's improvement
 * plan exactly (PUBLISHED in story.ts). Each figure is built, not hoped for:
 * each extract's module says how. The extracts also carry a little of the
 * mess real ones have (Annex A headings, mixed date formats, a byte order
 * mark, CRLF line endings, unused columns, Excel-mangled ids, duplicate and
 * invalid rows, blank lines); none of it changes a figure.
 *
 * Finally the script runs the real scorecard (src/cli/main.ts) over the files
 * it wrote and exits 1 if any published figure, the row accounting, or the
 * mix of RAG ratings for February to April 2021 is not as intended. The row
 * accounting check also proves that no generated row was refused (a date
 * after the as-at date, say): only the deliberate problem rows are.
 *
 * The parts: settings.ts (seed, dates, rules), solver.ts (random streams,
 * checks and notes, working days, the numerator for a percentage), csv.ts
 * (date formats, CSV, the mess), story.ts (the published figures, teams,
 * workers, child ids), headings.ts (each file's first line), one module per
 * extract, and verify.ts. An extract's module exports a function that builds
 * its records from those of the extracts built before it and says how to
 * write its file; a new extract is a new module and one line below.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAssessments } from './assessments.js';
import { buildCases } from './cases.js';
import { buildCareLeavers } from './care-leavers.js';
import { buildChildrenInCare } from './children-in-care.js';
import { buildMissingEpisodes } from './missing-episodes.js';
import { buildProceedings } from './proceedings.js';
import { buildContacts } from './contacts.js';
import { buildCoreGroups } from './core-groups.js';
import { buildPlans } from './cp-plans.js';
import { buildCpReviews } from './cp-reviews.js';
import { buildCpVisits } from './cp-visits.js';
import { buildReferrals } from './referrals.js';
import { buildS47 } from './s47.js';
import { type Built, render } from './csv.js';
import { OUT_DIR } from './settings.js';
import { NOTES } from './solver.js';
import { buildSupervisions } from './supervisions.js';
import { buildStaff } from './staff.js';
import { buildComplaints } from './complaints.js';
import { report, scorecard, verify } from './verify.js';

const started = performance.now();

async function run(): Promise<void> {
  const built: Built<unknown>[] = [];
  /** Keeps an extract to write once all are built, and hands its records on to the extracts built after it. */
  const keep = <T>(x: Built<T>): T => {
    built.push(x);
    return x.records;
  };
  // The order matters: an extract uses only what is built before it, and new children's ids come from one stream.
  const assessments = keep(buildAssessments());
  const families = keep(buildPlans());
  keep(buildCoreGroups(families));
  const cases = keep(buildCases(families, assessments));
  keep(buildSupervisions(cases));
  const contacts = keep(buildContacts(assessments, cases));
  keep(buildReferrals(assessments, contacts));
  keep(buildS47(families, assessments));
  keep(buildCpReviews(families));
  keep(buildCpVisits(families));
  const care = buildChildrenInCare();
  const inCare = keep(care.periods);
  keep(care.placements);
  keep(care.reviews);
  keep(buildMissingEpisodes(inCare));
  keep(buildCareLeavers());
  keep(buildProceedings());
  keep(buildStaff());
  keep(buildComplaints());

  const extracts = built.map((x) => x.write());
  mkdirSync(OUT_DIR, { recursive: true });
  for (const x of extracts) writeFileSync(join(OUT_DIR, x.file), render(x));

  const json = await scorecard();
  process.stdout.write(`${report(json, extracts)}\n\n${NOTES.join('\n')}\n`);
  const problems = verify(json, extracts);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    process.stderr.write(`demo-data: the extracts in ${OUT_DIR} do not give the published figures:\n`);
    for (const p of problems) process.stderr.write(`  ${p}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`demo-data: wrote ${extracts.length} extracts to fixtures/demo in ${seconds}s; every published figure checks out\n`);
}

await run();
