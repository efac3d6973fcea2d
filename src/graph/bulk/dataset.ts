/**
 * Writing dataset rows (ACLED, UCDP GED) through the bulk path, a batch per transaction. Each
 * row is an event with its claims, asserted by the dataset as claimant and reported in the sources
 * the row names; its places are matched in the gazetteer by name within their parent, its actors
 * through the mapping file and the alias machinery (Name nodes), and what matches nothing is
 * created. Ids come from the dataset's own (event:acled:MLI1234, and the claim's from the row's
 * digest), so the same row read again changes nothing, and a changed row is a revision: its old
 * claims are retracted (kept, with their reason) and new ones stated, the event's values updated,
 * and the audit trail says what changed. A row is planned whole before anything of it is added to
 * the batch: a refusal (an ambiguous name) leaves nothing of it behind.
 */
import { randomUUID } from 'node:crypto';
import type { DbScope, WriteTx } from '../core/database.js';
import { SET_EVENT_SPAN } from '../core/event-span.js';
import { AuditLog, type Writer } from '../write/audit.js';
import { deriveClaimStatus } from '../../domain/claim-status.js';
import { refreshStatuses } from '../write/claim-status.js';
import { idFromName, nameKey, normaliseName } from '../../domain/names.js';
import { eventRange } from '../../domain/figures.js';
import { timeLabel } from '../../domain/time-label.js';
import { type BulkEvent, type BulkGraph, NOTHING_EXISTS, writeBulkGraph } from './load.js';
import { codesJson, recordDigest, type Dataset, type DatasetRecord, type RowRefusal } from './dataset-record.js';
import { Gazetteer, matchKeyOf } from './gazetteer.js';
import type { ImportFiles } from './import-files.js';

/** Dataset names → ids, from the mapping files (src/interchange/mapping.ts). */
export interface DatasetMapping {
  /** Normalised dataset actor name → actor id. */
  actors: ReadonlyMap<string, string>;
  /** "country / admin1 / …" (normalised) → place id. */
  places: ReadonlyMap<string, string>;
}

export interface BatchCounts {
  created: number;
  updated: number;
  unchanged: number;
  refused: RowRefusal[];
}

/** What the whole import created and matched, kept across batches (names, not rows: it stays small). */
export interface DatasetTally {
  actorsCreated: Map<string, string>;
  actorsMatched: Set<string>;
  placesCreated: number;
  placesMatched: Set<string>;
  sourcesCreated: number;
  sourcesMatched: Set<string>;
}

const prefix = (dataset: Dataset) => dataset.toLowerCase();
export const datasetEventId = (dataset: Dataset, key: string) => `event:${prefix(dataset)}:${key}`;
const claimId = (dataset: Dataset, key: string, digest: string, part: string) =>
  `claim:${prefix(dataset)}:${key}:${digest}${part === 'row' ? '' : `:${part}`}`;

// What the batch needs to know, in one round trip: which of its events exist (with their values
// and the dataset's live claims about them), which claims, sources and actor ids exist, and what
// the actor names name.
const LOOK_UP = `
  CALL () {
    UNWIND $eventIds AS id
    MATCH (e:Event {id: id})
    OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
    WHERE c.id STARTS WITH $claimPrefix AND NOT coalesce(c.retracted, false)
    WITH e, collect(c.id) AS claims
    RETURN collect({id: e.id, claims: claims, props: properties(e)}) AS events
  }
  CALL () { UNWIND $claimIds AS id MATCH (c:Claim {id: id}) RETURN collect(id) AS claims }
  CALL () { UNWIND $sourceIds AS id MATCH (s:Source {id: id}) RETURN collect(id) AS sources }
  CALL () { UNWIND $actorIds AS id MATCH (a:Actor {id: id}) RETURN collect(id) AS actorIds }
  CALL () {
    UNWIND $keys AS key
    MATCH (:Name {key: key})-[:NAMES]->(a:Actor)
    WITH key, collect({id: a.id, name: a.name}) AS named
    RETURN collect({key: key, named: named}) AS names
  }
  RETURN events, claims, sources, actorIds, names`;

