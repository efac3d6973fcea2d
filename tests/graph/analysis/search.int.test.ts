/**
 * search on the seed article: accent- and case-insensitive ("Lere" finds Léré, "Fama" finds
 * FAMa), typed and ranked hits, and user text that is never Lucene syntax.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { search } from '../../../src/graph/analysis/search.js';
import { loadArticle, testDatabase } from '../../support/graph.js';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

describe('search', () => {
  it('finds Léré for "Lere", the town first', async () => {
    const hits = await search(db.scope(), { text: 'Lere' });
    expect(hits[0]).toMatchObject({ type: 'PLACE', label: 'Léré' });
    expect(hits[0]?.node.id).toBe('place:lere');
    expect(hits.map((h) => h.node.id)).toEqual(
      expect.arrayContaining(['place:lere-military-camp', 'event:lere-search']),
    );
  });

  it('finds FAMa for "Fama", "fama" and "FAMA", and the Malian army by an alias', async () => {
    for (const text of ['Fama', 'fama', 'FAMA', 'Malian Armed Forces']) {
      const [first] = await search(db.scope(), { text });
      expect(first).toMatchObject({ type: 'ACTOR', label: 'FAMa' });
    }
  });

  it('ranks by score and returns typed domain objects', async () => {
    const hits = await search(db.scope(), { text: 'Léré camp attack', first: 10 });
    expect(hits).toHaveLength(10);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const hit of hits) expect(hit.node.__typename.toUpperCase()).toBe(hit.type);
  });

  it('searches claim text and event descriptions, and narrows to the types asked for', async () => {
    const claims = await search(db.scope(), { text: 'self-defense', types: ['CLAIM'] });
    expect(claims.map((h) => h.node.id)).toContain('claim:csp-self-defense');
    expect(claims.every((h) => h.type === 'CLAIM')).toBe(true);
    const events = await search(db.scope(), { text: 'Lere', types: ['EVENT'] });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((h) => h.type === 'EVENT')).toBe(true);
  });

  it('treats Lucene syntax in user text as words', async () => {
    for (const text of ['AND (', 'C++ "unclosed', 'name:csp', 'csp~ OR fama^10', 'a\\b/c', '[1 TO 5]']) {
      await expect(search(db.scope(), { text })).resolves.toBeInstanceOf(Array);
    }
    const [csp] = await search(db.scope(), { text: 'CSP-PSD' });
    expect(csp?.node.id).toBe('actor:csp');
  });

  it('refuses empty text, text without a word, and an oversized page', async () => {
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { extensions?: { code?: string } }) => e.extensions?.code,
      );
    expect(await codeOf(search(db.scope(), { text: '' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(search(db.scope(), { text: '+-!' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(search(db.scope(), { text: '*' }))).toBe('BAD_USER_INPUT');
    expect(await codeOf(search(db.scope(), { text: 'csp', first: 1_000 }))).toBe('BAD_USER_INPUT');
  });

  it('finds the same hits, labelled the same, when only their ids are asked for', async () => {
    for (const text of ['Lere', 'camp attack', 'fama']) {
      const whole = await search(db.scope(), { text });
      const drawn = await search(db.scope(), { text }, 'drawn');
      expect(whole.length).toBeGreaterThan(0);
      const hit = (h: (typeof whole)[number]) => [h.type, h.label, h.score, h.node.id, h.node.__typename];
      expect(drawn.map(hit)).toEqual(whole.map(hit));
    }
  });
});
