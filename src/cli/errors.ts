/**
 * The few ways a run ends early, each with its exit status. They are caught
 * in one place (main.ts), printed as one line, and never as a stack trace.
 */

export const EXIT = {
  ok: 0,
  /** Usage, configuration or unreadable input. */
  usage: 1,
  /** Rows were rejected: scorecard --strict or --max-rejected, or validate. */
  rejected: 2,
  /** verify: something differs from the manifest. */
  differs: 4,
  /** A bug in csc-kpi itself. */
  internal: 70,
} as const;

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
