/**
 * What the exports say about an event, derived once from what `eventPages` reads: where it is
 * (the nearest place with coordinates), its claims' statuses and claimants, how many sources and
 * independent origins back it (the write path's own rule, claim-status.ts), and its figures by
 * claimant.
 */
import type { ExportEvent, ExportFigure } from '../graph/read/export.js';
import { toIso } from '../graph/read/export.js';
import { independentOrigins, STATUS_STRENGTH } from '../domain/claim-status.js';

export interface EventView {
  id: string;
  type: string;
  subType: string | null;
  start: string | null;
  end: string | null;
  timePrecision: string;
  timeLabel: string;
  geoPrecision: string | null;
  description: string;
  place: { id: string; name: string } | null;
  /** The admin chain, country first: [country, admin1, …, the place]. */
  chain: string[];
  point: { latitude: number; longitude: number } | null;
  status: string | null;
  statuses: string[];
  claimants: string[];
  sources: number;
  independentOrigins: number;
  figuresByClaimant: { claimant: string | null; figures: ExportFigure[] }[];
  /** Deprecated on the event (figures are the claims'); kept for readers of old files. */
  fatalities: { low: number | null; high: number | null; best: number | null };
  codes: Record<string, string>;
  updatedAt: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export function eventView(e: ExportEvent): EventView {
  const p = e.props;
  const located = e.places.find((x) => x.latitude !== null && x.longitude !== null);
  const statuses = [...new Set(e.claims.map((c) => c.status))];
  const evidence = new Map(e.claims.flatMap((c) => c.sources).map((s) => [s.id, s]));
  const byClaimant = new Map<string, { claimant: string | null; figures: ExportFigure[] }>();
  for (const c of e.claims) {
    if (c.figures.length === 0) continue;
    const key = c.claimantId ?? '';
    const entry = byClaimant.get(key) ?? byClaimant.set(key, { claimant: c.claimant, figures: [] }).get(key)!;
    entry.figures.push(...c.figures);
  }
  let codes: Record<string, string> = {};
  if (typeof p.datasetCodes === 'string') {
    try {
      codes = JSON.parse(p.datasetCodes) as Record<string, string>;
    } catch {
      codes = {};
    }
  }
  return {
    id: e.id,
    type: String(p.type),
    subType: (p.subType as string | null) ?? null,
    start: toIso(p.startTime),
    end: toIso(p.endTime),
    timePrecision: String(p.timePrecision ?? 'UNKNOWN'),
    timeLabel: String(p.timeLabel ?? ''),
    geoPrecision: (p.geoPrecision as string | null) ?? null,
    description: String(p.description ?? ''),
    place: e.places[0] ? { id: e.places[0].id, name: e.places[0].name } : null,
    chain: e.places.map((x) => x.name).reverse(),
    point: located ? { latitude: located.latitude!, longitude: located.longitude! } : null,
    status: STATUS_STRENGTH.find((s) => statuses.includes(s)) ?? null,
    statuses,
    claimants: [...new Set(e.claims.map((c) => c.claimant).filter((n): n is string => !!n))],
    sources: evidence.size,
    independentOrigins: independentOrigins([...evidence.values()]),
    figuresByClaimant: [...byClaimant.values()],
    fatalities: { low: num(p.fatalitiesLow), high: num(p.fatalitiesHigh), best: num(p.fatalitiesBest) },
    codes,
    updatedAt: toIso(p.updatedAt),
  };
}
