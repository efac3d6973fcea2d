import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aboutOfClaims,
  claimOrdering,
  claimsByIds,
  type ClaimFilter,
  claimsOfParents,
  evidenceOfClaims,
  listClaims,
} from '../../../src/graph/read/claim.js';
import type { Database } from '../../../src/graph/core/database.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

describe('claim reads', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const page = (first = 100, after: string | null = null) => pageParams(claimOrdering, first, after);
  const list = async (filter: ClaimFilter) => (await listClaims(db.scope(), filter, page())).nodes.map((c) => c.id);

  it('reads claims by id with their derived status', async () => {
    const [taken, none] = await claimsByIds(db.scope(), ['claim:lere-seizure-and-departure-confirmed', 'claim:none']);
    expect(taken).toMatchObject({
      __typename: 'Claim',
      status: 'CORROBORATED',
      notIndependentlyVerified: false,
      retracted: false,
    });
    expect(none).toBeNull();
  });

  it('reads who asserts a claim, where it is reported, and what supports it, in one round trip', async () => {
    const scope = db.scope();
    const [taken, casualties] = await evidenceOfClaims(scope, [
      'claim:lere-seizure-and-departure-confirmed',
      'claim:bourem-casualties-csp',
    ]);
    expect(scope.roundTrips).toBe(1);
    expect(taken!.assertedBy?.id).toBe('actor:soukaina-sghir');
    expect(taken!.reportedIn.map((s) => s.id)).toEqual(['source:article']);
    expect(taken!.supportingSources.map((s) => s.id).sort()).toEqual([
      'source:article',
      'source:lere-local-civilians',
      'source:security-sources',
    ]);
    expect(taken!.contradictingSources).toEqual([]);
    expect(casualties!.supportingSources.map((s) => s.id)).toEqual(['source:article']);
  });

  it('reads what claims are about, whatever the node type', async () => {
    const [taken, confirmed] = await aboutOfClaims(db.scope(), [
      'claim:lere-camp-taken',
      'claim:lere-seizure-and-departure-confirmed',
    ]);
    // What it states (the event, its place and participants) and what its `about` names.
    expect(taken!.map((n) => `${n.__typename} ${n.id}`)).toEqual(
      expect.arrayContaining([
        'Event event:lere-camp-attack',
        'Place place:lere',
        'Place place:lere-military-camp',
        'Actor actor:csp',
        'Actor actor:fama',
      ]),
    );
    expect(confirmed!.map((n) => `${n.__typename} ${n.id}`).sort()).toEqual([
      'Actor actor:csp',
      'Event event:lere-camp-attack',
      'Event event:lere-withdrawal',
    ]);
  });

  it('pages the claims of parents: asserted by an actor, about an actor, reported in a source', async () => {
    const scope = db.scope();
    const [csp, wagner] = await claimsOfParents(scope, 'ASSERTED_BY', ['actor:csp', 'actor:wagner'], false, page());
    expect(scope.roundTrips).toBe(1);
    expect(csp!.nodes.map((c) => c.id)).toEqual(
      expect.arrayContaining(['claim:lere-camp-taken-after-two-hours', 'claim:csp-accuses-fama-and-wagner']),
    );
    expect(csp!.totalCount).toBe(csp!.nodes.length);
    expect(wagner).toMatchObject({ nodes: [], totalCount: 0 });
    const [alliance] = await claimsOfParents(db.scope(), 'ABOUT', ['actor:sahel-states-alliance'], false, page());
    expect(alliance!.nodes.map((c) => c.id)).toContain('claim:sahel-states-alliance-established');
    const [article] = await claimsOfParents(db.scope(), 'REPORTED_IN', ['source:article'], false, page(2));
    expect(article!.nodes).toHaveLength(2);
    expect(article!.pageInfo.hasNextPage).toBe(true);
    const [rest] = await claimsOfParents(
      db.scope(),
      'REPORTED_IN',
      ['source:article'],
      false,
      page(100, article!.pageInfo.endCursor),
    );
    expect(article!.nodes.length + rest!.nodes.length).toBe(article!.totalCount);
  });

  it('filters by status, asserting actor, subject, source and text', async () => {
    expect(await list({ statuses: ['UNVERIFIED'] })).toEqual([
      'claim:bourem-casualties-csp',
      'claim:bourem-casualties-fama',
    ]);
    expect(await list({ statuses: ['DISPUTED'] })).toEqual([]);
    const byCsp = await list({ assertedById: 'actor:csp' });
    expect(byCsp).toContain('claim:lere-camp-taken-after-two-hours');
    expect(byCsp).not.toContain('claim:bourem-attack');
    expect(await list({ aboutId: 'event:lere-camp-attack' })).toContain('claim:lere-camp-taken');
    expect(await list({ aboutId: 'place:lere', assertedById: 'actor:csp' })).toContain(
      'claim:lere-camp-taken-after-two-hours',
    );
    expect(await list({ reportedInId: 'source:article' })).toHaveLength((await list({})).length);
    expect(await list({ reportedInId: 'source:csp-spokesperson' })).toEqual([]);
    expect(await list({ textContains: 'TWO HOURS OF COMBAT' })).toEqual(['claim:lere-camp-taken-after-two-hours']);
    expect(await list({ textContains: 'no such words anywhere' })).toEqual([]);
  });

  describe('a retracted claim', () => {
    beforeAll(async () => {
      await db
        .scope()
        .write((tx) =>
          tx.run(`MATCH (c:Claim {id: 'claim:lere-withdrawal'}) SET c.retracted = true, c.retractionReason = 'test'`),
        );
    });
    afterAll(async () => {
      await db
        .scope()
        .write((tx) =>
          tx.run(`MATCH (c:Claim {id: 'claim:lere-withdrawal'}) SET c.retracted = false, c.retractionReason = null`),
        );
    });

    it('is hidden from lists and claim pages by default, shown when asked for, and still readable by id', async () => {
      expect(await list({})).not.toContain('claim:lere-withdrawal');
      expect(await list({ includeRetracted: true })).toContain('claim:lere-withdrawal');
      const [hidden] = await claimsOfParents(db.scope(), 'ASSERTED_BY', ['actor:csp'], false, page());
      const [shown] = await claimsOfParents(db.scope(), 'ASSERTED_BY', ['actor:csp'], true, page());
      expect(hidden!.nodes.map((c) => c.id)).not.toContain('claim:lere-withdrawal');
      expect(shown!.nodes.map((c) => c.id)).toContain('claim:lere-withdrawal');
      expect(shown!.totalCount).toBe(hidden!.totalCount + 1);
      const [byId] = await claimsByIds(db.scope(), ['claim:lere-withdrawal']);
      expect(byId).toMatchObject({ retracted: true, retractionReason: 'test' });
    });
  });
});
