/**
 * The side panel: what is selected, the claims behind it with their status, who asserts each,
 * and the sources that report, support or contradict them. It tells the truth about the drawing:
 * when its node leaves the view (a filter hid it, a redraw dropped it) it says so; every name in
 * it selects and centres that node; a node lists its relationships in view, each opening the
 * claims behind it (the keyboard's way to an edge).
 */
import { graphql } from './api.js';
import {
  briefClaimList,
  claimItem,
  claimSection,
  problemList,
  sourceList,
  statusBadge,
  type NameLink,
} from './claim-view.js';
import { h, humane } from './dom.js';
import { eventKindName, eventTypeName, nodeLabel, relationName } from './labels.js';
import {
  MAX_EDGE_CLAIMS,
  MORE_CLAIMS,
  NODE_DETAILS,
  edgeClaimsQuery,
  type ClaimDetail,
  type ClaimStance,
  type ClaimPage,
  type DrawnEdge,
  type DrawnNode,
} from './queries.js';
import { precisionText } from './time.js';
import { PLACE_UNCERTAINTY_KM } from './map-view.js';
import { figureSections } from './figures.js';

export { problemList };

export interface PanelActions {
  expand(id: string): void;
  /** Prefills the add-claim form with this node (as a source, or as what the claim is about). */
  useInClaim(node: DrawnNode): void;
  labelOf(id: string): string;
  /** Selects a node and centres it, drawing it first when it is not in the drawing. */
  focusNode(id: string): void;
  openEdge(edge: DrawnEdge): void;
  /** The drawn edges of a node, for its "relationships in view". */
  edgesOf(id: string): DrawnEdge[];
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** The node a path starts from, when one is picked. */
  pathStart(): string | null;
}

const facts = (rows: [string, Node | string | null | undefined][]): HTMLElement =>
  h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );

const moreAbout =
  (id: string) =>
  async (after: string): Promise<ClaimPage> =>
    (await graphql(MORE_CLAIMS.ABOUT, { id, first: 10, after })).claims;

export class DetailsPanel {
  /** Guards against a slow answer for an earlier selection overwriting a later one. */
  private generation = 0;
  /** The node or edge shown, if any. */
  shown: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  /** A name as a button: selects that node and centres it. */
  private readonly name: NameLink = (id, text) =>
    h('button', { type: 'button', class: 'name-link', 'data-id': id, onclick: () => this.actions.focusNode(id) }, text);

  clear(note?: string): void {
    this.generation += 1;
    this.shown = null;
    this.root.replaceChildren(
      note ? h('p', { class: 'notice', role: 'status' }, note) : '',
      h(
        'p',
        { class: 'hint' },
        'Select a node or an edge (on the graph, the map, the time axis or the list of what is in view) to see its details, the claims behind it and their sources.',
      ),
    );
  }

  /** Says, above what is shown, that it is no longer in view (and why); the details stay readable. */
  markGone(reason: string): void {
    this.root.querySelector('.gone')?.remove();
    this.root.prepend(h('p', { class: 'notice gone', role: 'status' }, reason));
  }

  unmarkGone(): void {
    this.root.querySelector('.gone')?.remove();
  }

