/**
 * The one place that runs Cypher. It opens the driver, gives each request a scope that counts
 * its database round trips, and translates driver failures into the project's errors at this
 * edge, so nothing above it sees a Neo4jError.
 */
import { randomUUID } from 'node:crypto';
import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  Neo4jError,
  type Session,
} from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import {
  appError,
  databaseUnavailable,
  ErrorCode,
  queryMemoryLimit,
  queryTimeout,
  requestTimeout,
} from '../../errors.js';

export type Params = Record<string, unknown>;
export type Row = Neo4jRecord;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string | undefined;
  database: string;
  /** Server-side timeout of every transaction: a runaway query is cancelled by Neo4j itself. */
  txTimeoutMs: number;
}

// Fail fast while the database is away: the driver's defaults (30 s of retries, 30 s connect)
// would hold every request far past any client's patience.
const DRIVER_CONFIG = {
  disableLosslessIntegers: true,
  connectionTimeout: 5_000,
  connectionAcquisitionTimeout: 5_000,
  maxTransactionRetryTime: 3_000,
  maxConnectionPoolSize: 100,
  logging: undefined,
};

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
/**
 * Memory errors are not transient for the query that raised them: the same query needs the same
 * memory again. The driver files "Java heap space" and the transaction memory limit under
 * TransientError (retriable), so they are taken out of every retry here.
 */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.OutOfMemoryError',
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.ClientError.General.TransactionOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
]);

export function isMemoryError(error: unknown): boolean {
  return error instanceof Neo4jError && (MEMORY_CODES.has(error.code) || /Java heap space/i.test(error.message));
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/**
 * Maps a driver failure to a client-facing error; anything unexpected is rethrown to be masked.
 * `timedOut` makes the error for a transaction Neo4j cancelled (by default QUERY_TIMEOUT).
 */
export function translateDatabaseError(
  error: unknown,
  timeoutMs: number,
  timedOut: () => GraphQLError = () => queryTimeout(timeoutMs),
): unknown {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return databaseUnavailable();
    if (isMemoryError(error)) return queryMemoryLimit();
    if (TIMEOUT_CODES.has(error.code)) return timedOut();
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return appError(
        ErrorCode.CONFLICT,
        'That write conflicts with an existing record (a unique id or name). Reload and retry.',
      );
    }
  }
  if (error instanceof Error && /connect|ECONNREFUSED|ECONNRESET|socket/i.test(error.message))
    return databaseUnavailable();
  return error;
}

/**
 * Runs `start` (a session's run) with stack traces off. The driver captures one for every result
 * (`new Error().stack`, to put on the error of a query that fails) and the stack is formatted at
 * once, through the source maps tsx enables: ~200 µs a query on the loaded development machine,
 * 13 µs without (bench/NOTES.md). A failed read's error then carries the driver's message and
 * code without the caller's frames; the log line that reports it names the GraphQL path.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A read that fails transiently (a cluster member going away, a leader switch) is tried again. */
const READ_ATTEMPTS = 3;
const READ_RETRY_DELAY_MS = 200;

export class Database {
  readonly driver: Driver;
  readonly name: string;
  readonly txTimeoutMs: number;
  /**
   * Write transactions this process has run, committed or not: a response cached before the
   * last write is never served after it (the count is part of the cache key, src/http/cache.ts).
   */
  writes = 0;

  constructor(options: DatabaseOptions) {
    // The local engine runs with auth off (loopback only); a configured server gets basic auth.
    const auth = options.password === undefined ? undefined : neo4j.auth.basic(options.user, options.password);
    this.driver = neo4j.driver(options.uri, auth, DRIVER_CONFIG);
    this.name = options.database;
    this.txTimeoutMs = options.txTimeoutMs;
  }

  /**
   * A fresh scope for one request (or one script run), with its own round-trip count. With a
   * deadline, no query starts after it and each transaction's timeout is cut to the time left.
   */
  scope(timeoutMs = this.txTimeoutMs, deadline?: Deadline): DbScope {
    return new DbScope(this, timeoutMs, deadline);
  }

  /**
   * Transactions abandoned at their deadline that the engine has not let go of yet (their
   * session has not closed): work that is still running, or a connection that is stuck.
   */
  abandoned = 0;
  /** Sessions open now (each holds a pooled connection while it runs). */
  sessionsOpen = 0;

