/**
 * The command line. Parses arguments, runs a command, and turns every
 * failure into one plain line on stderr and an exit status:
 * 0 done; 1 usage, configuration or unreadable input; 2 rows rejected
 * (scorecard --strict or --max-rejected, validate); 4 verify found a
 * difference; 70 a bug in csc-kpi itself (see errors.ts).
 */
import { Command, CommanderError, Option } from 'commander';
import { EXTRACT_NAMES, EXTRACTS, type ExtractName } from '../normalise/extracts.js';
import { SCORECARD_FORMATS } from '../render/index.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, processIo } from './io.js';
import { EXPLAIN_FORMATS } from '../render/explain.js';
import { runExplain } from './explain.js';
import { type CommonOptions, runScorecard } from './scorecard.js';
import { VERIFY_FORMATS } from '../render/verify.js';
import { runVerify } from './verify.js';
import { VALIDATION_FORMATS } from '../render/validation.js';
import { runValidate } from './validate.js';
import { runInit } from './init.js';
import { WORKLIST_FORMATS } from '../render/worklist.js';
import { WORKLIST_KIND_IDS } from '../report/worklist.js';
import { runDue } from './due.js';
import { generator } from './version.js';

/** `--cp-plans` for cp_plans. */
function fileOption(name: ExtractName): string {
  return `--${name.replace(/_/g, '-')} <file>`;
}

function optionKey(name: ExtractName): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function addSourceOptions(cmd: Command): Command {
  cmd.option('--data <dir>', 'folder holding the extracts (contacts.csv, assessments.csv, ..., and .xlsx workbooks)');
  cmd.option('--workbook <file>', 'an .xlsx workbook (Ofsted Annex A lists, ...): each sheet is the extract its header matches; repeatable', collect, []);
  for (const name of EXTRACT_NAMES) cmd.option(fileOption(name), `the ${name} extract (instead of ${EXTRACTS[name].file} in --data)`);
  cmd.option('--jobs <n>', 'how many extracts to read at once (default: one per CPU core)');
  return cmd;
}

/** A repeatable option's values, in the order given. */
function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

function sourcesOf(opts: Record<string, unknown>) {
  const files: Partial<Record<ExtractName, string>> = {};
  for (const name of EXTRACT_NAMES) {
    const v = opts[optionKey(name)];
    if (typeof v === 'string') files[name] = v;
  }
  const workbooks = (opts.workbook as readonly string[] | undefined) ?? [];
  return { data: opts.data as string | undefined, files, ...(workbooks.length ? { workbooks } : {}) };
}

/** The options every computing command shares, as commander parsed them. */
function commonOf(opts: Record<string, unknown>): CommonOptions {
  const text = (key: string) => opts[key] as string | undefined;
  return {
    sources: sourcesOf(opts),
    from: text('from'),
    to: text('to'),
    period: text('period'),
    every: text('every'),
    window: text('window'),
    asAt: text('asAt'),
    config: text('config'),
    jobs: text('jobs'),
  };
}

