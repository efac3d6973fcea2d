/**
 * reviseClaim: a researcher corrects a claim — its text, its quote, or what it states (events,
 * relations between actors, the nodes it is about) — in one transaction. The previous version
 * is kept in the claim's history (`revised.from`: text, quote, and every fact edge it backed),
 * so nothing is lost. Statements are replaced together: when any of events, relations or about
 * is given, the claim stops backing every fact it backed (an edge left with no claim is removed,
 * the others re-ranked without it) and states exactly what the revision gives, as addClaim would.
 * Retracted claims stay as they were.
 */
import { badInput } from '../../errors.js';
import { parseInput } from '../../inputs/fields.js';
import { type ReviseClaim, reviseClaimInput } from '../../inputs/claim-revision.js';
import { resolveActor } from './actor.js';
import { AuditLog, type Writer } from './audit.js';
import { BACKED_BY_CLAIM, refreshStatuses } from './claim-status.js';
import { STATUS_STRENGTH } from '../../domain/claim-status.js';
import { readClaim } from './claim.js';
import type { DbScope, WriteTx } from '../core/database.js';
import type { ClaimObject } from '../core/mapping.js';
import { writeEvent } from './event.js';
import { once } from './idempotency.js';
import { resolvePlace } from './place.js';
import { requireAll, requireOne } from './checks.js';
import { inOneTransaction } from './transaction.js';
import type { ReviseClaimInput } from '../../generated/graphql.js';

const READ_STATEMENTS = `
  MATCH (c:Claim {id: $id})
  CALL (c) {
    OPTIONAL MATCH (c)-[:ABOUT]->(n)
    RETURN collect(DISTINCT n.id) AS about
  }
  CALL (c) {
    OPTIONAL MATCH (c)-[:ABOUT]->()-[r]-()
    WHERE r.claimIds IS NOT NULL AND c.id IN r.claimIds
    WITH DISTINCT r
    RETURN collect({type: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role}) AS facts
  }
  RETURN c.text AS text, c.quote AS quote, coalesce(c.retracted, false) AS retracted, about, facts`;

// The claim stops backing its facts: an edge it alone backed goes, the others rank their other
// claims (the strongest live status, as claim-status.ts ranks them).
const UNBACK = `
  MATCH (c:Claim {id: $id})-[:ABOUT]->()-[r]-()
  WHERE r.claimIds IS NOT NULL AND $id IN r.claimIds
  WITH DISTINCT r
  SET r.claimIds = [k IN r.claimIds WHERE k <> $id]
  WITH r WHERE size(r.claimIds) > 0
  CALL (r) {
    UNWIND r.claimIds AS backingId
    MATCH (k:Claim {id: backingId})
    WITH collect(k) AS all
    WITH all, [k IN all WHERE NOT coalesce(k.retracted, false)] AS live
    RETURN [k IN CASE WHEN size(live) > 0 THEN live ELSE all END | k.status] AS statuses
  }
  SET r.status = coalesce([s IN $strength WHERE s IN statuses][0], r.status)`;

const DROP_UNBACKED = `
  MATCH (:Claim {id: $id})-[:ABOUT]->()-[r]-()
  WHERE r.claimIds = []
  WITH DISTINCT r
  DELETE r`;

const FORGET_ABOUT = `MATCH (:Claim {id: $id})-[a:ABOUT]->() DELETE a`;

const SET_WORDS = `
  MATCH (c:Claim {id: $id})
  SET c.text = $text, c.quote = $quote, c.fingerprint = null, c.updatedAt = datetime()`;

// One statement per relation kind: a relationship type cannot be a parameter.
const RELATE: Record<string, string> = Object.fromEntries(
  ['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES'].map((kind) => [
    kind,
    `MATCH (from:Actor {id: $fromId}), (to:Actor {id: $toId})
     MERGE (from)-[r:${kind}]->(to)
     ${BACKED_BY_CLAIM}`,
  ]),
);

// As addClaim links them: ABOUT its events, the actors of its relations, and what `about` names.
const LINK_ABOUT = `
  MATCH (c:Claim {id: $id})
  CALL (c) { UNWIND $actorIds AS x MATCH (n:Actor {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $placeIds AS x MATCH (n:Place {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $eventIds AS x MATCH (n:Event {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $claimIds AS x MATCH (n:Claim {id: x}) WHERE n <> c MERGE (c)-[:ABOUT]->(n) }`;

