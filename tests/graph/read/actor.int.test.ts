import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOrdering, actorsByIds, listActors, relationsOfActors } from '../../../src/graph/read/actor.js';
import type { Database } from '../../../src/graph/core/database.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

describe('actor reads', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const firstPage = (ordering: string, first = 20) => pageParams(ordering, first, null);
  const byName = (field: 'NAME' | 'CREATED_AT' = 'NAME', dir: 'ASC' | 'DESC' = 'ASC') =>
    firstPage(actorOrdering(field, dir));

  it('reads actors by id in the order asked, null for an unknown id, in one round trip', async () => {
    const scope = db.scope();
    const actors = await actorsByIds(scope, ['actor:wagner', 'actor:nobody', 'actor:csp']);
    expect(actors.map((a) => a?.name ?? null)).toEqual(['Wagner', null, 'CSP']);
    expect(actors[0]).toMatchObject({
      __typename: 'Actor',
      kind: 'PRIVATE_MILITARY_COMPANY',
      aliases: expect.arrayContaining(['Wagner Group']),
    });
    expect(scope.roundTrips).toBe(1);
  });

  it('finds actors by name or alias, ignoring case and accents', async () => {
    for (const text of ['fama', 'MALIAN ARMY', 'forces armees', 'Forces armées maliennes', 'alian armed']) {
      const page = await listActors(db.scope(), { nameContains: text }, 'NAME', 'ASC', byName());
      expect(
        page.nodes.map((a) => a.id),
        text,
      ).toEqual(['actor:fama']);
    }
    const csp = await listActors(db.scope(), { nameContains: 'cadre strategique' }, 'NAME', 'ASC', byName());
    expect(csp.nodes.map((a) => a.id)).toEqual(['actor:csp']);
  });

  it('filters by kind and combines filters', async () => {
    const states = await listActors(db.scope(), { kinds: ['STATE'] }, 'NAME', 'ASC', byName());
    expect(states.nodes.map((a) => a.name)).toEqual(['Burkina Faso', 'Mali', 'Niger']);
    expect(states.totalCount).toBe(3);
    const both = await listActors(
      db.scope(),
      { kinds: ['STATE', 'ALLIANCE'], nameContains: 'burkina' },
      'NAME',
      'ASC',
      byName(),
    );
    expect(both.nodes.map((a) => a.id)).toEqual(['actor:burkina-faso']);
    const none = await listActors(db.scope(), { kinds: ['STATE'], nameContains: 'wagner' }, 'NAME', 'ASC', byName());
    expect(none).toMatchObject({
      nodes: [],
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, startCursor: null, endCursor: null },
    });
  });

  it('orders by name or creation, either way', async () => {
    const asc = await listActors(db.scope(), {}, 'NAME', 'ASC', byName());
    const names = asc.nodes.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const desc = await listActors(db.scope(), {}, 'NAME', 'DESC', byName('NAME', 'DESC'));
    expect(desc.nodes.map((a) => a.name)).toEqual([...names].reverse());
    const created = await listActors(db.scope(), {}, 'CREATED_AT', 'ASC', byName('CREATED_AT'));
    const times = created.nodes.map((a) => a.createdAt);
    expect(times).toEqual([...times].sort());
    expect(created.totalCount).toBe(asc.totalCount);
  });

  it('reads relations both ways: members and wholes, and symmetric alliances and oppositions', async () => {
    const scope = db.scope();
    const [csp, fama, wagner, alliance, mali] = await relationsOfActors(scope, [
      'actor:csp',
      'actor:fama',
      'actor:wagner',
      'actor:sahel-states-alliance',
      'actor:mali',
    ]);
    expect(scope.roundTrips).toBe(1);
    const names = (rs: { actor: { name: string } }[]) => rs.map((r) => r.actor.name);
    expect(names(csp!.opponents)).toEqual(['FAMa', 'Wagner']);
    expect(names(fama!.opponents)).toEqual(['CSP']);
    expect(names(wagner!.opponents)).toEqual(['CSP']);
    expect(names(fama!.allies)).toEqual(['Wagner']);
    expect(names(wagner!.allies)).toEqual(['FAMa']);
    expect(names(alliance!.members)).toEqual(['Burkina Faso', 'Mali', 'Niger']);
    expect(alliance!.members.every((r) => r.kind === 'MEMBER_OF')).toBe(true);
    expect(names(mali!.memberOf)).toEqual(['Sahel States Alliance']);
    expect(mali!.members.map((r) => `${r.actor.name} ${r.kind}`)).toEqual([
      'FAMa PART_OF',
      'Transitional Malian authorities PART_OF',
    ]);
    expect(fama!.members.map((r) => `${r.actor.id} ${r.kind}`)).toEqual(['actor:captured-malian-soldier MEMBER_OF']);
    expect(fama!.memberOf.map((r) => `${r.actor.name} ${r.kind}`)).toEqual(['Mali PART_OF']);
    const cspFama = csp!.opponents[0]!;
    expect([...cspFama.claimIds].sort()).toEqual([
      'claim:bourem-attack',
      'claim:csp-accuses-fama-and-wagner',
      'claim:lere-camp-taken',
    ]);
    // Each claim behind it is one statement of one source: none is corroborated (the civilians and
    // security sources confirmed the seizure of the camp, not the enmity).
    expect(cspFama.status).toBe('REPORTED');
  });
});
