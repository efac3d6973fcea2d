/**
 * The explorer page: search → a neighbourhood drawn on the graph and the map → details, paths,
 * the time axis, filters and the researcher's add-claim form. The whole view lives in the address
 * (view-state.ts): every change is one history entry, so Back and Forward work and a link opens
 * the same picture. A redraw keeps the old drawing until the new data arrives; a failed request
 * says so and leaves it. It talks to the API only through GraphQL (api.ts), as any client would.
 */
import { graphql } from './api.js';
import { ClaimForm } from './claim-form.js';
import { problemList } from './claim-view.js';
import { DetailsPanel } from './details-panel.js';
import { h } from './dom.js';
import { GraphCanvas, MAX_DRAWN_NODES, type Selection } from './graph-canvas.js';
import { EDGE_LOOK, NODE_LOOK } from './graph-style.js';
import { InViewList } from './in-view-list.js';
import { nodeLabel, STATUS_LOOK } from './labels.js';
import { MapView } from './map-view.js';
import { renderPath } from './path-view.js';
import {
  NEIGHBOURHOOD,
  PATH_BETWEEN,
  type DrawnNode,
  type GraphPath,
  type GraphView,
  type NodeType,
} from './queries.js';
import { SearchBox } from './search-box.js';
import { TimeAxis } from './time-axis.js';
import { overlaps, type Range } from './time.js';
import { decodeView, encodeView, fetchKey, provenanceShown, type ViewState } from './view-state.js';

/** Nodes asked of the API per neighbourhood; the API sets `capped` when there are more. */
const NEIGHBOURHOOD_LIMIT = 150;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page lacks #${id}.`);
  return element as T;
};

let view: ViewState = decodeView(location.hash);
/** What the drawing holds now: the fetch key it was drawn for (null before any drawing). */
let drawnFor: string | null = null;
let capped = false;
let refused = 0;
let failure: HTMLElement | null = null;
/** The path drawn, for the view's `path`. */
let pathDrawn: { key: string; path: GraphPath | null } | null = null;
/** The first end of a path being picked (not a view until the second end is picked). */
let pathStart: string | null = null;
/** Bumped to redraw from the API even when the view did not change (after a new claim). */
let revision = 0;

const statusLine = byId<HTMLParagraphElement>('view-status');
const depthSelect = byId<HTMLSelectElement>('depth');
const confirmedOnly = byId<HTMLInputElement>('confirmed-only');
const provenanceBox = byId<HTMLInputElement>('provenance');
const typeBoxes = [...document.querySelectorAll<HTMLInputElement>('.types input[data-type]')];
const side = byId('side');
const sheetToggle = byId<HTMLButtonElement>('sheet-toggle');
const views = byId('views');

const canvas = new GraphCanvas(
  byId('graph'),
  (selection) => selectFrom(selection),
  (id) => expand(id),
);
const map = new MapView(byId('map'), (id) => selectId(id, { centre: true, centreMap: false }));
const axis = new TimeAxis(
  byId('time-axis'),
  (range) =>
    change({
      from: range ? new Date(range.from).toISOString() : null,
      to: range ? new Date(range.to).toISOString() : null,
    }),
  (id) => selectId(id, { centre: true }),
);
const inView = new InViewList(byId<HTMLUListElement>('in-view'), (id) => selectId(id, { centre: true }));
const panel = new DetailsPanel(byId('details'), {
  expand: (id) => expand(id),
  useInClaim: (node) => {
    claimForm.use(node);
    openSheet(true);
    const form = byId('add-claim');
    form.scrollIntoView({ block: 'start' });
    form.querySelector<HTMLElement>('textarea, input')?.focus({ preventScroll: true });
  },
  labelOf: (id) => {
    const node = canvas.node(id);
    return node ? nodeLabel(node) : id;
  },
  focusNode: (id) => focusNode(id),
  openEdge: (edge) => selectId(edge.id, { centre: true }),
  edgesOf: (id) => canvas.edgesOf(id).filter((e) => canvas.cy.getElementById(e.id).hasClass('hidden') === false),
  pathFrom: (id) => {
    pathStart = id;
    void showSelection(true);
  },
  pathTo: (id) => {
    if (pathStart) change({ path: [pathStart, id] });
    pathStart = null;
  },
  pathStart: () => pathStart,
});
const claimForm = new ClaimForm(
  byId<HTMLFormElement>('claim-form'),
  byId<HTMLInputElement>('api-key'),
  (id) => canvas.node(id)?.type,
  () => {
    // A new claim: draw again from the API, and the panel too.
    revision += 1;
    panelFor = null;
    void apply();
  },
);
new SearchBox(
  byId<HTMLFormElement>('search'),
  byId<HTMLInputElement>('search-text'),
  byId<HTMLUListElement>('search-hits'),
  (hit) => change({ node: hit.node.id, expanded: [], selected: hit.node.id, path: null, from: null, to: null }),
);

