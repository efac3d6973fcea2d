/**
 * The drawing: a cytoscape.js instance that shows GraphViews and reports what is selected.
 *
 * The picture is stable: a node keeps its place for as long as it is drawn (and when a filter
 * redraws it), new nodes start next to the node they came from, and the layout moves only the new
 * ones (the drawn nodes are locked while it runs), so expanding never shuffles what the analyst
 * was looking at. Nothing is random: one view gives one picture. What the filters hide (node
 * types, provenance edges, a time range) stays in the drawing, hidden, so showing it again costs
 * no request. It caps what it draws (MAX_DRAWN_NODES) so the page stays responsive.
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type Position } from 'cytoscape';
import { graphStyle } from './graph-style.js';
import { edgeLabel, nodeLabel, PROVENANCE_KINDS } from './labels.js';
import type { DrawnEdge, DrawnNode, GraphView, NodeType } from './queries.js';

export { edgeLabel, nodeLabel };

/** Beyond this many nodes, merges are refused: the layout and the eye both stop coping. */
export const MAX_DRAWN_NODES = 400;

/** Below this zoom, labels are too small to read; a fit never zooms out further. */
const MIN_FIT_ZOOM = 0.75;

export type Selection = { kind: 'node'; node: DrawnNode } | { kind: 'edge'; edge: DrawnEdge } | null;

export interface MergeResult {
  added: number;
  /** Nodes the view offered that were not drawn because MAX_DRAWN_NODES was reached. */
  refused: number;
}

/** What the drawing hides, without forgetting it. */
export interface Visibility {
  hiddenTypes: ReadonlySet<NodeType>;
  provenance: boolean;
  /** Events (by id) outside the time range. */
  outOfRange: ReadonlySet<string>;
}

const shorten = (text: string, max = 34): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The place of the i-th new node around a point: a spiral, so new nodes never start stacked. */
function around(origin: Position, i: number): Position {
  const angle = i * 2.399963; // the golden angle
  const radius = 60 + 14 * Math.sqrt(i);
  return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
}

export class GraphCanvas {
  readonly cy: Core;
  private readonly nodes = new Map<string, DrawnNode>();
  private readonly edges = new Map<string, DrawnEdge>();
  /** Where each node was last drawn, kept across redraws so a filter change does not move it. */
  private readonly remembered = new Map<string, Position>();

