/**
 * The benchmark's anchor: the thirteen round-1 measures written in SQL for
 * DuckDB, over the same six CSV files of the generated set (SPEC.md §3 and
 * §11). The benchmark runs these statements in a child process and compares
 * every numerator and denominator with csc-kpi's JSON.
 *
 * The SQL is written for the generated set only, not for any extract a
 * council might send: it knows the files' column layout (bench/generate.ts),
 * the date spellings the generator writes, and the kinds of bad rows it
 * plants. It follows the rules csc-kpi applies to those rows:
 * - every cell is read as text (`read_csv` with explicit VARCHAR columns and
 *   one more column to catch a stray field), then dates are parsed with the
 *   generator's formats (`try_strptime` with a list: yyyy-mm-dd, dd/mm/yyyy,
 *   d/m/yyyy, with a time, `05-Jan-2021`, `5 Jan 2021`); a date without a
 *   four-digit year, an impossible one or one after as-at is refused;
 * - identifiers are trimmed, `1234.0` is `1234`, and compared in upper case;
 * - a row is kept when its required cells are there, its dates parse, are
 *   not after as-at and keep their order, and it has no stray field; of the
 *   kept rows with the same key (the id, else the composite key), the first
 *   in the file wins (duplicates and conflicting rows both drop out);
 * - working days come from a calendar table the benchmark passes in, made by
 *   the project's own calendar (England and Wales bank holidays): `cum` is
 *   the number of working days up to and including a day, so
 *   `workingDaysBetween(a, b) = cum(b) - cum(a)` and
 *   `addWorkingDays(d, n)` is the working day numbered `cum(d) + n` (a
 *   deadline is compared as a day: a decision on the Sunday after a Friday
 *   deadline is late, though no working day lies between).
 */

import type { Figure } from './protocol.js';

/** The generated set's files and the run's dates, as the SQL needs them. */
export interface DuckdbPlan {
  /** Folder holding the six generated CSV files. */
  readonly dataDir: string;
  /** yyyy-mm-dd. */
  readonly asAt: string;
  /** First and last months reported, yyyy-mm. */
  readonly from: string;
  readonly to: string;
  /** Every working day in the range of dates the measures may touch, yyyy-mm-dd, ascending. */
  readonly workingDays: readonly string[];
  /** First and last day of the calendar table, yyyy-mm-dd (a span holding every working day listed). */
  readonly calendarFrom: string;
  readonly calendarTo: string;
}

/**
 * The date spellings the generator writes besides yyyy-mm-dd (with or
 * without a time), which a cast to DATE reads (see bench/generate.ts
 * dateCell); `%d` also reads a day without its leading zero.
 */
const DATE_FORMATS = ['%d/%m/%Y', '%d-%b-%Y', '%d %b %Y'];

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The column names of each generated file, in file order (bench/generate.ts), and a catch-all for a stray field. */
const LAYOUT = {
  contacts: ['contact_id', 'child_id', 'contact_date', 'decision_date', 'source', 'outcome', 'team', 'worker'],
  assessments: ['assessment_id', 'child_id', 'referral_date', 'start_date', 'authorised_date', 'kind', 'team', 'worker'],
  cp_plans: ['plan_id', 'child_id', 'start_date', 'end_date', 'category', 'previous_plans', 'team', 'worker'],
  core_groups: ['meeting_id', 'child_id', 'meeting_date', 'status', 'education', 'police', 'health', 'other'],
  supervisions: ['supervision_id', 'child_id', 'supervision_date', 'worker', 'supervisor'],
  cases: ['case_id', 'child_id', 'start_date', 'end_date', 'case_type', 'worker', 'team', 'legal_status'],
} as const;

type ExtractName = keyof typeof LAYOUT;

/** How an extract's rows are checked and keyed, in SQL. */
interface ExtractRules {
  /** The id column (the key when it is there). */
  readonly id: string;
  /** Date columns: name in the file → name in the table, and whether required. */
  readonly dates: readonly (readonly [column: string, as: string, required: boolean])[];
  /** [earlier, later] dates (table names): the later one may not be before the earlier. */
  readonly order?: readonly [string, string];
  /** More columns of the typed table: SQL expression → name. */
  readonly more?: readonly (readonly [sql: string, as: string])[];
  /** The composite key after the child, as SQL over the typed table. */
  readonly composite: string;
}

const FLAG = (c: string): readonly [string, string] => [`lower(trim(${c})) IN ('y', 'yes', 'true', '1')`, c];

