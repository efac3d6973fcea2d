/**
 * Warm figures (`--warm`), kept apart from the cold table: our API with its caches on
 * (CACHE_MAX_AGE), asked each query of the mix
 *
 * - over POST, answered from the response cache (its first pass, the warm-up, fills it), and
 * - over GET with the If-None-Match of an earlier answer: every request answered 304.
 *
 * Every cold figure stays measured with the caches off.
 */
import autocannon from 'autocannon';
import type { Measurement } from './measure.js';

export type WarmMode = 'post-cached' | 'get-304';

interface Conditional {
  path: string;
  etag: string;
}

/** The GET path of each body, and the ETag its answer carries (none: it cannot be revalidated). */
async function conditionals(url: string, bodies: readonly string[]): Promise<Conditional[] | string> {
  const found: Conditional[] = [];
  const { origin, pathname } = new URL(url);
  for (const body of bodies) {
    const { query, variables } = JSON.parse(body) as { query: string; variables?: unknown };
    const path = `${pathname}?${new URLSearchParams({ query, variables: JSON.stringify(variables ?? {}) })}`;
    const response = await fetch(`${origin}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
    await response.text();
    const etag = response.headers.get('etag');
    if (!response.ok || !etag) return `GET answered ${response.status}${etag ? '' : ' without an ETag'}`;
    found.push({ path, etag });
  }
  return found;
}

export async function measureWarm(
  url: string,
  bodies: readonly string[],
  mode: WarmMode,
  options: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    serverCpuMs: () => number;
    databaseCpuMs: () => number;
  },
): Promise<Measurement> {
  const failed = (failure: string): Measurement => ({
    requests: 0,
    rps: 0,
    p50: 0,
    p99: 0,
    errors: 0,
    non2xx: 0,
    serverCpuMs: null,
    databaseCpuMs: null,
    roundTrips: null,
    failure,
  });
  let next = 0;
  let setup: (request: autocannon.Request) => autocannon.Request;
  if (mode === 'get-304') {
    const found = await conditionals(url, bodies);
    if (typeof found === 'string') return failed(found);
    setup = (request) => {
      const { path, etag } = found[next++ % found.length]!;
      return {
        ...request,
        method: 'GET',
        path,
        headers: { 'apollo-require-preflight': 'true', 'if-none-match': etag },
      };
    };
  } else {
    setup = (request) => ({ ...request, body: bodies[next++ % bodies.length]! });
  }
  const run = (seconds: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: options.connections,
      duration: seconds,
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: setup }],
    });
  // The warm-up fills the response cache (every body is sent many times over).
  await run(Math.max(1, options.warmupSeconds));
  const before = { server: options.serverCpuMs(), database: options.databaseCpuMs() };
  const result = await run(options.seconds);
  const perRequest = (a: number, b: number) => (result.requests.total > 0 ? (b - a) / result.requests.total : null);
  const expected = mode === 'get-304' ? result['3xx'] : result['2xx'];
  return {
    requests: result.requests.total,
    rps: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    // What was not the expected answer (a 200 where a 304 was expected counts here).
    non2xx: result.requests.total - expected,
    serverCpuMs: perRequest(before.server, options.serverCpuMs()),
    databaseCpuMs: perRequest(before.database, options.databaseCpuMs()),
    roundTrips: null,
    failure: null,
  };
}