  constructor(container: HTMLElement, onSelect: (selection: Selection) => void, onExpand: (id: string) => void) {
    this.cy = cytoscape({
      container,
      style: graphStyle,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // The page's own selection (select()) decides what is selected, on the graph and the map alike.
      autounselectify: true,
    });
    this.cy.on('tap', 'node', (event) => {
      const node = this.nodes.get(event.target.id() as string);
      if (node) onSelect({ kind: 'node', node });
    });
    this.cy.on('tap', 'edge', (event) => {
      const edge = this.edges.get(event.target.id() as string);
      if (edge) onSelect({ kind: 'edge', edge });
    });
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) onSelect(null);
    });
    this.cy.on('dbltap', 'node', (event) => onExpand(event.target.id() as string));
    this.cy.on('dragfree', 'node', (event) => {
      this.remembered.set(event.target.id() as string, { ...(event.target.position() as Position) });
    });
    // cytoscape only notices window resizes; the panel or the window can change the canvas too.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  get drawnNodes(): DrawnNode[] {
    return [...this.nodes.values()];
  }

  get drawnEdges(): DrawnEdge[] {
    return [...this.edges.values()];
  }

  get nodeCount(): number {
    return this.nodes.size;
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  node(id: string): DrawnNode | undefined {
    return this.nodes.get(id);
  }

  edge(id: string): DrawnEdge | undefined {
    return this.edges.get(id);
  }

  /** True when the node is drawn and not hidden by a filter. */
  isVisible(id: string): boolean {
    const element = this.cy.getElementById(id);
    return element.nonempty() && !element.hasClass('hidden');
  }

  /** The drawn edges that touch a node. */
  edgesOf(id: string): DrawnEdge[] {
    return this.drawnEdges.filter((e) => e.from === id || e.to === id);
  }

  /**
   * Replaces the drawing with these views (one per seed), keeping every node that stays where it
   * was. Until this is called the old drawing stays on screen.
   */
  replace(views: { view: GraphView; seedId: string }[]): MergeResult {
    this.rememberPositions();
    const keep = new Set<string>();
    const keepEdges = new Set<string>();
    for (const { view } of views) {
      for (const n of view.nodes) keep.add(n.id);
      for (const e of view.edges) keepEdges.add(e.id);
    }
    this.cy.batch(() => {
      for (const id of [...this.nodes.keys()]) {
        if (!keep.has(id)) {
          this.cy.getElementById(id).remove();
          this.nodes.delete(id);
        }
      }
      for (const id of [...this.edges.keys()]) {
        if (!keepEdges.has(id)) {
          this.cy.getElementById(id).remove();
          this.edges.delete(id);
        }
      }
    });
    const total: MergeResult = { added: 0, refused: 0 };
    for (const { view, seedId } of views) {
      const result = this.merge(view, seedId);
      total.added += result.added;
      total.refused += result.refused;
    }
    return total;
  }

  /**
   * Adds the view's nodes and edges that are not drawn yet. New nodes start around the seed (the
   * node being expanded) or where they were last drawn; only the new ones are laid out.
   */
  merge(view: GraphView, seedId: string): MergeResult {
    const origin = this.cy.getElementById(seedId);
    const start = origin.nonempty() ? { ...origin.position() } : (this.remembered.get(seedId) ?? { x: 0, y: 0 });
    const fresh: ElementDefinition[] = [];
    const placed: string[] = [];
    let refused = 0;
    for (const node of view.nodes) {
      if (this.nodes.has(node.id)) continue;
      if (this.nodes.size >= MAX_DRAWN_NODES) {
        refused += 1;
        continue;
      }
      this.nodes.set(node.id, node);
      const known = this.remembered.get(node.id);
      if (!known) placed.push(node.id);
      fresh.push({
        group: 'nodes',
        data: { id: node.id, type: node.type, label: nodeLabel(node), short: shorten(nodeLabel(node)) },
        position: known ?? (node.id === seedId ? start : around(start, placed.length)),
      });
    }
    for (const edge of view.edges) {
      if (this.edges.has(edge.id) || !this.nodes.has(edge.from) || !this.nodes.has(edge.to)) continue;
      this.edges.set(edge.id, edge);
      fresh.push({
        group: 'edges',
        data: {
          id: edge.id,
          source: edge.from,
          target: edge.to,
          label: edgeLabel(edge),
          status: edge.status ?? 'NONE',
          provenance: PROVENANCE_KINDS.has(edge.kind) ? 'yes' : 'no',
        },
      });
    }
    const firstDrawing = this.cy.nodes().empty();
    this.cy.add(fresh);
    this.cy.nodes().removeClass('seed');
    this.cy.getElementById(seedId).addClass('seed');
    if (placed.length) this.layout(placed, firstDrawing);
    this.rememberPositions();
    return { added: fresh.filter((e) => e.group === 'nodes').length, refused };
  }

  /** Hides what the filters exclude; a node left with no visible edge (other than a seed) goes too. */
  applyVisibility(visibility: Visibility, seeds: ReadonlySet<string>): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('hidden');
      for (const [id, node] of this.nodes) {
        if (visibility.hiddenTypes.has(node.type) || visibility.outOfRange.has(id))
          this.cy.getElementById(id).addClass('hidden');
      }
      if (!visibility.provenance) this.cy.edges('[provenance = "yes"]').addClass('hidden');
      this.cy.edges().forEach((edge) => {
        if (edge.source().hasClass('hidden') || edge.target().hasClass('hidden')) edge.addClass('hidden');
      });
      this.cy.nodes().forEach((node) => {
        if (seeds.has(node.id()) || node.hasClass('hidden')) return;
        if (
          node
            .connectedEdges()
            .filter((e) => !e.hasClass('hidden'))
            .empty()
        )
          node.addClass('hidden');
      });
    });
  }

  /** Selects an element (node or edge) and, when asked, brings it to the middle of the canvas. */
  select(id: string | null, centre = false): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('chosen');
      if (id) this.cy.getElementById(id).addClass('chosen');
    });
    const element = id ? this.cy.getElementById(id) : null;
    if (centre && element?.nonempty()) {
      if (this.cy.zoom() < MIN_FIT_ZOOM) this.cy.zoom(1);
      this.cy.center(element);
    }
  }

  /** Marks a path (its nodes and edges); the rest of the drawing fades. Null clears it. */
  highlightPath(ids: string[] | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path faded');
      if (!ids) return;
      const onPath = new Set(ids);
      this.cy.elements().forEach((element) => {
        element.addClass(onPath.has(element.id()) ? 'on-path' : 'faded');
      });
    });
  }

  /** Fits the visible drawing to the canvas, never so far out that labels cannot be read. */
  fit(): void {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    this.cy.fit(visible, 30);
    if (this.cy.zoom() > 1.2) this.cy.zoom(1.2);
    if (this.cy.zoom() < MIN_FIT_ZOOM) {
      const seed = this.cy.nodes('.seed:visible');
      this.cy.zoom(MIN_FIT_ZOOM);
      this.cy.center(seed.nonempty() ? seed : visible);
      return;
    }
    this.cy.center(visible);
  }

  zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.zoom({ level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** The drawing as a PNG, all of it (not just what is on screen), on white. */
  png(): Promise<Blob> {
    return this.cy.png({ output: 'blob-promise', full: true, bg: '#ffffff', scale: 2 });
  }

  private rememberPositions(): void {
    this.cy.nodes().forEach((node) => {
      this.remembered.set(node.id(), { ...node.position() });
    });
  }

  /** Lays out the new nodes only: every node drawn before stays put (locked while cose runs). */
  private layout(placed: string[], firstDrawing: boolean): void {
    const fresh = new Set(placed);
    const locked = this.cy.nodes().filter((n) => !fresh.has(n.id()));
    locked.lock();
    const options: LayoutOptions = {
      name: 'cose',
      animate: false,
      randomize: false,
      fit: false,
      padding: 40,
      nodeRepulsion: () => 400_000,
      nodeOverlap: 20,
      idealEdgeLength: () => 100,
      edgeElasticity: () => 100,
      gravity: 80,
      // Fewer iterations on big drawings: the layout must finish in well under a second.
      numIter: this.nodes.size > 200 ? 300 : 1000,
    };
    this.cy.layout(options).run();
    locked.unlock();
    if (firstDrawing) this.fit();
  }
}
