/**
 * How the graph looks: nodes coloured and shaped by type, edges styled by the status of the
 * claims behind them. The legend is drawn from the same tables, so it cannot drift.
 */
import type { StylesheetJson } from 'cytoscape';
import type { ClaimStatus, NodeType } from './queries.js';

export const NODE_LOOK: Record<NodeType, { colour: string; shape: string; name: string }> = {
  ACTOR: { colour: '#2f6fb0', shape: 'ellipse', name: 'Actor' },
  PLACE: { colour: '#2e8b57', shape: 'round-triangle', name: 'Place' },
  EVENT: { colour: '#d9822b', shape: 'diamond', name: 'Event' },
  SOURCE: { colour: '#7a5ea8', shape: 'round-rectangle', name: 'Source' },
  CLAIM: { colour: '#b8a03a', shape: 'round-tag', name: 'Claim' },
};

export const EDGE_LOOK: Record<
  ClaimStatus | 'NONE',
  { colour: string; line: 'solid' | 'dashed' | 'dotted'; name: string }
> = {
  CORROBORATED: { colour: '#333333', line: 'solid', name: 'corroborated' },
  REPORTED: { colour: '#555555', line: 'dashed', name: 'reported' },
  DISPUTED: { colour: '#c0392b', line: 'solid', name: 'disputed' },
  UNVERIFIED: { colour: '#666666', line: 'dotted', name: 'unverified' },
  NONE: { colour: '#bbbbbb', line: 'solid', name: 'no fact stated (provenance)' },
};

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(short)',
      'font-size': 11,
      // Labels too small to read are not drawn: a big drawing stays fast and legible when zoomed out.
      'min-zoomed-font-size': 7,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      width: 26,
      height: 26,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(NODE_LOOK).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.colour, shape: look.shape as 'ellipse' },
  })),
  { selector: 'node[type = "CLAIM"]', style: { width: 16, height: 16, 'font-size': 9 } },
  { selector: 'node.seed', style: { width: 36, height: 36, 'border-width': 3, 'border-color': '#111111' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      label: 'data(label)',
      'font-size': 8,
      'min-zoomed-font-size': 6,
      color: '#444444',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      'line-color': EDGE_LOOK.NONE.colour,
      'target-arrow-color': EDGE_LOOK.NONE.colour,
    },
  },
  ...(['CORROBORATED', 'REPORTED', 'DISPUTED', 'UNVERIFIED'] as const).map((status) => ({
    selector: `edge[status = "${status}"]`,
    style: {
      width: status === 'CORROBORATED' ? 3 : 2,
      'line-style': EDGE_LOOK[status].line,
      'line-color': EDGE_LOOK[status].colour,
      'target-arrow-color': EDGE_LOOK[status].colour,
    },
  })),
  {
    selector: ':selected',
    style: { 'overlay-color': '#f5c518', 'overlay-opacity': 0.35, 'overlay-padding': 6 },
  },
];
