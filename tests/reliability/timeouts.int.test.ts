/**
 * Timeouts are enforced by Neo4j itself: a runaway query run through DbScope is cancelled on the
 * server (SHOW TRANSACTIONS lists it while it runs, and no longer once the client has its
 * QUERY_TIMEOUT), a request deadline cuts a transaction's timeout to the time left, and a write
 * cut short commits nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 240_000 });
import { deadlineIn, type Database } from '../../src/graph/core/database.js';
import { testDatabase } from '../support/graph.js';

// About 10^10 rows, streamed (no list that large is ever built): hours of work if nothing stops it.
const runaway = (marker: string) => `
  /* ${marker} */
  UNWIND range(1, 100000) AS a
  UNWIND range(1, 100000) AS b
  WITH a, b WHERE (a * b) % 7 = 3
  RETURN count(*) AS n`;

const RUNNING = `
  SHOW TRANSACTIONS YIELD transactionId, currentQuery
  WHERE currentQuery CONTAINS $marker
  RETURN transactionId`;

const TERMINATE = `TERMINATE TRANSACTIONS $ids`;

let db: Database;

/** Ids of the transactions running the query marked `marker` (an empty list if the server is too busy to say). */
async function running(marker: string): Promise<string[]> {
  try {
    const rows = await db.scope(60_000).read(RUNNING, { marker });
    return rows.map((row) => String(row.get('transactionId')));
  } catch {
    return [];
  }
}

async function until(check: () => Promise<boolean>, attempts = 120): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return true;
    await new Promise((ok) => setTimeout(ok, 250));
  }
  return false;
}

interface Settled {
  error?: { extensions?: { code?: unknown }; message?: string; code?: unknown };
  value?: unknown;
}

const STILL_RUNNING = 'still running';

/**
 * Runs the runaway query and waits for it to end. If Neo4j never stops it (the protection is
 * gone), the guard terminates it after two minutes so the test fails cleanly.
 */
async function runRunaway(run: (query: string) => Promise<unknown>): Promise<{ settled: Settled; marker: string }> {
  const marker = `runaway-${randomUUID()}`;
  const outcome: Promise<Settled> = run(runaway(marker)).then(
    (value) => ({ value }),
    (error: Settled['error']) => ({ error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<Settled>((ok) => {
    timer = setTimeout(() => ok({ value: STILL_RUNNING }), 120_000);
  });
  const settled = await Promise.race([outcome, guard]);
  clearTimeout(timer);
  if (settled.value === STILL_RUNNING) {
    const ids = await running(marker);
    if (ids.length) await db.scope().read(TERMINATE, { ids });
  }
  return { settled, marker };
}

describe('timeouts enforced by Neo4j', () => {
  beforeAll(async () => {
    db = testDatabase();
    await running('warm-up'); // compile SHOW TRANSACTIONS once, before anything competes with it
  });
  afterAll(async () => {
    await db.close();
  });

  it('sees a runaway query in SHOW TRANSACTIONS while the server runs it (the check below is real)', async () => {
    const marker = `runaway-${randomUUID()}`;
    const outcome = db
      .scope(600_000)
      .read(runaway(marker))
      .then(
        () => 'finished',
        () => 'terminated',
      );
    expect(await until(async () => (await running(marker)).length > 0)).toBe(true);
    await db.scope().read(TERMINATE, { ids: await running(marker) });
    expect(await outcome).toBe('terminated');
    expect(await until(async () => (await running(marker)).length === 0)).toBe(true);
  });

  it('cancels a runaway read on the server when its transaction timeout passes (QUERY_TIMEOUT)', async () => {
    const scope = db.scope(1_500);
    const { settled, marker } = await runRunaway((q) => scope.read(q));
    // The driver has no client-side timeout: this error is Neo4j's TransactionTimedOut, translated.
    expect(settled.error?.extensions?.code).toBe('QUERY_TIMEOUT');
    expect(settled.error?.message).toMatch(/1500 ms limit/);
    expect(await until(async () => (await running(marker)).length === 0)).toBe(true);
  });

  it('cuts a transaction to the request deadline and reports REQUEST_TIMEOUT', async () => {
    // The transaction timeout alone (10 minutes) would let it run on; the 1.5 s deadline does not.
    const scope = db.scope(600_000, deadlineIn(1_500));
    const { settled, marker } = await runRunaway((q) => scope.read(q));
    expect(settled.error?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(settled.error?.message).toMatch(/1500 ms deadline/);
    expect(await until(async () => (await running(marker)).length === 0)).toBe(true);
  });

  it('starts no query once the request deadline has passed', async () => {
    const scope = db.scope(60_000, deadlineIn(100, Date.now() - 1_000));
    await expect(scope.read('RETURN 1 AS one')).rejects.toMatchObject({ extensions: { code: 'REQUEST_TIMEOUT' } });
    await expect(scope.write((tx) => tx.run('RETURN 1 AS one'))).rejects.toMatchObject({
      extensions: { code: 'REQUEST_TIMEOUT' },
    });
    expect(scope.roundTrips).toBe(0);
  });

  it('rolls back a write transaction that Neo4j cancelled: nothing of it is committed', async () => {
    const id = `timeout-probe:${randomUUID()}`;
    const scope = db.scope(1_500);
    const { settled } = await runRunaway((q) =>
      scope.write(async (tx) => {
        await tx.run('CREATE (:Source {id: $id, title: "probe"})', { id });
        return tx.run(q);
      }),
    );
    expect(settled.error?.extensions?.code).toBe('QUERY_TIMEOUT');
    const rows = await db.scope().read('MATCH (s:Source {id: $id}) RETURN s', { id });
    expect(rows).toHaveLength(0);
  });
});