const RETRACT = `
  UNWIND $rows AS row
  MATCH (c:Claim {id: row.id})
  SET c.retracted = true, c.retractionReason = row.reason, c.retractedBy = $by,
      c.retractedAt = datetime(), c.updatedAt = datetime()`;

const RESTORE = `
  UNWIND $ids AS id
  MATCH (c:Claim {id: id})
  SET c.retracted = false, c.retractionReason = null, c.updatedAt = datetime()`;

// A revised event's fact edges that only its retracted dataset claims backed go with them (the
// claims stay, retracted, and the audit entry names what they stated).
const PRUNE = `
  UNWIND $eventIds AS id
  MATCH (e:Event {id: id})
  CALL (e) {
    MATCH (e)-[r:OCCURRED_AT]->() RETURN r
    UNION
    MATCH ()-[r:PARTICIPATED_IN]->(e) RETURN r
  }
  WITH r WHERE all(k IN r.claimIds WHERE k IN $retracted)
  DELETE r`;

const UPDATE_EVENTS = `
  UNWIND $rows AS row
  MATCH (n:Event {id: row.id})
  SET n += row.props, n.updatedAt = datetime(),
      n.startTime = datetime(row.startTime), n.endTime = datetime(row.endTime)
  ${SET_EVENT_SPAN('n')}`;

const EXISTING_ACTORS = `UNWIND $ids AS id MATCH (a:Actor {id: id}) RETURN collect(id) AS ids`;

const CLAIMANT = `
  OPTIONAL MATCH (:Name {key: $key})-[:NAMES]->(a:Actor)
  RETURN collect(a.id) AS ids`;

const DATASET_EVENTS = `
  UNWIND $ids AS id
  MATCH (e:Event {id: id})<-[:ABOUT]-(c:Claim)
  WHERE c.id STARTS WITH $claimPrefix AND NOT coalesce(c.retracted, false)
  RETURN collect(DISTINCT c.id) AS claims, count(DISTINCT e) AS events`;

interface Looked {
  events: Map<string, { claims: string[]; props: Record<string, unknown> }>;
  claims: Set<string>;
  sources: Set<string>;
  actorIds: Set<string>;
  names: Map<string, { id: string; name: string }[]>;
}

const DATASET_NAMES: Record<Dataset, string> = { ACLED: 'ACLED', UCDP: 'UCDP' };
const DATASET_DESCRIPTIONS: Record<Dataset, string> = {
  ACLED:
    'The Armed Conflict Location & Event Data project: a dataset of political violence and protest events, as claimant of the events it codes.',
  UCDP: 'The Uppsala Conflict Data Program, whose Georeferenced Event Dataset (GED) codes events of organised violence, as claimant.',
};

/** The event's values that a revision may change, as stored. */
function eventProps(record: DatasetRecord, by: string): BulkEvent & Record<string, unknown> {
  // The stored range across claimants, by the figures' own rule (src/domain/figures.ts): the
  // dataset is the event's only claimant when it creates it.
  const range = eventRange(
    record.claims.flatMap((c) =>
      c.figures.map((f) => ({
        kind: f.kind,
        low: f.low ?? null,
        high: f.high ?? null,
        best: f.best ?? null,
        approximate: null,
        claimId: c.part,
        claimantId: record.dataset,
      })),
    ),
    'KILLED',
  );
  const totals = record.claims.flatMap((c) => c.figures).filter((f) => f.group === 'UNKNOWN' && !f.side);
  const total = { low: range.low ?? undefined, high: range.high ?? undefined, best: totals[0]?.best };
  return {
    id: datasetEventId(record.dataset, record.key),
    type: record.event.type,
    subType: record.event.subType,
    startTime: record.event.time.start,
    endTime: record.event.time.end,
    timePrecision: record.event.time.precision,
    timeLabel: timeLabel(record.event.time),
    description: record.event.description,
    fatalitiesLow: total.low ?? null,
    fatalitiesHigh: total.high ?? null,
    fatalitiesBest: total.best ?? null,
    createdBy: by,
    // Beyond BulkEvent: load.ts writes every field of an event row onto the node.
    geoPrecision: record.event.geoPrecision,
    datasetCodes: codesJson(record),
  };
}

