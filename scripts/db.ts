/** `npm run db`: the local Neo4j alone, in the foreground, until Ctrl-C. */
import { loadConfig } from '../src/config.js';
import { startLocalNeo4j } from '../neo4j-local/launcher.js';

const config = loadConfig();
const local = await startLocalNeo4j({ ...config.localNeo4j, say: (line) => console.log(line) });
console.log(`Neo4j is ready at ${local.uri} (auth off, loopback only). Ctrl-C stops it.`);
const stop = async () => {
  await local.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await local.exited;
