/**
 * Idempotency keys with a request fingerprint, against the real database
 * (src/graph/write/idempotency.ts): a replay returns the first result, another request under the
 * key is refused and writes nothing, and the fingerprint ignores what does not change a request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import type { AddSourceInput } from '../../../src/generated/graphql.js';
import { migrate } from '../../../src/graph/core/migrations.js';
import { fingerprintOf } from '../../../src/graph/write/idempotency.js';
import { addSource } from '../../../src/graph/write/source.js';
import { countGraph, resetGraph, testDatabase } from '../../support/graph.js';

let db: Database;
const writer = { identity: 'key-test' };

beforeAll(async () => {
  db = testDatabase();
  await migrate(db);
  await resetGraph(db);
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('idempotency keys', () => {
  it('fingerprint a request by its content: key order, nulls and the key itself aside', () => {
    expect(fingerprintOf({ a: 1, b: [{ x: null, y: 'z' }], idempotencyKey: 'k1' })).toBe(
      fingerprintOf({ b: [{ y: 'z' }], a: 1, idempotencyKey: 'k2' }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
    expect(fingerprintOf({ at: new Date('2023-09-28T00:00:00Z') })).toBe(
      fingerprintOf({ at: '2023-09-28T00:00:00.000Z' }),
    );
  });

  it('replay the first result for the same request, and refuse another request under the key', async () => {
    const input: AddSourceInput = { idempotencyKey: 'src-1', kind: 'ARTICLE', title: 'First' };
    const first = await addSource(db.scope(), input, writer);
    const counts = await countGraph(db);
    expect((await addSource(db.scope(), { ...input }, writer)).id).toBe(first.id);
    await expect(addSource(db.scope(), { ...input, title: 'Second' }, writer)).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: 'src-1', field: 'input.idempotencyKey' },
    });
    expect(await countGraph(db)).toEqual(counts);
    // Keys are per identity.
    expect((await addSource(db.scope(), { ...input, title: 'Second' }, { identity: 'other' })).id).not.toBe(first.id);
  });
});
