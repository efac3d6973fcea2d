/**
 * Places in their hierarchy, against the real database (src/graph/write/place.ts, names.ts): one
 * name under several parents, lookups under a parent, a bare ambiguous name, gazetteer codes,
 * and concurrent writes creating one place under one parent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import type { AddPlaceInput } from '../../../src/generated/graphql.js';
import { migrate } from '../../../src/graph/core/migrations.js';
import { AuditLog } from '../../../src/graph/write/audit.js';
import { addPlace, resolvePlace } from '../../../src/graph/write/place.js';
import { inOneTransaction } from '../../../src/graph/write/transaction.js';
import type { PlaceRef } from '../../../src/inputs/place.js';
import { resetGraph, testDatabase } from '../../support/graph.js';

let db: Database;
const writer = { identity: 'place-test' };

const resolve = (ref: PlaceRef) =>
  inOneTransaction(db.scope(60_000), (tx) => resolvePlace(tx, ref, new AuditLog(writer, 'test'), 'input.place'));

const count = async (query: string, params: Record<string, unknown> = {}) =>
  Number((await db.scope().read(query, params))[0]?.get('n'));

beforeAll(async () => {
  db = testDatabase();
  await migrate(db);
  await resetGraph(db);
  const scope = db.scope(60_000);
  const places: AddPlaceInput[] = [
    { id: 'place:t-mali', name: 'Mali', kind: 'COUNTRY' },
    { id: 'place:t-mopti', name: 'Mopti region', kind: 'REGION', parentId: 'place:t-mali' },
    { id: 'place:t-gao', name: 'Gao region', kind: 'REGION', parentId: 'place:t-mali' },
    { name: 'Dioura', kind: 'TOWN', parentId: 'place:t-mopti', pcode: 'ML0599' },
  ];
  for (const place of places) await addPlace(scope, place, writer);
}, 120_000);
afterAll(async () => {
  await db.close();
});

describe('places identified in their hierarchy', () => {
  it('creates a second Dioura under another parent, and never a second under the same one', async () => {
    const gao = await addPlace(db.scope(), { name: 'Dioura', kind: 'TOWN', parentId: 'place:t-gao' }, writer);
    expect(gao.id).toBe('place:dioura-t-gao');
    await expect(
      addPlace(db.scope(), { name: 'dioura', kind: 'TOWN', parentId: 'place:t-mopti' }, writer),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', candidates: [{ id: 'place:dioura' }] } });
    // One Name key names both: bare lookups still go through it.
    expect(await count(`MATCH (:Name {key: 'place:dioura'})-[:NAMES]->(p:Place) RETURN count(p) AS n`)).toBe(2);
  });

  it('matches a name under its parent only, at any depth inside it', async () => {
    expect(await resolve({ name: 'Dioura', parentId: 'place:t-gao' })).toBe('place:dioura-t-gao');
    expect(await resolve({ name: 'DIOURA', parent: { name: 'Mopti region' } })).toBe('place:dioura');
    expect(await resolve({ name: 'Dioura', parentId: 'place:t-mali' }).catch((e: unknown) => e)).toMatchObject({
      extensions: { code: 'AMBIGUOUS_NAME' },
    });
  });

  it('refuses a bare name that names several places, with their hierarchies', async () => {
    const refusal = await resolve({ name: 'Dioura' }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      extensions: {
        code: 'AMBIGUOUS_NAME',
        field: 'input.place.name',
        candidates: expect.arrayContaining([
          { id: 'place:dioura', name: 'Dioura', hierarchy: 'Dioura › Mopti region › Mali' },
          { id: 'place:dioura-t-gao', name: 'Dioura', hierarchy: 'Dioura › Gao region › Mali' },
        ]),
      },
    });
  });

  it('creates a chain of new places given inline, each under the one after it', async () => {
    const camp = await resolve({
      name: 'Dioura camp',
      kind: 'MILITARY_BASE',
      parent: { name: 'Dioura', parent: { name: 'Gao region' } },
    });
    const [row] = await db
      .scope()
      .read(`MATCH (:Place {id: $camp})-[:LOCATED_IN]->(p:Place) RETURN p.id AS parent`, { camp });
    expect(row?.get('parent')).toBe('place:dioura-t-gao');
  });

  it('finds a place by its gazetteer code before its name, and refuses a code of another place', async () => {
    expect(await resolve({ pcode: 'ML0599', name: 'Something else' })).toBe('place:dioura');
    await expect(addPlace(db.scope(), { name: 'Other', kind: 'TOWN', pcode: 'ML0599' }, writer)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', field: 'input.pcode' },
    });
  });

  it('creates one place when concurrent writes create it under one parent', async () => {
    const ids = await Promise.all(
      Array.from({ length: 6 }, () => resolve({ name: 'Dioura', kind: 'TOWN', parentId: 'place:t-gao', aliases: [] })),
    );
    expect(new Set(ids)).toEqual(new Set(['place:dioura-t-gao']));
    // A name that exists elsewhere, created under a new parent by six writes at once: the key's
    // lock makes them take turns, and the five after the first find it.
    await addPlace(
      db.scope(),
      { id: 'place:t-kayes', name: 'Kayes region', kind: 'REGION', parentId: 'place:t-mali' },
      writer,
    );
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => resolve({ name: 'Dioura', kind: 'TOWN', parentId: 'place:t-kayes' })),
    );
    expect(new Set(racing).size).toBe(1);
    expect(
      await count(
        `MATCH (p:Place {name: 'Dioura'})-[:LOCATED_IN]->(:Place {id: 'place:t-kayes'}) RETURN count(p) AS n`,
      ),
    ).toBe(1);
  });
});
