/**
 * API keys for tests: a fresh key per role, and the API_KEYS value that holds only their hashes,
 * as `npm run key` would make them.
 */
import { hashKey, newKey } from '../../src/auth.js';

export interface TestKeys {
  analyst: string;
  researcher: string;
  /** A second researcher, to tell identities apart in the audit trail. */
  otherResearcher: string;
  admin: string;
  /** The API_KEYS setting: identity:role:sha256 per key. */
  apiKeys: string;
}

export function testKeys(): TestKeys {
  const keys = { analyst: newKey(), researcher: newKey(), otherResearcher: newKey(), admin: newKey() };
  const apiKeys = [
    `ana:analyst:${hashKey(keys.analyst)}`,
    `alice:researcher:${hashKey(keys.researcher)}`,
    `bob:researcher:${hashKey(keys.otherResearcher)}`,
    `ada:admin:${hashKey(keys.admin)}`,
  ].join(',');
  return { ...keys, apiKeys };
}

/**
 * Generous limits for write tests: on a busy shared machine a transaction that waits for its
 * turn (20 concurrent writes on one name) must not be cut by the 10 s production default. The
 * tests assert behaviour, never timings.
 */
export const SLOW_MACHINE = { TX_TIMEOUT_MS: '120000', REQUEST_TIMEOUT_MS: '300000' } as const;
