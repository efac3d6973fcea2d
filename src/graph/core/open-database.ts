/**
 * The Database that a configuration names: the one place that turns the NEO4J_* settings into a
 * driver, for the server and every script.
 */
import type { Config } from '../../config.js';
import { Database } from './database.js';

export function openDatabase(config: Config, txTimeoutMs: number = config.limits.txTimeoutMs): Database {
  if (!config.neo4j.uri) throw new Error('openDatabase needs config.neo4j.uri (start a local Neo4j first).');
  return new Database({
    uri: config.neo4j.uri,
    user: config.neo4j.user,
    password: config.neo4j.password,
    database: config.neo4j.database,
    txTimeoutMs,
  });
}
