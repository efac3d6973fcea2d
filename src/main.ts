/**
 * `npm start`: validated config, the local Neo4j when NEO4J_URI is unset, then the server.
 * SIGINT/SIGTERM drain requests, close the driver and stop the local engine. `npm start` execs
 * this process in place of npm's shell (package.json), so the signal npm forwards reaches it.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';
import { createServer, DatabaseUnreachableError } from './server.js';
import { LocalNeo4jError, startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/launcher.js';
import { ConfigKeyError } from './auth.js';

function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`conflict-graph: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  let local: LocalNeo4j | undefined;
  if (!config.neo4j.uri) {
    local = await startLocalNeo4j({ ...config.localNeo4j, say: (line) => log.info(line) });
    config.neo4j.uri = local.uri;
    void local.exited.then((code) => {
      if (!stopping) {
        log.fatal({ code }, 'the local Neo4j stopped unexpectedly; stopping the API');
        process.exit(1);
      }
    });
  } else {
    log.info({ uri: config.neo4j.uri }, 'using the Neo4j at NEO4J_URI');
  }

  let stopping = false;
  const server = await createServer(config, log);
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // In-flight requests end by their deadline; past it and the engine's own shutdown, give up.
    const stuck = setTimeout(() => {
      log.error('still stopping after the request deadline and 30 s; exiting anyway');
      process.exit(1);
    }, config.limits.requestTimeoutMs + 30_000);
    stuck.unref();
    await server.stop().catch((error: unknown) => log.error({ err: error }, 'error while stopping the server'));
    await local?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = await server.start();
  log.info(`Open ${url}/graphql to query the graph, or ${url}/explore to explore it.`);
}

main().catch((error: unknown) => {
  if (
    error instanceof LocalNeo4jError ||
    error instanceof ConfigKeyError ||
    error instanceof DatabaseUnreachableError
  ) {
    console.error(`conflict-graph: ${error.message}`);
  } else {
    console.error('conflict-graph failed to start:', error);
  }
  process.exit(1);
});
