/**
 * The SDL's enum values as runtime lists, for validating input that does not come through
 * GraphQL (the seed file, bulk imports). They are read from the enums that `npm run codegen`
 * generates from schema/, so a value added to the SDL is a value accepted here.
 */
import {
  ActorKind,
  ActorRelationKind,
  EventSubType,
  EventType,
  FigureGroup,
  FigureKind,
  ParticipantRole,
  PlaceKind,
  SourceKind,
  SourceReliability,
  TimePrecision,
} from '../generated/graphql.js';

/** An enum's values (in codegen's order: alphabetical), as the non-empty tuple zod's enum takes. */
function valuesOf<Enum extends Record<string, string>>(values: Enum): [Enum[keyof Enum], ...Enum[keyof Enum][]] {
  return Object.values(values) as [Enum[keyof Enum], ...Enum[keyof Enum][]];
}

export const ACTOR_KINDS = valuesOf(ActorKind);
export const ACTOR_RELATION_KINDS = valuesOf(ActorRelationKind);
export const PLACE_KINDS = valuesOf(PlaceKind);
export const SOURCE_KINDS = valuesOf(SourceKind);
export const SOURCE_RELIABILITIES = valuesOf(SourceReliability);
export const EVENT_TYPES = valuesOf(EventType);
export const EVENT_SUB_TYPES = valuesOf(EventSubType);
export const PARTICIPANT_ROLES = valuesOf(ParticipantRole);
export const TIME_PRECISIONS = valuesOf(TimePrecision);
export const FIGURE_KINDS = valuesOf(FigureKind);
export const FIGURE_GROUPS = valuesOf(FigureGroup);