function addPeriodOptions(cmd: Command, range = true): Command {
  cmd
    .addOption(new Option('--every <kind>', 'periods: calendar months, financial quarters or financial years (periods.yearStart in the configuration, April by default)').choices(['month', 'quarter', 'year']))
    .option('--window <months>', 'count events in the rolling window of this many months (1-24, e.g. 12m) ending at each period\'s end');
  if (range) {
    cmd
      .option('--from <label>', 'first period: YYYY-MM, a quarter 2021-22Q2 or a year 2021-22 as --every says (default: 13 months, 5 quarters or 3 years ending at --to, or the last complete ones before the as-at date)')
      .option('--to <label>', 'last period (default: the one holding the as-at date, or the last complete one)')
      .option('--period <label>', 'one period only');
  } else {
    cmd.option('--period <label>', 'the period: YYYY-MM, or a quarter or year as --every says');
  }
  return cmd
    .option('--as-at <YYYY-MM-DD>', 'the date the extracts were taken (default: today)')
    .option('--config <file>', 'rules, calendar and column mapping (YAML or JSON)');
}

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command();
  const { name, version } = generator();
  program
    .name(name)
    .description("Children's social care performance measures from case-management CSV extracts")
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith('error:') ? `csc-kpi: ${s}` : s),
    })
    .showHelpAfterError('(run csc-kpi --help for usage)');

  const scorecard = program
    .command('scorecard')
    .description('every measure for every month, against the targets')
    .addHelpText(
      'after',
      `
Exit status: 0 done; 1 usage, configuration or unreadable input;
2 rows were rejected and --strict was given, or more than --max-rejected percent of an extract.
Example:
  csc-kpi scorecard --data extracts/ --from 2020-04 --to 2021-04 --as-at 2021-05-10 --targets plan.yaml`,
    );
  addSourceOptions(scorecard);
  addPeriodOptions(scorecard)
    .option('--targets <file>', 'target trajectories (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(SCORECARD_FORMATS)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--manifest <file>', 'also write a run manifest (JSON) for auditors and `csc-kpi verify`')
    .option('--strict', 'exit 2, writing nothing, when any row was rejected', false)
    .option('--max-rejected <percent>', 'exit 2, writing nothing, when more than this share of any extract was rejected')
    .addOption(new Option('--by <group>', 'also break every measure down by team or by worker').choices(['team', 'worker']))
    .action(async (opts: Record<string, unknown>) => {
      setExit(
        await runScorecard(
          {
            ...commonOf(opts),
            targets: opts.targets as string | undefined,
            format: opts.format as string,
            out: opts.out as string | undefined,
            manifest: opts.manifest as string | undefined,
            strict: opts.strict === true,
            maxRejected: opts.maxRejected as string | undefined,
            by: opts.by as 'team' | 'worker' | undefined,
          },
          io,
        ),
      );
    });
  const explain = program
    .command('explain')
    .description('every record behind one figure: how each counted, or why it was left out')
    .argument('<measure>', `the measure id, e.g. assessments_45wd`)
    .addHelpText(
      'after',
      `
Record-level output carries child identifiers (personal data). With --pseudonymise they are
replaced by keyed HMAC-SHA-256 tokens; the key comes from the environment variable
CSC_KPI_PSEUDONYM_KEY (at least 16 characters) and the run is refused without it.
Example:
  csc-kpi explain assessments_45wd --period 2021-01 --data extracts/ --as-at 2021-05-10`,
    );
  addSourceOptions(explain);
  addPeriodOptions(explain, false)
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(EXPLAIN_FORMATS)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--all', 'also list the records outside the month (not in period, not open at the snapshot)', false)
    .option('--pseudonymise', 'replace child identifiers and record keys by keyed tokens', false)
    .action(async (measure: string, opts: Record<string, unknown>) => {
      setExit(
        await runExplain(
          {
            measure,
            ...commonOf(opts),
            format: opts.format as string,
            out: opts.out as string | undefined,
            all: opts.all === true,
            pseudonymise: opts.pseudonymise === true,
          },
          io,
        ),
      );
    });
  const due = program
    .command('due')
    .description('the worklist: every open item overdue or due within the window, by team or worker')
    .addHelpText(
      'after',
      `
Kinds: ${WORKLIST_KIND_IDS.join(', ')}.
Each item's due date is the one its measure uses: an item overdue here counts as not met.
The worklist carries child identifiers (personal data); --pseudonymise replaces them as explain does
(key in CSC_KPI_PSEUDONYM_KEY).
Exit status: 0 done; 1 usage, configuration or unreadable input;
2 rows were rejected and --strict was given, or more than --max-rejected percent of an extract.
Example:
  csc-kpi due --data extracts/ --as-at 2021-05-10 --within 5wd --by team --format html --out worklist.html`,
    );
  addSourceOptions(due)
    .option('--as-at <YYYY-MM-DD>', 'the date the extracts were taken (default: today)')
    .option('--config <file>', 'rules, calendar and column mapping (YAML or JSON)')
    .option('--within <duration>', 'list items due within this of the as-at date: 5wd (working days), 10d, 2w, 1m', '5wd')
    .addOption(new Option('--by <group>', 'group the items by team or by worker').choices(['team', 'worker']))
    .option('--kind <kinds>', `only these kinds, comma-separated (${WORKLIST_KIND_IDS.join(', ')})`)
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(WORKLIST_FORMATS)).default('table'))
    .option('--out <file>', 'write to this file (atomically) instead of stdout')
    .option('--pseudonymise', 'replace child identifiers and record keys by keyed tokens', false)
    .option('--strict', 'exit 2, writing nothing, when any row was rejected', false)
    .option('--max-rejected <percent>', 'exit 2, writing nothing, when more than this share of any extract was rejected')
    .action(async (opts: Record<string, unknown>) => {
      setExit(
        await runDue(
          {
            ...commonOf(opts),
            within: opts.within as string,
            by: opts.by as 'team' | 'worker' | undefined,
            kind: opts.kind as string | undefined,
            format: opts.format as string,
            out: opts.out as string | undefined,
            pseudonymise: opts.pseudonymise === true,
            strict: opts.strict === true,
            maxRejected: opts.maxRejected as string | undefined,
          },
          io,
        ),
      );
    });
  const validate = program
    .command('validate')
    .description('check the extracts: columns found, rows read, and every problem with its line and column')
    .addHelpText('after', '\nExit status: 0 clean; 2 rows were rejected; 1 an extract cannot be read at all.');
  addSourceOptions(validate)
    .option('--as-at <YYYY-MM-DD>', 'the date the extracts were taken (default: today); later dates are refused')
    .option('--config <file>', 'column mapping and rules (YAML or JSON)')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(VALIDATION_FORMATS)).default('table'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .action(async (opts: Record<string, unknown>) => {
      setExit(
        await runValidate(
          {
            sources: sourcesOf(opts),
            asAt: opts.asAt as string | undefined,
            config: opts.config as string | undefined,
            format: opts.format as string,
            out: opts.out as string | undefined,
            jobs: opts.jobs as string | undefined,
          },
          io,
        ),
      );
    });

  program
    .command('init')
    .description('write a commented starter configuration')
    .option('--out <file>', 'where to write it ("-" for stdout)', 'csc-kpi.yaml')
    .option('--preset <name>', 'include a column mapping preset: annex-a (Ofsted Annex A list headings) or ssd (Standard Safeguarding Dataset column names)')
    .option('--force', 'replace the file if it exists', false)
    .action(async (opts: Record<string, unknown>) => {
      setExit(await runInit({ out: opts.out as string, preset: opts.preset as string | undefined, force: opts.force === true }, io));
    });

  program
    .command('verify')
    .description('re-run a manifest: check the inputs\' hashes, the rules and every figure')
    .argument('<manifest>', 'a manifest written by scorecard --manifest')
    .option('--data <dir>', 'read the extracts and workbooks from this folder instead of the paths in the manifest')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(VERIFY_FORMATS)).default('table'))
    .option('--out <file>', 'write the report to this file (atomically) instead of stdout')
    .addHelpText('after', '\nExit status: 0 everything matches; 4 something differs; 1 the manifest or an input cannot be read.')
    .action(async (manifest: string, opts: Record<string, unknown>) => {
      setExit(
        await runVerify(
          { manifest, data: opts.data as string | undefined, format: opts.format as string, out: opts.out as string | undefined },
          io,
        ),
      );
    });
  return program;
}

/**
 * Runs the command line with `argv` (without the node and script names) and
 * returns the exit status. Never throws.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version end here too, with exit code 0.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof CliError) {
      io.stderr.write(`csc-kpi: ${e.message}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    io.stderr.write(`csc-kpi: internal error: ${err?.message ?? String(e)}\n  (this is a bug in csc-kpi; please report it with the command you ran)\n`);
    if (io.env.CSC_KPI_DEBUG) io.stderr.write(`${err?.stack ?? ''}\n`);
    return EXIT.internal;
  }
}
