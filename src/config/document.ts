/**
 * Reading a YAML or JSON document (configuration, targets) and validating
 * it with a zod schema, with errors that name the file, the key and, for
 * syntax errors, the line.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';

/** A configuration or targets file that cannot be used. */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** Formats zod issues as `file: key.path: message` lines. */
export function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      // A refused record key carries the key check's own message one level down.
      const message = i.code === 'invalid_key' && i.issues[0] ? i.issues[0].message : i.message;
      return `${file}: ${keyPath(i.path)}: ${message}`;
    })
    .join('\n');
}

/**
 * Parses YAML (JSON is a subset) and validates it.
 * @param text the file's content
 * @param file the file name shown in messages
 */
export function parseDocument<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const at = e.linePos?.[0];
      const where = at ? `:${at.line}:${at.col}` : '';
      throw new DocumentError(`${file}${where}: not valid YAML or JSON: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    throw e;
  }
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw new DocumentError(describeIssues(file, result.error.issues));
  return result.data;
}
