/**
 * The graph as our own JSON: importClaims' input (actors, places, sources, claims), which
 * `npm run import -- --format json` reads back. Each event is defined by the first claim about it
 * (its type, time, description, place) and completed by the later ones (participants, links); a
 * claim's relations, figures, evidence and what else it is about come with it. Retracted claims
 * are left out (an import cannot state a retraction). Events' dataset codes and geo precision are
 * not part of importClaims' input and do not travel.
 */
import type { Writable } from 'node:stream';
import type { DbScope } from '../graph/core/database.js';
import { allActors, allPlaces, allSources, claimPages, type ClaimRead } from '../graph/read/export-claims.js';
import { toIso } from '../graph/read/export.js';
import { put } from './write-out.js';

const defined = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;

function point(location: unknown) {
  const p = location as { x?: number; y?: number } | null | undefined;
  return p && typeof p.x === 'number' && typeof p.y === 'number' ? { latitude: p.y, longitude: p.x } : null;
}

function claimInput(c: ClaimRead, definedEvents: Set<string>): Record<string, unknown> {
  const p = c.props;
  const events: Record<string, unknown>[] = [];
  const linked = new Set<string>();
  // A figure counts an event the claim states (events[]), not one it is only about.
  const counted = new Set(c.figures.map((f) => f.eventId));
  for (const e of c.events) {
    const id = String(e.id);
    const participants = c.participations
      .filter((x) => x.event === id)
      .map((x) => ({ actor: { id: x.actor }, role: x.role }));
    const partOf = c.links.find((l) => l.kind === 'PART_OF' && l.from === id);
    const follows = c.links.find((l) => l.kind === 'FOLLOWED_BY' && l.to === id);
    const links = defined({ partOfId: partOf?.to, followsId: follows?.from });
    if (!definedEvents.has(id)) {
      definedEvents.add(id);
      const place = c.occurrences.find((o) => o.event === id);
      events.push(
        defined({
          id,
          type: e.type,
          subType: e.subType,
          time: defined({
            start: toIso(e.startTime),
            end: toIso(e.endTime),
            precision: e.timePrecision ?? 'UNKNOWN',
            label: e.timeLabel,
          }),
          description: e.description,
          place: place ? { id: place.place } : null,
          participants: participants.length > 0 ? participants : null,
          ...links,
        }),
      );
      linked.add(id);
    } else if (participants.length > 0 || Object.keys(links).length > 0 || counted.has(id)) {
      events.push(defined({ id, participants: participants.length > 0 ? participants : null, ...links }));
      linked.add(id);
    }
  }
  const relationActors = new Set(c.relations.flatMap((r) => [r.from, r.to]));
  const aboutOf = (label: string) => c.about.filter((a) => a.label === label).map((a) => a.id);
  const about = defined({
    actors: aboutOf('Actor')
      .filter((id) => !relationActors.has(id))
      .map((id) => ({ id })),
    places: aboutOf('Place').map((id) => ({ id })),
    eventIds: aboutOf('Event').filter((id) => !linked.has(id)),
    claimIds: aboutOf('Claim'),
  });
  for (const k of Object.keys(about) as (keyof typeof about)[])
    if ((about[k] as unknown[]).length === 0) delete about[k];
  return defined({
    id: p.id,
    text: p.text,
    quote: p.quote,
    assertedBy: c.assertedById ? { id: c.assertedById } : null,
    sourceIds: c.reportedIn,
    supportingSourceIds: c.supporting.length > 0 ? c.supporting : null,
    contradictingSourceIds: c.contradicting.length > 0 ? c.contradicting : null,
    notIndependentlyVerified: p.notIndependentlyVerified === true ? true : null,
    events: events.length > 0 ? events : null,
    relations:
      c.relations.length > 0
        ? c.relations.map((r) => ({ from: { id: r.from }, kind: r.kind, to: { id: r.to } }))
        : null,
    figures:
      c.figures.length > 0
        ? c.figures.map((f) =>
            defined({ ...f, of: f.of ? { id: f.of } : null, eventId: c.events.length > 1 ? f.eventId : null }),
          )
        : null,
    about: Object.keys(about).length > 0 ? about : null,
  });
}

export async function writeJson(db: DbScope, out: Writable): Promise<number> {
  await put(out, '{\n"actors": [');
  let n = 0;
  const list = async <T>(items: T[], map: (item: T) => unknown) => {
    for (const [i, item] of items.entries()) await put(out, `${i === 0 ? '\n' : ',\n'}${JSON.stringify(map(item))}`);
  };
  await list(await allActors(db), (a) =>
    defined({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, description: a.description }),
  );
  await put(out, '\n],\n"places": [');
  await list(await allPlaces(db), (p) =>
    defined({
      id: p.id,
      name: p.name,
      kind: p.kind,
      aliases: p.aliases,
      location: point(p.location),
      parentId: p.parentId,
    }),
  );
  await put(out, '\n],\n"sources": [');
  await list(await allSources(db), (s) =>
    defined({
      id: s.id,
      kind: s.kind,
      title: s.title,
      publisher: s.publisher,
      author: s.author,
      url: s.url,
      publishedAt: toIso(s.publishedAt),
      language: s.language,
      reliability: s.reliability,
      citesIds: s.citesIds.length > 0 ? s.citesIds : null,
    }),
  );
  await put(out, '\n],\n"claims": [');
  const definedEvents = new Set<string>();
  // A claim that links an event defined by a later claim waits for it (claims added in the same
  // instant have no order of their own).
  const ready = (c: ClaimRead) =>
    c.links
      .flatMap((l) => [l.from, l.to])
      .every((id) => definedEvents.has(id) || c.events.some((e) => String(e.id) === id));
  let waiting: ClaimRead[] = [];
  const emit = async (c: ClaimRead) => {
    await put(out, `${n === 0 ? '\n' : ',\n'}${JSON.stringify(claimInput(c, definedEvents))}`);
    n += 1;
  };
  const flushWaiting = async (all = false) => {
    for (let progress = true; progress && waiting.length > 0;) {
      progress = false;
      const still: ClaimRead[] = [];
      for (const c of waiting)
        if (ready(c)) {
          await emit(c);
          progress = true;
        } else still.push(c);
      waiting = still;
    }
    if (all) for (const c of waiting.splice(0)) await emit(c);
  };
  for await (const page of claimPages(db)) {
    for (const c of page) {
      if (ready(c)) await emit(c);
      else waiting.push(c);
      await flushWaiting();
    }
  }
  await flushWaiting(true);
  await put(out, '\n]\n}\n');
  return n;
}
