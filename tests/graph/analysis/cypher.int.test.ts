/**
 * The analysts' read-only Cypher entry on the seed article: rows as JSON, the row cap and the
 * timeout; every form of write refused with WRITE_REFUSED and the database unchanged (nodes,
 * relationships, labels, indexes, constraints counted before and after); and each of the three
 * locks shown to hold on its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/graph/core/database.js';
import { runReadOnlyCypher, type CypherLimits } from '../../../src/graph/analysis/cypher.js';
import { countGraph, loadArticle, testDatabase } from '../../support/graph.js';

let db: Database;
const LIMITS: CypherLimits = { timeoutMs: 5_000, maxRows: 1_000 };

/** Everything a write could change: data, tokens and schema. */
async function snapshot() {
  const tokens = await db.driver.executeQuery(
    `CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
     CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN count(propertyKey) AS keys }
     CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN count(relationshipType) AS types }
     RETURN labels, keys, types`,
    {},
    { database: db.name },
  );
  const schema = await db.driver.executeQuery(
    'SHOW INDEXES YIELD name RETURN collect(name) AS names',
    {},
    { database: db.name },
  );
  const row = tokens.records[0]!;
  return {
    ...(await countGraph(db)),
    labels: [...(row.get('labels') as string[])].sort(),
    keys: row.get('keys') as number,
    types: row.get('types') as number,
    indexes: [...(schema.records[0]!.get('names') as string[])].sort(),
    actorName: (
      await runReadOnlyCypher(db.scope(), "MATCH (a:Actor {id: 'actor:csp'}) RETURN a.name AS n", null, LIMITS)
    ).rows[0]?.n,
  };
}

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
  );

beforeAll(async () => {
  db = testDatabase();
  await loadArticle(db);
});
afterAll(async () => {
  await db.close();
});