/** States the revision's events, relations and about for claim `id`; returns what it is about. */
async function stateAnew(tx: WriteTx, id: string, input: ReviseClaim, log: AuditLog) {
  const about = {
    actorIds: [] as string[],
    placeIds: [] as string[],
    eventIds: [] as string[],
    claimIds: [] as string[],
  };
  // As addClaim: a claim is about everything it links through its events too.
  for (const [i, event] of (input.events ?? []).entries()) {
    const written = await writeEvent(tx, event, id, log, `input.events[${i}]`);
    about.eventIds.push(written.id, ...written.eventIds);
    about.actorIds.push(...written.actorIds);
    about.placeIds.push(...written.placeIds);
  }
  for (const [i, relation] of (input.relations ?? []).entries()) {
    const at = `input.relations[${i}]`;
    const fromId = await resolveActor(tx, relation.from, log, `${at}.from`);
    const toId = await resolveActor(tx, relation.to, log, `${at}.to`);
    if (fromId === toId) throw badInput(`${at}.to: ${fromId} cannot relate to itself.`, `${at}.to`);
    await tx.run(RELATE[relation.kind]!, { fromId, toId, claimId: id });
    about.actorIds.push(fromId, toId);
  }
  for (const [i, ref] of (input.about?.actors ?? []).entries())
    about.actorIds.push(await resolveActor(tx, ref, log, `input.about.actors[${i}]`));
  for (const [i, ref] of (input.about?.places ?? []).entries())
    about.placeIds.push(await resolvePlace(tx, ref, log, `input.about.places[${i}]`));
  await requireAll(tx, 'Event', input.about?.eventIds ?? [], 'input.about.eventIds');
  await requireAll(tx, 'Claim', input.about?.claimIds ?? [], 'input.about.claimIds');
  about.eventIds.push(...(input.about?.eventIds ?? []));
  about.claimIds.push(...(input.about?.claimIds ?? []));
  const links = Object.fromEntries(Object.entries(about).map(([k, v]) => [k, [...new Set(v)]])) as typeof about;
  await tx.run(LINK_ABOUT, { id, ...links });
  return links;
}

async function revise(tx: WriteTx, input: ReviseClaim, log: AuditLog): Promise<string> {
  const id = input.claimId;
  await requireOne(tx, 'Claim', id, 'input.claimId');
  const [row] = await tx.run(READ_STATEMENTS, { id });
  if (row?.get('retracted') === true)
    throw badInput(`input.claimId: ${id} is retracted; a retracted claim stays as it was.`, 'input.claimId');
  const before = {
    text: row?.get('text') as string,
    quote: (row?.get('quote') as string | null) ?? null,
    about: row?.get('about') as string[],
    facts: row?.get('facts') as unknown[],
  };
  const after: Record<string, unknown> = {
    text: input.text ?? before.text,
    quote: input.quote ?? before.quote,
  };
  await tx.run(SET_WORDS, { id, text: after.text, quote: after.quote });
  const restates = input.events !== undefined || input.relations !== undefined || input.about !== undefined;
  if (restates) {
    await tx.run(UNBACK, { id, strength: STATUS_STRENGTH });
    await tx.run(DROP_UNBACKED, { id });
    await tx.run(FORGET_ABOUT, { id });
    after.about = await stateAnew(tx, id, input, log);
  }
  const statuses = await refreshStatuses(tx, [id]);
  log.record(id, {
    revised: {
      from: restates ? before : { text: before.text, quote: before.quote },
      to: after,
    },
    reason: input.reason ?? null,
    status: statuses.get(id),
  });
  return id;
}

/** Mutation reviseClaim: validated first, then one transaction. */
export async function reviseClaim(db: DbScope, given: ReviseClaimInput, writer: Writer): Promise<ClaimObject> {
  const input = parseInput(reviseClaimInput, given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'reviseClaim');
    const { id } = await once(
      tx,
      writer.identity,
      input.idempotencyKey,
      'reviseClaim',
      () => revise(tx, input, log),
      input,
    );
    await log.flush(tx);
    return readClaim(tx, id);
  });
}