export class DatasetWriter {
  readonly tally: DatasetTally = {
    actorsCreated: new Map(),
    actorsMatched: new Set(),
    placesCreated: 0,
    placesMatched: new Set(),
    sourcesCreated: 0,
    sourcesMatched: new Set(),
  };
  private readonly runId = randomUUID();
  /** Actor names already resolved in this import (normalised key → id): names, not rows. */
  private readonly resolvedActors = new Map<string, string>();
  private claimantId = '';
  /** A first load's files; unset on the live path. */
  private files?: ImportFiles;
  /** For a first load, the ids this import created that a look-up would find (few: names, not rows). */
  private readonly created = { sources: new Set<string>(), actorIds: new Set<string>() };

  private constructor(
    private readonly scope: DbScope | undefined,
    readonly dataset: Dataset,
    private readonly gazetteer: Gazetteer,
    private readonly mapping: DatasetMapping,
    private readonly writer: Writer,
  ) {}

  /** Called after each bulk statement (what, rows, milliseconds), for profiling an import. */
  onStatement?: (what: string, rows: number, ms: number) => void;

  /** Mapping entries naming an id that does not exist: left out, and listed in the summary. */
  ignoredMappings: string[] = [];

  /**
   * A first load (import-files.ts): the database is empty and stopped, so nothing is looked up;
   * each batch is planned as the live path plans it against an empty database (what this import
   * created is what exists) and appended to the importer's files, audit entries included.
   */
  static async firstLoad(
    files: ImportFiles,
    dataset: Dataset,
    mapping: DatasetMapping,
    writer: Writer,
  ): Promise<DatasetWriter> {
    const w = new DatasetWriter(undefined, dataset, new Gazetteer(), { actors: new Map(), places: new Map() }, writer);
    w.files = files;
    w.ignoredMappings = [
      ...[...mapping.actors].map(([name, id]) => `${name.slice(6)} → ${id}`),
      ...[...mapping.places].map(([path, id]) => `${path} → ${id}`),
    ];
    await w.ensureClaimant();
    return w;
  }

  static async open(scope: DbScope, dataset: Dataset, mapping: DatasetMapping, writer: Writer): Promise<DatasetWriter> {
    const gazetteer = await Gazetteer.load(scope);
    const [row] = await scope.read(EXISTING_ACTORS, { ids: [...new Set(mapping.actors.values())] });
    const actorIds = new Set((row?.get('ids') as string[] | undefined) ?? []);
    const actors = new Map([...mapping.actors].filter(([, id]) => actorIds.has(id)));
    const places = new Map([...mapping.places].filter(([, id]) => gazetteer.has(id)));
    const w = new DatasetWriter(scope, dataset, gazetteer, { actors, places }, writer);
    w.ignoredMappings = [
      ...[...mapping.actors].filter(([, id]) => !actorIds.has(id)).map(([name, id]) => `${name.slice(6)} → ${id}`),
      ...[...mapping.places].filter(([, id]) => !gazetteer.has(id)).map(([path, id]) => `${path} → ${id}`),
    ];
    await w.ensureClaimant();
    return w;
  }

