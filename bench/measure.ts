/**
 * One measurement: a target's endpoint under autocannon at fixed concurrency for a fixed time,
 * cycling through the query's parameter sets. Before measuring, every body is sent once and its
 * answer checked, so a target that errs is reported as failing rather than as fast.
 */
import autocannon from 'autocannon';

export interface Measurement {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU per request of the target's server process and of Neo4j, in ms, over the measured run. */
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
  /** Database round trips per request, when the target reports them (our API outside production). */
  roundTrips: number[] | null;
  failure: string | null;
}

interface Answer {
  errors?: { message: string }[];
  extensions?: { roundTrips?: number };
}

/** Sends each body once; returns the round trips reported, or the first error. */
export async function check(
  url: string,
  bodies: readonly string[],
): Promise<{ roundTrips: number[] | null; failure: string | null }> {
  const trips: number[] = [];
  for (const body of bodies) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    let answer: Answer;
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      return { roundTrips: null, failure: `HTTP ${response.status}: ${text.slice(0, 200)}` };
    }
    if (!response.ok || answer.errors?.length) {
      return {
        roundTrips: null,
        failure: `HTTP ${response.status}: ${answer.errors?.[0]?.message ?? text.slice(0, 200)}`,
      };
    }
    if (typeof answer.extensions?.roundTrips === 'number') trips.push(answer.extensions.roundTrips);
  }
  return { roundTrips: trips.length === bodies.length ? trips : null, failure: null };
}

export async function measure(
  url: string,
  bodies: readonly string[],
  options: {
    connections: number;
    seconds: number;
    warmupSeconds: number;
    /** CPU clocks (ms so far) of the target's server process and of Neo4j. */
    serverCpuMs: () => number;
    databaseCpuMs: () => number;
  },
): Promise<Measurement> {
  const checked = await check(url, bodies);
  if (checked.failure) {
    return {
      requests: 0,
      rps: 0,
      p50: 0,
      p99: 0,
      errors: 0,
      non2xx: 0,
      serverCpuMs: null,
      databaseCpuMs: null,
      roundTrips: null,
      failure: checked.failure,
    };
  }
  let next = 0;
  const run = (seconds: number) =>
    autocannon({
      url,
      method: 'POST',
      connections: options.connections,
      duration: seconds,
      headers: { 'content-type': 'application/json' },
      requests: [
        {
          setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
        },
      ],
    });
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const cpuBefore = { server: options.serverCpuMs(), database: options.databaseCpuMs() };
  const result = await run(options.seconds);
  const perRequest = (before: number, after: number) =>
    result.requests.total > 0 ? (after - before) / result.requests.total : null;
  return {
    requests: result.requests.total,
    rps: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuMs: perRequest(cpuBefore.server, options.serverCpuMs()),
    databaseCpuMs: perRequest(cpuBefore.database, options.databaseCpuMs()),
    roundTrips: checked.roundTrips,
    failure: null,
  };
}
