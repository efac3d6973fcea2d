import { writeFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, it } from 'vitest';
import { hashKey } from '../../src/auth.js';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ API_KEYS: `ana:analyst:${hashKey('k-analyst')}` });
  await loadArticle(api.server.db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(async () => api.stop());

it('answers the doc queries', async () => {
  const doc = readFileSync('docs/analysts.md', 'utf8');
  const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const extra = readFileSync('/tmp/docgen/extra.graphql', 'utf8').split('\n----\n');
  const out: unknown[] = [];
  for (const query of [...blocks, ...extra]) {
    const result = await api.gql(query, {}, 'k-analyst');
    out.push({ query, result });
  }
  writeFileSync('/tmp/docgen/answers.json', JSON.stringify(out, null, 2));
}, 600_000);
