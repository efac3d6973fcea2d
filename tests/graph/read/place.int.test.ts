import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import {
  eventsAtPlaces,
  hierarchyOfPlaces,
  listPlaces,
  parentsOfPlaces,
  placeEventOrdering,
  placeOrdering,
  placesByIds,
} from '../../../src/graph/read/place.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

describe('place reads', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const places = (first = 20, after: string | null = null) => pageParams(placeOrdering, first, after);
  const events = (first = 20, after: string | null = null) => pageParams(placeEventOrdering, first, after);

  it('reads places by id with their location and parent id, null for an unknown id', async () => {
    const scope = db.scope();
    const [camp, nobody, mali] = await placesByIds(scope, ['place:lere-military-camp', 'place:nowhere', 'place:mali']);
    expect(camp).toMatchObject({
      __typename: 'Place',
      name: 'Léré military camp',
      kind: 'MILITARY_BASE',
      parentId: 'place:lere',
    });
    expect(camp!.location).toEqual({ latitude: 15.7153, longitude: -4.9042 });
    expect(nobody).toBeNull();
    expect(mali!.parentId).toBeNull();
    expect(scope.roundTrips).toBe(1);
  });

  it('reads each place’s parent one hop up, with the parent’s own parent id, as placesByIds reads it', async () => {
    const scope = db.scope();
    const [camp, niafunke, mali, nowhere] = await parentsOfPlaces(scope, [
      'place:lere-military-camp',
      'place:niafunke-circle',
      'place:mali',
      'place:nowhere',
    ]);
    expect(scope.roundTrips).toBe(1);
    expect(camp).toMatchObject({ id: 'place:lere', parentId: 'place:niafunke-circle' });
    expect(niafunke).toMatchObject({ id: 'place:timbuktu-region', parentId: 'place:mali' });
    expect(mali).toBeNull();
    expect(nowhere).toBeNull();
    expect([camp, niafunke]).toEqual(await placesByIds(db.scope(), ['place:lere', 'place:timbuktu-region']));
  });

  it('walks the hierarchy both ways: ancestors up to the country, children down', async () => {
    const scope = db.scope();
    const [camp, timbuktu, mali] = await hierarchyOfPlaces(scope, [
      'place:lere-military-camp',
      'place:timbuktu-region',
      'place:mali',
    ]);
    expect(scope.roundTrips).toBe(1);
    expect(camp!.ancestors.map((p) => p.id)).toEqual([
      'place:lere',
      'place:niafunke-circle',
      'place:timbuktu-region',
      'place:mali',
    ]);
    expect(camp!.children).toEqual([]);
    expect(timbuktu!.children.map((p) => p.id)).toEqual(['place:niafunke-circle']);
    expect(mali!.ancestors).toEqual([]);
    expect(mali!.children.map((p) => p.id)).toEqual(['place:gao-region', 'place:timbuktu-region']);
  });

  it('lists the events at a place and, by default, anywhere inside it, in time order', async () => {
    const scope = db.scope();
    const [timbuktu, lereOnly, bourem] = await eventsAtPlaces(
      scope,
      ['place:timbuktu-region', 'place:lere', 'place:gao-region'],
      true,
      events(),
    );
    expect(scope.roundTrips).toBe(1);
    expect(timbuktu!.nodes.map((e) => e.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    expect(timbuktu!.totalCount).toBe(4);
    expect(lereOnly!.nodes.map((e) => e.id)).toEqual([
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
      'event:lere-search',
      'event:lere-withdrawal',
    ]);
    expect(bourem!.nodes.map((e) => e.id)).toEqual(['event:bourem-attack', 'event:bourem-soldier-capture']);

    const [exact] = await eventsAtPlaces(db.scope(), ['place:lere'], false, events());
    expect(exact!.nodes.map((e) => e.id)).toEqual(['event:lere-search', 'event:lere-withdrawal']);
    const [camp] = await eventsAtPlaces(db.scope(), ['place:lere-military-camp'], false, events());
    // The aircraft shot down is part of the camp attack and has no place of its own: it is at the camp.
    expect(camp!.nodes.map((e) => e.id)).toEqual(['event:lere-aircraft-shot-down', 'event:lere-camp-attack']);
  });

  it('pages the events of a place with cursors', async () => {
    const [all] = await eventsAtPlaces(db.scope(), ['place:mali'], true, events());
    const [first] = await eventsAtPlaces(db.scope(), ['place:mali'], true, events(1));
    expect(first!.nodes).toHaveLength(1);
    expect(first!.pageInfo.hasNextPage).toBe(true);
    expect(first!.totalCount).toBe(all!.totalCount);
    const [rest] = await eventsAtPlaces(db.scope(), ['place:mali'], true, events(100, first!.pageInfo.endCursor));
    expect([...first!.nodes, ...rest!.nodes].map((e) => e.id)).toEqual(all!.nodes.map((e) => e.id));
    expect(rest!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('filters places by kind, name or alias (ignoring accents) and the place they lie in', async () => {
    const towns = await listPlaces(db.scope(), { kinds: ['TOWN'] }, places());
    expect(towns.nodes.map((p) => p.name)).toEqual(['Bourem', 'Léré']);
    const lere = await listPlaces(db.scope(), { nameContains: 'LERE' }, places());
    expect(lere.nodes.map((p) => p.id)).toEqual(['place:lere', 'place:lere-military-camp']);
    const tombouctou = await listPlaces(db.scope(), { nameContains: 'tombouctou' }, places());
    expect(tombouctou.nodes.map((p) => p.id)).toEqual(['place:timbuktu-region']);
    const inside = await listPlaces(db.scope(), { insideId: 'place:timbuktu-region' }, places());
    expect(inside.nodes.map((p) => p.id).sort()).toEqual([
      'place:lere',
      'place:lere-military-camp',
      'place:niafunke-circle',
    ]);
    const bases = await listPlaces(db.scope(), { insideId: 'place:mali', kinds: ['MILITARY_BASE'] }, places());
    expect(bases.nodes.map((p) => p.id)).toEqual(['place:bourem-fama-base', 'place:lere-military-camp']);
    const none = await listPlaces(db.scope(), { insideId: 'place:lere-military-camp' }, places());
    expect(none).toMatchObject({ nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('pages the place list to the end: names in order, no repeats', async () => {
    const all = await listPlaces(db.scope(), {}, places(100));
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await listPlaces(db.scope(), {}, places(3, after));
      seen.push(...page.nodes.map((p) => p.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(seen).toEqual(all.nodes.map((p) => p.id));
    expect(pages).toBe(Math.ceil(all.totalCount / 3));
    const names = all.nodes.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