  /** The dataset as an actor (kind ORGANIZATION), found by its name or created. */
  private async ensureClaimant(): Promise<void> {
    const name = DATASET_NAMES[this.dataset];
    if (this.scope) {
      const [row] = await this.scope.read(CLAIMANT, { key: nameKey('Actor', name) });
      const ids = (row?.get('ids') as string[] | undefined) ?? [];
      if (ids.length > 0) {
        this.claimantId = ids[0]!;
        return;
      }
    }
    const id = idFromName('actor', name);
    const graph: BulkGraph = {
      actors: [{ id, name, kind: 'ORGANIZATION', aliases: [], description: DATASET_DESCRIPTIONS[this.dataset] }],
    };
    const log = new AuditLog(this.writer, 'importDataset');
    log.record(id, { created: { name, kind: 'ORGANIZATION' } });
    if (this.files) await this.toFiles(graph, log);
    else
      await this.scope!.write(async (tx) => {
        await writeBulkGraph(tx, graph);
        await log.flush(tx);
      });
    this.claimantId = id;
    this.tally.actorsCreated.set(name, id);
    this.resolvedActors.set(nameKey('Actor', name), id);
    this.created.actorIds.add(id);
  }

  /** A first load's batch: its graph and its audit entries, at one time as a transaction has. */
  private async toFiles(graph: BulkGraph, log: AuditLog): Promise<void> {
    const at = new Date().toISOString();
    await this.files!.write(graph, at);
    await this.files!.audit(log.take(), log.by, log.action, at);
  }

  /** What a first load's batch finds: what the batches before it created (names, not rows). */
  private createdSoFar(): Looked {
    return {
      events: new Map(),
      claims: new Set(),
      sources: this.created.sources,
      actorIds: this.created.actorIds,
      names: new Map(),
    };
  }

  private async lookUp(tx: WriteTx, records: readonly DatasetRecord[]): Promise<Looked> {
    const keys = new Set<string>();
    const actorIds = new Set<string>();
    for (const r of records)
      for (const a of r.actors) {
        keys.add(nameKey('Actor', a.name));
        actorIds.add(idFromName('actor', a.name));
      }
    const [row] = await tx.run(LOOK_UP, {
      eventIds: records.map((r) => datasetEventId(r.dataset, r.key)),
      claimIds: records.flatMap((r) => {
        const digest = recordDigest(r);
        return r.claims.map((c) => claimId(r.dataset, r.key, digest, c.part));
      }),
      sourceIds: [...new Set(records.flatMap((r) => r.sources.map((s) => s.id)))],
      actorIds: [...actorIds],
      keys: [...keys],
      claimPrefix: `claim:${prefix(this.dataset)}:`,
    });
    const events = new Map<string, { claims: string[]; props: Record<string, unknown> }>();
    for (const e of (row?.get('events') as { id: string; claims: string[]; props: Record<string, unknown> }[]) ?? [])
      events.set(e.id, e);
    return {
      events,
      claims: new Set((row?.get('claims') as string[]) ?? []),
      sources: new Set((row?.get('sources') as string[]) ?? []),
      actorIds: new Set((row?.get('actorIds') as string[]) ?? []),
      names: new Map(
        ((row?.get('names') as { key: string; named: { id: string; name: string }[] }[]) ?? []).map((n) => [
          n.key,
          n.named,
        ]),
      ),
    };
  }

  /** Writes one batch in one transaction; returns what became of each row. */
  async write(records: readonly DatasetRecord[]): Promise<BatchCounts> {
    // The same event twice in a batch: the first is written; a different second is refused.
    const byKey = new Map<string, DatasetRecord>();
    const counts: BatchCounts = { created: 0, updated: 0, unchanged: 0, refused: [] };
    const batch: DatasetRecord[] = [];
    for (const r of records) {
      const first = byKey.get(r.key);
      if (!first) {
        byKey.set(r.key, r);
        batch.push(r);
      } else if (recordDigest(first) === recordDigest(r)) counts.unchanged += 1;
      else
        counts.refused.push({
          line: r.line,
          key: r.key,
          reason: `repeats event ${r.key} of line ${first.line} with other values.`,
        });
    }
    if (batch.length === 0) return counts;
    const started = performance.now();
    const result = this.files
      ? await this.writeBatch(undefined, batch)
      : await this.scope!.write((tx) => this.writeBatch(tx, batch));
    this.onStatement?.('transaction', batch.length, performance.now() - started);
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    counts.refused.push(...result.refused);
    this.commitTally(result.tally);
    return counts;
  }

