/**
 * API keys: only their SHA-256 lives in the configuration, a presented key is hashed, and every
 * configured entry is compared with crypto.timingSafeEqual on equal-length digests, with no early
 * exit, so neither the answer time nor the position of the match says anything about the key.
 */
import * as crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const { hashKey, KeyRing, newKey, ConfigKeyError } = await import('../../src/auth.js');

const compare = vi.mocked(crypto.timingSafeEqual);

describe('API keys', () => {
  const keys = [newKey(), newKey(), newKey()];
  const spec = keys.map((key, i) => `person${i}:${i === 0 ? 'researcher' : 'analyst'}:${hashKey(key)}`).join(',');

  beforeEach(() => {
    compare.mockClear();
  });

  it('are configured by their SHA-256 only: the configuration holds no usable key', () => {
    expect(spec).not.toContain(keys[0]);
    const ring = new KeyRing(spec);
    expect(ring.identify(keys[0]!)).toEqual({ identity: 'person0', role: 'researcher' });
    // Presenting what the configuration holds (the hash) is not presenting the key.
    expect(ring.identify(hashKey(keys[0]!))).toBeNull();
    expect(ring.identify(`${keys[0]}x`)).toBeNull();
  });

  it('compare every entry in constant time, even after a match, on digests of equal length', () => {
    const ring = new KeyRing(spec);
    expect(ring.identify(keys[0]!)).not.toBeNull();
    expect(compare).toHaveBeenCalledTimes(3);
    compare.mockClear();
    expect(ring.identify('not-a-key')).toBeNull();
    expect(compare).toHaveBeenCalledTimes(3);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
  });

  it('refuse an entry that is not identity:role:sha256hex', () => {
    expect(() => new KeyRing(`alice:researcher:${keys[0]}`)).toThrow(ConfigKeyError);
    expect(() => new KeyRing(`alice:owner:${hashKey(keys[0]!)}`)).toThrow(ConfigKeyError);
  });
});
