/**
 * Every request is answered by its deadline, whatever the engine or the driver does, and the
 * work behind it does not outlive it. A reduce() over a huge range, which Neo4j 5.26 does not
 * stop at its timeout, is refused before it runs, and the engine stays idle (its CPU time read
 * from /proc), as are the shapes that iterate a collect()ed or split() list more than once; a
 * query that exhausts the transaction memory limit gets QUERY_MEMORY_LIMIT after one attempt and
 * the next query succeeds; and a database connection that stops answering still gets the client
 * its REQUEST_TIMEOUT at the deadline.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { engineIdleWithin } from '../support/engine.js';
import { freezableProxy, type FreezableProxy } from '../support/proxy.js';
import { startTestServer, type TestServer } from '../support/server.js';

vi.setConfig({ testTimeout: 240_000 });

const KEY = newKey();
const ANALYST = { API_KEYS: `runaway-test:analyst:${hashKey(KEY)}` };
const CYPHER = 'query Run($q: String!, $p: JSON) { cypher(query: $q, params: $p) { rows } }';
const RUNAWAY = "RETURN reduce(s = '', x IN range(1, 5000000) | s + 'aaaaaaaaaa') AS big";

describe('a runaway expression', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ ...ANALYST, CYPHER_TIMEOUT_MS: '5000', REQUEST_TIMEOUT_MS: '15000' });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('is refused with QUERY_UNBOUNDED before it runs, and the engine stays idle', async () => {
    const result = await api.gql(CYPHER, { q: RUNAWAY }, KEY);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_UNBOUNDED', limit: 10_000 });
    expect(result.errors?.[0]?.message).toMatch(/range\(1, 5000000\) holds 5000000 values.*UNWIND/);
    expect(result.extensions?.roundTrips).toBe(0);
    const pid = inject('neo4jPid');
    // The timeout (5 s) plus a few seconds; a server at NEO4J_URI has no pid to read here.
    if (pid > 0) expect(await engineIdleWithin(pid, 10)).toBe(true);
  });

  it.each([
    ['a parameter', "RETURN reduce(s = '', x IN range(1, $n) | s + 'a') AS big", { n: 5_000_000 }],
    ['a computed bound', "RETURN reduce(s = '', x IN range(1, 5000 * 1000) | s + 'a') AS big", {}],
    ['nested ranges', 'RETURN [a IN range(1, 1000) | [b IN range(1, 1000) | a * b]] AS grid', {}],
    ['a list comprehension', 'RETURN size([x IN range(0, 0x7fffffff) WHERE x % 2 = 0]) AS n', {}],
  ])('is refused the same way when it hides the size in %s', async (_what, q, p) => {
    const result = await api.gql(CYPHER, { q, p }, KEY);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_UNBOUNDED');
  });

  // Each of these kept a core busy for minutes past a 3 s timeout when run on the engine directly:
  // the list comes from collect() or split(), so no range() in the text says how long it is.
  const COLLECTED = 'UNWIND range(1, 2000000) AS x WITH collect(x) AS xs';
  it.each([
    ['reduce() over a collect()ed list', `${COLLECTED} RETURN size(reduce(s = '', y IN xs | s + 'aaaaaaaaaa')) AS n`],
    ['nested comprehensions over it', `${COLLECTED} RETURN size([a IN xs | size([b IN xs WHERE b < a])]) AS n`],
    [
      'a bounded range() inside a comprehension over it',
      `${COLLECTED} RETURN size([a IN xs | reduce(t = 0, y IN range(1, 10000) | t + y * a)]) AS n`,
    ],
    [
      'reduce() over split() of a doubled string',
      "WITH reduce(s = 'a', x IN range(1, 22) | s + s) AS big RETURN size(reduce(t = '', c IN split(big, '') | t + c)) AS n",
    ],
  ])('refuses %s before it runs, and the engine stays idle', async (_what, q) => {
    const result = await api.gql(CYPHER, { q }, KEY);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_UNBOUNDED');
    expect(result.errors?.[0]?.message).toMatch(/built in the query.*UNWIND/);
    expect(result.extensions?.roundTrips).toBe(0);
    const pid = inject('neo4jPid');
    if (pid > 0) expect(await engineIdleWithin(pid, 10)).toBe(true);
  });

  it('runs bounded iteration, and UNWIND of a large range, as before', async () => {
    const small = await api.gql<{ cypher: { rows: { n: number }[] } }>(
      CYPHER,
      { q: "RETURN size(reduce(s = '', x IN range(1, $n) | s + 'ab')) AS n", p: { n: 5_000 } },
      KEY,
    );
    expect(small.data?.cypher.rows).toEqual([{ n: 10_000 }]);
    const rows = await api.gql<{ cypher: { rows: { n: number }[] } }>(
      CYPHER,
      { q: 'UNWIND range(1, 1000000) AS x RETURN count(x) AS n' },
      KEY,
    );
    expect(rows.data?.cypher.rows).toEqual([{ n: 1_000_000 }]);
    // One linear pass over a collected list: a sum, a projection.
    const pass = await api.gql<{ cypher: { rows: { total: number; odd: number }[] } }>(
      CYPHER,
      {
        q: 'UNWIND range(1, 1000) AS x WITH collect(x) AS xs RETURN reduce(t = 0, y IN xs | t + y) AS total, size([y IN xs WHERE y % 2 = 1 | toString(y)]) AS odd',
      },
      KEY,
    );
    expect(pass.data?.cypher.rows).toEqual([{ total: 500_500, odd: 500 }]);
  });
});

describe('a query that exhausts its memory', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ ...ANALYST, CYPHER_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '60000' });
  });
  afterAll(async () => {
    await api.stop();
  });

  // 10^8 values collected into one list: far over the local engine's 256 MB per transaction
  // (db.memory.transaction.max), and over its whole heap, without a limit.
  const HEAVY =
    'UNWIND range(1, 10000) AS a UNWIND range(1, 10000) AS b WITH collect(a * b) AS xs RETURN size(xs) AS n';

  it('gets QUERY_MEMORY_LIMIT after one attempt, and the next query succeeds', async () => {
    const result = await api.gql(CYPHER, { q: HEAVY }, KEY);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_MEMORY_LIMIT');
    expect(result.errors?.[0]?.message).toMatch(/more memory than one transaction may use/);
    // One attempt: the plan check (EXPLAIN) and the query, not retried as a transient error.
    expect(result.extensions?.roundTrips).toBe(2);
    const next = await api.gql<{ cypher: { rows: unknown[] } }>(CYPHER, { q: 'RETURN 1 AS one' }, KEY);
    expect(next.data?.cypher.rows).toEqual([{ one: 1 }]);
  });

  it('is not retried through the graph layer either (reads and writes)', async () => {
    const scope = api.server.db.scope(60_000);
    await expect(scope.read(HEAVY)).rejects.toMatchObject({ extensions: { code: 'QUERY_MEMORY_LIMIT' } });
    expect(scope.roundTrips).toBe(1);
    await expect(scope.write((tx) => tx.run(HEAVY))).rejects.toMatchObject({
      extensions: { code: 'QUERY_MEMORY_LIMIT' },
    });
    expect(scope.roundTrips).toBe(2);
    expect((await scope.read('RETURN 1 AS one'))[0]?.get('one')).toBe(1);
  });
});

describe('a database connection that stops answering', () => {
  let proxy: FreezableProxy;
  let api: TestServer;
  beforeAll(async () => {
    proxy = await freezableProxy(inject('neo4jUri'));
    api = await startTestServer({
      NEO4J_URI: proxy.uri,
      REQUEST_TIMEOUT_MS: '2000',
      API_KEYS: `runaway-writer:researcher:${hashKey(KEY)}`,
    });
  });
  afterAll(async () => {
    proxy.thaw();
    await api.stop();
    await proxy.close();
  });

  it('still answers REQUEST_TIMEOUT at the deadline, for reads and writes', async () => {
    // Warm: the driver's first connection through the proxy, on a busy machine, may take a while.
    let warm = false;
    for (let i = 0; i < 10 && !warm; i++) warm = !(await api.gql('{ actors(first: 1) { totalCount } }')).errors;
    expect(warm).toBe(true);
    proxy.freeze();
    const read = await api.gql('{ actors(first: 1) { totalCount } }');
    expect(read.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(read.errors?.[0]?.message).toMatch(/2000 ms deadline/);
    const write = await api.gql('mutation { addSource(input: {kind: ARTICLE, title: "held"}) { id } }', {}, KEY);
    expect(write.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    proxy.thaw();
    // The abandoned sessions close once the connection answers again.
    for (let i = 0; i < 60 && api.server.db.abandoned > 0; i++) await new Promise((ok) => setTimeout(ok, 500));
    expect(api.server.db.abandoned).toBe(0);
    expect((await api.gql('{ actors(first: 1) { totalCount } }')).errors).toBeUndefined();
  });
});