  private commitTally(t: BatchTally): void {
    for (const [name, id] of t.actorsCreated) {
      this.tally.actorsCreated.set(name, id);
      this.resolvedActors.set(nameKey('Actor', name), id);
    }
    for (const [key, id] of t.resolved) this.resolvedActors.set(key, id);
    t.actorsMatched.forEach((id) => this.tally.actorsMatched.add(id));
    t.placesMatched.forEach((id) => this.tally.placesMatched.add(id));
    t.sourcesMatched.forEach((id) => this.tally.sourcesMatched.add(id));
    this.tally.placesCreated += t.places.length;
    for (const p of t.places) this.gazetteer.add(p);
    this.tally.sourcesCreated += t.sourcesCreated;
    if (this.files) {
      for (const id of t.actorsCreated.values()) this.created.actorIds.add(id);
      for (const id of t.sourceIds) this.created.sources.add(id);
    }
  }

  /** A batch in a transaction (tx), or, for a first load, into the files. */
  private async writeBatch(tx: WriteTx | undefined, records: DatasetRecord[]) {
    const started = performance.now();
    const looked = tx ? await this.lookUp(tx, records) : this.createdSoFar();
    this.onStatement?.('look-up', records.length, performance.now() - started);
    const planning = performance.now();
    const plan = new BatchPlan(this, looked, this.writer.identity);
    const counts = { created: 0, updated: 0, unchanged: 0, refused: [] as RowRefusal[] };
    for (const record of records) {
      const outcome = plan.add(record);
      if (typeof outcome === 'string') counts[outcome] += 1;
      else counts.refused.push(outcome);
    }
    this.onStatement?.('plan', records.length, performance.now() - planning);
    // Nothing new (the file read again): nothing is written, not even an audit entry.
    if (counts.created + counts.updated === 0) return { ...counts, tally: plan.tally };
    const log = new AuditLog(this.writer, 'importDataset');
    const entry = {
      dataset: this.dataset,
      rows: records.length,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      lines: [records[0]!.line, records[records.length - 1]!.line],
    };
    if (!tx) {
      // An empty database: nothing to revise, retract or restore, only new records.
      log.record(`import:${this.runId}`, entry);
      await this.toFiles(plan.graph, log);
      return { ...counts, tally: plan.tally };
    }
    if (plan.retractions.length > 0) {
      await tx.run(RETRACT, { rows: plan.retractions, by: this.writer.identity });
      await tx.run(PRUNE, { eventIds: plan.revisedEvents, retracted: plan.retractions.map((r) => r.id) });
    }
    if (plan.restored.length > 0) await tx.run(RESTORE, { ids: plan.restored });
    if (plan.updatedEvents.length > 0)
      await tx.run(UPDATE_EVENTS, {
        rows: plan.updatedEvents.map(({ id, startTime, endTime, createdBy: _by, ...props }) => ({
          id,
          startTime,
          endTime,
          props,
        })),
      });
    // The plan holds only what its look-up (this transaction's) found missing: nothing to look up again.
    await writeBulkGraph(tx, plan.graph, { onStatement: this.onStatement, existing: NOTHING_EXISTS });
    const refreshed = [...plan.restored, ...plan.retractions.map((r) => r.id), ...plan.revisedClaims];
    if (refreshed.length > 0) await refreshStatuses(tx, refreshed);
    for (const [id, changes] of plan.history) log.record(id, changes);
    log.record(`import:${this.runId}`, entry);
    await log.flush(tx);
    return { ...counts, tally: plan.tally };
  }

