/**
 * `csc-kpi explain MEASURE --period YYYY-MM`: every record behind one figure.
 */
import { MEASURE_IDS, findMeasure } from '../measures/index.js';
import type { ExtractName } from '../normalise/extracts.js';
import { EXPLAIN_FORMATS } from '../render/explain.js';
import { sourceRef } from '../read/source.js';
import { explain, mapIdentifiers } from '../report/explain.js';
import { sourceText } from '../report/wording.js';
import { MIN_KEY_LENGTH, pseudonymiser } from '../report/pseudonymise.js';
import { CliError, EXIT } from './errors.js';
import { type CliIo, writeFileAtomic } from './io.js';
import { type CommonOptions, prepareRun } from './scorecard.js';

/** The environment variable holding the pseudonymisation key. */
export const PSEUDONYM_KEY_VARIABLE = 'CSC_KPI_PSEUDONYM_KEY';

/** The pseudonymisation key from the environment, refused when absent or too short. */
export function pseudonymKey(io: CliIo): string {
  const secret = io.env[PSEUDONYM_KEY_VARIABLE];
  if (!secret) throw new CliError(`--pseudonymise needs a secret key in the environment variable ${PSEUDONYM_KEY_VARIABLE}`);
  if (secret.length < MIN_KEY_LENGTH) {
    throw new CliError(`${PSEUDONYM_KEY_VARIABLE} is too short: use a random key of at least ${MIN_KEY_LENGTH} characters`);
  }
  return secret;
}

export interface ExplainOptions extends CommonOptions {
  readonly measure: string;
  readonly format: string;
  readonly out?: string | undefined;
  readonly all: boolean;
  readonly pseudonymise: boolean;
}

export async function runExplain(options: ExplainOptions, io: CliIo): Promise<number> {
  const measure = findMeasure(options.measure);
  if (!measure) throw new CliError(`${options.measure} is not a measure; measures are ${MEASURE_IDS.join(', ')}`);
  if (options.period === undefined) throw new CliError('explain needs --period YYYY-MM (one month)');
  if (!Object.hasOwn(EXPLAIN_FORMATS, options.format)) {
    throw new CliError(`--format ${options.format}: choose one of ${Object.keys(EXPLAIN_FORMATS).join(', ')}`);
  }
  const secret = options.pseudonymise ? pseudonymKey(io) : undefined;
  const run = await prepareRun(options, io);
  const files: Partial<Record<ExtractName, string>> = {};
  // A sheet is named with its workbook: annex-a.xlsx!List 4.
  for (const x of run.extracts) files[x.name] = sourceText(sourceRef(x.source));
  let explanation = explain({ measure, period: run.periods[0]!, data: run.data, context: run.context, files, all: options.all });
  if (secret !== undefined) explanation = mapIdentifiers(explanation, pseudonymiser(secret));
  const render = EXPLAIN_FORMATS[options.format as keyof typeof EXPLAIN_FORMATS];
  const text = render(explanation, { pseudonymised: secret !== undefined });
  if (options.out !== undefined) await writeFileAtomic(options.out, text);
  else io.stdout.write(text);
  // A CSV of records has no line for the figure: say why it has no records.
  if (options.format === 'csv' && explanation.notComputable !== null) {
    io.stderr.write(`csc-kpi: ${measure.id} is not computable: ${explanation.notComputable}\n`);
  }
  return EXIT.ok;
}
