/**
 * One DataLoader per relationship, created per request so batches and caches never cross
 * requests. Each domain's graph module provides the batch function (one query for the whole
 * batch); this file only wires them. Loaders whose relationship takes arguments (a role, a page)
 * are keyed by the parent id plus those arguments, and batch the parents that share them.
 */
import DataLoader from 'dataloader';
import { actorsByIds, relationsOfActors, type ActorRelations } from '../graph/read/actor.js';
import {
  participationsWithReads,
  type ParticipationReads,
  type ParticipationsBatch,
} from '../graph/read/actor-participations.js';
import { argumentKey, byArguments } from '../graph/core/batches.js';
import { checkIds, type IdReference, type UnknownId } from '../graph/core/known-ids.js';
import {
  aboutOfClaims,
  claimsByIds,
  claimsOfParents,
  evidenceOfClaims,
  type ClaimProvenance,
  type ClaimParentLink,
} from '../graph/read/claim.js';
import type { DbScope } from '../graph/core/database.js';
import { stancesOfClaims, type ClaimStances } from '../graph/read/claim-stance.js';
import { figuresOfClaims, figuresOfEvents, type FigureObject } from '../graph/read/figure.js';
import {
  claimsOfEvents,
  type EventClaimLink,
  eventsByIds,
  linksOfEvents,
  participantsOfEvents,
  placesOfEvents,
  type EventLinks,
  type EventPlace,
} from '../graph/read/event.js';
import type {
  ActorObject,
  ClaimObject,
  DomainObject,
  EventObject,
  ParticipationObject,
  PlaceObject,
  SourceObject,
} from '../graph/core/mapping.js';
import type { Connection, PageMaybeCounted, PageParams } from '../graph/core/pagination.js';
import {
  eventsAtPlaces,
  hierarchyOfPlaces,
  parentsOfPlaces,
  placesByIds,
  type PlaceHierarchy,
} from '../graph/read/place.js';
import { linksOfSources, sourcesByIds, type SourceLinks } from '../graph/read/source.js';

export interface ParticipationsKey {
  id: string;
  role: string | null;
  page: PageParams;
  /** What the selection reads besides the page (src/resolvers/read-ahead.ts plans it). */
  reads: ParticipationReads;
}
export interface PlaceEventsKey {
  id: string;
  includeInside: boolean;
  page: PageParams;
}
export interface ParticipantsKey {
  id: string;
  role: string | null;
}
export interface EventClaimsKey {
  id: string;
  statuses: readonly string[] | null;
  includeRetracted: boolean;
  link: EventClaimLink | null;
}
export interface ClaimPageKey {
  id: string;
  includeRetracted: boolean;
  page: PageParams;
}

export interface Loaders {
  actorById: DataLoader<string, ActorObject | null>;
  placeById: DataLoader<string, PlaceObject | null>;
  eventById: DataLoader<string, EventObject | null>;
  sourceById: DataLoader<string, SourceObject | null>;
  claimById: DataLoader<string, ClaimObject | null>;

  actorParticipations: DataLoader<ParticipationsKey, PageMaybeCounted<ParticipationObject>, string>;
  actorRelations: DataLoader<string, ActorRelations>;
  claimsAssertedBy: DataLoader<ClaimPageKey, Connection<ClaimObject>, string>;
  claimsAboutActor: DataLoader<ClaimPageKey, Connection<ClaimObject>, string>;

  placeParent: DataLoader<string, PlaceObject | null>;
  placeHierarchy: DataLoader<string, PlaceHierarchy>;
  placeEvents: DataLoader<PlaceEventsKey, Connection<EventObject>, string>;

  eventPlace: DataLoader<string, EventPlace>;
  eventParticipants: DataLoader<ParticipantsKey, ParticipationObject[], string>;
  eventClaims: DataLoader<EventClaimsKey, ClaimObject[], string>;
  eventLinks: DataLoader<string, EventLinks>;
  eventFigures: DataLoader<string, FigureObject[]>;

  sourceLinks: DataLoader<string, SourceLinks>;
  claimsReportedIn: DataLoader<ClaimPageKey, Connection<ClaimObject>, string>;

  claimEvidence: DataLoader<string, ClaimProvenance>;
  claimAbout: DataLoader<string, DomainObject[]>;
  claimFigures: DataLoader<string, FigureObject[]>;
  claimStances: DataLoader<string, ClaimStances>;

  /** Ids a lookup found nothing for: null when one exists after all, else the suggestion (known-ids.ts). */
  unknownId: DataLoader<IdReference, UnknownId | null, string>;
}