  /** Retracts the dataset's live claims about these of its events (its deletions); returns how many events. */
  async retractEvents(keys: readonly string[], reason: string): Promise<{ events: number; claims: number }> {
    return this.scope!.write(async (tx) => {
      const [row] = await tx.run(DATASET_EVENTS, {
        ids: keys.map((k) => datasetEventId(this.dataset, k)),
        claimPrefix: `claim:${prefix(this.dataset)}:`,
      });
      const claims = (row?.get('claims') as string[]) ?? [];
      if (claims.length === 0) return { events: 0, claims: 0 };
      await tx.run(RETRACT, { rows: claims.map((id) => ({ id, reason })), by: this.writer.identity });
      await refreshStatuses(tx, claims);
      const log = new AuditLog(this.writer, 'importDataset');
      for (const id of claims) log.record(id, { retracted: true, reason });
      await log.flush(tx);
      return { events: Number(row?.get('events') ?? 0), claims: claims.length };
    });
  }

  // For BatchPlan.
  get context() {
    return {
      dataset: this.dataset,
      claimantId: this.claimantId,
      gazetteer: this.gazetteer,
      mapping: this.mapping,
      resolvedActors: this.resolvedActors as ReadonlyMap<string, string>,
    };
  }
}

interface BatchTally {
  actorsCreated: Map<string, string>;
  actorsMatched: Set<string>;
  resolved: Map<string, string>;
  places: { id: string; name: string; aliases: string[]; parentId: string | null }[];
  placesMatched: Set<string>;
  sourcesCreated: number;
  sourceIds: Set<string>;
  sourcesMatched: Set<string>;
}

class RowRefused extends Error {}

/** One batch, planned row by row against what the look-up found. */
class BatchPlan {
  readonly graph: Required<
    Pick<
      BulkGraph,
      'actors' | 'places' | 'sources' | 'events' | 'claims' | 'participations' | 'occurrences' | 'figures'
    >
  > = {
    figures: [],
    actors: [],
    places: [],
    sources: [],
    events: [],
    claims: [],
    participations: [],
    occurrences: [],
  };
  readonly retractions: { id: string; reason: string }[] = [];
  readonly restored: string[] = [];
  readonly revisedEvents: string[] = [];
  readonly revisedClaims: string[] = [];
  readonly updatedEvents: (BulkEvent & Record<string, unknown>)[] = [];
  readonly history = new Map<string, Record<string, unknown>>();
  readonly tally: BatchTally = {
    actorsCreated: new Map(),
    actorsMatched: new Set(),
    resolved: new Map(),
    places: [],
    placesMatched: new Set(),
    sourcesCreated: 0,
    sourceIds: new Set(),
    sourcesMatched: new Set(),
  };
  /** Places created by this batch, by parent and match key, so later rows find them. */
  private readonly batchGazetteer = new Gazetteer();

  constructor(
    private readonly writer: DatasetWriter,
    private readonly looked: Looked,
    private readonly by: string,
  ) {}

  private get ctx() {
    return this.writer.context;
  }

