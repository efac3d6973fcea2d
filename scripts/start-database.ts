/**
 * For scripts: the configured Neo4j, or the project's own local engine when NEO4J_URI is unset,
 * opened as a Database. `close()` closes the driver and stops the engine it started.
 */
import type { Config } from '../src/config.js';
import type { Database } from '../src/graph/core/database.js';
import { openDatabase } from '../src/graph/core/open-database.js';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';

export interface StartedDatabase {
  db: Database;
  close(): Promise<void>;
}

export async function startDatabase(
  config: Config,
  say: (line: string) => void,
  txTimeoutMs?: number,
): Promise<StartedDatabase> {
  let local: LocalNeo4j | undefined;
  if (!config.neo4j.uri) {
    local = await startLocalNeo4j({ ...config.localNeo4j, say });
    config.neo4j.uri = local.uri;
  }
  const db = openDatabase(config, txTimeoutMs);
  return {
    db,
    async close() {
      await db.close();
      await local?.stop();
    },
  };
}
