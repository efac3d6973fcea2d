/**
 * Plain-language names for the API's codes: event types, relationship kinds, roles, and each
 * claim status with a mark that does not rely on colour (✔ corroborated, ✖ disputed …). The
 * drawing, the panel, the legend and the lists all read these, so a code is named one way.
 */
import { humane } from './dom.js';
import type { ClaimStatus, DrawnEdge, DrawnNode } from './queries.js';

const EVENT_NAMES: Record<string, string> = {
  BATTLE: 'Battle',
  EXPLOSION_REMOTE_VIOLENCE: 'Explosion or remote violence',
  VIOLENCE_AGAINST_CIVILIANS: 'Violence against civilians',
  STRATEGIC_DEVELOPMENT: 'Strategic development',
  PROTEST: 'Protest',
  RIOT: 'Riot',
  ARMED_CLASH: 'Armed clash',
  NON_STATE_ACTOR_OVERTAKES_TERRITORY: 'Territory taken by an armed group',
  GOVERNMENT_REGAINS_TERRITORY: 'Territory regained by the government',
  AIRCRAFT_SHOT_DOWN: 'Aircraft shot down',
  AIR_DRONE_STRIKE: 'Air or drone strike',
  SHELLING_ARTILLERY_MISSILE_ATTACK: 'Shelling, artillery or missile attack',
  REMOTE_EXPLOSIVE: 'Remote explosive',
  ATTACK: 'Attack',
  ABDUCTION_FORCED_DISAPPEARANCE: 'Abduction or forced disappearance',
  AGREEMENT: 'Agreement',
  ALLIANCE_FORMED: 'Alliance formed',
  WITHDRAWAL: 'Withdrawal',
  ARREST_CAPTURE: 'Arrest or capture',
  SEARCH_OPERATION: 'Search operation',
  STATEMENT: 'Statement',
  LOOTING_PROPERTY_DESTRUCTION: 'Looting or destruction of property',
  OTHER: 'Other',
};

/** An event type or sub-type in plain words ("Territory taken by an armed group"). */
export const eventTypeName = (code: string | null | undefined): string =>
  code ? (EVENT_NAMES[code] ?? sentence(code)) : '';

/** The most telling name of an event's kind: its sub-type when it has one. */
export const eventKindName = (type: string, subType: string | null | undefined): string =>
  subType && subType !== 'OTHER' ? eventTypeName(subType) : eventTypeName(type);

const RELATION_NAMES: Record<string, string> = {
  PARTICIPATED_IN: 'took part in',
  OCCURRED_AT: 'happened at',
  LOCATED_IN: 'lies in',
  MEMBER_OF: 'member of',
  PART_OF: 'part of',
  ALLIED_WITH: 'allied with',
  OPPOSES: 'opposes',
  FOLLOWED_BY: 'followed by',
  ASSERTED_BY: 'asserted by',
  REPORTED_IN: 'reported in',
  ABOUT: 'about',
  SUPPORTS: 'supports',
  CONTRADICTS: 'contradicts',
  CITES: 'cites',
};

/** Relationships that record where a claim comes from, not a fact of the world. */
export const PROVENANCE_KINDS = new Set(['ASSERTED_BY', 'REPORTED_IN', 'ABOUT', 'SUPPORTS', 'CONTRADICTS', 'CITES']);

/** A relationship in plain words, with the role when there is one ("took part in as attacker"). */
export function relationName(kind: string, role?: string | null): string {
  const name = RELATION_NAMES[kind] ?? humane(kind);
  return role ? `${name} as ${humane(role)}` : name;
}

export interface StatusLook {
  /** A mark that tells the status apart without colour. */
  mark: string;
  name: string;
}

export const STATUS_LOOK: Record<ClaimStatus | 'NONE', StatusLook> = {
  CORROBORATED: { mark: '✔', name: 'corroborated' },
  REPORTED: { mark: '●', name: 'reported' },
  DISPUTED: { mark: '✖', name: 'disputed' },
  UNVERIFIED: { mark: '?', name: 'unverified' },
  NONE: { mark: '·', name: 'no fact stated (provenance)' },
};

/** ARMED_CLASH → "Armed clash". */
export const sentence = (code: string): string => {
  const words = humane(code);
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The label a node is drawn with: an event by its kind in plain words and its time. */
export function nodeLabel(node: DrawnNode): string {
  if (node.type !== 'EVENT' || !node.node.type) return node.label;
  const when = node.node.time?.label;
  return [eventKindName(node.node.type, node.node.subType), when].filter(Boolean).join(' · ');
}

export const edgeLabel = (edge: DrawnEdge): string =>
  `${STATUS_LOOK[edge.status ?? 'NONE'].mark} ${relationName(edge.kind, edge.role)}`;
