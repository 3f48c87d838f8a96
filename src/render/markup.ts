/**
 * Safe HTML and SVG markup for the board report.
 *
 * Markup is built with the `html` template tag only. Every interpolated
 * string is escaped for both text and attribute context (`&`, `<`, `>`, `"`
 * and `'`), so text from the extracts or the targets file (team and worker
 * names, titles, comparator labels, paths) can never open a tag or leave a
 * quoted attribute. Only values that are already `Markup` (built by this
 * tag, or the few constants passed to `trusted`) are inserted as they are.
 */

/** A piece of markup that is already safe to insert. */
export class Markup {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** What may be interpolated into `html`. Falsy values (null, undefined, false, '') insert nothing. */
export type Interpolation = string | number | Markup | readonly Interpolation[] | null | undefined | false;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML text and for quoted attribute values. Control
 * characters that HTML does not allow (C0 other than tab, line feed and
 * carriage return; DEL; C1) and lone surrogates become U+FFFD, so the
 * document stays valid whatever bytes the extracts held.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * A number as it is written into markup: integers as they are, others
 * rounded to two decimals (coordinates), never in exponent form.
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`internal: ${x} written into markup`);
  if (Number.isInteger(x)) return String(x);
  const rounded = Math.round(x * 100) / 100;
  return Object.is(rounded, -0) ? '0' : rounded.toFixed(2).replace(/\.?0+$/, '');
}

function insert(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.toString();
  if (typeof value === 'number') return num(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(insert).join('');
}

/** Tagged template: literal parts are markup, interpolations are escaped unless already `Markup`. */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolation[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += insert(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Joins pieces of markup. */
export function join(parts: readonly Interpolation[], separator = ''): Markup {
  return new Markup(parts.map(insert).filter((s) => s !== '').join(separator));
}

/**
 * A constant written by this program (a stylesheet, a symbol) inserted as
 * markup. Never pass text that came from the input.
 */
export function trusted(constant: string): Markup {
  return new Markup(constant);
}

/**
 * An id or class fragment derived from text: only [a-z0-9-], so it is safe
 * anywhere, and stable for the same text.
 */
export function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}
