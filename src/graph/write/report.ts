/**
 * enterReport: a researcher's whole report in ONE transaction — its sources first (so its claims
 * can cite them by the ids the researcher chose), then the actors and places it lists (found or
 * created, a new parent before the places inside it), then each claim through the same writeClaim
 * as addClaim, which finds or creates the actors, places and events it names. The answer lists
 * every record the report created or matched, where the input named it, by id, and the new names
 * close to existing ones (outcomes.ts), so nothing has to be guessed afterwards. All or nothing;
 * an idempotency key makes a retry return the first answer (idempotency.ts).
 */
import { badInput } from '../../errors.js';
import { newId, parseInput } from '../../inputs/fields.js';
import { type EnterReport, enterReportInput, type ReportActor, type ReportPlace } from '../../inputs/report.js';
import { actorExists, createActor, resolveActor } from './actor.js';
import { AuditLog, type Writer } from './audit.js';
import { writeClaim } from './claim.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { onceValue } from './idempotency.js';
import { noteOutcome, outcomesOf, type NearDuplicate, type RecordOutcome, type RecordKind } from './outcomes.js';
import { createPlace, resolvePlace } from './place.js';
import { createSource } from './source.js';
import { inOneTransaction } from './transaction.js';
import type { EnterReportInput } from '../../generated/graphql.js';

export interface ReportResult {
  replayed: boolean;
  sources: RecordOutcome[];
  actors: RecordOutcome[];
  places: RecordOutcome[];
  events: RecordOutcome[];
  claims: RecordOutcome[];
  nearDuplicates: NearDuplicate[];
}

const PLACE_EXISTS = `MATCH (p:Place {id: $id}) RETURN p.name AS name`;

async function reportActor(tx: WriteTx, actor: ReportActor, log: AuditLog, field: string): Promise<string> {
  if (actor.id !== undefined && (await actorExists(tx, actor.id))) {
    noteOutcome(tx, 'actors', { field, id: actor.id, name: actor.name ?? null, outcome: 'MATCHED' });
    return actor.id;
  }
  if (actor.id === undefined) return resolveActor(tx, { ...actor, name: actor.name! }, log, field);
  parseInput(newId('actor'), actor.id, `${field}.id`);
  if (!actor.name || !actor.kind)
    throw badInput(
      `${field}: no actor has the id "${actor.id}", so it is new and needs a name and a kind.`,
      `${field}.${actor.name ? 'kind' : 'name'}`,
    );
  return createActor(tx, { ...actor, id: actor.id, name: actor.name, kind: actor.kind }, log, field);
}

async function reportPlace(tx: WriteTx, place: ReportPlace, log: AuditLog, field: string): Promise<string> {
  if (place.id !== undefined) {
    const [row] = await tx.run(PLACE_EXISTS, { id: place.id });
    if (row) {
      noteOutcome(tx, 'places', { field, id: place.id, name: row.get('name') as string, outcome: 'MATCHED' });
      return place.id;
    }
    parseInput(newId('place'), place.id, `${field}.id`);
    if (!place.name || !place.kind)
      throw badInput(
        `${field}: no place has the id "${place.id}", so it is new and needs a name and a kind.`,
        `${field}.${place.name ? 'kind' : 'name'}`,
      );
    return createPlace(tx, { ...place, id: place.id, name: place.name, kind: place.kind }, log, field);
  }
  return resolvePlace(tx, place, log, field);
}

/** Writes a validated report in the open transaction; returns what it did. */
async function writeReport(tx: WriteTx, input: EnterReport, log: AuditLog): Promise<Omit<ReportResult, 'replayed'>> {
  const own = new Set<string>();
  for (const [i, source] of (input.sources ?? []).entries())
    own.add(await createSource(tx, source, log, `input.sources[${i}]`));
  for (const [i, actor] of (input.actors ?? []).entries()) await reportActor(tx, actor, log, `input.actors[${i}]`);
  for (const [i, place] of (input.places ?? []).entries()) await reportPlace(tx, place, log, `input.places[${i}]`);
  for (const [i, claim] of input.claims.entries()) {
    const field = `input.claims[${i}]`;
    if (claim.idempotencyKey !== undefined)
      throw badInput(
        `${field}.idempotencyKey: a report's claims are written together; give the key to the report (input.idempotencyKey).`,
        `${field}.idempotencyKey`,
      );
    const id = await writeClaim(tx, claim, log, field);
    noteOutcome(tx, 'claims', { field, id, name: claim.text, outcome: 'CREATED' });
    const cited = [
      ['sourceIds', claim.sourceIds],
      ['supportingSourceIds', claim.supportingSourceIds ?? []],
      ['contradictingSourceIds', claim.contradictingSourceIds ?? []],
    ] as const;
    for (const [name, ids] of cited)
      ids.forEach((sourceId, j) => {
        if (!own.has(sourceId))
          noteOutcome(tx, 'sources', { field: `${field}.${name}[${j}]`, id: sourceId, name: null, outcome: 'MATCHED' });
      });
  }
  const { records, nearDuplicates } = outcomesOf(tx);
  const kinds: RecordKind[] = ['sources', 'actors', 'places', 'events', 'claims'];
  return {
    ...(Object.fromEntries(kinds.map((k) => [k, records[k]])) as Record<RecordKind, RecordOutcome[]>),
    nearDuplicates,
  };
}

/** Mutation enterReport: validated first, then one transaction. */
export async function enterReport(db: DbScope, given: EnterReportInput, writer: Writer): Promise<ReportResult> {
  const input = parseInput(enterReportInput, given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'enterReport');
    const { value, replayed } = await onceValue(
      tx,
      writer.identity,
      input.idempotencyKey,
      'enterReport',
      () => writeReport(tx, input, log),
      input,
    );
    await log.flush(tx);
    return { ...value, replayed };
  });
}