describe('reading', () => {
  it('returns columns and rows as JSON: nodes, paths, temporal values, points', async () => {
    const result = await runReadOnlyCypher(
      db.scope(),
      `MATCH p = (a:Actor {id: $id})-[r:OPPOSES]->(b:Actor {id: 'actor:wagner'})
       MATCH (l:Place {id: 'place:lere'})
       RETURN a, p, r.claimIds AS claims, a.createdAt AS created, date('2023-09-17') AS day,
              duration('PT2H') AS combat, l.location AS where, $n + 1 AS next`,
      { id: 'actor:csp', n: 41 },
      LIMITS,
    );
    expect(result.columns).toEqual(['a', 'p', 'claims', 'created', 'day', 'combat', 'where', 'next']);
    expect(result.truncated).toBe(false);
    const [row] = result.rows as Record<string, unknown>[];
    expect(row?.a).toMatchObject({
      id: 'actor:csp',
      labels: ['Actor'],
      properties: { name: 'CSP', kind: 'COALITION' },
    });
    expect(row?.p).toMatchObject({
      nodes: [{ id: 'actor:csp' }, { id: 'actor:wagner' }],
      relationships: [{ type: 'OPPOSES', properties: { claimIds: ['claim:csp-accuses-fama-and-wagner'] } }],
    });
    expect(row?.claims).toEqual(['claim:csp-accuses-fama-and-wagner']);
    expect(row?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(row?.day).toBe('2023-09-17');
    expect(row?.combat).toBe('PT2H');
    expect(row?.where).toEqual({ latitude: 15.7153, longitude: -4.9042 });
    expect(row?.next).toBe(42);
  });

  it('takes whole-number parameters as integers (LIMIT $n works)', async () => {
    const result = await runReadOnlyCypher(
      db.scope(),
      'MATCH (a:Actor) RETURN a.id AS id ORDER BY id LIMIT $n',
      { n: 3 },
      LIMITS,
    );
    expect(result.rows).toHaveLength(3);
  });

  it('calls the read-only procedures: labels, full-text search', async () => {
    const result = await runReadOnlyCypher(
      db.scope(),
      "CALL db.index.fulltext.queryNodes('search_text', 'lere') YIELD node RETURN node.id AS id LIMIT 1",
      null,
      LIMITS,
    );
    expect(result.rows).toEqual([{ id: 'place:lere' }]);
  });

  it('reads a query that only mentions write words in strings, comments, labels, properties and map keys', async () => {
    const result = await runReadOnlyCypher(
      db.scope(),
      `// CREATE nothing here
       MATCH (a:Actor {id: 'actor:csp'}) /* MERGE, SET, DELETE */
       WHERE a.name <> 'DETACH DELETE everything' AND NOT a:\`CREATE\`
       RETURN a.set AS unset, {delete: 1, create: 2} AS m, "LOAD CSV" AS s`,
      null,
      LIMITS,
    );
    expect(result.rows).toEqual([{ unset: null, m: { delete: 1, create: 2 }, s: 'LOAD CSV' }]);
  });

  it('stops at the row cap and says the answer was cut', async () => {
    const result = await runReadOnlyCypher(db.scope(), 'UNWIND range(1, 100000) AS x RETURN x', null, {
      ...LIMITS,
      maxRows: 250,
    });
    expect(result.rows).toHaveLength(250);
    expect(result.rows[249]).toEqual({ x: 250 });
    expect(result.truncated).toBe(true);
  });

  it('has Neo4j cancel a query that runs past the timeout', async () => {
    const slow = 'UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n';
    expect(await codeOf(runReadOnlyCypher(db.scope(), slow, null, { ...LIMITS, timeoutMs: 300 }))).toBe(
      'QUERY_TIMEOUT',
    );
  });

  it("shows the analyst's own syntax errors, and refuses EXPLAIN, SHOW and USE", async () => {
    expect(await codeOf(runReadOnlyCypher(db.scope(), 'MATCH (n RETURN n', null, LIMITS))).toBe('BAD_USER_INPUT');
    expect(await codeOf(runReadOnlyCypher(db.scope(), 'EXPLAIN MATCH (n) RETURN n', null, LIMITS))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(runReadOnlyCypher(db.scope(), 'SHOW USERS', null, LIMITS))).toBe('BAD_USER_INPUT');
    expect(await codeOf(runReadOnlyCypher(db.scope(), 'USE system MATCH (n) RETURN n', null, LIMITS))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(runReadOnlyCypher(db.scope(), 'RETURN 1', [1, 2], LIMITS))).toBe('BAD_USER_INPUT');
  });
});

/** Every form of write the entry point must refuse. */
const WRITES: Record<string, string> = {
  CREATE: "CREATE (:Actor {id: 'actor:intruder', name: 'Intruder'})",
  'GQL INSERT': "INSERT (:Actor {id: 'actor:intruder'})",
  MERGE: "MERGE (a:Actor {id: 'actor:intruder'}) RETURN a",
  SET: "MATCH (a:Actor {id: 'actor:csp'}) SET a.name = 'Hacked' RETURN a",
  'SET a label': "MATCH (a:Actor {id: 'actor:csp'}) SET a:Intruder",
  DELETE: "MATCH (:Claim {id: 'claim:lere-calm'})-[r:ABOUT]->() DELETE r",
  'DETACH DELETE': "MATCH (a:Actor {id: 'actor:csp'}) DETACH DELETE a",
  REMOVE: "MATCH (a:Actor {id: 'actor:csp'}) REMOVE a.name",
  'REMOVE a label': "MATCH (a:Actor {id: 'actor:csp'}) REMOVE a:Actor",
  FOREACH: 'FOREACH (i IN [1, 2] | CREATE (:Intruder {i: i}))',
  'LOAD CSV': "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
  'CALL db.createLabel': "CALL db.createLabel('Intruder')",
  'CALL db.createProperty': "CALL db.createProperty('intruder')",
  'CALL db.createRelationshipType': "CALL db.createRelationshipType('INTRUDES')",
  'quoted procedure name': "CALL `db`.`createLabel`('Intruder')",
  'apoc write': "CALL apoc.create.node(['Intruder'], {})",
  'dbms procedure': "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'dbms read procedure': 'CALL dbms.components()',
  'CREATE INDEX': 'CREATE INDEX intruder FOR (n:Actor) ON (n.description)',
  'CREATE CONSTRAINT': 'CREATE CONSTRAINT intruder FOR (n:Actor) REQUIRE n.description IS UNIQUE',
  'DROP INDEX': 'DROP INDEX event_start',
  'DROP CONSTRAINT': 'DROP CONSTRAINT actor_id',
  'IN TRANSACTIONS': 'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS OF 1 ROW',
  'IN CONCURRENT TRANSACTIONS':
    'UNWIND range(1, 3) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN 2 CONCURRENT TRANSACTIONS OF 1 ROW',
  'write in a subquery': "MATCH (a:Actor {id: 'actor:csp'}) CALL (a) { SET a.flag = true } RETURN a.id",
  'write in a union subquery':
    'CALL () { MATCH (a:Actor) RETURN a UNION MATCH (a:Place) SET a.x = 1 RETURN a } RETURN count(*)',
  'write after a comment': 'MATCH (a:Actor) /* only reading */ WITH a LIMIT 1 CREATE (:Intruder) // honest',
  'odd casing and whitespace': "match (a:Actor {id: 'actor:csp'})\n\t sEt\n a.name\t=\t'x'",
  'keyword split by a comment': "MATCH (a:Actor {id: 'actor:csp'}) DETACH/**/DELETE a",
  'write after a string that looks like a comment':
    "MATCH (a:Actor) WHERE a.name <> '/*' CREATE (:Intruder) RETURN '*/'",
  GRANT: 'GRANT ROLE admin TO neo4j',
  'ALTER USER': "ALTER USER neo4j SET PASSWORD 'intruder-password'",
  'STOP DATABASE': 'STOP DATABASE neo4j',
  'CREATE DATABASE': 'CREATE DATABASE intruder',
  TERMINATE: "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
};

describe('writes', () => {
  it.each(Object.entries(WRITES))('refuses %s and changes nothing', async (_, query) => {
    const before = await snapshot();
    expect(await codeOf(runReadOnlyCypher(db.scope(), query, null, LIMITS))).toBe('WRITE_REFUSED');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses with a message that says what and why', async () => {
    const refusal = await runReadOnlyCypher(db.scope(), WRITES.MERGE!, null, LIMITS).catch((e: Error) => e);
    expect((refusal as Error).message).toMatch(/MERGE writes.*only reads.*nothing changed/);
  });
});

/** Writes that parse and plan: what the plan lock and the READ transaction must stop by themselves. */
const PLANNED_WRITES = [
  'CREATE',
  'MERGE',
  'SET',
  'SET a label',
  'DELETE',
  'DETACH DELETE',
  'REMOVE',
  'FOREACH',
  'CALL db.createLabel',
  'write in a subquery',
  'CREATE INDEX',
  'DROP INDEX',
];

describe('each lock holds alone', () => {
  it.each(PLANNED_WRITES)('the plan lock (EXPLAIN query type) refuses %s', async (name) => {
    const before = await snapshot();
    const locks = { text: false, plan: true, readTransaction: false };
    expect(await codeOf(runReadOnlyCypher(db.scope(), WRITES[name]!, null, LIMITS, locks))).toBe('WRITE_REFUSED');
    expect(await snapshot()).toEqual(before);
  });

  it.each(PLANNED_WRITES)('the READ transaction refuses %s', async (name) => {
    const before = await snapshot();
    const locks = { text: false, plan: false, readTransaction: true };
    expect(await codeOf(runReadOnlyCypher(db.scope(), WRITES[name]!, null, LIMITS, locks))).toBe('WRITE_REFUSED');
    expect(await snapshot()).toEqual(before);
  });
});