// The controls: each change is a new view.
depthSelect.addEventListener('change', () => change({ depth: Number(depthSelect.value) }));
confirmedOnly.addEventListener('change', () => change({ confirmedOnly: confirmedOnly.checked }));
provenanceBox.addEventListener('change', () => change({ provenance: provenanceBox.checked }));
for (const box of typeBoxes) {
  box.addEventListener('change', () =>
    change({ hiddenTypes: typeBoxes.filter((b) => !b.checked).map((b) => b.dataset['type'] as NodeType) }),
  );
}
byId('show-graph').addEventListener('click', () => change({ show: 'graph' }));
byId('show-map').addEventListener('click', () => change({ show: 'map' }));
byId('fit').addEventListener('click', () => {
  canvas.fit();
  map.fit();
});
byId('zoom-in').addEventListener('click', () => canvas.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => canvas.zoomBy(0.8));
byId('export-png').addEventListener('click', () => void exportPng());
byId('export-json').addEventListener('click', () => exportJson());
// The skip link moves the focus; it must not change the address (the address is the view).
document.querySelector('.skip')?.addEventListener('click', (event) => {
  event.preventDefault();
  openSheet(true);
  byId('in-view-box').setAttribute('open', '');
  inView.focusCurrent();
});
sheetToggle.addEventListener('click', () => openSheet(side.dataset['open'] !== 'true'));
// Back, Forward, or an address edited by hand: the view follows the address.
const followAddress = (): void => {
  if (location.hash === encodeView(view)) return;
  view = decodeView(location.hash);
  void apply();
};
window.addEventListener('popstate', followAddress);
window.addEventListener('hashchange', followAddress);

/** A new view: one history entry (a selection alone replaces the entry instead). */
function change(patch: Partial<ViewState>, options: { replace?: boolean } = {}): void {
  view = { ...view, ...patch };
  const address = encodeView(view) || location.pathname;
  if (address !== location.hash) {
    if (options.replace) history.replaceState(null, '', address);
    else history.pushState(null, '', address);
  }
  void apply();
}

function expand(id: string): void {
  if (id === view.node || view.expanded.includes(id)) return void showSelection(false);
  change({ expanded: [...view.expanded, id], selected: id });
}

function selectFrom(selection: Selection): void {
  if (!selection) return change({ selected: null }, { replace: true });
  const id = selection.kind === 'node' ? selection.node.id : selection.edge.id;
  selectId(id, { centre: false });
}

function selectId(id: string, options: { centre: boolean; centreMap?: boolean }): void {
  centreNext = options.centre;
  centreMapNext = options.centreMap ?? true;
  change({ selected: id }, { replace: true });
  openSheet(true);
}
let centreNext = false;
let centreMapNext = true;

/** A name in the panel: select and centre it; one not drawn is drawn first (as an expansion). */
function focusNode(id: string): void {
  if (canvas.node(id)) return selectId(id, { centre: true });
  centreNext = true;
  change({ expanded: [...view.expanded, id], selected: id });
}

const range = (): Range | null =>
  view.from || view.to
    ? { from: view.from ? Date.parse(view.from) : -Infinity, to: view.to ? Date.parse(view.to) : Infinity }
    : null;

/** Brings the page to the view: fetch what changed, then draw, filter, select. */
let generation = 0;
async function apply(): Promise<void> {
  const current = ++generation;
  syncControls();
  const key = `${fetchKey(view)}#${revision}`;
  if (!view.node) {
    drawnFor = null;
    canvas.replace([]);
    refreshView(current);
    return;
  }
  // The drawing already is this view (Back to it after a failure, say): nothing failed for it.
  if (key === drawnFor) failure = null;
  else {
    statusLine.setAttribute('aria-busy', 'true');
    statusLine.textContent = drawnFor
      ? 'Loading… (the drawing shows the previous view until the answer comes)'
      : 'Loading…';
    try {
      const seeds = [view.node, ...view.expanded];
      const answers = await Promise.all(seeds.map((id) => fetchNeighbourhood(id)));
      if (current !== generation) return;
      const firstDrawing = drawnFor === null || canvas.nodeCount === 0;
      const result = canvas.replace(answers.map((answer, i) => ({ view: answer, seedId: seeds[i]! })));
      capped = answers.some((a) => a.capped);
      refused = result.refused;
      drawnFor = key;
      failure = null;
      map.show(canvas.drawnNodes, firstDrawing);
    } catch (error) {
      if (current !== generation) return;
      // The drawing stays as it was; the status says what failed.
      failure = h(
        'div',
        { class: 'failure' },
        'Could not draw this view; the drawing shows the previous one. ',
        problemList(error),
      );
    }
  }
  await drawPath(current);
  if (current !== generation) return;
  refreshView(current);
}

