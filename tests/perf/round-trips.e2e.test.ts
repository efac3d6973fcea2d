/**
 * No N+1, proven: the frontend's nested relationship queries cost the same number of database
 * round trips on a generated graph of 200 events and on one of 2,000 (ten times the rows at every
 * level), as reported in extensions.roundTrips — and few: a nested level the selection asks for
 * is read in its parent's statement. Counts only; timings belong to `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSyntheticGraph } from '../../bench/synthetic/load.js';
import { resetGraph } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

const NESTED = /* GraphQL */ `
  query Nested($id: ID!) {
    actor(id: $id) {
      id
      participations(first: 10) {
        nodes {
          role
          status
          event {
            id
            place {
              id
              name
              parent {
                id
                name
              }
            }
            claims {
              id
              status
              reportedIn {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List {
    actors(first: 20) {
      nodes {
        id
        participations(first: 5) {
          nodes {
            event {
              id
              place {
                parent {
                  id
                }
              }
              participants {
                actor {
                  id
                }
              }
              claims {
                assertedBy {
                  id
                }
                reportedIn {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!) {
    timeline(subjectId: $id, first: 50) {
      totalCount
      nodes {
        id
        time {
          start
          label
        }
      }
    }
  }
`;

const BUSIEST_ACTOR = `
  MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)-[:PARTICIPATED_IN]->() } DESC, a.id LIMIT 1`;

interface Counted {
  trips: number;
  rows: number;
}

let api: TestServer;

async function measure(events: number): Promise<{ nested: Counted; list: Counted; timeline: Counted }> {
  const db = api.server.db;
  await resetGraph(db);
  await loadSyntheticGraph(db, { events, seed: 11 });
  const [busiest] = await db.scope().read(BUSIEST_ACTOR);
  const nested = await api.gql<{ actor: { participations: { nodes: { event: { claims: unknown[] } }[] } } }>(NESTED, {
    id: busiest?.get('id'),
  });
  expect(nested.errors).toBeUndefined();
  const list = await api.gql<{ actors: { nodes: { participations: { nodes: unknown[] } }[] } }>(LIST);
  expect(list.errors).toBeUndefined();
  const timeline = await api.gql<{ timeline: { nodes: unknown[] } }>(TIMELINE, { id: busiest?.get('id') });
  expect(timeline.errors).toBeUndefined();
  return {
    nested: {
      trips: Number(nested.extensions?.roundTrips),
      rows: nested.data!.actor.participations.nodes.reduce((n, p) => n + 1 + p.event.claims.length, 0),
    },
    list: {
      trips: Number(list.extensions?.roundTrips),
      rows: list.data!.actors.nodes.reduce((n, a) => n + a.participations.nodes.length, 0),
    },
    timeline: {
      trips: Number(timeline.extensions?.roundTrips),
      rows: timeline.data!.timeline.nodes.length,
    },
  };
}

describe('round trips of nested queries do not grow with the data', () => {
  let small: Awaited<ReturnType<typeof measure>>;
  let large: Awaited<ReturnType<typeof measure>>;

  beforeAll(async () => {
    // The list query asks for many nested lists on purpose, and a shared machine can be slow: the
    // cost limit and the deadlines are not under test here, round trips are.
    api = await startTestServer({ QUERY_MAX_COST: '1000000', REQUEST_TIMEOUT_MS: '300000', TX_TIMEOUT_MS: '300000' });
    small = await measure(200);
    large = await measure(2_000);
  }, 900_000);

  afterAll(async () => {
    await api.stop();
  });

  it('answers the nested query of one actor in one round trip at 200 and 2,000 events', () => {
    expect(small.nested.rows).toBeGreaterThan(10);
    expect(large.nested.rows).toBeGreaterThan(10);
    // One statement: the actor query reads the participations its selection asks for, and with
    // them the events' places and their parents, the events' claims and their sources.
    expect(small.nested.trips).toBe(1);
    expect(large.nested.trips).toBe(1);
  });

  it('answers the nested list query (20 actors × 5 participations …) in the same round trips at both sizes', () => {
    expect(large.list.rows).toBeGreaterThan(20);
    // The actors; their participations with the events' places, parents, claims and evidence;
    // the events' participants.
    expect(small.list.trips).toBe(3);
    expect(large.list.trips).toBe(3);
  });

  it("answers an actor's timeline, its subject found in the same statement, in one round trip at both sizes", () => {
    expect(small.timeline.rows).toBeGreaterThan(10);
    expect(large.timeline.rows).toBe(50);
    expect(small.timeline.trips).toBe(1);
    expect(large.timeline.trips).toBe(1);
  });
});
