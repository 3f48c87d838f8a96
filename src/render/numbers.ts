/**
 * Numbers as people read them in a board paper.
 */

/** Thousands separated by commas: 12345 → "12,345". */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * `scale * numerator / denominator` rounded half away from zero to one
 * decimal, computed in integers so that 70.25 shows as 70.3 (floating-point
 * `toFixed` would give 70.2 for some such values).
 * @example roundedRatio(281, 400, 100) //=> '70.3'
 */
export function roundedRatio(numerator: number, denominator: number, scale: number): string {
  const tenths = roundedTenths(numerator, denominator, scale);
  const abs = Math.abs(tenths);
  return `${tenths < 0 ? '-' : ''}${formatCount(Math.floor(abs / 10))}.${abs % 10}`;
}

/** The same rounded value as a number: roundedRatio(281, 400, 100) as 70.3. */
export function shownRatio(numerator: number, denominator: number, scale: number): number {
  return roundedTenths(numerator, denominator, scale) / 10;
}

/** `scale * numerator / denominator` in whole tenths, rounded half away from zero. */
function roundedTenths(numerator: number, denominator: number, scale: number): number {
  const negative = numerator < 0 !== denominator < 0 && numerator !== 0;
  const n = Math.abs(numerator) * scale * 10;
  const d = Math.abs(denominator);
  const tenths = Math.floor((2 * n + d) / (2 * d));
  return negative && tenths > 0 ? -tenths : tenths;
}

/** A number rounded half away from zero to one decimal. */
export function oneDecimal(x: number): string {
  const tenths = Math.round(Math.abs(x) * 10 + 1e-9);
  const sign = x < 0 && tenths !== 0 ? '-' : '';
  return `${sign}${formatCount(Math.floor(tenths / 10))}.${tenths % 10}`;
}

/** A signed difference to one decimal: "+2.5", "-11.0", "0.0". */
export function signedOneDecimal(x: number): string {
  const text = oneDecimal(x);
  return text.startsWith('-') || text === '0.0' ? text : `+${text}`;
}
