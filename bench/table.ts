/** The benchmark's table: p50/p99 and throughput per query and target, and the ratios that matter. */
import type { Measurement } from './measure.js';
import type { Target } from './queries.js';

interface Result {
  query: string;
  target: Target;
  measurement: Measurement;
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? `${(a / b).toFixed(2)}×` : '—');

/** The queries measured, and a query's measurement by a target (none when it failed). */
function lookup(results: readonly Result[]) {
  return {
    queries: [...new Set(results.map((r) => r.query))],
    get: (query: string, target: Target) =>
      results.find((r) => r.query === query && r.target === target && !r.measurement.failure)?.measurement,
  };
}

export function formatTable(results: readonly Result[]): string {
  const { queries, get } = lookup(results);
  const failed = (query: string, target: Target) =>
    results.some((r) => r.query === query && r.target === target && r.measurement.failure);
  const cell = (m: Measurement | undefined, query: string, target: Target) =>
    m && m.requests === 0
      ? `none answered (${m.errors} timed out)`
      : m
        ? `${ms(m.p50)} / ${ms(m.p99)} ms · ${m.rps.toFixed(0)}/s`
        : failed(query, target)
          ? 'error'
          : '—';

  const header = [
    'query',
    'ours p50/p99 · req/s',
    'trips',
    'floor p50/p99 · req/s',
    'peer p50/p99 · req/s',
    'p50 ours/floor',
    'p50 ours/peer',
    'req/s ours/peer',
  ];
  const rows = queries.map((q) => {
    const ours = get(q, 'ours');
    const floor = get(q, 'floor');
    const peer = get(q, 'peer');
    const trips = ours?.roundTrips ? `${Math.min(...ours.roundTrips)}–${Math.max(...ours.roundTrips)}` : '—';
    return [
      q,
      cell(ours, q, 'ours'),
      trips,
      cell(floor, q, 'floor'),
      cell(peer, q, 'peer'),
      ratio(ours?.p50, floor?.p50),
      ratio(ours?.p50, peer?.p50),
      ratio(ours?.rps, peer?.rps),
    ];
  });
  return markdownTable(header, rows);
}

function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/**
 * Where each request's time goes, whatever else the machine runs: CPU per request of the target's
 * server process and of Neo4j. Latency on a shared 2-core machine moves with its load; CPU per
 * request barely does, so this table says which side (ours or the database) a gap is on.
 */
export function formatCpuTable(results: readonly Result[]): string {
  const { queries, get } = lookup(results);
  const cpu = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
  const total = (m: Measurement | undefined) =>
    m && m.serverCpuMs !== null && m.databaseCpuMs !== null ? m.serverCpuMs + m.databaseCpuMs : undefined;
  const header = [
    'query',
    'server CPU ms/req ours · floor · peer',
    'Neo4j CPU ms/req ours · floor · peer',
    'CPU/req ours/floor',
    'CPU/req ours/peer',
  ];
  const rows = queries.map((q) => {
    const [ours, floor, peer] = (['ours', 'floor', 'peer'] as const).map((t) => get(q, t));
    return [
      q,
      [ours, floor, peer].map((m) => cpu(m?.serverCpuMs)).join(' · '),
      [ours, floor, peer].map((m) => cpu(m?.databaseCpuMs)).join(' · '),
      ratio(total(ours), total(floor)),
      ratio(total(ours), total(peer)),
    ];
  });
  return markdownTable(header, rows);
}

/** The A/B of `--alt`: our API against itself with other settings, latency, throughput and CPU. */
export function formatAltTable(results: readonly Result[]): string {
  const { queries, get } = lookup(results);
  const cpu = (m: Measurement | undefined) =>
    m && m.serverCpuMs !== null && m.databaseCpuMs !== null
      ? `${m.serverCpuMs.toFixed(2)} + ${m.databaseCpuMs.toFixed(2)}`
      : '—';
  const header = [
    'query',
    'ours p50 · req/s',
    'alt p50 · req/s',
    'ours CPU ms/req (API + Neo4j)',
    'alt CPU ms/req (API + Neo4j)',
    'API CPU ours/alt',
    'req/s ours/alt',
  ];
  const rows = queries.map((q) => {
    const [ours, alt] = (['ours', 'alt'] as const).map((t) => get(q, t));
    const brief = (m: Measurement | undefined) => (m ? `${ms(m.p50)} ms · ${m.rps.toFixed(0)}/s` : '—');
    return [
      q,
      brief(ours),
      brief(alt),
      cpu(ours),
      cpu(alt),
      ratio(ours?.serverCpuMs ?? undefined, alt?.serverCpuMs ?? undefined),
      ratio(ours?.rps, alt?.rps),
    ];
  });
  return markdownTable(header, rows);
}

/** Cold (the main table's POST, caches off) against warm: the response cache, and GET answered 304. */
export function formatWarmTable(
  cold: readonly Result[],
  warm: readonly (Result & { mode: 'post-cached' | 'get-304' })[],
): string {
  const { queries, get } = lookup(cold);
  const brief = (m: Measurement | undefined) =>
    !m ? '—' : m.failure ? 'error' : `${ms(m.p50)} ms · ${m.rps.toFixed(0)}/s · ${m.serverCpuMs?.toFixed(2) ?? '—'} ms`;
  const header = [
    'query',
    'cold POST p50 · req/s · API CPU/req',
    'warm POST (response cache)',
    'warm GET, 304 (If-None-Match)',
    'not as expected',
  ];
  const rows = queries.map((q) => {
    const of = (mode: string) => warm.find((w) => w.query === q && w.mode === mode)?.measurement;
    const [cached, revalidated] = [of('post-cached'), of('get-304')];
    return [
      q,
      brief(get(q, 'ours')),
      brief(cached),
      brief(revalidated),
      `${(cached?.non2xx ?? 0) + (revalidated?.non2xx ?? 0)}`,
    ];
  });
  return markdownTable(header, rows);
}
