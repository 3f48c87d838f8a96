/**
 * Matching a file's header row to an extract's columns.
 *
 * Headers match ignoring case, spaces, underscores, hyphens and a UTF-8 byte
 * order mark, so `Contact Date`, `contact_date` and `CONTACT-DATE` are one
 * column. Columns the extract does not use are ignored.
 */
import type { ExtractDef, FieldDef } from './extracts.js';

/** The loose form two headers are compared in. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_-]+/g, '');
}

export interface MappedColumn {
  readonly field: FieldDef;
  /** 0-based position in the row. */
  readonly index: number;
  /** The header as written in the file. */
  readonly header: string;
}

export interface HeaderMatch {
  /** The header cells as written. */
  readonly headers: readonly string[];
  /** Per field of the extract (in definition order), where it is, if present. */
  readonly byField: readonly (MappedColumn | undefined)[];
  readonly mapped: readonly MappedColumn[];
  /** Headers (as written) that no field uses. */
  readonly ignored: readonly string[];
  /** Required fields with no column. */
  readonly missing: readonly FieldDef[];
  /** Fields matched by more than one column: [field, the headers]. */
  readonly ambiguous: readonly (readonly [FieldDef, readonly string[]])[];
}

/**
 * Matches header cells to the extract's fields.
 * @param extraAliases more header spellings per field name, from the configuration.
 */
export function matchHeader(
  def: ExtractDef,
  headers: readonly string[],
  extraAliases: Readonly<Record<string, readonly string[]>> = {},
): HeaderMatch {
  const lookup = new Map<string, number>();
  def.fields.forEach((f, i) => {
    for (const name of [f.name, ...f.aliases, ...(extraAliases[f.name] ?? [])]) {
      lookup.set(normaliseHeader(name), i);
    }
  });
  const hits: MappedColumn[][] = def.fields.map(() => []);
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const fi = lookup.get(normaliseHeader(header));
    if (fi === undefined) ignored.push(header);
    else hits[fi]!.push({ field: def.fields[fi]!, index, header });
  });
  const byField = hits.map((h) => h[0]);
  return {
    headers,
    byField,
    mapped: byField.filter((m): m is MappedColumn => m !== undefined),
    ignored,
    missing: def.fields.filter((f, i) => f.required && hits[i]!.length === 0),
    ambiguous: hits.flatMap((h, i) => (h.length > 1 ? [[def.fields[i]!, h.map((m) => m.header)] as const] : [])),
  };
}
