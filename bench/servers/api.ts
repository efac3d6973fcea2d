/**
 * The benchmark's child process for conflict-graph's own API: the real composition root
 * (src/server.ts createServer) configured from the environment the bench passes. A child process,
 * so that the bench can sample this process's memory alone. Prints "LISTENING <url>" when ready.
 */
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createServer } from '../../src/server.js';

const config = loadConfig();
const server = await createServer(config, createLogger(config.logLevel));
const url = await server.start();
console.log(`LISTENING ${url}/graphql`);
process.on('SIGTERM', () => {
  void server.stop().finally(() => process.exit(0));
});
