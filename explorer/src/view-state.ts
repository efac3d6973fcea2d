/**
 * The whole view in the address: the node drawn, its depth, the expanded nodes, the filters, the
 * time range, the selection and the path, so a link reopens the same picture and Back/Forward
 * step through views. One history entry per view: a change pushes one; restoring one (Back)
 * pushes none. The address is the fragment (#node=place:lere&depth=2&…), which the server never
 * sees; an old link (#place:lere) still opens that node.
 */
import type { NodeType } from './queries.js';

export const NODE_TYPES: NodeType[] = ['ACTOR', 'PLACE', 'EVENT', 'SOURCE', 'CLAIM'];

export interface ViewState {
  /** The node searched for; then the nodes expanded, each drawn to `depth` as well. */
  node: string | null;
  expanded: string[];
  depth: number;
  confirmedOnly: boolean;
  hiddenTypes: NodeType[];
  /** Provenance edges shown; null = the default (shown at depth 1, hidden beyond). */
  provenance: boolean | null;
  /** The time range (ISO instants); null bounds = open. */
  from: string | null;
  to: string | null;
  /** The selected node or edge. */
  selected: string | null;
  /** A path asked for, between two node ids. */
  path: [string, string] | null;
  /** On a narrow screen, the graph or the map. */
  show: 'graph' | 'map';
}

export const EMPTY_VIEW: ViewState = {
  node: null,
  expanded: [],
  depth: 2,
  confirmedOnly: false,
  hiddenTypes: [],
  provenance: null,
  from: null,
  to: null,
  selected: null,
  path: null,
  show: 'graph',
};

export const provenanceShown = (view: ViewState): boolean => view.provenance ?? view.depth <= 1;

export function encodeView(view: ViewState): string {
  if (!view.node) return '';
  const params = new URLSearchParams();
  params.set('node', view.node);
  params.set('depth', String(view.depth));
  if (view.expanded.length) params.set('expand', view.expanded.join(','));
  if (view.confirmedOnly) params.set('confirmed', '1');
  if (view.hiddenTypes.length) params.set('hide', view.hiddenTypes.join(','));
  if (view.provenance !== null) params.set('provenance', view.provenance ? 'on' : 'off');
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.selected) params.set('select', view.selected);
  if (view.path) params.set('path', view.path.join(','));
  if (view.show !== 'graph') params.set('show', view.show);
  return `#${params.toString()}`;
}

const list = (text: string | null): string[] => (text ? text.split(',').filter(Boolean) : []);

export function decodeView(hash: string): ViewState {
  const text = hash.replace(/^#/, '');
  if (!text) return { ...EMPTY_VIEW };
  // An old link: the fragment is a node id.
  if (!text.includes('=')) return { ...EMPTY_VIEW, node: decodeURIComponent(text) };
  const params = new URLSearchParams(text);
  const depth = Number(params.get('depth') ?? 2);
  const path = list(params.get('path'));
  const provenance = params.get('provenance');
  return {
    node: params.get('node'),
    expanded: list(params.get('expand')),
    depth: [1, 2, 3].includes(depth) ? depth : 2,
    confirmedOnly: params.get('confirmed') === '1',
    hiddenTypes: list(params.get('hide')).filter((t): t is NodeType => (NODE_TYPES as string[]).includes(t)),
    provenance: provenance === 'on' ? true : provenance === 'off' ? false : null,
    from: params.get('from'),
    to: params.get('to'),
    selected: params.get('select'),
    path: path.length === 2 ? [path[0]!, path[1]!] : null,
    show: params.get('show') === 'map' ? 'map' : 'graph',
  };
}

/** What has to be fetched again when the view changes (the rest is drawn from what is there). */
export const fetchKey = (view: ViewState): string =>
  JSON.stringify([view.node, view.expanded, view.depth, view.confirmedOnly]);
