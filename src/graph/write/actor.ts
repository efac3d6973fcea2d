/**
 * Writing actors: add one, find or create one a claim names (by id, or by name/alias through the
 * Name nodes), update one. Each function takes the open write transaction and the write's audit
 * log; the exported mutations open one transaction each.
 */
import { randomUUID } from 'node:crypto';
import { appError, badInput, ErrorCode, notFound } from '../../errors.js';
import { type AddActor, type ActorRef, addActorInput, updateActorInput } from '../../inputs/actor.js';
import { parseInput } from '../../inputs/fields.js';
import { AuditLog, changesOf, type Writer } from './audit.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { inOneTransaction } from './transaction.js';
import { once } from './idempotency.js';
import { toActor, type ActorObject } from '../core/mapping.js';
import { ambiguous, nearDuplicates, nextAliases, nodesNamed, setNames } from './names.js';
import { idFromName } from '../../domain/names.js';
import { created, requireOne } from './checks.js';
import { noteNearDuplicate, noteOutcome } from './outcomes.js';
import { aliasInput } from '../../inputs/fields.js';
import type { AddActorInput, AliasInput, UpdateActorInput } from '../../generated/graphql.js';

const ACTOR_EXISTS = `MATCH (a:Actor {id: $id}) RETURN a.id AS id`;

const CREATE_ACTOR = `
  CREATE (a:Actor {
    id: $id, name: $name, kind: $kind, aliases: $aliases, aliasText: $aliasText,
    description: $description, createdBy: $by, createdAt: datetime(), updatedAt: datetime()
  })`;

const READ_ACTOR = `MATCH (a:Actor {id: $id}) RETURN a`;

export async function actorExists(tx: WriteTx, id: string): Promise<boolean> {
  return (await tx.run(ACTOR_EXISTS, { id })).length > 0;
}

/**
 * Creates an actor; its name and aliases must not name another actor already. Actors of a close
 * name are noted (outcomes.ts) and kept in its history: it is written, and the answer says which
 * existing actor it may duplicate.
 */
export async function createActor(tx: WriteTx, spec: AddActor, log: AuditLog, field: string): Promise<string> {
  let id = spec.id ?? idFromName('actor', spec.name);
  if (await actorExists(tx, id)) {
    if (spec.id)
      throw appError(ErrorCode.CONFLICT, `${field}.id: an actor with the id "${id}" exists already.`, {
        field: `${field}.id`,
      });
    // A derived id can collide with a renamed actor's: keep it readable, make it unique.
    id = `${id}-${randomUUID().slice(0, 8)}`;
  }
  const aliases = [...new Set((spec.aliases ?? []).filter((a) => a !== spec.name))];
  await tx.run(CREATE_ACTOR, {
    id,
    name: spec.name,
    kind: spec.kind,
    aliases,
    aliasText: aliases.join(' | '),
    description: spec.description ?? null,
    by: log.by,
  });
  created(tx, 'Actor', id);
  await setNames(tx, 'Actor', id, [spec.name, ...aliases], { exclusive: true, field });
  const near = await nearDuplicates(tx, 'Actor', id, [spec.name, ...aliases]);
  if (near.length > 0) noteNearDuplicate(tx, { field, id, name: spec.name, candidates: near });
  noteOutcome(tx, 'actors', { field, id, name: spec.name, outcome: 'CREATED' });
  log.record(id, {
    created: { name: spec.name, kind: spec.kind, aliases, description: spec.description ?? null },
    ...(near.length > 0
      ? { nearDuplicates: near.map(({ id: nid, name, distance }) => ({ id: nid, name, distance })) }
      : {}),
  });
  return id;
}

/**
 * The id of the actor a ref names: an existing id, or the one actor its name or alias names, or
 * a new actor (which then needs a kind). An ambiguous name is refused with its candidates.
 */
export async function resolveActor(tx: WriteTx, ref: ActorRef, log: AuditLog, field: string): Promise<string> {
  if (ref.id !== undefined) {
    await requireOne(tx, 'Actor', ref.id, `${field}.id`);
    noteOutcome(tx, 'actors', { field, id: ref.id, name: null, outcome: 'MATCHED' });
    return ref.id;
  }
  const name = ref.name!;
  const found = await nodesNamed(tx, 'Actor', name);
  if (found.length === 1) {
    noteOutcome(tx, 'actors', { field, id: found[0]!.id, name: found[0]!.name, outcome: 'MATCHED' });
    return found[0]!.id;
  }
  if (found.length > 1) throw ambiguous('Actor', name, found, `${field}.name`);
  if (!ref.kind) {
    throw badInput(
      `${field}.kind is required: no actor is named "${name}", so it will be created and needs a kind (or refer to an existing actor by id).`,
      `${field}.kind`,
    );
  }
  return createActor(tx, { name, kind: ref.kind, aliases: ref.aliases, description: ref.description }, log, field);
}

