/**
 * How the graph looks: nodes coloured and shaped by type, edges styled by the status of the
 * claims behind them, each status with its own line (not colour alone) and its mark in the label.
 * The legend is drawn from the same tables, so it cannot drift.
 */
import type { StylesheetJson } from 'cytoscape';
import type { ClaimStatus, NodeType } from './queries.js';

// Colours dark enough for white text on them (WCAG AA, 4.5:1), as the badges use them too.
export const NODE_LOOK: Record<NodeType, { colour: string; shape: string; name: string }> = {
  ACTOR: { colour: '#1f5f9e', shape: 'ellipse', name: 'Actor' },
  PLACE: { colour: '#1e6b43', shape: 'round-triangle', name: 'Place' },
  EVENT: { colour: '#a34f00', shape: 'diamond', name: 'Event' },
  SOURCE: { colour: '#5f4490', shape: 'round-rectangle', name: 'Source' },
  CLAIM: { colour: '#6b5a00', shape: 'round-tag', name: 'Claim' },
};

export const EDGE_LOOK: Record<
  ClaimStatus | 'NONE',
  { colour: string; line: 'solid' | 'dashed' | 'dotted'; dash?: number[]; width: number }
> = {
  CORROBORATED: { colour: '#222222', line: 'solid', width: 3 },
  REPORTED: { colour: '#555555', line: 'dashed', dash: [6, 3], width: 2 },
  DISPUTED: { colour: '#c0392b', line: 'dashed', dash: [10, 3, 2, 3], width: 2.5 },
  UNVERIFIED: { colour: '#666666', line: 'dotted', width: 2 },
  NONE: { colour: '#9aa0a6', line: 'solid', width: 1.2 },
};

export const graphStyle: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(short)',
      'font-size': 14,
      color: '#1d2329',
      // Labels too small to read are not drawn at all (zoom in, or use the list of what is in view).
      'min-zoomed-font-size': 9,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      width: 28,
      height: 28,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(NODE_LOOK).map(([type, look]) => ({
    selector: `node[type = "${type}"]`,
    style: { 'background-color': look.colour, shape: look.shape as 'ellipse' },
  })),
  { selector: 'node[type = "CLAIM"]', style: { width: 18, height: 18, 'font-size': 11 } },
  { selector: 'node.seed', style: { width: 38, height: 38, 'border-width': 3, 'border-color': '#111111' } },
  {
    selector: 'edge',
    style: {
      width: EDGE_LOOK.NONE.width,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      label: 'data(label)',
      'font-size': 11,
      'min-zoomed-font-size': 9,
      color: '#333333',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'line-color': EDGE_LOOK.NONE.colour,
      'target-arrow-color': EDGE_LOOK.NONE.colour,
    },
  },
  ...(['CORROBORATED', 'REPORTED', 'DISPUTED', 'UNVERIFIED'] as const).map((status) => ({
    selector: `edge[status = "${status}"]`,
    style: {
      width: EDGE_LOOK[status].width,
      'line-style': EDGE_LOOK[status].line,
      ...(EDGE_LOOK[status].dash ? { 'line-dash-pattern': EDGE_LOOK[status].dash } : {}),
      'line-color': EDGE_LOOK[status].colour,
      'target-arrow-color': EDGE_LOOK[status].colour,
    },
  })),
  { selector: '.hidden', style: { display: 'none' } },
  { selector: '.faded', style: { opacity: 0.25 } },
  {
    selector: 'edge.on-path',
    style: { width: 5, 'line-color': '#0b5cad', 'target-arrow-color': '#0b5cad', 'z-index': 10 },
  },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#0b5cad' } },
  {
    selector: '.chosen',
    style: { 'overlay-color': '#f5c518', 'overlay-opacity': 0.45, 'overlay-padding': 8 },
  },
];
