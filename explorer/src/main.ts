/**
 * The explorer page: search → a neighbourhood drawn → details, expansion, the "confirmed only"
 * filter, the timeline of events in view, and the researcher's add-claim form. It talks to the
 * API only through GraphQL (api.ts), as any client would.
 */
import { graphql } from './api.js';
import { ClaimForm } from './claim-form.js';
import { DetailsPanel, problemList } from './details-panel.js';
import { h } from './dom.js';
import { GraphCanvas, MAX_DRAWN_NODES, type Selection } from './graph-canvas.js';
import { EDGE_LOOK, NODE_LOOK } from './graph-style.js';
import { NEIGHBOURHOOD, type GraphView } from './queries.js';
import { SearchBox } from './search-box.js';
import { renderTimeline } from './timeline.js';

/** Nodes asked of the API per neighbourhood; the API sets `capped` when there are more. */
const NEIGHBOURHOOD_LIMIT = 150;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page lacks #${id}.`);
  return element as T;
};

/** The drawing is the union of the neighbourhoods of these nodes. */
interface Seed {
  id: string;
  depth: number;
}

let seeds: Seed[] = [];
let capped = false;
let refused = 0;

const statusLine = byId<HTMLParagraphElement>('view-status');
const depthSelect = byId<HTMLSelectElement>('depth');
const confirmedOnly = byId<HTMLInputElement>('confirmed-only');
const timeline = byId<HTMLOListElement>('timeline');

const canvas = new GraphCanvas(
  byId('graph'),
  (selection) => void show(selection),
  (id) => void expand(id),
);
const panel = new DetailsPanel(byId('details'), {
  expand: (id) => void expand(id),
  useInClaim: (node) => claimForm.use(node),
  labelOf: (id) => canvas.node(id)?.label ?? id,
});
const claimForm = new ClaimForm(
  byId<HTMLFormElement>('claim-form'),
  byId<HTMLInputElement>('api-key'),
  (id) => canvas.node(id)?.type,
  () => void reload(),
);
new SearchBox(
  byId<HTMLFormElement>('search'),
  byId<HTMLInputElement>('search-text'),
  byId<HTMLUListElement>('search-hits'),
  (hit) => void start(hit.node.id),
);
confirmedOnly.addEventListener('change', () => void reload());
depthSelect.addEventListener('change', () => {
  const first = seeds[0];
  if (first) first.depth = Number(depthSelect.value);
  void reload();
});

async function show(selection: Selection): Promise<void> {
  if (!selection) return panel.clear();
  if (selection.kind === 'node') {
    canvas.select(selection.node.id);
    return panel.showNode(selection.node);
  }
  return panel.showEdge(selection.edge);
}

async function fetchNeighbourhood(seed: Seed): Promise<GraphView> {
  const { neighbourhood } = await graphql<{ neighbourhood: GraphView }>(NEIGHBOURHOOD, {
    id: seed.id,
    depth: seed.depth,
    limit: NEIGHBOURHOOD_LIMIT,
    filter: { confirmedOnly: confirmedOnly.checked },
  });
  return neighbourhood;
}

/** Bumped by every fresh drawing, so that answers for an abandoned one are dropped. */
let generation = 0;

/** Draws the given seeds' neighbourhoods into the current drawing. aria-busy says when it is done. */
async function draw(toDraw: Seed[]): Promise<void> {
  const current = generation;
  statusLine.textContent = 'Loading…';
  statusLine.setAttribute('aria-busy', 'true');
  try {
    for (const seed of toDraw) {
      const view = await fetchNeighbourhood(seed);
      if (current !== generation) return;
      capped ||= view.capped;
      refused += canvas.merge(view, seed.id).refused;
    }
    describeView();
  } catch (error) {
    if (current === generation) statusLine.replaceChildren(problemList(error));
  } finally {
    if (current === generation) {
      renderTimeline(timeline, canvas.drawnNodes, (node) => void show({ kind: 'node', node }));
      statusLine.setAttribute('aria-busy', 'false');
    }
  }
}

/** Starts the drawing again from the seeds (after a new search, a filter change or a new claim). */
async function reload(select?: string): Promise<void> {
  generation += 1;
  canvas.clear();
  capped = false;
  refused = 0;
  await draw(seeds);
  const chosen = select ? canvas.node(select) : undefined;
  if (chosen) await show({ kind: 'node', node: chosen });
}

/** Draws a node's neighbourhood afresh; the address (#id) keeps it, to share or reload. */
async function start(id: string): Promise<void> {
  seeds = [{ id, depth: Number(depthSelect.value) }];
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
  await reload(id);
}

async function expand(id: string): Promise<void> {
  const seed = { id, depth: 1 };
  seeds.push(seed);
  await draw([seed]);
}

function describeView(): void {
  const parts = [`Showing ${canvas.nodeCount} nodes and ${canvas.edgeCount} edges.`];
  if (capped)
    parts.push(
      `Capped: showing ${canvas.nodeCount} of more (at most ${NEIGHBOURHOOD_LIMIT} per neighbourhood). Expand a node or tick “confirmed only” to narrow.`,
    );
  if (refused)
    parts.push(
      `${refused} more not drawn: the drawing holds at most ${MAX_DRAWN_NODES} nodes. Search again to start afresh.`,
    );
  if (!canvas.nodeCount) parts.splice(0, parts.length, 'Nothing to draw for this node with the current filter.');
  statusLine.textContent = parts.join(' ');
  statusLine.classList.toggle('capped', capped || refused > 0);
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
    ...Object.values(EDGE_LOOK).map((look) =>
      h('li', {}, h('span', { class: 'line', style: `border-top: 3px ${look.line} ${look.colour}` }), look.name),
    ),
  );
}

renderLegend();
renderTimeline(timeline, [], () => undefined);
/** The node named in the address (#place:lere), if any. */
const linkedNode = (): string => decodeURIComponent(location.hash.slice(1));
if (linkedNode()) void start(linkedNode());
window.addEventListener('hashchange', () => {
  if (linkedNode() && linkedNode() !== seeds[0]?.id) void start(linkedNode());
});

// The drawing, for the browser tests and for curious analysts in the console.
declare global {
  interface Window {
    explorer: { cy: GraphCanvas['cy'] };
  }
}
window.explorer = { cy: canvas.cy };