  /** True when the database answers a trivial query now. */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery('RETURN 1', {}, { database: this.name, transactionConfig: { timeout: 2_000 } });
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Waits until the database answers (a server that is still booting, a cluster electing a
   * leader), saying so every few seconds; false when it never did within `timeoutMs`.
   */
  async waitUntilReachable(timeoutMs: number, say: (line: string) => void): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    let attempt = 0;
    while (Date.now() < deadline) {
      if (await this.ping()) return true;
      if (attempt++ % 5 === 0) say('Waiting for Neo4j to answer…');
      await new Promise((r) => setTimeout(r, 1_000));
    }
    return false;
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * Watches a scope's round trips (tracing, src/http/tracing.ts): told as each one starts, with the
 * statement's text, and through the function it returns as that round trip ends.
 */
export interface RoundTripObserver {
  roundTrip(statement: string): RoundTripEnd;
}
export type RoundTripEnd = (outcome: { rows?: number; error?: unknown }) => void;
const UNOBSERVED: RoundTripEnd = () => {};

/** A write transaction as the graph modules see it: every run is counted as a round trip. */
export interface WriteTx {
  run(query: string, params?: Params): Promise<Row[]>;
}

/** A request's deadline: the epoch millisecond it ends at, and the budget it was given. */
export interface Deadline {
  at: number;
  ms: number;
}

export function deadlineIn(ms: number, now = Date.now()): Deadline {
  return { at: now + ms, ms };
}

/** The timeout one transaction gets, and the error to raise when it runs out. */
export interface Budget {
  ms: number;
  /** The epoch millisecond by which the caller gets an answer, whatever the driver does. */
  answerBy: number;
  timedOut: () => GraphQLError;
}

/**
 * How long past its own timeout a transaction may take before the caller is answered anyway:
 * Neo4j checks timeouts every couple of seconds (db.transaction.monitor.check.interval, 2 s),
 * so its own clean error usually comes first. A request deadline gets no grace: it is the
 * client's, and is kept to the millisecond.
 */
const TIMEOUT_GRACE_MS = 2_500;

/** How long the termination of an abandoned transaction may take. */
const TERMINATE_TIMEOUT_MS = 5_000;

const FIND_TRANSACTIONS = `
  SHOW TRANSACTIONS YIELD transactionId, metaData
  WHERE metaData.scope = $scope
  RETURN collect(transactionId) AS ids`;

/** Options of one managed transaction run through a scope. */
export interface TransactionOptions {
  mode: 'READ' | 'WRITE';
  /** Its own timeout instead of the scope's (still cut to the request deadline). */
  timeoutMs?: number;
  fetchSize?: number;
}

export class DbScope {
  roundTrips = 0;
  /** Milliseconds spent waiting on the database, summed over this scope's transactions. */
  dbTimeMs = 0;
  /**
   * Bookmarks the client sent back (a write it made through any replica): every transaction of
   * the scope waits until the database has applied them, so a read sees that write.
   */
  bookmarks: string[] = [];
  /** The bookmarks of this scope's last committed write, for the client to send back. */
  written: string[] = [];
  /** Marks this scope's transactions (transaction metadata), so they can be found and terminated. */
  readonly id = randomUUID();
  /** Told of every round trip as it starts and ends; unset, a round trip is only counted. */
  observer?: RoundTripObserver;

  constructor(
    readonly db: Database,
    readonly timeoutMs: number,
    readonly deadline?: Deadline,
  ) {}

  /** The timeout (the scope's, or `ownMs`), or less when the request deadline is nearer; refuses past it. */
  budget(ownMs = this.timeoutMs): Budget {
    const now = Date.now();
    const own: Budget = { ms: ownMs, answerBy: now + ownMs + TIMEOUT_GRACE_MS, timedOut: () => queryTimeout(ownMs) };
    const deadline = this.deadline;
    if (!deadline) return own;
    const left = Math.ceil(deadline.at - now);
    if (left <= 0) throw requestTimeout(deadline.ms);
    if (left < ownMs) return { ms: left, answerBy: deadline.at, timedOut: () => requestTimeout(deadline.ms) };
    return { ...own, answerBy: Math.min(own.answerBy, deadline.at) };
  }

  /** Counts one round trip of `statement`; call what it returns when the round trip ends. */
  roundTrip(statement: string): RoundTripEnd {
    this.roundTrips += 1;
    return this.observer?.roundTrip(statement) ?? UNOBSERVED;
  }

  private transactionConfig(budget: Budget) {
    return { timeout: budget.ms, metadata: { scope: this.id } };
  }

  /**
   * Runs `work` on `session` and answers by `budget.answerBy` whatever the driver does: a query
   * the engine does not stop (an expression that never checks for termination) or a connection
   * that never answers must not hold the request. Past that moment the caller gets the timeout
   * error; the transaction is terminated from a second connection and its session is left to
   * close in the background, counted in `db.abandoned` until it does.
   */
  private async bounded<T>(session: Session, budget: Budget, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let abandoned = false;
    const started = performance.now();
    this.db.sessionsOpen += 1;
    const late = new Promise<never>((_, fail) => {
      timer = setTimeout(
        () => {
          abandoned = true;
          fail(budget.timedOut());
        },
        Math.max(0, budget.answerBy - Date.now()),
      );
    });
    try {
      return await Promise.race([work(), late]);
    } finally {
      clearTimeout(timer);
      this.dbTimeMs += performance.now() - started;
      if (abandoned) this.abandon(session);
      else await session.close();
      this.db.sessionsOpen -= 1;
    }
  }

