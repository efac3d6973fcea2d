/**
 * Figure reads: the figures each claim states, and the figures stated about each event, one query
 * per batch. Each figure is read with its claim, the claim's asserting actor (the claimant) and the
 * actor whose people it counts, whole, so Figure.claim, Figure.of and the grouping by claimant cost
 * no further round trip. Figures of retracted claims are hidden, as their claims are.
 */
import { alignRows } from '../core/batches.js';
import type { DbScope } from '../core/database.js';
import { type ActorObject, type ClaimObject, NODE_MAP, type Props, toActor, toClaim } from '../core/mapping.js';
import type { CountedFigure } from '../../domain/figures.js';

export interface FigureObject extends CountedFigure {
  __typename: 'Figure';
  id: string;
  group: string | null;
  eventId: string;
  of: ActorObject | null;
  claim: ClaimObject;
  claimant: ActorObject | null;
}

// One figure `f` of claim `c`, as FIGURE_ROW maps it.
const FIGURE_MAP = `{
  figure: f {.id, .kind, .group, .low, .high, .best, .approximate},
  eventId: [(f)-[:OF_EVENT]->(e:Event) | e.id][0],
  of: [(f)-[:COUNTS]->(a:Actor) | ${NODE_MAP('a', 'Actor')}][0],
  claim: ${NODE_MAP('c', 'Claim')},
  claimant: [(c)-[:ASSERTED_BY]->(a:Actor) | ${NODE_MAP('a', 'Actor')}][0]
}`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toFigure(row: { figure: Props; eventId: string; of: Props | null; claim: Props; claimant: Props | null }) {
  const claim = toClaim(row.claim);
  const claimant = row.claimant ? toActor(row.claimant) : null;
  const figure: FigureObject = {
    __typename: 'Figure',
    id: String(row.figure.id),
    kind: String(row.figure.kind),
    group: row.figure.group == null ? null : String(row.figure.group),
    low: num(row.figure.low),
    high: num(row.figure.high),
    best: num(row.figure.best),
    approximate: row.figure.approximate == null ? null : String(row.figure.approximate),
    eventId: row.eventId,
    of: row.of ? toActor(row.of) : null,
    claim,
    claimId: claim.id,
    claimant,
    claimantId: claimant?.id ?? null,
  };
  return figure;
}

type FigureRow = Parameters<typeof toFigure>[0];

const FIGURES_OF_CLAIMS = `
  UNWIND $ids AS id
  MATCH (c:Claim {id: id})
  CALL (c) {
    MATCH (c)-[:STATES]->(f:Figure)
    WITH c, f ORDER BY f.id
    RETURN collect(${FIGURE_MAP}) AS figures
  }
  RETURN id, figures`;

/** The figures each claim states, in the order it gave them. */
export async function figuresOfClaims(db: DbScope, ids: readonly string[]): Promise<FigureObject[][]> {
  const rows = await db.read(FIGURES_OF_CLAIMS, { ids });
  return alignRows(ids, rows, (row) => (row.get('figures') as FigureRow[]).map(toFigure), []);
}

const FIGURES_OF_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})
  CALL (e) {
    MATCH (e)<-[:OF_EVENT]-(f:Figure)<-[:STATES]-(c:Claim)
    WHERE NOT coalesce(c.retracted, false)
    WITH c, f ORDER BY c.createdAt, c.id, f.id
    RETURN collect(${FIGURE_MAP}) AS figures
  }
  RETURN id, figures`;

/** The figures stated about each event by live claims, in the order the claims were added. */
export async function figuresOfEvents(db: DbScope, ids: readonly string[]): Promise<FigureObject[][]> {
  const rows = await db.read(FIGURES_OF_EVENTS, { ids });
  return alignRows(ids, rows, (row) => (row.get('figures') as FigureRow[]).map(toFigure), []);
}

/** Figures grouped by claimant, claimants in the order their first figure was stated. */
export function byClaimant(
  figures: readonly FigureObject[],
): { claimant: ActorObject | null; figures: FigureObject[] }[] {
  const groups = new Map<string, { claimant: ActorObject | null; figures: FigureObject[] }>();
  for (const figure of figures) {
    const key = figure.claimantId ?? '';
    const group = groups.get(key) ?? groups.set(key, { claimant: figure.claimant, figures: [] }).get(key)!;
    group.figures.push(figure);
  }
  return [...groups.values()];
}