  async showNode(node: DrawnNode): Promise<void> {
    this.shown = node.id;
    const start = this.actions.pathStart();
    const header = h(
      'header',
      {},
      h('span', { class: `type type-${node.type.toLowerCase()}` }, humane(node.type)),
      h('h2', { id: 'details-title', tabindex: '-1' }, nodeLabel(node)),
      h('code', { class: 'muted' }, node.id),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'expand', onclick: () => this.actions.expand(node.id) }, 'Expand'),
        start && start !== node.id
          ? h(
              'button',
              { type: 'button', class: 'path-to', onclick: () => this.actions.pathTo(node.id) },
              `Path from ${this.actions.labelOf(start)} to here`,
            )
          : h(
              'button',
              { type: 'button', class: 'path-from', onclick: () => this.actions.pathFrom(node.id) },
              start === node.id ? 'Path: now pick the other end' : 'Path from here…',
            ),
        h('button', { type: 'button', onclick: () => this.actions.useInClaim(node) }, 'Use in a new claim'),
      ),
    );
    await this.render(header, async () => [this.relationships(node.id), ...(await this.nodeBody(node))]);
  }

  async showEdge(edge: DrawnEdge): Promise<void> {
    this.shown = edge.id;
    const header = h(
      'header',
      {},
      h('span', { class: 'type type-edge' }, 'relationship'),
      h('h2', { id: 'details-title', tabindex: '-1' }, relationName(edge.kind, edge.role)),
      h(
        'p',
        {},
        this.name(edge.from, this.actions.labelOf(edge.from)),
        ' → ',
        this.name(edge.to, this.actions.labelOf(edge.to)),
      ),
      h('p', {}, 'Status: ', statusBadge(edge.status), h('code', { class: 'muted kind' }, ` ${edge.kind}`)),
    );
    await this.render(header, () => this.edgeBody(edge));
  }

  /** Renders a header and, when it comes, the body; what is shown while loading says so. */
  async render(header: HTMLElement, body: () => Promise<HTMLElement[]>): Promise<void> {
    const generation = ++this.generation;
    const slot = h('div', { class: 'muted' }, 'Loading…');
    this.root.replaceChildren(header, slot);
    this.root.setAttribute('aria-busy', 'true');
    try {
      const parts = await body();
      if (generation === this.generation) slot.replaceWith(...parts);
    } catch (error) {
      if (generation === this.generation) slot.replaceWith(problemList(error));
    } finally {
      if (generation === this.generation) this.root.setAttribute('aria-busy', 'false');
    }
  }

  /** The node's relationships in view: each opens the claims behind it. */
  private relationships(id: string): HTMLElement {
    const edges = this.actions.edgesOf(id);
    return h(
      'section',
      { class: 'relations' },
      h('h3', {}, `Relationships in view (${edges.length})`),
      edges.length
        ? h(
            'ul',
            {},
            edges.map((edge) => {
              const other = edge.from === id ? edge.to : edge.from;
              const arrow = edge.from === id ? '→' : '←';
              return h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'edge-link',
                    'data-id': edge.id,
                    onclick: () => this.actions.openEdge(edge),
                  },
                  statusBadge(edge.status),
                  ` ${relationName(edge.kind, edge.role)} ${arrow} ${this.actions.labelOf(other)}`,
                ),
              );
            }),
          )
        : h('p', { class: 'muted' }, 'None drawn (a filter may hide them).'),
    );
  }

  private async nodeBody(node: DrawnNode): Promise<HTMLElement[]> {
    const name = this.name;
    switch (node.type) {
      case 'ACTOR': {
        const { actor, claims } = await graphql(NODE_DETAILS.ACTOR, { id: node.id });
        if (!actor) return [h('p', {}, 'This actor no longer exists.')];
        return [
          facts([
            ['Kind', humane(actor.kind)],
            ['Also called', actor.aliases.join(', ')],
            ['About', actor.description],
          ]),
          claimSection('Claims about it', claims, name, moreAbout(node.id)),
        ];
      }
      case 'PLACE': {
        const { place, claims } = await graphql(NODE_DETAILS.PLACE, { id: node.id });
        if (!place) return [h('p', {}, 'This place no longer exists.')];
        return [
          facts([
            ['Kind', humane(place.kind)],
            ['Also called', place.aliases.join(', ')],
            [
              'Inside',
              place.ancestors.length
                ? h('span', {}, ...place.ancestors.flatMap((a, i) => [i ? ' → ' : '', name(a.id, a.name)]))
                : null,
            ],
            ['Location', place.location && `${place.location.latitude}, ${place.location.longitude}`],
          ]),
          claimSection('Claims about it', claims, name, moreAbout(node.id)),
        ];
      }
      case 'EVENT': {
        const { event } = await graphql(NODE_DETAILS.EVENT, { id: node.id });
        if (!event) return [h('p', {}, 'This event no longer exists.')];
        const km = event.place ? PLACE_UNCERTAINTY_KM[event.place.kind] : undefined;
        return [
          h('p', {}, event.description),
          facts([
            [
              'What',
              [eventKindName(event.type, event.subType), event.subType && `(${eventTypeName(event.type)})`]
                .filter(Boolean)
                .join(' '),
            ],
            ['When', `${event.time.label} (${precisionText(event.time)})`],
            [
              'Where',
              event.place
                ? h(
                    'span',
                    {},
                    name(event.place.id, event.place.name),
                    km && km > 5 ? ` — known to the ${humane(event.place.kind)}, about ${km} km` : '',
                  )
                : 'not known',
            ],
            ['Killed', event.figureRange.claimants > 0 ? event.figureRange.label : 'no figure stated'],
          ]),
          ...figureSections(event, name),
          h(
            'section',
            {},
            h('h3', {}, 'Who took part'),
            h(
              'ul',
              { class: 'participants' },
              event.participants.map((p) =>
                h('li', {}, name(p.actor.id, p.actor.name), ` as ${humane(p.role)} `, statusBadge(p.status)),
              ),
            ),
          ),
          claimSection('Claims reporting it', event.claims, name),
        ];
      }
      case 'SOURCE': {
        const { source } = await graphql(NODE_DETAILS.SOURCE, { id: node.id });
        if (!source) return [h('p', {}, 'This source no longer exists.')];
        const more = async (after: string): Promise<ClaimPage> => {
          const page = (await graphql(MORE_CLAIMS.SOURCE, { id: node.id, first: 10, after })).source;
          // Deleted since the panel opened: said as the panel says it, not as a TypeError.
          if (!page) throw new Error('This source no longer exists.');
          return page.claims;
        };
        return [
          facts([
            ['Kind', humane(source.kind)],
            ['Publisher', source.publisher],
            ['Author', source.author],
            ['Published', source.publishedAt?.slice(0, 10)],
            ['Language', source.language],
            ['Reliability', source.reliability],
            ['Link', source.url ? h('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.url) : null],
          ]),
          claimSection('Claims reported in it', source.claims, name, more),
          briefClaimList('Claims it supports', source.supports, name),
          briefClaimList('Claims it contradicts', source.contradicts, name),
          sourceList('Cites', source.cites, name) ?? h('p', { class: 'muted' }, 'Cites no other source.'),
          sourceList('Cited by', source.citedBy, name) ?? h('p', { class: 'muted' }, 'Cited by no other source.'),
        ];
      }
      case 'CLAIM': {
        const { claim } = await graphql(NODE_DETAILS.CLAIM, { id: node.id });
        if (!claim) return [h('p', {}, 'This claim no longer exists (or was retracted).')];
        return [
          h('ul', { class: 'claims' }, claimItem(claim, name)),
          ...stanceSection('Disputed by', claim.disputes, name),
          ...stanceSection('Corroborated by', claim.corroborations, name),
          h(
            'section',
            {},
            h('h3', {}, `What it is about (${claim.about.length})`),
            h(
              'ul',
              {},
              claim.about.map((a) =>
                h(
                  'li',
                  {},
                  name(a.id, this.actions.labelOf(a.id)),
                  h('span', { class: 'muted' }, ` (${humane(a.__typename)})`),
                ),
              ),
            ),
          ),
        ];
      }
    }
  }

  private async edgeBody(edge: DrawnEdge): Promise<HTMLElement[]> {
    const ids = edge.claims.map((c) => c.id).slice(0, MAX_EDGE_CLAIMS);
    if (!ids.length)
      return [h('p', { class: 'muted' }, 'This relationship states no fact of its own: it records provenance.')];
    const variables = Object.fromEntries(ids.map((id, i) => [`c${i}`, id]));
    const data = await graphql(edgeClaimsQuery(ids.length), variables);
    const claims = Object.values(data).filter((c): c is ClaimDetail => c !== null);
    return [claimSection('Claims behind it', claims, this.name)];
  }
}

/** Who disputes or corroborates a claim: each party by name, with the claim of theirs that says so. */
function stanceSection(title: string, stances: ClaimStance[], name: NameLink): HTMLElement[] {
  if (stances.length === 0) return [];
  return [
    h(
      'section',
      { class: 'stances' },
      h('h3', {}, `${title} (${stances.length})`),
      h(
        'ul',
        {},
        stances.map((s) =>
          h(
            'li',
            {},
            s.party ? name(s.party.id, s.party.name) : h('strong', {}, 'a source, no party named'),
            s.claim ? [': ', name(s.claim.id, s.claim.text)] : '',
            s.note ? h('span', { class: 'muted' }, ` (${s.note})`) : '',
          ),
        ),
      ),
    ),
  ];
}
