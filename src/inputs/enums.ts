/**
 * The SDL's enum values as runtime lists, for validating input that does not come through
 * GraphQL (the seed file, bulk imports). `Exhaustive` makes the build fail when the SDL gains a
 * value these lists lack.
 */
import type {
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

type Exhaustive<All extends string, Listed extends readonly string[]> = [Exclude<All, Listed[number]>] extends [never]
  ? Listed
  : never;

function values<All extends string>() {
  return <const Listed extends readonly [All, ...All[]]>(listed: Exhaustive<All, Listed>): Listed => listed;
}

export const ACTOR_KINDS = values<ActorKind>()([
  'ARMED_GROUP',
  'COALITION',
  'STATE',
  'STATE_FORCE',
  'GOVERNMENT',
  'PRIVATE_MILITARY_COMPANY',
  'ALLIANCE',
  'PERSON',
  'CIVILIAN_GROUP',
  'ORGANIZATION',
]);
export const ACTOR_RELATION_KINDS = values<ActorRelationKind>()(['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES']);
export const PLACE_KINDS = values<PlaceKind>()(['COUNTRY', 'REGION', 'CIRCLE', 'TOWN', 'MILITARY_BASE', 'AREA']);
export const SOURCE_KINDS = values<SourceKind>()([
  'ARTICLE',
  'OFFICIAL_STATEMENT',
  'SPOKESPERSON',
  'LOCAL_CIVILIAN',
  'SECURITY_SOURCE',
  'VIDEO',
  'IMAGE',
  'OTHER',
]);
export const SOURCE_RELIABILITIES = values<SourceReliability>()(['A', 'B', 'C', 'D', 'E', 'F']);
export const EVENT_TYPES = values<EventType>()([
  'BATTLE',
  'EXPLOSION_REMOTE_VIOLENCE',
  'VIOLENCE_AGAINST_CIVILIANS',
  'STRATEGIC_DEVELOPMENT',
  'PROTEST',
  'RIOT',
]);
export const EVENT_SUB_TYPES = values<EventSubType>()([
  'ARMED_CLASH',
  'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
  'GOVERNMENT_REGAINS_TERRITORY',
  'AIRCRAFT_SHOT_DOWN',
  'AIR_DRONE_STRIKE',
  'SHELLING_ARTILLERY_MISSILE_ATTACK',
  'REMOTE_EXPLOSIVE',
  'ATTACK',
  'ABDUCTION_FORCED_DISAPPEARANCE',
  'AGREEMENT',
  'ALLIANCE_FORMED',
  'WITHDRAWAL',
  'ARREST_CAPTURE',
  'SEARCH_OPERATION',
  'STATEMENT',
  'LOOTING_PROPERTY_DESTRUCTION',
  'OTHER',
]);
export const PARTICIPANT_ROLES = values<ParticipantRole>()([
  'ATTACKER',
  'TARGET',
  'DEFENDER',
  'SIGNATORY',
  'CAPTOR',
  'CAPTIVE',
  'SPEAKER',
  'ACCUSER',
  'ACCUSED',
  'WITHDRAWING',
  'OTHER',
]);
export const TIME_PRECISIONS = values<TimePrecision>()([
  'EXACT',
  'MINUTE',
  'HOUR',
  'PART_OF_DAY',
  'DAY',
  'WEEK',
  'MONTH',
  'YEAR',
  'UNKNOWN',
]);
export const FIGURE_KINDS = values<FigureKind>()(['KILLED', 'INJURED', 'CAPTURED', 'MISSING']);
export const FIGURE_GROUPS = values<FigureGroup>()(['CIVILIANS', 'UNKNOWN']);