  /** Plans one row; returns what it does, or its refusal (leaving nothing of it in the batch). */
  add(record: DatasetRecord): 'created' | 'updated' | 'unchanged' | RowRefusal {
    const { dataset } = this.ctx;
    const eventId = datasetEventId(dataset, record.key);
    const digest = recordDigest(record);
    const claimIds = record.claims.map((c) => claimId(dataset, record.key, digest, c.part));
    const existing = this.looked.events.get(eventId);
    if (existing && existing.claims.length === claimIds.length && claimIds.every((id) => existing.claims.includes(id)))
      return 'unchanged';
    let actorIds: Map<string, string>, placeId: string;
    try {
      actorIds = this.actors(record);
      placeId = this.place(record);
    } catch (error) {
      if (error instanceof RowRefused) return { line: record.line, key: record.key, reason: error.message };
      throw error;
    }
    this.commitActors(record, actorIds);
    const event = eventProps(record, this.by);
    if (existing) {
      const stale = existing.claims.filter((id) => !claimIds.includes(id));
      for (const id of stale)
        this.retractions.push({
          id,
          reason: `Revised by ${dataset}: the row for ${record.key} now says otherwise (see ${claimIds[0]}).`,
        });
      this.restored.push(...claimIds.filter((id) => this.looked.claims.has(id)));
      this.revisedEvents.push(eventId);
      this.updatedEvents.push(event);
      const changed: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(event)) {
        const was = existing.props[k];
        const from = was && typeof was === 'object' && 'toString' in was ? String(was) : (was ?? null);
        if (k !== 'createdBy' && JSON.stringify(from) !== JSON.stringify(v)) changed[k] = { from, to: v };
      }
      this.history.set(eventId, { revised: { by: dataset, retractedClaimIds: stale, claimIds }, changed });
    } else this.graph.events.push(event);
    this.sources(record);
    const status = deriveClaimStatus({
      evidence: record.sources.map((s) => ({ id: s.id, publisher: s.publisher, citesIds: s.citesIds })),
      contradicted: false,
      notIndependentlyVerified: false,
    });
    record.claims.forEach((c, i) => {
      const id = claimIds[i]!;
      if (this.looked.claims.has(id)) return; // restored above
      if (existing) this.revisedClaims.push(id);
      this.graph.claims.push({
        id,
        text: c.text,
        quote: c.quote ?? null,
        status,
        notIndependentlyVerified: false,
        createdBy: this.by,
        assertedById: this.ctx.claimantId,
        reportedInIds: record.sources.map((s) => s.id),
        supportingIds: [],
        contradictingIds: [],
        about: {
          actorIds: [...new Set(actorIds.values())],
          placeIds: [placeId],
          eventIds: [eventId],
          sourceIds: [],
          claimIds: [],
        },
      });
      // Figures by side: side A's and B's are of the side's main actor; the others of a group.
      c.figures.forEach((f, j) => {
        const of = f.side ? record.actors.find((a) => a.side === f.side && !a.associated) : undefined;
        this.graph.figures.push({
          id: `figure:${id.slice('claim:'.length)}:${j}`,
          claimId: id,
          kind: f.kind,
          group: of ? null : (f.group ?? 'UNKNOWN'),
          low: f.low ?? null,
          high: f.high ?? null,
          best: f.best ?? null,
          approximate: null,
          eventId,
          ofId: of ? actorIds.get(of.name)! : null,
        });
      });
      if (i === 0) {
        this.graph.occurrences.push({ eventId, placeId, claimId: id, status });
        for (const a of record.actors)
          this.graph.participations.push({
            actorId: actorIds.get(a.name)!,
            eventId,
            role: a.role,
            claimId: id,
            status,
          });
      }
    });
    return existing ? 'updated' : 'created';
  }

  /** Each actor name → an id: the mapping file, then the names (one actor), else a new actor. */
  private actors(record: DatasetRecord): Map<string, string> {
    const ids = new Map<string, string>();
    for (const a of record.actors) {
      const key = nameKey('Actor', a.name);
      const mapped =
        this.ctx.mapping.actors.get(key) ?? this.ctx.resolvedActors.get(key) ?? this.tally.resolved.get(key);
      if (mapped) {
        ids.set(a.name, mapped);
        continue;
      }
      const named = this.looked.names.get(key) ?? [];
      if (named.length > 1)
        throw new RowRefused(
          `actor "${a.name}" names ${named.length} actors (${named.map((n) => n.id).join(', ')}): map it to one in the mapping file.`,
        );
      if (named.length === 1) ids.set(a.name, named[0]!.id);
    }
    return ids;
  }

  private commitActors(record: DatasetRecord, ids: Map<string, string>): void {
    for (const a of record.actors) {
      const key = nameKey('Actor', a.name);
      const known = ids.get(a.name);
      if (known) {
        this.tally.actorsMatched.add(known);
        this.tally.resolved.set(key, known);
        continue;
      }
      let id = idFromName('actor', a.name);
      for (let n = 2; this.looked.actorIds.has(id) || this.graph.actors.some((x) => x.id === id); n++)
        id = `${idFromName('actor', a.name)}-${n}`;
      this.graph.actors.push({ id, name: a.name, kind: a.kind, aliases: [], description: null });
      this.tally.actorsCreated.set(a.name, id);
      this.tally.resolved.set(key, id);
      ids.set(a.name, id);
    }
  }

  /** The row's place: its chain matched level by level within each parent; the rest created. */
  private place(record: DatasetRecord): string {
    const { gazetteer, mapping } = this.ctx;
    const path: string[] = [];
    let parentId: string | null = null;
    const chain = record.places;
    for (let i = 0; i < chain.length; i++) {
      const level = chain[i]!;
      path.push(level.name);
      // ACLED repeats a name down the levels (Bourem cercle › Bourem commune › Bourem): a level
      // named as the place it lies in is that place.
      const parent = parentId ? (gazetteer.get(parentId) ?? this.batchGazetteer.get(parentId)) : undefined;
      if (parent && matchKeyOf(parent.name) === matchKeyOf(level.name)) continue;
      const mapped =
        mapping.places.size > 0 ? mapping.places.get(path.map((n) => normaliseName(n)).join(' / ')) : undefined;
      const found: string[] = mapped
        ? [mapped]
        : [
            ...new Set([
              ...gazetteer.within(parentId, level.name),
              ...this.batchGazetteer.within(parentId, level.name),
            ]),
          ];
      if (found.length > 1)
        throw new RowRefused(
          `place "${level.name}" names ${found.length} places in ${parentId ?? 'the gazetteer'} (${found.join(', ')}): map it to one in the mapping file.`,
        );
      if (found.length === 1) {
        parentId = found[0]!;
        this.tally.placesMatched.add(parentId);
        continue;
      }
      // The location may lie deeper than the dataset's admin levels put it, inside the deepest
      // place matched (the seed's Léré lies in Niafunké circle, ACLED's in a commune of it).
      const last = chain[chain.length - 1]!;
      // Only below a matched region (country and admin1 at least), never across a whole country.
      const matched: string | null = i >= 2 ? parentId : null;
      if (matched) {
        const deeper = gazetteer.inside(matched, last.name);
        if (deeper.length === 1) {
          this.tally.placesMatched.add(deeper[0]!);
          return deeper[0]!;
        }
      }
      // Everything from here down is new (a level named as its parent still is its parent).
      let parentName = parent?.name ?? null;
      for (const fresh of chain.slice(i)) {
        if (parentName !== null && matchKeyOf(parentName) === matchKeyOf(fresh.name)) continue;
        const id = gazetteer.freeId(fresh.name, parentId, (x) => this.batchGazetteer.has(x));
        const place = { id, name: fresh.name, aliases: [], parentId };
        parentName = fresh.name;
        this.graph.places.push({ ...place, kind: fresh.kind, location: fresh.location ?? null });
        this.tally.places.push(place);
        this.batchGazetteer.add(place);
        parentId = place.id;
      }
      return parentId!;
    }
    return parentId!;
  }

  private sources(record: DatasetRecord): void {
    for (const s of record.sources) {
      if (this.looked.sources.has(s.id)) {
        this.tally.sourcesMatched.add(s.id);
        continue;
      }
      if (this.tally.sourceIds.has(s.id)) continue;
      this.tally.sourceIds.add(s.id);
      this.tally.sourcesCreated += 1;
      this.graph.sources.push({
        id: s.id,
        kind: s.kind,
        title: s.title,
        publisher: s.publisher,
        author: null,
        url: null,
        publishedAt: s.publishedAt,
        language: null,
        reliability: 'F',
        citesIds: s.citesIds.filter((c) => record.sources.some((x) => x.id === c)),
      });
    }
  }
}
