/**
 * A STIX 2.1 bundle of events, for OpenCTI and other threat-intelligence platforms:
 *
 * - each actor an `identity` (individual, group or organization), the events' places a `location`
 *   (a place without coordinates takes those of the nearest place it lies in), each event an
 *   `incident`, each source that reports the events' claims a `report` of the claims' notes;
 * - each participation a `related-to` relationship from the actor to the incident (its role as the
 *   description), each event's place a `located-at`;
 * - each claim a `note` (its text, by its claimant, about its event and actors) and an `opinion` on
 *   that note saying its status (CORROBORATED agree, REPORTED and UNVERIFIED neutral, DISPUTED
 *   disagree), by conflict-graph's own identity.
 *
 * STIX ids are derived from our ids (UUIDv4-shaped hashes), so the same graph exports the same ids; every object names our
 * id in an external reference. Streamed: objects are written as each page of events is read; the
 * reports, which gather notes across pages, come last.
 */
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { DbScope } from '../graph/core/database.js';
import type { EventFilter } from '../graph/read/event.js';
import { eventPages, toIso } from '../graph/read/export.js';
import { eventView } from './event-view.js';
import { put } from './write-out.js';

// Ids are hashes of our ids in UUIDv4's form (STIX asks SDO ids to look random; they must also stay
// the same from one export to the next, so a platform that imports twice updates, not duplicates).
const NAMESPACE = Buffer.from('6f2b2c3e5d8a4b1e9c7f0a1b2c3d4e5f', 'hex');

