/**
 * Checks the seed files without a database: each must be one valid `ImportClaimsInput` value
 * (validated as `$input` of importClaims against the real schema/*.graphql, with the API's own
 * scalars), and the files together must hold up when loaded in order through the write path —
 * every id explicit and unique, every reference to something defined earlier, no name or alias
 * naming two actors (or two places), every figure of an event its claim states. Each claim is also
 * validated by the write path's own input rules (src/inputs), and statuses are derived by its own
 * rule (src/graph/write/claim-status.ts). Prints one summary line; exits 1 on any problem.
 *
 *   npx tsx scripts/check-seed.ts [--verbose] [file.yaml ...]
 *
 * Without files it checks seed/article.yaml, then the other seed/*.yaml files by name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isScalarType,
  parse,
  validate,
  type GraphQLInputType,
  type GraphQLScalarType,
  type OperationDefinitionNode,
} from 'graphql';
import { parseAllDocuments } from 'yaml';
import { GraphQLError } from 'graphql';
import { deriveClaimStatus } from '../src/domain/claim-status.js';
import { normaliseName } from '../src/domain/names.js';
import { parseAddClaim } from '../src/inputs/claim.js';
import { scalarResolvers } from '../src/resolvers/scalars.js';
import { figureEvent } from '../src/graph/write/figures.js';
import type {
  AddActorInput,
  AddClaimInput,
  AddPlaceInput,
  AddSourceInput,
  EventInput,
  ImportClaimsInput,
} from '../src/generated/graphql.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OPERATION = /* GraphQL */ `mutation Seed($input: ImportClaimsInput!) { importClaims(input: $input) { claimsAdded } }`;

// A value getVariableValues accepted has the generated input types' shape.
type Maybe<T> = T | null | undefined;
type Seed = ImportClaimsInput;
type ClaimInput = AddClaimInput;
type SourceInput = AddSourceInput;
type Named = AddActorInput | AddPlaceInput;

function loadSchema() {
  const files = readdirSync(join(ROOT, 'schema')).filter((f) => f.endsWith('.graphql'));
  // common.graphql declares Query and Mutation; the other files extend them.
  files.sort((a, b) => (a === 'common.graphql' ? -1 : b === 'common.graphql' ? 1 : a.localeCompare(b)));
  return buildSchema(files.map((f) => readFileSync(join(ROOT, 'schema', f), 'utf8')).join('\n'));
}

/** buildSchema's scalars accept anything; run the API's own scalars over every leaf. */
function checkScalars(value: unknown, type: GraphQLInputType, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkScalars(v, nullable.ofType, `${path}[${i}]`, problems));
  } else if (isInputObjectType(nullable)) {
    for (const [name, field] of Object.entries(nullable.getFields())) {
      checkScalars((value as Record<string, unknown>)[name], field.type, `${path}.${name}`, problems);
    }
  } else if (isScalarType(nullable)) {
    const scalars: Record<string, GraphQLScalarType> = scalarResolvers;
    const real = scalars[nullable.name];
    try {
      real?.parseValue(value);
      if (nullable.name === 'DateTime' && !(typeof value === 'string' && value.endsWith('Z')))
        throw new Error('not in UTC (…Z)');
    } catch (e) {
      problems.push(`${path}: ${JSON.stringify(value)} is not a valid ${nullable.name}: ${(e as Error).message}`);
    }
  }
}

/** Everything defined so far, across files, in load order. */
class Registry {
  readonly ids = new Map<string, string>(); // id → kind
  readonly names = new Map<string, string>(); // 'actor|key' or 'place|key' → id
  readonly sources = new Map<string, SourceInput>();
  readonly events = new Set<string>();
  readonly counts = { actors: 0, places: 0, sources: 0, claims: 0, events: 0, figures: 0 };
  readonly statuses = new Map<string, string>();
  constructor(readonly problems: string[]) {}

  define(kind: string, id: Maybe<string>, where: string): id is string {
    if (!id) return this.fail(`${where}: give it an explicit id`);
    if (!id.startsWith(`${kind}:`)) this.fail(`${where}: id ${id} should start with '${kind}:'`);
    if (this.ids.has(id)) return this.fail(`${where}: id ${id} is already used by a ${this.ids.get(id)}`);
    this.ids.set(id, kind);
    return true;
  }
  expect(kind: string, id: Maybe<string>, where: string): void {
    if (!id) this.fail(`${where}: refer to the ${kind} by id`);
    else if (this.ids.get(id) !== kind) this.fail(`${where}: ${kind} ${id} is not defined before this point`);
  }
  claimNames(kind: 'actor' | 'place', node: Named, where: string): void {
    for (const name of [node.name, ...(node.aliases ?? [])]) {
      const key = `${kind}|${normaliseName(name)}`;
      const owner = this.names.get(key);
      if (owner && owner !== node.id) this.fail(`${where}: the name '${name}' already names ${owner}`);
      else this.names.set(key, node.id ?? '');
    }
  }
  fail(message: string): false {
    this.problems.push(message);
    return false;
  }
}