  private abandon(session: Session): void {
    this.db.abandoned += 1;
    void this.terminate()
      .catch(() => {})
      .then(() => session.close())
      .catch(() => {})
      .finally(() => (this.db.abandoned -= 1));
  }

  /** Terminates this scope's transactions that still run on the server; how many there were. */
  async terminate(): Promise<number> {
    const config = { database: this.db.name, transactionConfig: { timeout: TERMINATE_TIMEOUT_MS } };
    const found = await this.db.driver.executeQuery(FIND_TRANSACTIONS, { scope: this.id }, config);
    const ids = (found.records[0]?.get('ids') as string[] | undefined) ?? [];
    if (ids.length > 0) await this.db.driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, config);
    return ids.length;
  }

  /**
   * One auto-committed READ query (routed to a reader in a cluster): one round trip. Not
   * `driver.executeQuery`, which wraps each query in BEGIN and COMMIT: an auto-commit query sends
   * RUN and PULL together and costs about half the client and server CPU of a short read. It keeps
   * executeQuery's causal chain (its bookmark manager, so a read follows the writes before it) and
   * its retries of transient failures, while the request's budget lasts; never of a memory error.
   */
  async read(query: string, params: Params = {}): Promise<Row[]> {
    let end: RoundTripEnd | undefined;
    try {
      const rows = await this.readAttempts(query, params, () => (end ??= this.roundTrip(query)));
      end?.({ rows: rows.length });
      return rows;
    } catch (error) {
      end?.({ error });
      throw error;
    }
  }

  /** read()'s attempts: one round trip counted (`started`), however many times it is tried. */
  private async readAttempts(query: string, params: Params, started: () => void): Promise<Row[]> {
    for (let attempt = 1; ; attempt++) {
      const budget = this.budget();
      started();
      const session = this.db.driver.session({
        database: this.db.name,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.db.driver.executeQueryBookmarkManager,
        bookmarks: this.bookmarks,
      });
      try {
        return await this.bounded(
          session,
          budget,
          async () =>
            (await withoutCallerStack(() => session.run(query, params, this.transactionConfig(budget)))).records,
        );
      } catch (error) {
        if (
          attempt < READ_ATTEMPTS &&
          isRetryableError(error) &&
          !isMemoryError(error) &&
          budget.ms > READ_RETRY_DELAY_MS
        ) {
          await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS * attempt));
          continue;
        }
        throw translateDatabaseError(error, budget.ms, budget.timedOut);
      }
    }
  }

  /**
   * One managed transaction of `options.mode`, bounded like every query of the scope; the
   * driver retries transient failures, never a memory error. Errors other than the scope's own
   * timeouts and memory errors come back untranslated, for the caller to classify first.
   */
  async transaction<T>(options: TransactionOptions, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const budget = this.budget(options.timeoutMs);
    const session = this.db.driver.session({
      database: this.db.name,
      defaultAccessMode: options.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.db.driver.executeQueryBookmarkManager,
      bookmarks: this.bookmarks,
      ...(options.fetchSize ? { fetchSize: options.fetchSize } : {}),
    });
    // A memory error leaves `work` as a GraphQLError, which the driver's retry logic does not retry.
    const attempt = async (tx: ManagedTransaction) => {
      try {
        return await work(tx);
      } catch (error) {
        throw isMemoryError(error) ? queryMemoryLimit() : error;
      }
    };
    const config = this.transactionConfig(budget);
    try {
      return await this.bounded(session, budget, async () => {
        if (options.mode === 'READ') return session.executeRead(attempt, config);
        const result = await session.executeWrite(attempt, config);
        this.written = session.lastBookmarks();
        return result;
      });
    } catch (error) {
      if (error instanceof Neo4jError && TIMEOUT_CODES.has(error.code)) throw budget.timedOut();
      throw error;
    } finally {
      if (options.mode === 'WRITE') this.db.writes += 1;
    }
  }

  /** One WRITE transaction: all of `work` commits, or none of it does. Retried on transient errors. */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const budget = this.budget();
    try {
      return await this.transaction({ mode: 'WRITE' }, (tx) =>
        work({
          run: async (query, params = {}) => {
            const end = this.roundTrip(query);
            try {
              const { records } = await tx.run(query, params);
              end({ rows: records.length });
              return records;
            } catch (error) {
              end({ error });
              throw error;
            }
          },
        }),
      );
    } catch (error) {
      throw translateDatabaseError(error, budget.ms, budget.timedOut);
    }
  }
}
