/**
 * The README's and docs/'s GraphQL examples are held to the API. Every fenced `graphql` block is
 * validated against the SDL. Every read-only one runs against the seeded article without errors.
 * Where a fenced `json` block follows a query with nothing but blank lines between, it is the
 * answer the docs show, and it must be the answer the API gives. A schema change that breaks an
 * example, or an answer that drifts, fails here with the file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, validate, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { loadTypeDefs } from '../../src/server.js';
import { loadArticle } from '../support/graph.js';
import { testKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

interface Fence {
  lang: string;
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Only blank lines between this fence and the one before it. */
  adjacentToPrevious: boolean;
}

/** The fenced code blocks of a Markdown file, in order. */
function fences(markdown: string): Fence[] {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  let lastClose = -2;
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const between = lines.slice(lastClose + 1, start);
    found.push({
      lang: open[1]!,
      body: lines.slice(start + 1, end).join('\n'),
      line: start + 1,
      adjacentToPrevious: lastClose >= 0 && between.every((l) => l.trim() === ''),
    });
    lastClose = end;
    i = end;
  }
  return found;
}

interface Example {
  where: string;
  document: DocumentNode;
  source: string;
  readOnly: boolean;
  /** The answer the docs show, when they show one right after the query. */
  answer?: unknown;
}

const DOC_FILES = [
  'README.md',
  ...readdirSync(join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function examples(): Example[] {
  const all: Example[] = [];
  for (const file of DOC_FILES) {
    const blocks = fences(readFileSync(join(PROJECT_ROOT, file), 'utf8'));
    blocks.forEach((block, i) => {
      if (block.lang !== 'graphql') return;
      const where = `${file}:${block.line}`;
      let document: DocumentNode;
      try {
        document = parse(block.body);
      } catch (error) {
        throw new Error(`${where}: the example does not parse: ${(error as Error).message}`);
      }
      const readOnly = document.definitions.every(
        (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query',
      );
      const next = blocks[i + 1];
      const answer = readOnly && next?.lang === 'json' && next.adjacentToPrevious ? JSON.parse(next.body) : undefined;
      all.push({ where, document, source: block.body, readOnly, answer });
    });
  }
  return all;
}

const EXAMPLES = examples();
const schema = buildSchema(loadTypeDefs());
const keys = testKeys();
let api: TestServer;

beforeAll(async () => {
  api = await startTestServer({ API_KEYS: keys.apiKeys });
  await loadArticle(api.server.db);
});
afterAll(async () => {
  await api.stop();
});

describe('the examples in the README and docs/', () => {
  it('are found in every page that has them', () => {
    expect(EXAMPLES.length).toBeGreaterThan(10);
    expect(EXAMPLES.some((e) => e.answer !== undefined)).toBe(true);
  });

  it.each(EXAMPLES.map((e) => [e.where, e] as const))('%s is valid against the schema', (_where, example) => {
    const errors = validate(schema, example.document).map((e) => e.message);
    expect(errors, `${example.where}:\n${example.source}`).toEqual([]);
  });

  it.each(EXAMPLES.filter((e) => e.readOnly).map((e) => [e.where, e] as const))(
    '%s answers on the seeded graph as the docs say',
    async (_where, example) => {
      const response = await api.gql(example.source, {}, keys.analyst);
      expect(response.errors, `${example.where}: ${JSON.stringify(response.errors)}`).toBeUndefined();
      if (example.answer !== undefined) {
        const { status: _status, ...body } = response;
        expect(body, `${example.where}: the answer the docs show`).toEqual(example.answer);
      }
    },
  );
});