/** A loader keyed by parent id alone. */
const byId = <T>(batch: (ids: readonly string[]) => Promise<T[]>) => new DataLoader<string, T>(batch);

/** A loader keyed by parent id and arguments; parents sharing arguments share a query. */
function withArguments<K extends { id: string }, T>(load: (ids: string[], args: Omit<K, 'id'>) => Promise<T[]>) {
  return new DataLoader<K, T, string>((keys) => byArguments(keys, load), { cacheKeyFn: argumentKey });
}

/**
 * Primes actorById with the actors a participations batch read (whole). What it read of the next
 * levels stays on the objects read (see src/resolvers/read-ahead.ts): it may hold only the
 * properties selected along that path, so it is not primed where another path could read it.
 */
function primeFromParticipations(loaders: Loaders, ids: readonly string[], batch: ParticipationsBatch): void {
  ids.forEach((id, i) => loaders.actorById.prime(id, batch.pages[i]?.actor ?? null));
}

/** Figures are read with their claims and actors, whole: those answer Figure.claim and Figure.of too. */
function primeFromFigures(loaders: Loaders, batch: FigureObject[][]): FigureObject[][] {
  for (const figure of batch.flat()) {
    loaders.claimById.prime(figure.claim.id, figure.claim);
    if (figure.of) loaders.actorById.prime(figure.of.id, figure.of);
    if (figure.claimant) loaders.actorById.prime(figure.claimant.id, figure.claimant);
  }
  return batch;
}

export function createLoaders(db: DbScope): Loaders {
  const claimPages = (link: ClaimParentLink) =>
    withArguments<ClaimPageKey, Connection<ClaimObject>>((ids, { includeRetracted, page }) =>
      claimsOfParents(db, link, ids, includeRetracted, page),
    );
  const loaders: Loaders = {
    actorById: byId((ids) => actorsByIds(db, ids)),
    placeById: byId((ids) => placesByIds(db, ids)),
    eventById: byId((ids) => eventsByIds(db, ids)),
    sourceById: byId((ids) => sourcesByIds(db, ids)),
    claimById: byId((ids) => claimsByIds(db, ids)),

    actorParticipations: withArguments<ParticipationsKey, PageMaybeCounted<ParticipationObject>>(
      async (ids, { role, page, reads }) => {
        const batch = await participationsWithReads(db, ids, role, page, reads);
        primeFromParticipations(loaders, ids, batch);
        return batch.pages.map((p) => p.connection);
      },
    ),
    actorRelations: byId((ids) => relationsOfActors(db, ids)),
    claimsAssertedBy: claimPages('ASSERTED_BY'),
    claimsAboutActor: claimPages('ABOUT'),

    placeParent: byId(async (ids) => {
      const parents = await parentsOfPlaces(db, ids);
      for (const parent of parents) if (parent) loaders.placeById.prime(parent.id, parent);
      return parents;
    }),
    placeHierarchy: byId((ids) => hierarchyOfPlaces(db, ids)),
    placeEvents: withArguments<PlaceEventsKey, Connection<EventObject>>((ids, { includeInside, page }) =>
      eventsAtPlaces(db, ids, includeInside, page),
    ),

    eventPlace: byId((ids) => placesOfEvents(db, ids)),
    eventParticipants: withArguments<ParticipantsKey, ParticipationObject[]>((ids, { role }) =>
      participantsOfEvents(db, ids, role),
    ),
    eventClaims: withArguments<EventClaimsKey, ClaimObject[]>((ids, { statuses, includeRetracted, link }) =>
      claimsOfEvents(db, ids, statuses, includeRetracted, link),
    ),
    eventLinks: byId((ids) => linksOfEvents(db, ids)),
    eventFigures: byId(async (ids) => primeFromFigures(loaders, await figuresOfEvents(db, ids))),

    sourceLinks: byId((ids) => linksOfSources(db, ids)),
    claimsReportedIn: claimPages('REPORTED_IN'),

    claimEvidence: byId((ids) => evidenceOfClaims(db, ids)),
    claimAbout: byId((ids) => aboutOfClaims(db, ids)),
    claimFigures: byId(async (ids) => primeFromFigures(loaders, await figuresOfClaims(db, ids))),
    claimStances: byId((ids) => stancesOfClaims(db, ids)),

    unknownId: new DataLoader<IdReference, UnknownId | null, string>((refs) => checkIds(db, refs), {
      cacheKeyFn: argumentKey,
    }),
  };
  return loaders;
}
