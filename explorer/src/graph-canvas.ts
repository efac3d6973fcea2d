/**
 * The drawing: a cytoscape.js instance that shows GraphViews, merges further neighbourhoods in
 * place, and reports what is selected. It caps what it draws (MAX_DRAWN_NODES) so that the page
 * stays responsive on a large graph, and lays out with cose without animation (fast for a few
 * hundred nodes).
 */
import cytoscape, { type Core, type ElementDefinition, type LayoutOptions } from 'cytoscape';
import { graphStyle } from './graph-style.js';
import type { DrawnEdge, DrawnNode, GraphView } from './queries.js';

/** Beyond this many nodes, merges are refused: the layout and the eye both stop coping. */
export const MAX_DRAWN_NODES = 400;

export type Selection = { kind: 'node'; node: DrawnNode } | { kind: 'edge'; edge: DrawnEdge } | null;

export interface MergeResult {
  added: number;
  /** Nodes the view offered that were not drawn because MAX_DRAWN_NODES was reached. */
  refused: number;
}

const shorten = (text: string, max = 32): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function edgeLabel(edge: DrawnEdge): string {
  return edge.role ? `${edge.kind} (${edge.role})` : edge.kind;
}

export class GraphCanvas {
  readonly cy: Core;
  private readonly nodes = new Map<string, DrawnNode>();
  private readonly edges = new Map<string, DrawnEdge>();

  constructor(container: HTMLElement, onSelect: (selection: Selection) => void, onExpand: (id: string) => void) {
    this.cy = cytoscape({
      container,
      style: graphStyle,
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
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
    // cytoscape only notices window resizes; the panel or the window can change the canvas too.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  get drawnNodes(): DrawnNode[] {
    return [...this.nodes.values()];
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

  clear(): void {
    this.cy.elements().remove();
    this.nodes.clear();
    this.edges.clear();
  }

  /**
   * Adds the view's nodes and edges that are not drawn yet. New nodes start at the position of
   * the seed (the node being expanded) so the layout grows the drawing from there.
   */
  merge(view: GraphView, seedId: string): MergeResult {
    const origin = this.cy.getElementById(seedId);
    const start = origin.nonempty() ? { ...origin.position() } : { x: 0, y: 0 };
    const fresh: ElementDefinition[] = [];
    let refused = 0;
    for (const node of view.nodes) {
      if (this.nodes.has(node.id)) continue;
      if (this.nodes.size >= MAX_DRAWN_NODES) {
        refused += 1;
        continue;
      }
      this.nodes.set(node.id, node);
      fresh.push({
        group: 'nodes',
        data: { id: node.id, type: node.type, label: node.label, short: shorten(node.label) },
        position: { x: start.x + Math.random() * 40 - 20, y: start.y + Math.random() * 40 - 20 },
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
        },
      });
    }
    const firstDrawing = this.cy.elements().empty();
    this.cy.add(fresh);
    this.cy.getElementById(seedId).addClass('seed');
    if (fresh.length) this.layout(firstDrawing);
    return { added: fresh.filter((e) => e.group === 'nodes').length, refused };
  }

  select(id: string): void {
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
  }

  /** A fresh drawing is laid out from scratch; an expansion keeps the drawn nodes near where they were. */
  private layout(fromScratch: boolean): void {
    const options: LayoutOptions = {
      name: 'cose',
      animate: false,
      randomize: fromScratch,
      fit: true,
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
    // A small drawing fitted to the canvas would be blown up; keep labels at a readable size.
    if (this.cy.zoom() > 1.2) {
      this.cy.zoom(1.2);
      this.cy.center();
    }
  }
}