export async function readActor(tx: WriteTx, id: string): Promise<ActorObject> {
  const [row] = await tx.run(READ_ACTOR, { id });
  if (!row) throw notFound('actor', id);
  return toActor((row.get('a') as { properties: Record<string, unknown> }).properties);
}

/** Mutation addActor: one transaction. */
export async function addActor(db: DbScope, given: AddActorInput, writer: Writer): Promise<ActorObject> {
  const input = parseInput(addActorInput, given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'addActor');
    const { id } = await once(
      tx,
      writer.identity,
      input.idempotencyKey,
      'addActor',
      () => createActor(tx, input, log, 'input'),
      input,
    );
    await log.flush(tx);
    return readActor(tx, id);
  });
}

const UPDATE_ACTOR = `
  MATCH (a:Actor {id: $id})
  SET a += $fields, a.updatedAt = datetime()`;

/**
 * Mutation updateActor: changes the given fields; `aliases` replaces the list. A new name or
 * alias that already names another actor is allowed (two actors may share an alias) and makes
 * that name ambiguous: lookups by it are refused with both candidates until one is chosen by id.
 */
export async function updateActor(db: DbScope, given: UpdateActorInput, writer: Writer): Promise<ActorObject> {
  const input = parseInput(updateActorInput, given);
  return inOneTransaction(db, async (tx) => {
    await requireOne(tx, 'Actor', input.id, 'input.id');
    const log = new AuditLog(writer, 'updateActor');
    const current = await readActor(tx, input.id);
    const name = input.name ?? current.name;
    const aliases = [...new Set((input.aliases ?? current.aliases).filter((a) => a !== name))];
    const fields: Record<string, unknown> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.kind !== undefined) fields.kind = input.kind;
    if (input.description !== undefined) fields.description = input.description;
    if (input.name !== undefined || input.aliases !== undefined) {
      fields.aliases = aliases;
      fields.aliasText = aliases.join(' | ');
      await setNames(tx, 'Actor', input.id, [name, ...aliases], { exclusive: false, replace: true, field: 'input' });
    }
    await tx.run(UPDATE_ACTOR, { id: input.id, fields });
    log.record(input.id, { changed: changesOf(current, fields) });
    await log.flush(tx);
    return readActor(tx, input.id);
  });
}

/**
 * Mutations addActorAlias / removeActorAlias: one alias at a time, the rest of the list kept. An
 * alias that already names another actor is refused (CONFLICT); the name is not an alias to remove.
 */
function actorAliasMutation(change: 'add' | 'remove') {
  const action = change === 'add' ? 'addActorAlias' : 'removeActorAlias';
  return async (db: DbScope, given: AliasInput, writer: Writer): Promise<ActorObject> => {
    const input = parseInput(aliasInput, given);
    return inOneTransaction(db, async (tx) => {
      const log = new AuditLog(writer, action);
      const { id } = await once(
        tx,
        writer.identity,
        input.idempotencyKey,
        action,
        async () => {
          await requireOne(tx, 'Actor', input.id, 'input.id');
          const current = await readActor(tx, input.id);
          const aliases = nextAliases(current, input.alias, change);
          if (aliases === null) return input.id;
          if (change === 'add')
            await setNames(tx, 'Actor', input.id, [input.alias], { exclusive: true, field: 'input.alias' });
          else
            await setNames(tx, 'Actor', input.id, [current.name, ...aliases], {
              exclusive: false,
              replace: true,
              field: 'input.alias',
            });
          await tx.run(UPDATE_ACTOR, { id: input.id, fields: { aliases, aliasText: aliases.join(' | ') } });
          log.record(input.id, { changed: { aliases: { from: current.aliases, to: aliases } } });
          return input.id;
        },
        input,
      );
      await log.flush(tx);
      return readActor(tx, id);
    });
  };
}

export const addActorAlias = actorAliasMutation('add');
export const removeActorAlias = actorAliasMutation('remove');