const RULES: Record<ExtractName, ExtractRules> = {
  contacts: {
    id: 'contact_id',
    dates: [
      ['contact_date', 'contact', true],
      ['decision_date', 'decision', false],
    ],
    order: ['contact', 'decision'],
    more: [["upper(trim(coalesce(source, '')))", 'source']],
    composite: "contact || '|' || source",
  },
  assessments: {
    id: 'assessment_id',
    dates: [
      ['start_date', 'start', true],
      ['authorised_date', 'authorised', false],
      ['referral_date', 'referral', false],
    ],
    order: ['start', 'authorised'],
    more: [['lower(trim(kind))', 'kind']],
    composite: 'start',
  },
  cp_plans: {
    id: 'plan_id',
    dates: [
      ['start_date', 'start', true],
      ['end_date', 'end', false],
    ],
    order: ['start', 'end'],
    composite: 'start',
  },
  core_groups: {
    id: 'meeting_id',
    dates: [['meeting_date', 'meeting', true]],
    more: [["lower(trim(coalesce(status, ''))) IN ('cancelled', 'canceled')", 'cancelled'], FLAG('education'), FLAG('police'), FLAG('health'), FLAG('other')],
    composite: 'meeting',
  },
  supervisions: {
    id: 'supervision_id',
    dates: [['supervision_date', 'supervised', true]],
    composite: 'supervised',
  },
  cases: {
    id: 'case_id',
    dates: [
      ['start_date', 'start', true],
      ['end_date', 'end', false],
    ],
    order: ['start', 'end'],
    more: [['nid(worker)', 'worker']],
    composite: 'start',
  },
};

/**
 * An extract in three steps: its cells as text (`<name>_raw`, in file
 * order, so `rowid` is the row's place in the file), typed (`<name>_typed`:
 * identifiers normalised, dates parsed), then its valid rows, the first of
 * each key (`<name>`).
 */
function extractStatements(plan: DuckdbPlan, name: ExtractName): string[] {
  const rules = RULES[name];
  const columns = [...LAYOUT[name], 'stray_field'].map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ');
  const path = sqlString(`${plan.dataDir}/${name}.csv`);
  const q = (c: string) => `"${c}"`;
  const typed = [
    'rowid AS rn',
    `nid(${rules.id}) AS id`,
    'nid(child_id) AS child',
    ...rules.dates.flatMap(([column, as, required]) => [`pd(${column}) AS ${q(as)}`, ...(required ? [] : [`blank(${column}) AS ${q(`no_${as}`)}`])]),
    ...(rules.more ?? []).map(([sql, as]) => `${sql} AS ${q(as)}`),
    'blank(stray_field) AS no_stray',
  ];
  const checks = [
    'child IS NOT NULL',
    'no_stray',
    ...rules.dates.map(([, as, required]) => (required ? `day_ok(${q(as)})` : `(${q(`no_${as}`)} OR day_ok(${q(as)}))`)),
    ...(rules.order ? [`(${q(rules.order[1])} IS NULL OR ${q(rules.order[1])} >= ${q(rules.order[0])})`] : []),
  ];
  return [
    `CREATE TEMP TABLE ${name}_raw AS SELECT * FROM read_csv(${path}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', null_padding = true, columns = {${columns}})`,
    `CREATE TEMP TABLE ${name}_typed AS SELECT ${typed.join(', ')} FROM ${name}_raw`,
    `CREATE TEMP TABLE ${name} AS SELECT * FROM ${name}_typed WHERE ${checks.join(' AND ')}
     QUALIFY row_number() OVER (PARTITION BY coalesce('I' || id, 'C' || child || '|' || ${rules.composite}) ORDER BY rn) = 1`,
  ];
}

/**
 * The statements, in order; the last one returns `metric, period, numerator,
 * denominator` for every measure and period that has records.
 */