function checkEvent(reg: Registry, ev: EventInput, where: string): void {
  if (!ev.id) {
    reg.fail(`${where}: give the event an explicit id`);
    return;
  }
  const at = `${where} (${ev.id})`;
  const defining = ev.type !== undefined && ev.type !== null;
  const describes = ev.subType ?? ev.time ?? ev.description ?? ev.fatalities ?? ev.place ?? null;
  if (reg.events.has(ev.id)) {
    if (defining || describes !== null)
      reg.fail(`${at}: the event is already defined; only add participants or links here`);
  } else if (!defining || !ev.time || !ev.description) {
    reg.fail(`${at}: the event is not defined yet; define it (type, time, description) in an earlier claim`);
  } else if (reg.define('event', ev.id, at)) {
    reg.events.add(ev.id);
    reg.counts.events += 1;
  }
  const { start, end } = ev.time ?? {};
  if (start && end && Date.parse(start) > Date.parse(end)) reg.fail(`${at}: time starts after it ends`);
  if (ev.fatalities)
    reg.fail(`${at}.fatalities: deprecated; state figures on the claim (figures: [{ kind: KILLED, … }])`);
  if (ev.place) reg.expect('place', ev.place.id, `${at}.place`);
  if (ev.partOfId) reg.expect('event', ev.partOfId, `${at}.partOfId`);
  if (ev.followsId) reg.expect('event', ev.followsId, `${at}.followsId`);
  if (ev.partOfId === ev.id || ev.followsId === ev.id) reg.fail(`${at}: an event cannot be part of or follow itself`);
  (ev.participants ?? []).forEach((p, i) => reg.expect('actor', p.actor.id, `${at}.participants[${i}]`));
}

/** The status the write path derives, by the one rule (src/domain/claim-status.ts). */
function deriveStatus(reg: Registry, claim: ClaimInput): string {
  const ids = [...new Set([...claim.sourceIds, ...(claim.supportingSourceIds ?? [])])];
  const evidence = ids.flatMap((id) => {
    const source = reg.sources.get(id);
    return source ? [{ id, publisher: source.publisher ?? null, citesIds: source.citesIds ?? [] }] : [];
  });
  return deriveClaimStatus({
    evidence,
    contradicted: (claim.contradictingSourceIds ?? []).length > 0,
    notIndependentlyVerified: claim.notIndependentlyVerified ?? false,
  });
}

/** The write path's own refusals (input rules, the event a figure counts), as problems. */
function refusals(reg: Registry, where: string, check: () => unknown): void {
  try {
    check();
  } catch (e) {
    if (e instanceof GraphQLError) reg.fail(`${where}: ${e.message}`);
    else throw e;
  }
}

