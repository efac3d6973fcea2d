/**
 * Figures a claim states: `(:Claim)-[:STATES]->(:Figure)`, `(:Figure)-[:OF_EVENT]->(:Event)` and,
 * when it counts an actor's people, `(:Figure)-[:COUNTS]->(:Actor)`. A figure belongs to its claim
 * and never replaces another claim's: two claimants' numbers for one battle live side by side.
 *
 * An event keeps, derived and never set by hand, the range of its KILLED figures across claimants
 * (`fatalitiesLow`/`fatalitiesHigh`, the deprecated Event.fatalities; `fatalitiesBest` stays
 * null: no claimant's number is the event's), so event lists and nested reads answer it from the
 * node itself. `refreshEventFatalities` recomputes it with the rule in src/domain/figures.ts
 * whenever a claim with figures is written or retracted.
 */
import { badInput } from '../../errors.js';
import type { FigureSpec } from '../../inputs/claim.js';
import { eventRange, type CountedFigure } from '../../domain/figures.js';
import type { Fatalities } from '../../inputs/event.js';
import { resolveActor } from './actor.js';
import type { AuditLog } from './audit.js';
import type { WriteTx } from '../core/database.js';

/** A figure ready to write: its event and counted actor resolved to ids. */
export interface StatedFigure {
  id: string;
  kind: string;
  group: string | null;
  low: number | null;
  high: number | null;
  best: number | null;
  approximate: string | null;
  eventId: string;
  ofId: string | null;
}

/** The KILLED figure the deprecated EventInput.fatalities stands for, on the claim that gives it. */
export function fatalitiesFigure(fatalities: Fatalities, eventId: string): FigureSpec {
  return { kind: 'KILLED', group: 'UNKNOWN', eventId, ...fatalities };
}

/**
 * The event a figure counts: the one it names among the events the claim states, or the claim's
 * only event. A claim that states no event has nothing to count.
 */
export function figureEvent(
  spec: Pick<FigureSpec, 'eventId'>,
  statedEventIds: readonly string[],
  field: string,
): string {
  if (spec.eventId !== undefined) {
    if (!statedEventIds.includes(spec.eventId))
      throw badInput(
        `${field}.eventId: ${spec.eventId} is not an event this claim states; a figure counts one of the claim's events (events[].id${statedEventIds.length ? `: ${statedEventIds.join(', ')}` : ''}).`,
        `${field}.eventId`,
      );
    return spec.eventId;
  }
  if (statedEventIds.length === 1) return statedEventIds[0]!;
  if (statedEventIds.length === 0)
    throw badInput(
      `${field}: the claim states no event, so its figure counts nothing. Name the event in events (events: [{ id: "event:…" }]) and the figure counts it.`,
      field,
    );
  throw badInput(
    `${field}.eventId is required: the claim states ${statedEventIds.length} events (${statedEventIds.join(', ')}); say which one the figure counts.`,
    `${field}.eventId`,
  );
}

/** Shapes a figure for writing; `ofId` already resolved. */
export function statedFigure(spec: FigureSpec, id: string, eventId: string, ofId: string | null): StatedFigure {
  return {
    id,
    kind: spec.kind,
    group: ofId ? null : (spec.group ?? 'UNKNOWN'),
    low: spec.low ?? null,
    high: spec.high ?? null,
    best: spec.best ?? null,
    approximate: spec.approximate ?? null,
    eventId,
    ofId,
  };
}

/**
 * Cypher: writes $rows (StatedFigure rows with their claimId) and returns how many it wrote; a row
 * whose claim, event or counted actor is missing writes nothing. Shared with the bulk path.
 */
export const CREATE_FIGURES = `
  UNWIND $rows AS row
  MATCH (c:Claim {id: row.claimId})
  MATCH (e:Event {id: row.eventId})
  OPTIONAL MATCH (a:Actor {id: row.ofId})
  WITH row, c, e, a WHERE row.ofId IS NULL OR a IS NOT NULL
  CREATE (c)-[:STATES]->(n:Figure {
    id: row.id, kind: row.kind, group: row.group, low: row.low, high: row.high, best: row.best,
    approximate: row.approximate, createdAt: datetime()
  })-[:OF_EVENT]->(e)
  FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (n)-[:COUNTS]->(a))
  RETURN count(*) AS n`;

/**
 * Resolves and writes a claim's figures; returns them (for the audit entry) and the actors they
 * count (the claim is about them).
 */
export async function writeFigures(
  tx: WriteTx,
  claimId: string,
  specs: readonly { spec: FigureSpec; field: string }[],
  statedEventIds: readonly string[],
  log: AuditLog,
): Promise<StatedFigure[]> {
  const figures: StatedFigure[] = [];
  for (const [i, { spec, field }] of specs.entries()) {
    const eventId = figureEvent(spec, statedEventIds, field);
    const ofId = spec.of ? await resolveActor(tx, spec.of, log, `${field}.of`) : null;
    figures.push(statedFigure(spec, `${claimId}#figure-${i + 1}`, eventId, ofId));
  }
  if (figures.length > 0) {
    await tx.run(CREATE_FIGURES, { rows: figures.map((f) => ({ ...f, claimId })) });
    await refreshEventFatalities(tx, [...new Set(figures.map((f) => f.eventId))]);
  }
  return figures;
}

// The KILLED figures of live claims, per event, with their claimant.
const KILLED_FIGURES = `
  UNWIND $eventIds AS eventId
  MATCH (e:Event {id: eventId})
  CALL (e) {
    OPTIONAL MATCH (e)<-[:OF_EVENT]-(f:Figure {kind: 'KILLED'})<-[:STATES]-(c:Claim)
    WHERE NOT coalesce(c.retracted, false)
    OPTIONAL MATCH (c)-[:ASSERTED_BY]->(a:Actor)
    WITH f, c, a WHERE f IS NOT NULL
    RETURN collect({kind: f.kind, low: f.low, high: f.high, best: f.best, approximate: f.approximate,
                    claimId: c.id, claimantId: a.id}) AS figures
  }
  RETURN eventId, figures`;

const STORE_FATALITIES = `
  UNWIND $ranges AS r
  MATCH (e:Event {id: r.eventId})
  SET e.fatalitiesLow = r.low, e.fatalitiesHigh = r.high, e.fatalitiesBest = null`;

/** Re-derives the stored KILLED range of these events from their figures. */
export async function refreshEventFatalities(tx: WriteTx, eventIds: readonly string[]): Promise<void> {
  if (eventIds.length === 0) return;
  const rows = await tx.run(KILLED_FIGURES, { eventIds });
  const ranges = rows.map((row) => {
    const range = eventRange(row.get('figures') as CountedFigure[], 'KILLED');
    return { eventId: row.get('eventId') as string, low: range.low, high: range.high };
  });
  await tx.run(STORE_FATALITIES, { ranges });
}

const EVENTS_OF_FIGURES = `
  UNWIND $claimIds AS claimId
  MATCH (:Claim {id: claimId})-[:STATES]->(:Figure)-[:OF_EVENT]->(e:Event)
  RETURN DISTINCT e.id AS id`;

/** Re-derives the stored range of every event these claims state figures of (after a retraction). */
export async function refreshFatalitiesOfClaims(tx: WriteTx, claimIds: readonly string[]): Promise<void> {
  const rows = await tx.run(EVENTS_OF_FIGURES, { claimIds });
  await refreshEventFatalities(
    tx,
    rows.map((r) => r.get('id') as string),
  );
}
