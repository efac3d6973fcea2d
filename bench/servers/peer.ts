/**
 * The benchmark's peer: @neo4j/graphql serving an equivalent schema (bench/peer/type-defs.ts)
 * over the same database, on Apollo Server's standalone HTTP server, in its own process like ours.
 * Prints "LISTENING <url>" when ready.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { PEER_TYPE_DEFS } from '../peer/type-defs.js';

const uri = process.env.NEO4J_URI;
if (!uri) throw new Error('NEO4J_URI is required');
const driver = neo4j.driver(uri, undefined, { maxConnectionPoolSize: 100 });
const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async () => ({ executionContext: driver }),
});
console.log(`LISTENING ${url.replace(/\/$/, '')}/`);
process.on('SIGTERM', () => {
  void server
    .stop()
    .then(() => driver.close())
    .finally(() => process.exit(0));
});
