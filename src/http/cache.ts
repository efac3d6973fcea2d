/**
 * Caching where clients expect it, for public reads: every query is cacheable for
 * CACHE_MAX_AGE seconds except the fields whose answer depends on who asks (below). The policy
 * is Apollo's cache hint (`overallCachePolicy`), set once per operation from its document, not
 * per resolved field as Apollo's cache-control plugin does (that plugin is off: its per-field
 * hook costs every request, and it wraps every resolver, which a compiled query would then call).
 *
 * - HTTP: `Cache-Control: max-age=N, public` (private when reads need a key) on a cacheable
 *   answer without errors, `no-store` otherwise. Express puts an ETag on every answer (a hash
 *   of the body) and answers a GET whose If-None-Match matches with 304.
 * - Apollo's response cache keeps cacheable answers for max-age seconds. Its key holds the
 *   count of write transactions this process has run (`Database.writes`): any write, from any
 *   mutation or route of this process, makes every answer cached before it unreachable.
 *
 * With several API processes, a write in one does not reach the others' counts: there, the
 * max-age bounds how stale an answer can be (as it does for writes by scripts that bypass the
 * API, e.g. a bulk import). A count shared through the database would need a read per request.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { BREAK, type DocumentNode, visit } from 'graphql';
import type { Config } from '../config.js';
import type { Database } from '../graph/core/database.js';
import type { Context } from '../request/context.js';

/** Fields whose answer depends on the viewer (a role check): never cached. */
const PER_VIEWER_FIELDS: ReadonlySet<string> = new Set(['cypher']);

/** Whether a document names a per-viewer field anywhere (fragments included). */
function asksPerViewer(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (!PER_VIEWER_FIELDS.has(node.name.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

const perViewer = new WeakMap<DocumentNode, boolean>();

/** Sets each operation's cache policy and the Cache-Control header from it. */
export function cachePolicyPlugin(config: Config): ApolloServerPlugin<Context> {
  const maxAge = config.cacheMaxAge;
  const scope = config.readsRequireKey ? 'private' : 'public';
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, overallCachePolicy }) {
          let viewerBound = perViewer.get(document);
          if (viewerBound === undefined) {
            viewerBound = asksPerViewer(document);
            perViewer.set(document, viewerBound);
          }
          const cacheable = maxAge > 0 && operation?.operation === 'query' && !viewerBound;
          overallCachePolicy.restrict({ maxAge: cacheable ? maxAge : 0, scope: 'PUBLIC' });
        },
        async willSendResponse({ response, overallCachePolicy }) {
          const policy = overallCachePolicy.policyIfCacheable();
          const clean = response.body.kind === 'single' && !response.body.singleResult.errors;
          response.http.headers.set(
            'cache-control',
            policy && clean ? `max-age=${policy.maxAge}, ${scope}` : 'no-store',
          );
        },
      };
    },
  };
}

/** Apollo's response cache, keyed by this process's write count as well as the request. */
export function responseCachePlugin(db: Database): ApolloServerPlugin<Context> {
  return ApolloServerPluginResponseCache<Context>({
    extraCacheKeyData: async () => db.writes,
  });
}