export function duckdbStatements(plan: DuckdbPlan, threads: number): string[] {
  const asAt = `DATE ${sqlString(plan.asAt)}`;
  const formats = `[${DATE_FORMATS.map(sqlString).join(', ')}]`;
  const days = `[${plan.workingDays.map(sqlString).join(', ')}]`;
  return [
    `SET threads = ${threads}`,
    // Helpers: blank cells, identifiers (trimmed, 1234.0 as 1234, upper case), dates (null when no
    // format reads them; 05/01/21 reads as the year 21, which day_ok refuses, as csc-kpi does).
    `CREATE MACRO blank(s) AS s IS NULL OR trim(s) = ''`,
    `CREATE MACRO nid(s) AS CASE WHEN blank(s) THEN NULL WHEN contains(s, '.') THEN upper(regexp_replace(trim(s), '^([0-9]+)[.]0+$', '\\1')) ELSE upper(trim(s)) END`,
    `CREATE MACRO pd(s) AS CASE WHEN blank(s) THEN NULL ELSE coalesce(try_cast(trim(s) AS DATE), try_strptime(trim(s), ${formats})::DATE) END`,
    // A date csc-kpi takes: a day with a four-digit year, not after as-at.
    `CREATE MACRO day_ok(d) AS year(d) >= 1000 AND d <= ${asAt}`,
    // The calendar: cum(day) = working days up to and including day; wd(ord) = the ord-th working day.
    `CREATE TEMP TABLE wd AS SELECT row_number() OVER (ORDER BY day) AS ord, day FROM (SELECT unnest(${days}::DATE[]) AS day)`,
    `CREATE TEMP TABLE cal AS SELECT g.day, count(wd.day) OVER (ORDER BY g.day) AS cum
       FROM (SELECT range::DATE AS day FROM range(DATE ${sqlString(plan.calendarFrom)}, DATE ${sqlString(plan.calendarTo)} + 1, INTERVAL 1 DAY)) g
       LEFT JOIN wd USING (day)`,
    `CREATE TEMP TABLE periods AS SELECT strftime(m, '%Y-%m') AS period, m::DATE AS first_day, last_day(m)::DATE AS last_day,
       least(last_day(m)::DATE, ${asAt}) AS s
       FROM range(DATE ${sqlString(`${plan.from}-01`)}, DATE ${sqlString(`${plan.to}-01`)} + INTERVAL 1 MONTH, INTERVAL 1 MONTH) t(m)`,
    ...(Object.keys(LAYOUT) as ExtractName[]).flatMap((name) => extractStatements(plan, name)),

    // ---- Core groups: each held meeting in the child's plan open that day (latest start; then
    // the one ending later, open first; then the first in the file), and its due date.
    `CREATE TEMP TABLE placed AS
     WITH held AS (SELECT * FROM core_groups WHERE NOT cancelled),
     best AS (
       SELECT m.rn, m.meeting, m.education, m.police, m.health, m.other, p.rn AS plan, p.start
       FROM held m JOIN cp_plans p ON p.child = m.child AND p.start <= m.meeting AND (p."end" IS NULL OR m.meeting <= p."end")
       QUALIFY row_number() OVER (PARTITION BY m.rn ORDER BY p.start DESC, p."end" IS NULL DESC, p."end" DESC, p.rn) = 1),
     chained AS (SELECT *, lag(meeting) OVER (PARTITION BY plan ORDER BY meeting, rn) AS previous FROM best)
     SELECT c.*, CASE WHEN c.previous IS NULL THEN first_due.day ELSE c.previous + 28 END AS due
     FROM chained c JOIN cal cs ON cs.day = c.start JOIN wd first_due ON first_due.ord = cs.cum + 10`,

    // ---- The measures: one row per measure and period with records.
    `WITH
     contacts_1wd AS (
       SELECT strftime(c.contact, '%Y-%m') AS period,
         count(*) FILTER (WHERE c.decision <= deadline.day) AS numerator,
         count(*) FILTER (WHERE c.decision IS NOT NULL OR ${asAt} > deadline.day) AS denominator
       FROM contacts c JOIN cal cc ON cc.day = c.contact JOIN wd deadline ON deadline.ord = cc.cum + 1 GROUP BY ALL),
     authorised AS (
       SELECT strftime(a.authorised, '%Y-%m') AS period, a.kind, ca.cum - cs.cum <= 45 AS met
       FROM assessments a JOIN cal cs ON cs.day = a.start JOIN cal ca ON ca.day = a.authorised),
     assessments_open AS (
       SELECT p.period, count(*) FILTER (WHERE cp.cum - cs.cum > 45) AS numerator, count(*) AS denominator
       FROM periods p JOIN assessments a ON a.start <= p.s AND (a.authorised IS NULL OR a.authorised > p.s)
       JOIN cal cs ON cs.day = a.start JOIN cal cp ON cp.day = p.s GROUP BY ALL),
     plans_open AS (
       SELECT p.period, p.s - c.start AS days, p.s >= c.start + INTERVAL 9 MONTH AS over_9m
       FROM periods p JOIN cp_plans c ON c.start <= p.s AND (c."end" IS NULL OR c."end" > p.s)),
     in_period AS (SELECT strftime(meeting, '%Y-%m') AS period, * FROM placed),
     cases_open AS (
       SELECT p.period, p.s, c.rn, c.start, c.child, c.worker
       FROM periods p JOIN cases c ON c.start <= p.s AND (c."end" IS NULL OR c."end" > p.s)),
     supervised AS (
       SELECT o.period, o.s, o.rn, o.start, max(v.supervised) AS last
       FROM cases_open o LEFT JOIN supervisions v ON v.child = o.child AND v.supervised >= o.start AND v.supervised <= o.s
       GROUP BY ALL)
     SELECT 'contacts_1wd' AS metric, period, numerator, denominator FROM contacts_1wd
     UNION ALL SELECT 'assessments_45wd', period, count(*) FILTER (WHERE met), count(*) FROM authorised GROUP BY ALL
     UNION ALL SELECT 'assessments_45wd_new', period, count(*) FILTER (WHERE met), count(*) FROM authorised WHERE kind = 'new' GROUP BY ALL
     UNION ALL SELECT 'assessments_open_over_45wd', period, numerator, denominator FROM assessments_open
     UNION ALL SELECT 'cp_over_9m', period, count(*) FILTER (WHERE over_9m), count(*) FROM plans_open GROUP BY ALL
     UNION ALL SELECT 'cp_over_9m_avg_days', period, coalesce(sum(days) FILTER (WHERE over_9m), 0), count(*) FILTER (WHERE over_9m) FROM plans_open GROUP BY ALL
     UNION ALL SELECT 'core_groups_in_time', period, count(*) FILTER (WHERE meeting <= due), count(*) FROM in_period GROUP BY ALL
     UNION ALL SELECT 'core_groups_education', period, count(*) FILTER (WHERE education), count(*) FROM in_period GROUP BY ALL
     UNION ALL SELECT 'core_groups_police', period, count(*) FILTER (WHERE police), count(*) FROM in_period GROUP BY ALL
     UNION ALL SELECT 'core_groups_health', period, count(*) FILTER (WHERE health), count(*) FROM in_period GROUP BY ALL
     UNION ALL SELECT 'core_groups_other', period, count(*) FILTER (WHERE other), count(*) FROM in_period GROUP BY ALL
     UNION ALL SELECT 'supervision_in_time', period, count(*) FILTER (WHERE s <= coalesce(last, start) + INTERVAL 1 MONTH), count(*) FROM supervised GROUP BY ALL
     UNION ALL SELECT 'caseload_avg', period, count(*) FILTER (WHERE worker IS NOT NULL), count(DISTINCT worker) FROM cases_open GROUP BY ALL`,
  ];
}