async function fetchNeighbourhood(id: string): Promise<GraphView> {
  const { neighbourhood } = await graphql(NEIGHBOURHOOD, {
    id,
    depth: view.depth,
    limit: NEIGHBOURHOOD_LIMIT,
    filter: { confirmedOnly: view.confirmedOnly },
  });
  return neighbourhood;
}

async function drawPath(current: number): Promise<void> {
  const panelRoot = byId('path-panel');
  if (!view.path) {
    pathDrawn = null;
    panelRoot.hidden = true;
    canvas.highlightPath(null);
    return;
  }
  const key = `${view.path.join('>')}#${view.confirmedOnly}#${revision}`;
  if (pathDrawn?.key !== key) {
    try {
      const { pathBetween } = await graphql(PATH_BETWEEN, {
        fromId: view.path[0],
        toId: view.path[1],
        filter: { confirmedOnly: view.confirmedOnly },
      });
      if (current !== generation) return;
      pathDrawn = { key, path: pathBetween[0] ?? null };
    } catch (error) {
      if (current !== generation) return;
      panelRoot.hidden = false;
      panelRoot.replaceChildren(h('h2', {}, 'Path'), problemList(error));
      return;
    }
  }
  const path = pathDrawn.path;
  if (path) {
    canvas.merge({ nodes: path.nodes, edges: path.edges, capped: false }, view.path[0]);
    map.show(canvas.drawnNodes, false);
  }
  canvas.highlightPath(path ? [...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)] : null);
  const name = (id: string, text: string): HTMLElement =>
    h('button', { type: 'button', class: 'name-link', 'data-id': id, onclick: () => focusNode(id) }, text);
  await renderPath(
    panelRoot,
    view.path,
    path,
    name,
    (id) => {
      const node = canvas.node(id);
      return node ? nodeLabel(node) : id;
    },
    () => change({ path: null }),
  );
}

/** Filters, lists, the axis, the map and the panel, from what is drawn and the view. */
function refreshView(current: number): void {
  const timeRange = range();
  const hiddenTypes = new Set(view.hiddenTypes);
  const outOfRange = new Set(
    canvas.drawnNodes.filter((n) => n.type === 'EVENT' && !overlaps(n.node.time, timeRange)).map((n) => n.id),
  );
  const seeds = new Set([view.node, ...view.expanded].filter((s): s is string => Boolean(s)));
  canvas.applyVisibility({ hiddenTypes, provenance: provenanceShown(view), outOfRange }, seeds);
  const visible = canvas.drawnNodes.filter((n) => canvas.isVisible(n.id));
  map.setHidden(new Set(canvas.drawnNodes.filter((n) => !canvas.isVisible(n.id)).map((n) => n.id)));
  axis.render(
    canvas.drawnNodes.filter((n) => n.type === 'EVENT' && !hiddenTypes.has('EVENT')),
    timeRange && { from: Math.max(timeRange.from, -8.64e15), to: Math.min(timeRange.to, 8.64e15) },
    view.selected,
  );
  inView.render(visible, view.selected);
  byId('in-view-count').textContent = `(${visible.length})`;
  describeView(visible.length);
  void showSelection(false);
  if (current === generation) statusLine.setAttribute('aria-busy', 'false');
}

/** The panel follows the selection, and says so when the selected node is not in view. */
let panelFor: string | null = null;
async function showSelection(force: boolean): Promise<void> {
  const id = view.selected;
  canvas.select(id, centreNext);
  map.select(id, centreMapNext);
  centreNext = false;
  centreMapNext = true;
  if (!id) {
    if (panelFor !== null || force) panel.clear();
    panelFor = null;
    return;
  }
  const node = canvas.node(id);
  const edge = canvas.edge(id);
  if (!node && !edge) {
    panelFor = null;
    panel.clear(
      drawnFor
        ? `“${id}” is not in this view: nothing with that id was drawn (it may not exist, or the filter leaves it out).`
        : undefined,
    );
    return;
  }
  if (panelFor !== id || force) {
    panelFor = id;
    if (node) await panel.showNode(node);
    else if (edge) await panel.showEdge(edge);
  }
  const shown = canvas.isVisible(id);
  if (shown) panel.unmarkGone();
  else
    panel.markGone(
      `${node ? `“${nodeLabel(node)}”` : 'This relationship'} is no longer in view: the filters hide it (node types, provenance edges or the time range). Change them to see it again.`,
    );
}

