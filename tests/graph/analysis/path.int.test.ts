/**
 * pathBetween on the seed article: how the CSP is linked to Wagner, with the claims behind each
 * edge; filters (kinds, event types, window, confirmed only); hop limits; and the plan, pinned
 * so the breadth-first search never falls back to enumerating paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import {
  pathBetween,
  pathStatement,
  type GraphPathObject,
  type PathRequest,
} from '../../../src/graph/analysis/path.js';
import { RELATION_KINDS } from '../../../src/graph/analysis/filter.js';
import { loadArticle, testDatabase } from '../../support/graph.js';
import { planOperators } from './plan.js';

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

const ids = (path: GraphPathObject) => path.nodes.map((n) => n.id);

describe('pathBetween', () => {
  it('finds the direct link first: the CSP opposes Wagner, according to the CSP', async () => {
    const [path, ...others] = await pathBetween(db.scope(), { fromId: 'actor:csp', toId: 'actor:wagner' });
    expect(others).toEqual([]);
    expect(path?.length).toBe(1);
    expect(ids(path!)).toEqual(['actor:csp', 'actor:wagner']);
    expect(path?.edges[0]).toMatchObject({
      kind: 'OPPOSES',
      from: 'actor:csp',
      to: 'actor:wagner',
      claimIds: ['claim:csp-accuses-fama-and-wagner'],
      status: 'REPORTED',
    });
  });

  it('links the CSP to Wagner through FAMa and the battles they fought, each edge with its claims', async () => {
    const paths = await pathBetween(db.scope(), {
      fromId: 'actor:csp',
      toId: 'actor:wagner',
      all: true,
      filter: { relationKinds: ['PARTICIPATED_IN', 'ALLIED_WITH'], eventTypes: ['BATTLE'] },
    });
    expect(paths.map((p) => ids(p)[1]).sort()).toEqual([
      'event:bourem-attack',
      'event:lere-aircraft-shot-down',
      'event:lere-camp-attack',
    ]);
    for (const path of paths) {
      expect(path.length).toBe(3);
      expect(ids(path)[0]).toBe('actor:csp');
      expect(ids(path).slice(2)).toEqual(['actor:fama', 'actor:wagner']);
      expect(path.nodes.map((n) => n.type)).toEqual(['ACTOR', 'EVENT', 'ACTOR', 'ACTOR']);
      expect(path.edges.map((e) => e.kind)).toEqual(['PARTICIPATED_IN', 'PARTICIPATED_IN', 'ALLIED_WITH']);
      for (const edge of path.edges) expect(edge.claimIds.length).toBeGreaterThan(0);
      expect(path.edges[2]?.claimIds).toEqual(['claim:csp-accuses-fama-and-wagner']);
    }
    const lere = paths.find((p) => ids(p)[1] === 'event:lere-camp-attack')!;
    // The CSP's seizure of the camp is corroborated (local civilian and security sources, in a claim
    // of their own); FAMa's defence of it and the alliance are not.
    expect(lere.edges.map((e) => e.status)).toEqual(['CORROBORATED', 'REPORTED', 'REPORTED']);
    expect(lere.edges[1]).toMatchObject({ from: 'actor:fama', to: 'event:lere-camp-attack', role: 'DEFENDER' });
  });

  it('returns one of them when all is not asked for', async () => {
    const paths = await pathBetween(db.scope(), {
      fromId: 'actor:csp',
      toId: 'actor:wagner',
      filter: { relationKinds: ['PARTICIPATED_IN', 'ALLIED_WITH'], eventTypes: ['BATTLE'] },
    });
    expect(paths).toHaveLength(1);
    expect(ids(paths[0]!)).toContain('actor:fama');
  });

  it('keeps events inside the time window only', async () => {
    const paths = await pathBetween(db.scope(), {
      fromId: 'actor:csp',
      toId: 'actor:wagner',
      all: true,
      filter: {
        relationKinds: ['PARTICIPATED_IN', 'ALLIED_WITH'],
        eventTypes: ['BATTLE'],
        from: '2023-09-17T00:00:00.000Z',
        to: '2023-09-17T23:59:59.999Z',
      },
    });
    expect(paths.map((p) => ids(p)[1]).sort()).toEqual(['event:lere-aircraft-shot-down', 'event:lere-camp-attack']);
  });

  it('follows only corroborated facts when confirmedOnly is set', async () => {
    // Nothing corroborated ties Wagner to anyone: only the CSP's accusation names it.
    expect(
      await pathBetween(db.scope(), { fromId: 'actor:csp', toId: 'actor:wagner', filter: { confirmedOnly: true } }),
    ).toEqual([]);
    // Nor FAMa: the sources that confirmed the seizure of the camp name the CSP only.
    expect(
      await pathBetween(db.scope(), {
        fromId: 'actor:csp',
        toId: 'actor:fama',
        filter: { confirmedOnly: true, relationKinds: ['PARTICIPATED_IN'] },
      }),
    ).toEqual([]);
    const [toWithdrawal] = await pathBetween(db.scope(), {
      fromId: 'event:lere-camp-attack',
      toId: 'event:lere-withdrawal',
      all: true,
      filter: { confirmedOnly: true, relationKinds: ['PARTICIPATED_IN'] },
    });
    expect(ids(toWithdrawal!)).toEqual(['event:lere-camp-attack', 'actor:csp', 'event:lere-withdrawal']);
    expect(toWithdrawal!.edges.every((e) => e.status === 'CORROBORATED')).toBe(true);
  });

  it('stays within the hop limit', async () => {
    const near = await pathBetween(db.scope(), { fromId: 'actor:niger', toId: 'event:lere-withdrawal', maxHops: 2 });
    expect(near).toEqual([]);
    const far = await pathBetween(db.scope(), { fromId: 'actor:niger', toId: 'event:lere-withdrawal', maxHops: 6 });
    expect(far[0]!.length).toBeGreaterThan(2);
    expect(far[0]!.length).toBeLessThanOrEqual(6);
  });

  it('walks domain nodes only: no alias (Name), audit or idempotency node is ever on a path', async () => {
    const paths = await pathBetween(db.scope(), { fromId: 'actor:mali', toId: 'place:mali', all: true, maxHops: 6 });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path.nodes).toHaveLength(path.length + 1);
      expect(path.edges.map((e) => e.kind).every((k) => (RELATION_KINDS as readonly string[]).includes(k))).toBe(true);
    }
  });

  // An unknown relation kind is refused by GraphQL itself (the RelationKind enum): tests/e2e/analysis.e2e.test.ts.
  it('refuses a hop limit outside 1..6, an unknown id and a path to itself', async () => {
    const scope = db.scope();
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { extensions?: { code?: string } }) => e.extensions?.code,
      );
    expect(await codeOf(pathBetween(scope, { fromId: 'actor:csp', toId: 'actor:wagner', maxHops: 7 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(pathBetween(scope, { fromId: 'actor:csp', toId: 'actor:wagner', maxHops: 0 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(pathBetween(scope, { fromId: 'actor:csp', toId: 'actor:nobody' }))).toBe('NOT_FOUND');
    expect(await codeOf(pathBetween(scope, { fromId: 'actor:nobody', toId: 'actor:csp' }))).toBe('NOT_FOUND');
    expect(await codeOf(pathBetween(scope, { fromId: 'actor:csp', toId: 'actor:csp' }))).toBe('BAD_USER_INPUT');
  });

  it('plans a breadth-first shortest path with the filter checked at each step, without an exhaustive fallback', async () => {
    for (const all of [false, true]) {
      const operators = await planOperators(db, pathStatement(RELATION_KINDS, 6, all), {
        fromId: 'a',
        toId: 'b',
        statuses: ['CORROBORATED'],
        eventTypes: null,
        from: '2023-01-01T00:00:00.000Z',
        to: null,
      });
      expect(operators).toContain('ShortestPath');
      expect(operators.filter((o) => /AntiConditionalApply|VarLengthExpand|AllNodesScan/.test(o))).toEqual([]);
    }
  });

  it('checks only that no retracted claim is on the way when the filter narrows nothing, still breadth-first', async () => {
    for (const all of [false, true]) {
      const statement = pathStatement(RELATION_KINDS, 6, all, false);
      expect(statement).not.toContain('$statuses');
      const operators = await planOperators(db, statement, { fromId: 'a', toId: 'b' });
      expect(operators).toContain('ShortestPath');
      expect(operators.filter((o) => /AntiConditionalApply|VarLengthExpand|AllNodesScan/.test(o))).toEqual([]);
    }
  });

  it('draws the same nodes from their ids and labels alone when nothing more of them is asked', async () => {
    const request: PathRequest = {
      fromId: 'actor:csp',
      toId: 'actor:wagner',
      all: true,
      filter: { relationKinds: ['PARTICIPATED_IN', 'ALLIED_WITH'] },
    };
    const whole = await pathBetween(db.scope(), request);
    const drawn = await pathBetween(db.scope(), request, 'drawn');
    expect(whole.length).toBeGreaterThan(1);
    const draw = (paths: GraphPathObject[]) =>
      paths.map((p) => [p.nodes.map((n) => [n.id, n.type, n.label, n.node.id, n.node.__typename]), p.edges]);
    expect(draw(drawn)).toEqual(draw(whole));
  });
});
