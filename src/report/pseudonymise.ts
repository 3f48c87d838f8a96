/**
 * Pseudonymising child identifiers in record-level output.
 *
 * Each identifier becomes a keyed HMAC-SHA-256 token: the same child gets
 * the same token in every run and every extract as long as the key is the
 * same, and without the key the token cannot be turned back into the id
 * (nor checked against a guessed id).
 */
import { createHmac } from 'node:crypto';
import type { IdMapper } from './explain.js';

/** Keys shorter than this are refused: a short key can be guessed. */
export const MIN_KEY_LENGTH = 16;

/** Hex characters kept from the HMAC (64 bits). */
const TOKEN_HEX = 16;

/**
 * A mapper from identifiers to tokens under `secret`.
 * @example pseudonymiser('a long secret key...')('child', '104523') //=> 'P-3f9a...' (16 hex digits)
 */
export function pseudonymiser(secret: string): IdMapper {
  const cache = new Map<string, string>();
  return (kind, value) => {
    // Identifiers compare without regard to case (SPEC §6): dfe123 and DFE123 are one child, with one token.
    const input = `${kind}:${value.toUpperCase()}`;
    let token = cache.get(input);
    if (token === undefined) {
      const digest = createHmac('sha256', secret).update(input, 'utf8').digest('hex').slice(0, TOKEN_HEX);
      token = `${kind === 'child' ? 'P' : 'K'}-${digest}`;
      cache.set(input, token);
    }
    return token;
  };
}
