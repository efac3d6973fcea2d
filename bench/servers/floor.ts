/**
 * The benchmark's floor: each query of the mix answered by ONE hand-written Cypher statement
 * through neo4j-driver, serialised to JSON over plain HTTP — no GraphQL, no resolvers, no loaders.
 * POST /<query name> with the parameters as a JSON body. Prints "LISTENING <url>" when ready.
 * Each statement is an auto-commit query (RUN and PULL in one message, no BEGIN/COMMIT), the
 * driver's cheapest way to read, as our API's reads are (src/graph/core/database.ts).
 */
import { createServer } from 'node:http';
import neo4j from 'neo4j-driver';
import { FLOOR_CYPHER } from '../floor/cypher.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const driver = neo4j.driver(uri, undefined, { maxConnectionPoolSize: 100, disableLosslessIntegers: true });

const server = createServer((req, res) => {
  const name = (req.url ?? '/').slice(1);
  const cypher = FLOOR_CYPHER[name];
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    if (!cypher) {
      res.writeHead(404).end();
      return;
    }
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    session
      .run(cypher, JSON.parse(body || '{}') as Record<string, unknown>)
      .then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: result.records.map((r) => r.toObject()) }));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      })
      .finally(() => void session.close());
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`LISTENING http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().finally(() => process.exit(0));
});