export function stixId(type: string, id: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(id).digest();
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${type}--${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const PRODUCER = stixId('identity', 'conflict-graph');
const EPOCH = '2023-01-01T00:00:00.000Z';
const stamp = (v: unknown) => toIso(v) ?? EPOCH;
const ref = (id: string) => [{ source_name: 'conflict-graph', external_id: id }];

const IDENTITY_CLASS: Record<string, string> = {
  PERSON: 'individual',
  ARMED_GROUP: 'group',
  COALITION: 'group',
  CIVILIAN_GROUP: 'group',
  ALLIANCE: 'group',
};
const OPINION: Record<string, string> = {
  CORROBORATED: 'agree',
  REPORTED: 'neutral',
  UNVERIFIED: 'neutral',
  DISPUTED: 'disagree',
};

export async function writeStix(db: DbScope, filter: EventFilter, out: Writable): Promise<number> {
  const bundleId = stixId('bundle', `bundle:${JSON.stringify(filter)}:${Date.now()}`);
  await put(out, `{"type":"bundle","id":"${bundleId}","objects":[\n`);
  let first = true;
  let count = 0;
  const emit = async (o: Record<string, unknown>) => {
    await put(out, `${first ? '' : ',\n'}${JSON.stringify({ spec_version: '2.1', ...o })}`);
    first = false;
    count += 1;
  };
  await emit({
    type: 'identity',
    id: PRODUCER,
    created: EPOCH,
    modified: EPOCH,
    name: 'conflict-graph',
    identity_class: 'system',
    description: 'The conflict-graph knowledge graph, which derives each claim’s status from its sources.',
  });
  const seen = new Set<string>();
  const once = (id: string) => !seen.has(id) && seen.add(id) !== undefined;
  const reports = new Map<string, { source: Record<string, unknown>; refs: Set<string> }>();
  const identity = async (id: string, name: string, kind: string | null) => {
    const sid = stixId('identity', id);
    if (once(sid))
      await emit({
        type: 'identity',
        id: sid,
        created: EPOCH,
        modified: EPOCH,
        name,
        identity_class: IDENTITY_CLASS[kind ?? ''] ?? 'organization',
        external_references: ref(id),
      });
    return sid;
  };

  for await (const page of eventPages(db, filter)) {
    for (const e of page) {
      const v = eventView(e);
      const created = stamp(e.props.createdAt);
      const modified = stamp(e.props.updatedAt);
      const incident = stixId('incident', v.id);
      await emit({
        type: 'incident',
        id: incident,
        created,
        modified,
        name: `${v.type.toLowerCase().replace(/_/g, ' ')}, ${v.timeLabel}${v.chain.length ? `, ${v.chain.slice().reverse().join(', ')}` : ''}`,
        description: v.description || v.id,
        labels: [v.type, ...(v.subType ? [v.subType] : []), ...(v.status ? [`status:${v.status}`] : [])].map((l) =>
          l.toLowerCase(),
        ),
        external_references: ref(v.id),
      });
      // Places, with the coordinates of the nearest located place at or above each.
      let place: string | null = null;
      for (let i = e.places.length - 1, inherited: { lat: number; lon: number } | null = null; i >= 0; i--) {
        const p = e.places[i]!;
        if (p.latitude !== null && p.longitude !== null) inherited = { lat: p.latitude, lon: p.longitude };
        if (!inherited) continue;
        const sid = stixId('location', p.id);
        if (i === 0) place = sid;
        if (once(sid))
          await emit({
            type: 'location',
            id: sid,
            created: EPOCH,
            modified: EPOCH,
            name: p.name,
            latitude: inherited.lat,
            longitude: inherited.lon,
            description: `${p.kind.toLowerCase()}${e.places[i + 1] ? ` in ${e.places[i + 1]!.name}` : ''}`,
            external_references: ref(p.id),
          });
      }
      if (place)
        await emit({
          type: 'relationship',
          id: stixId('relationship', `${v.id} OCCURRED_AT ${e.places[0]!.id}`),
          created,
          modified,
          relationship_type: 'located-at',
          source_ref: incident,
          target_ref: place,
        });
      const actors: string[] = [];
      for (const p of e.participants) {
        const sid = await identity(p.id, p.name, p.kind);
        actors.push(sid);
        await emit({
          type: 'relationship',
          id: stixId('relationship', `${p.id} PARTICIPATED_IN ${v.id} ${p.role}`),
          created,
          modified,
          relationship_type: 'related-to',
          source_ref: sid,
          target_ref: incident,
          description: `${p.name} took part as ${p.role.toLowerCase()} (${p.status.toLowerCase()}).`,
        });
      }
      for (const c of e.claims) {
        const note = stixId('note', c.id);
        if (!once(note)) continue;
        const author = c.claimantId ? await identity(c.claimantId, c.claimant ?? c.claimantId, c.claimantKind) : null;
        const noteCreated = stamp(c.createdAt);
        await emit({
          type: 'note',
          id: note,
          created: noteCreated,
          modified: stamp(c.updatedAt),
          ...(author ? { created_by_ref: author } : {}),
          abstract: c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text,
          content: c.text,
          ...(c.claimant ? { authors: [c.claimant] } : {}),
          object_refs: [incident, ...new Set(actors)],
          labels: [`status:${c.status.toLowerCase()}`],
          external_references: ref(c.id),
        });
        await emit({
          type: 'opinion',
          id: stixId('opinion', c.id),
          created: noteCreated,
          modified: noteCreated,
          created_by_ref: PRODUCER,
          opinion: OPINION[c.status] ?? 'neutral',
          explanation: `conflict-graph derives the status ${c.status} from the claim's sources (${c.sources.length} source${c.sources.length === 1 ? '' : 's'}).`,
          object_refs: [note],
        });
        for (const s of c.sources) {
          const r = reports.get(s.id) ?? reports.set(s.id, { source: s as never, refs: new Set() }).get(s.id)!;
          r.refs.add(note);
          r.refs.add(incident);
        }
      }
    }
  }
  for (const [id, { source, refs }] of reports) {
    const created = stamp(source.createdAt);
    await emit({
      type: 'report',
      id: stixId('report', id),
      created,
      modified: created,
      name: String(source.title ?? id),
      published: stamp(source.publishedAt ?? source.createdAt),
      ...(source.publisher
        ? { description: `Published by ${String(source.publisher)} (${String(source.kind).toLowerCase()}).` }
        : {}),
      object_refs: [...refs],
      external_references: ref(id),
    });
  }
  await put(out, '\n]}\n');
  return count;
}
