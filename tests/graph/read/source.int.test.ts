import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { pageParams } from '../../../src/graph/core/pagination.js';
import { linksOfSources, listSources, sourceOrdering, sourcesByIds } from '../../../src/graph/read/source.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

describe('source reads', () => {
  let db: Database;
  beforeAll(async () => {
    db = testDatabase();
    await loadArticle(db);
  });
  afterAll(async () => {
    await db.close();
  });

  const page = (first = 100, after: string | null = null) => pageParams(sourceOrdering, first, after);

  it('reads sources by id, null for an unknown id', async () => {
    const [article, none] = await sourcesByIds(db.scope(), ['source:article', 'source:none']);
    expect(article).toMatchObject({ __typename: 'Source', kind: 'ARTICLE', reliability: 'F' });
    expect(article!.title).toContain('Léré');
    expect(none).toBeNull();
  });

  it('reads citations both ways and the claims a source supports, in one round trip', async () => {
    const scope = db.scope();
    const [article, spokesperson] = await linksOfSources(scope, ['source:article', 'source:csp-spokesperson']);
    expect(scope.roundTrips).toBe(1);
    expect(article!.cites.map((s) => s.id).sort()).toEqual([
      'source:csp-images-aircraft',
      'source:csp-spokesperson',
      'source:csp-video-captured-soldier',
      'source:fama-statement-2023-09-17-evening',
      'source:fama-statement-2023-09-18-morning',
      'source:lere-local-civilians',
      'source:security-sources',
    ]);
    expect(article!.citedBy).toEqual([]);
    expect(spokesperson!.citedBy.map((s) => s.id)).toEqual(['source:article']);
    expect(spokesperson!.cites).toEqual([]);
    expect(spokesperson!.supports.map((c) => c.id)).toEqual([
      'claim:lere-camp-taken-after-two-hours',
      'claim:lere-aircraft-shot-down',
      'claim:lere-withdrawal',
      'claim:lere-town-searched',
      'claim:lere-withdrawal-to-avoid-air-strikes',
    ]);
    expect(spokesperson!.contradicts).toEqual([]);
  });

  it('filters by kind and title text, ignoring case', async () => {
    const spokespeople = await listSources(db.scope(), { kinds: ['SPOKESPERSON'] }, page());
    expect(spokespeople.nodes.map((s) => s.id)).toEqual(['source:csp-spokesperson']);
    const civilians = await listSources(db.scope(), { titleContains: 'LOCAL CIVILIAN' }, page());
    expect(civilians.nodes.map((s) => s.id)).toEqual(['source:lere-local-civilians']);
    const both = await listSources(db.scope(), { kinds: ['ARTICLE', 'SECURITY_SOURCE'] }, page());
    expect(both.nodes.map((s) => s.id).sort()).toEqual(['source:article', 'source:security-sources']);
    expect(both.totalCount).toBe(2);
    const none = await listSources(db.scope(), { kinds: ['VIDEO'], titleContains: 'spokesperson' }, page());
    expect(none).toMatchObject({ nodes: [], totalCount: 0 });
  });

  it('orders by title and pages to the end', async () => {
    const all = await listSources(db.scope(), {}, page());
    const titles = all.nodes.map((s) => s.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const first = await listSources(db.scope(), {}, page(all.totalCount - 1));
    expect(first.pageInfo.hasNextPage).toBe(true);
    const last = await listSources(db.scope(), {}, page(5, first.pageInfo.endCursor));
    expect(last.nodes.map((s) => s.id)).toEqual([all.nodes[all.nodes.length - 1]!.id]);
    expect(last.pageInfo.hasNextPage).toBe(false);
    const beyond = await listSources(db.scope(), {}, page(5, last.pageInfo.endCursor));
    expect(beyond).toMatchObject({
      nodes: [],
      totalCount: all.totalCount,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
    });
  });
});
