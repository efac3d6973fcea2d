/**
 * The GraphQL IDE served at /graphql to a browser: GraphiQL from npm, bundled by Vite with its
 * editor workers, so it needs no CDN and works with no internet. It starts on an example query
 * and sends every operation to this server's /graphql, like the explorer does.
 */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const EXAMPLE = /* GraphQL */ `# An example: who took part in what happened at Léré, according to whom.
# Press the run button (or Ctrl-Enter). The Docs button lists every type and field.
query AroundLere {
  search(text: "Léré", first: 5) { type label node { id } }
  place(id: "place:lere") {
    name
    ancestors { name }
    events(first: 5) {
      nodes {
        type subType description
        time { label precision }
        participants { role status actor { name } }
        claims { text status assertedBy { name } reportedIn { title } }
      }
    }
  }
}
`;

/** Sends one operation to this server, with the headers typed in GraphiQL's headers tab. */
async function fetcher(
  params: { query: string; variables?: unknown; operationName?: string | null },
  options?: { headers?: Record<string, string> },
): Promise<ExecutionResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
  });
  return (await response.json()) as ExecutionResult;
}

const sandbox = document.getElementById('sandbox-link') as HTMLAnchorElement | null;
if (sandbox) sandbox.href = `${sandbox.href}?endpoint=${encodeURIComponent(`${location.origin}/graphql`)}`;

const root = document.getElementById('graphiql');
if (root) createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery: EXAMPLE, initialQuery: EXAMPLE }));
