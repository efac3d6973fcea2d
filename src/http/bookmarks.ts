/**
 * Causal consistency across API replicas. Every write's answer carries its Neo4j bookmark — in
 * the `Neo4j-Bookmark` response header and in `extensions.bookmark` — and a request that sends
 * it back in a `Neo4j-Bookmark` header is served only once the database has applied that write,
 * whichever replica (and, in a cluster, whichever server) answers it. Several bookmarks may be
 * sent comma-separated.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../request/context.js';

export const BOOKMARK_HEADER = 'neo4j-bookmark';

/** At most this many bookmarks per request, each of a sane length: a header is the client's. */
const MAX_BOOKMARKS = 16;
const BOOKMARK = /^[\x21-\x2b\x2d-\x7e]{1,512}$/;

export function presentedBookmarks(headers: IncomingHttpHeaders): string[] {
  const raw = headers[BOOKMARK_HEADER];
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  return text
    .split(',')
    .map((b) => b.trim())
    .filter((b) => BOOKMARK.test(b))
    .slice(0, MAX_BOOKMARKS);
}

export function bookmarksPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const written = contextValue?.db?.written ?? [];
          if (written.length === 0) return;
          const value = written.join(',');
          response.http.headers.set(BOOKMARK_HEADER, value);
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, bookmark: value };
          }
        },
      };
    },
  };
}
