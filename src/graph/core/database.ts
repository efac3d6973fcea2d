/**
 * The one place that runs Cypher. It opens the driver, gives each request a scope that counts
 * its database round trips, and translates driver failures into the project's errors at this
 * edge, so nothing above it sees a Neo4jError.
 */
import neo4j, {
  type Driver,
  isRetryableError,
  type ManagedTransaction,
  type Record as Neo4jRecord,
  Neo4jError,
} from 'neo4j-driver';
import { GraphQLError } from 'graphql';
import { appError, databaseUnavailable, ErrorCode, queryTimeout, requestTimeout } from '../../errors.js';

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

/** The timeout one transaction gets, and the error to raise when Neo4j cancels it. */
interface Budget {
  ms: number;
  timedOut: () => GraphQLError;
}

export class DbScope {
  roundTrips = 0;

  constructor(
    readonly db: Database,
    readonly timeoutMs: number,
    readonly deadline?: Deadline,
  ) {}

  /** The scope's timeout, or less when the request deadline is nearer; refuses past the deadline. */
  private budget(): Budget {
    const own: Budget = { ms: this.timeoutMs, timedOut: () => queryTimeout(this.timeoutMs) };
    const deadline = this.deadline;
    if (!deadline) return own;
    const left = Math.ceil(deadline.at - Date.now());
    if (left <= 0) throw requestTimeout(deadline.ms);
    return left < this.timeoutMs ? { ms: left, timedOut: () => requestTimeout(deadline.ms) } : own;
  }

  /**
   * One auto-committed READ query (routed to a reader in a cluster): one round trip. Not
   * `driver.executeQuery`, which wraps each query in BEGIN and COMMIT: an auto-commit query sends
   * RUN and PULL together and costs about half the client and server CPU of a short read. It keeps
   * executeQuery's causal chain (its bookmark manager, so a read follows the writes before it) and
   * its retries of transient failures, while the request's budget lasts.
   */
  async read(query: string, params: Params = {}): Promise<Row[]> {
    for (let attempt = 1; ; attempt++) {
      const budget = this.budget();
      if (attempt === 1) this.roundTrips += 1;
      const session = this.db.driver.session({
        database: this.db.name,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.db.driver.executeQueryBookmarkManager,
      });
      try {
        return (await session.run(query, params, { timeout: budget.ms })).records;
      } catch (error) {
        if (attempt < READ_ATTEMPTS && isRetryableError(error) && budget.ms > READ_RETRY_DELAY_MS) {
          await new Promise((resolve) => setTimeout(resolve, READ_RETRY_DELAY_MS * attempt));
          continue;
        }
        throw translateDatabaseError(error, budget.ms, budget.timedOut);
      } finally {
        await session.close();
      }
    }
  }

  /** One WRITE transaction: all of `work` commits, or none of it does. Retried on transient errors. */
  async write<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    const budget = this.budget();
    const session = this.db.driver.session({ database: this.db.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (query, params = {}) => {
              this.roundTrips += 1;
              return (await tx.run(query, params)).records;
            },
          }),
        { timeout: budget.ms },
      );
    } catch (error) {
      throw translateDatabaseError(error, budget.ms, budget.timedOut);
    } finally {
      this.db.writes += 1;
      await session.close();
    }
  }
}
