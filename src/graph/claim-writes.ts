/**
 * Writing claims. `addClaim` is the researchers' main write: in ONE transaction it finds or
 * creates the actors, places and events the claim names, links who asserts it and the sources
 * that report, support or contradict it, backs every fact it states (participations, places of
 * events, relations between actors, event links) with the claim's id, derives its status and
 * records the audit trail. Anything refused on the way rolls everything back.
 */
import { randomUUID } from 'node:crypto';
import { appError, badInput, ErrorCode, notFound } from '../errors.js';
import { type AddClaim, parseAddClaim } from '../inputs/claim.js';
import { resolveActor } from './actor-writes.js';
import { AuditLog, type Writer } from './audit.js';
import { BACKED_BY_CLAIM, refreshStatuses } from './claim-status.js';
import type { DbScope, WriteTx } from './database.js';
import { writeEvent } from './event-writes.js';
import { once } from './idempotency.js';
import { toClaim, type ClaimObject } from './mapping.js';
import { resolvePlace } from './place-writes.js';
import { requireAll } from './write-checks.js';

const CLAIM_EXISTS = `MATCH (c:Claim {id: $id}) RETURN c.id AS id`;

const CREATE_CLAIM = `
  MATCH (asserter:Actor {id: $assertedById})
  CREATE (c:Claim {
    id: $id, text: $text, quote: $quote, status: 'REPORTED',
    notIndependentlyVerified: $notIndependentlyVerified, retracted: false, retractionReason: null,
    createdBy: $by, createdAt: datetime(), updatedAt: datetime()
  })-[:ASSERTED_BY]->(asserter)
  WITH c
  CALL (c) {
    UNWIND $sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (c)-[:REPORTED_IN]->(s)
  }
  CALL (c) {
    UNWIND $supportingSourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:SUPPORTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by
  }
  CALL (c) {
    UNWIND $contradictingSourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:CONTRADICTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by
  }`;

// One statement per relation kind: a relationship type cannot be a parameter.
const RELATE: Record<string, string> = Object.fromEntries(
  ['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES'].map((kind) => [
    kind,
    `MATCH (from:Actor {id: $fromId}), (to:Actor {id: $toId})
     MERGE (from)-[r:${kind}]->(to)
     ${BACKED_BY_CLAIM}`,
  ]),
);

const LINK_ABOUT = `
  MATCH (c:Claim {id: $id})
  CALL (c) { UNWIND $actorIds AS x MATCH (n:Actor {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $placeIds AS x MATCH (n:Place {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $eventIds AS x MATCH (n:Event {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $claimIds AS x MATCH (n:Claim {id: x}) WHERE n <> c MERGE (c)-[:ABOUT]->(n) }`;

const READ_CLAIM = `MATCH (c:Claim {id: $id}) RETURN c`;

const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Writes one validated claim in the open transaction and returns its id. The claim is ABOUT the
 * events it reports, the actors of the relations it states and whatever `about` names: the fact
 * edges it backs are found from there when its status changes.
 */
export async function writeClaim(tx: WriteTx, input: AddClaim, log: AuditLog, field: string): Promise<string> {
  const id = input.id ?? `claim:${randomUUID()}`;
  if ((await tx.run(CLAIM_EXISTS, { id })).length > 0)
    throw appError(ErrorCode.CONFLICT, `${field}.id: a claim with the id "${id}" exists already.`, {
      field: `${field}.id`,
    });

  const sourceIds = unique(input.sourceIds);
  const supportingSourceIds = unique(input.supportingSourceIds ?? []).filter((s) => !sourceIds.includes(s));
  const contradictingSourceIds = unique(input.contradictingSourceIds ?? []);
  await requireAll(tx, 'Source', input.sourceIds, `${field}.sourceIds`);
  await requireAll(tx, 'Source', input.supportingSourceIds ?? [], `${field}.supportingSourceIds`);
  await requireAll(tx, 'Source', input.contradictingSourceIds ?? [], `${field}.contradictingSourceIds`);
  const assertedById = await resolveActor(tx, input.assertedBy, log, `${field}.assertedBy`);

  await tx.run(CREATE_CLAIM, {
    id,
    text: input.text,
    quote: input.quote ?? null,
    notIndependentlyVerified: input.notIndependentlyVerified,
    assertedById,
    sourceIds,
    supportingSourceIds,
    contradictingSourceIds,
    by: log.by,
  });

  const about = {
    actorIds: [] as string[],
    placeIds: [] as string[],
    eventIds: [] as string[],
    claimIds: [] as string[],
  };
  for (const [i, event] of (input.events ?? []).entries())
    about.eventIds.push(await writeEvent(tx, event, id, log, `${field}.events[${i}]`));

  const relations: { fromId: string; kind: string; toId: string }[] = [];
  for (const [i, relation] of (input.relations ?? []).entries()) {
    const at = `${field}.relations[${i}]`;
    const fromId = await resolveActor(tx, relation.from, log, `${at}.from`);
    const toId = await resolveActor(tx, relation.to, log, `${at}.to`);
    if (fromId === toId) throw badInput(`${at}.to: ${fromId} cannot relate to itself.`, `${at}.to`);
    await tx.run(RELATE[relation.kind]!, { fromId, toId, claimId: id });
    relations.push({ fromId, kind: relation.kind, toId });
    about.actorIds.push(fromId, toId);
  }

  const stated = input.about;
  for (const [i, ref] of (stated?.actors ?? []).entries())
    about.actorIds.push(await resolveActor(tx, ref, log, `${field}.about.actors[${i}]`));
  for (const [i, ref] of (stated?.places ?? []).entries())
    about.placeIds.push(await resolvePlace(tx, ref, log, `${field}.about.places[${i}]`));
  await requireAll(tx, 'Event', stated?.eventIds ?? [], `${field}.about.eventIds`);
  await requireAll(tx, 'Claim', stated?.claimIds ?? [], `${field}.about.claimIds`);
  about.eventIds.push(...(stated?.eventIds ?? []));
  about.claimIds.push(...(stated?.claimIds ?? []));
  const links = {
    actorIds: unique(about.actorIds),
    placeIds: unique(about.placeIds),
    eventIds: unique(about.eventIds),
    claimIds: unique(about.claimIds),
  };
  await tx.run(LINK_ABOUT, { id, ...links });

  const statuses = await refreshStatuses(tx, [id]);
  log.record(id, {
    created: {
      text: input.text,
      quote: input.quote ?? null,
      assertedById,
      sourceIds,
      supportingSourceIds,
      contradictingSourceIds,
      notIndependentlyVerified: input.notIndependentlyVerified,
      relations,
      about: links,
      status: statuses.get(id),
    },
  });
  return id;
}

export async function readClaim(tx: WriteTx, id: string): Promise<ClaimObject> {
  const [row] = await tx.run(READ_CLAIM, { id });
  if (!row) throw notFound('claim', id);
  return toClaim((row.get('c') as { properties: Record<string, unknown> }).properties);
}

/** Mutation addClaim: validated first, then one transaction. */
export async function addClaim(db: DbScope, raw: unknown, writer: Writer): Promise<ClaimObject> {
  const input = parseAddClaim(raw);
  return db.write(async (tx) => {
    const log = new AuditLog(writer, 'addClaim');
    const { id } = await once(tx, writer.identity, input.idempotencyKey, 'addClaim', () =>
      writeClaim(tx, input, log, 'input'),
    );
    await log.flush(tx);
    return readClaim(tx, id);
  });
}