function describeView(visible: number): void {
  const parts: string[] = [];
  if (!view.node) parts.push('Search for a name, a place or an event to start.');
  else if (!canvas.nodeCount) parts.push(`Nothing to draw for “${view.node}” with the current filter.`);
  else {
    const hidden = canvas.nodeCount - visible;
    parts.push(
      `Showing ${visible} nodes and ${canvas.cy.edges(':visible').length} edges${hidden ? ` (${hidden} more hidden by the filters)` : ''}.`,
    );
  }
  if (capped)
    parts.push(
      `Capped: showing ${canvas.nodeCount} of more (at most ${NEIGHBOURHOOD_LIMIT} per neighbourhood). Expand a node or tick “confirmed only” to narrow.`,
    );
  if (refused)
    parts.push(
      `${refused} more not drawn: the drawing holds at most ${MAX_DRAWN_NODES} nodes. Search again to start afresh.`,
    );
  statusLine.replaceChildren(parts.join(' '), ...(failure ? [failure] : []));
  statusLine.classList.toggle('capped', capped || refused > 0);
  statusLine.classList.toggle('failed', failure !== null);
}

function syncControls(): void {
  depthSelect.value = String(view.depth);
  confirmedOnly.checked = view.confirmedOnly;
  provenanceBox.checked = provenanceShown(view);
  for (const box of typeBoxes) box.checked = !view.hiddenTypes.includes(box.dataset['type'] as NodeType);
  views.dataset['show'] = view.show;
  byId('show-graph').setAttribute('aria-pressed', String(view.show === 'graph'));
  byId('show-map').setAttribute('aria-pressed', String(view.show === 'map'));
}

/** On a narrow screen the panel is a sheet over the bottom of the page. */
function openSheet(open: boolean): void {
  side.dataset['open'] = String(open);
  sheetToggle.setAttribute('aria-expanded', String(open));
  sheetToggle.textContent = open ? 'Close details' : 'Details';
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileName = (ext: string): string => `conflict-graph-${(view.node ?? 'view').replaceAll(/[^\w-]+/g, '_')}.${ext}`;

async function exportPng(): Promise<void> {
  download(fileName('png'), await canvas.png());
}

function exportJson(): void {
  const visible = (n: DrawnNode): boolean => canvas.isVisible(n.id);
  const body = {
    view: { ...view, address: location.href },
    nodes: canvas.drawnNodes.filter(visible),
    edges: canvas.drawnEdges.filter((e) => !canvas.cy.getElementById(e.id).hasClass('hidden')),
  };
  download(fileName('json'), new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
}

function renderLegend(): void {
  byId('legend').replaceChildren(
    ...Object.entries(NODE_LOOK).map(([type, look]) =>
      h(
        'li',
        {},
        h('span', { class: `swatch shape-${type.toLowerCase()}`, style: `background:${look.colour}` }),
        look.name,
      ),
    ),
    ...Object.entries(EDGE_LOOK).map(([status, look]) =>
      h(
        'li',
        {},
        h('span', { class: 'line', style: `border-top: 3px ${look.line} ${look.colour}` }),
        `${STATUS_LOOK[status as keyof typeof STATUS_LOOK].mark} ${STATUS_LOOK[status as keyof typeof STATUS_LOOK].name}`,
      ),
    ),
  );
}

renderLegend();
// The legend starts open where there is room for it.
if (window.matchMedia('(min-width: 1100px)').matches) byId('legend-box').setAttribute('open', '');
if (window.matchMedia('(max-width: 760px)').matches) byId('in-view-box').removeAttribute('open');
panel.clear();
openSheet(false);
void apply();

// The drawing and the map, for the browser tests and for curious analysts in the console.
declare global {
  interface Window {
    explorer: { cy: GraphCanvas['cy']; map: MapView['map']; mapIds: () => string[] };
  }
}
window.explorer = { cy: canvas.cy, map: map.map, mapIds: () => map.shownIds };