/** The thirteen round-1 measures the SQL computes. */
export const DUCKDB_MEASURES = [
  'contacts_1wd',
  'assessments_45wd',
  'assessments_45wd_new',
  'assessments_open_over_45wd',
  'cp_over_9m',
  'cp_over_9m_avg_days',
  'core_groups_in_time',
  'core_groups_education',
  'core_groups_police',
  'core_groups_health',
  'core_groups_other',
  'supervision_in_time',
  'caseload_avg',
] as const;

/**
 * The differences between csc-kpi's figures and DuckDB's, for every round-1
 * measure and every period csc-kpi reports; a period DuckDB has no row for
 * is 0/0 there. Empty when they agree.
 */
export function compareFigures(cscKpi: readonly Figure[], duckdb: readonly Figure[]): string[] {
  const theirs = new Map(duckdb.map((f) => [`${f.metric} ${f.period}`, f]));
  const out: string[] = [];
  const measures = new Set<string>(DUCKDB_MEASURES);
  let compared = 0;
  for (const f of cscKpi) {
    if (!measures.has(f.metric)) continue;
    compared++;
    const d = theirs.get(`${f.metric} ${f.period}`) ?? { numerator: 0, denominator: 0 };
    // csc-kpi's figures are numbers (null only when not computable: a mismatch too); DuckDB's counts may be strings of digits.
    if (f.numerator !== Number(d.numerator) || f.denominator !== Number(d.denominator)) {
      out.push(`${f.metric} ${f.period}: csc-kpi ${f.numerator}/${f.denominator}, DuckDB ${d.numerator}/${d.denominator}`);
    }
  }
  if (compared === 0) out.push('csc-kpi reported none of the round-1 measures');
  return out;
}
