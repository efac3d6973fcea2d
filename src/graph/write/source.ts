/** Writing sources: add one, with the sources it cites (the article cites the CSP spokesperson). */
import { sourceFolded } from '../core/folded-text.js';
import { randomUUID } from 'node:crypto';
import { appError, ErrorCode, notFound } from '../../errors.js';
import { parseInput } from '../../inputs/fields.js';
import { type AddSource, addSourceInput } from '../../inputs/source.js';
import { AuditLog, type Writer } from './audit.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { inOneTransaction } from './transaction.js';
import { once } from './idempotency.js';
import { toSource, type SourceObject } from '../core/mapping.js';
import { created, requireAll } from './checks.js';
import { noteOutcome } from './outcomes.js';
import type { AddSourceInput } from '../../generated/graphql.js';

const SOURCE_EXISTS = `MATCH (s:Source {id: $id}) RETURN s.id AS id`;

const CREATE_SOURCE = `
  CREATE (s:Source {
    id: $id, kind: $kind, title: $title, foldedTitle: $foldedTitle, publisher: $publisher, author: $author, url: $url,
    publishedAt: CASE WHEN $publishedAt IS NULL THEN null ELSE datetime($publishedAt) END,
    language: $language, reliability: $reliability,
    createdBy: $by, createdAt: datetime(), updatedAt: datetime()
  })
  WITH s
  UNWIND $citesIds AS citedId
  MATCH (cited:Source {id: citedId})
  MERGE (s)-[:CITES]->(cited)`;

const READ_SOURCE = `MATCH (s:Source {id: $id}) RETURN s`;

export async function createSource(tx: WriteTx, spec: AddSource, log: AuditLog, field: string): Promise<string> {
  const id = spec.id ?? `source:${randomUUID()}`;
  if ((await tx.run(SOURCE_EXISTS, { id })).length > 0)
    throw appError(ErrorCode.CONFLICT, `${field}.id: a source with the id "${id}" exists already.`, {
      field: `${field}.id`,
    });
  const citesIds = [...new Set(spec.citesIds ?? [])];
  await requireAll(tx, 'Source', citesIds, `${field}.citesIds`);
  const props = {
    kind: spec.kind,
    title: spec.title,
    publisher: spec.publisher ?? null,
    author: spec.author ?? null,
    url: spec.url ?? null,
    publishedAt: spec.publishedAt ?? null,
    language: spec.language ?? null,
    reliability: spec.reliability,
  };
  await tx.run(CREATE_SOURCE, { id, ...props, ...sourceFolded(spec.title), citesIds, by: log.by });
  created(tx, 'Source', id);
  noteOutcome(tx, 'sources', { field, id, name: spec.title, outcome: 'CREATED' });
  log.record(id, { created: { ...props, citesIds } });
  return id;
}

export async function readSource(tx: WriteTx, id: string): Promise<SourceObject> {
  const [row] = await tx.run(READ_SOURCE, { id });
  if (!row) throw notFound('source', id);
  return toSource((row.get('s') as { properties: Record<string, unknown> }).properties);
}

/** Mutation addSource: one transaction. */
export async function addSource(db: DbScope, given: AddSourceInput, writer: Writer): Promise<SourceObject> {
  const input = parseInput(addSourceInput, given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'addSource');
    const { id } = await once(
      tx,
      writer.identity,
      input.idempotencyKey,
      'addSource',
      () => createSource(tx, input, log, 'input'),
      input,
    );
    await log.flush(tx);
    return readSource(tx, id);
  });
}