function checkSeed(reg: Registry, seed: Seed, file: string): void {
  (seed.actors ?? []).forEach((a, i) => {
    const where = `${file} actors[${i}]`;
    if (reg.define('actor', a.id, where)) reg.counts.actors += 1;
    reg.claimNames('actor', a, where);
  });
  (seed.places ?? []).forEach((p, i) => {
    const where = `${file} places[${i}]`;
    if (p.parentId) reg.expect('place', p.parentId, `${where}.parentId`);
    if (reg.define('place', p.id, where)) reg.counts.places += 1;
    reg.claimNames('place', p, where);
  });
  (seed.sources ?? []).forEach((s, i) => {
    const where = `${file} sources[${i}]`;
    (s.citesIds ?? []).forEach((c, j) => reg.expect('source', c, `${where}.citesIds[${j}]`));
    if (reg.define('source', s.id, where)) {
      reg.counts.sources += 1;
      reg.sources.set(s.id, s);
    }
  });
  seed.claims.forEach((c, i) => {
    const where = `${file} claims[${i}]${c.id ? ` (${c.id})` : ''}`;
    reg.expect('actor', c.assertedBy.id, `${where}.assertedBy`);
    if (c.sourceIds.length === 0) reg.fail(`${where}: no claim without a source (sourceIds is empty)`);
    const evidence = {
      sourceIds: c.sourceIds,
      supportingSourceIds: c.supportingSourceIds,
      contradictingSourceIds: c.contradictingSourceIds,
    };
    for (const [field, ids] of Object.entries(evidence))
      (ids ?? []).forEach((s, j) => reg.expect('source', s, `${where}.${field}[${j}]`));
    for (const s of c.contradictingSourceIds ?? []) {
      if ([...c.sourceIds, ...(c.supportingSourceIds ?? [])].includes(s))
        reg.fail(`${where}: ${s} both supports and contradicts it`);
    }
    (c.events ?? []).forEach((ev, j) => checkEvent(reg, ev, `${where}.events[${j}]`));
    (c.relations ?? []).forEach((r, j) => {
      reg.expect('actor', r.from.id, `${where}.relations[${j}].from`);
      reg.expect('actor', r.to.id, `${where}.relations[${j}].to`);
      if (r.from.id === r.to.id) reg.fail(`${where}.relations[${j}]: an actor cannot relate to itself`);
    });
    refusals(reg, where, () => parseAddClaim(c, 'claim'));
    const statedEventIds = (c.events ?? []).flatMap((ev) => (ev.id ? [ev.id] : []));
    (c.figures ?? []).forEach((f, j) => {
      if (f.of) reg.expect('actor', f.of.id, `${where}.figures[${j}].of`);
      refusals(reg, where, () => figureEvent({ eventId: f.eventId ?? undefined }, statedEventIds, `figures[${j}]`));
      reg.counts.figures += 1;
    });
    (c.about?.actors ?? []).forEach((a, j) => reg.expect('actor', a.id, `${where}.about.actors[${j}]`));
    (c.about?.places ?? []).forEach((p, j) => reg.expect('place', p.id, `${where}.about.places[${j}]`));
    (c.about?.eventIds ?? []).forEach((e, j) => reg.expect('event', e, `${where}.about.eventIds[${j}]`));
    (c.about?.claimIds ?? []).forEach((e, j) => reg.expect('claim', e, `${where}.about.claimIds[${j}]`));
    if (reg.define('claim', c.id, where)) {
      reg.counts.claims += 1;
      reg.statuses.set(c.id, deriveStatus(reg, c));
    }
  });
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  let files = args.filter((a) => a !== '--verbose');
  if (files.length === 0) {
    const others = readdirSync(join(ROOT, 'seed'))
      .filter((f) => f.endsWith('.yaml') && f !== 'article.yaml')
      .sort();
    files = ['article.yaml', ...others].map((f) => join(ROOT, 'seed', f));
  }
  const schema = loadSchema();
  const operationDoc = parse(OPERATION);
  const problems: string[] = validate(schema, operationDoc).map((e) => `operation: ${e.message}`);
  const operation = operationDoc.definitions[0] as OperationDefinitionNode;
  const inputType = getNamedType(schema.getType('ImportClaimsInput') ?? undefined);
  const reg = new Registry(problems);

  for (const path of files) {
    const file = basename(path);
    const docs = parseAllDocuments(readFileSync(path, 'utf8'), { uniqueKeys: true });
    if (!Array.isArray(docs) || docs.length !== 1) {
      problems.push(`${file}: expected exactly one YAML document`);
      continue;
    }
    const [doc] = docs;
    if (!doc) continue;
    const yamlErrors = [...doc.errors, ...doc.warnings];
    if (yamlErrors.length > 0) {
      problems.push(...yamlErrors.map((e) => `${file}: YAML: ${e.message}`));
      continue;
    }
    const result = getVariableValues(schema, operation.variableDefinitions ?? [], { input: doc.toJS() });
    if (result.errors) {
      problems.push(...result.errors.map((e) => `${file}: ${e.message}`));
      continue;
    }
    if (inputType && isInputObjectType(inputType))
      checkScalars(result.coerced['input'], inputType, `${file} input`, problems);
    checkSeed(reg, result.coerced['input'] as Seed, file);
  }

  const byStatus = new Map<string, number>();
  for (const [id, status] of reg.statuses) {
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (verbose) console.log(`${status.padEnd(12)} ${id}`);
  }
  for (const p of problems) console.error(`✗ ${p}`);
  const { actors, places, sources, claims, events, figures } = reg.counts;
  const statuses = [...byStatus].map(([s, n]) => `${n} ${s}`).join(', ');
  const summary = `${actors} actors, ${places} places, ${sources} sources, ${claims} claims (${statuses}), ${events} events, ${figures} figures`;
  console.log(
    `${problems.length === 0 ? 'seed OK' : `seed has ${problems.length} problem(s)`}: ${files.length} file(s), ${summary}`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}

main();
