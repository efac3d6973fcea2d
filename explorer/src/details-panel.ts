/**
 * The side panel: what is selected, the claims behind it with their status, who asserts each,
 * and the sources that report, support or contradict them (linked where a URL exists).
 */
import { ApiError, graphql } from './api.js';
import { h, humane } from './dom.js';
import {
  MAX_EDGE_CLAIMS,
  NODE_DETAILS,
  edgeClaimsQuery,
  type ActorDetails,
  type ClaimDetail,
  type ClaimDetails,
  type DrawnEdge,
  type DrawnNode,
  type EventDetails,
  type PlaceDetails,
  type SourceDetails,
  type SourceSummary,
} from './queries.js';

export interface PanelActions {
  expand(id: string): void;
  /** Prefills the add-claim form with this node (as a source, or as what the claim is about). */
  useInClaim(node: DrawnNode): void;
  labelOf(id: string): string;
}

const statusBadge = (status: string | null): HTMLElement =>
  h('span', { class: `status status-${(status ?? 'none').toLowerCase()}` }, status ? humane(status) : 'no status');

function sourceItem(source: SourceSummary): HTMLElement {
  const title = source.url
    ? h('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.title)
    : source.title;
  const facts = [humane(source.kind), source.publisher].filter(Boolean).join(' · ');
  return h('li', { class: 'source', 'data-id': source.id }, title, h('span', { class: 'muted' }, ` — ${facts}`));
}

function sourceList(caption: string, sources: SourceSummary[]): HTMLElement | null {
  if (!sources.length) return null;
  return h('div', { class: 'sources' }, h('span', { class: 'caption' }, caption), h('ul', {}, sources.map(sourceItem)));
}

export function claimItem(claim: ClaimDetail): HTMLElement {
  // Supporting sources include those the claim is reported in; list each source once.
  const reportedIds = new Set(claim.reportedIn.map((s) => s.id));
  const support = claim.supportingSources.filter((s) => !reportedIds.has(s.id));
  return h(
    'li',
    { class: 'claim', 'data-id': claim.id },
    h(
      'div',
      { class: 'claim-head' },
      statusBadge(claim.status),
      claim.notIndependentlyVerified && h('span', { class: 'muted' }, ' not independently verified'),
    ),
    h('p', { class: 'claim-text' }, claim.text),
    claim.quote && h('blockquote', {}, `“${claim.quote}”`),
    h(
      'p',
      { class: 'asserted' },
      'Asserted by ',
      h('strong', {}, claim.assertedBy?.name ?? 'nobody named'),
      h('span', { class: 'muted' }, ` · added by ${claim.createdBy}`),
    ),
    sourceList('Reported in', claim.reportedIn),
    sourceList('Supported by', support),
    sourceList('Contradicted by', claim.contradictingSources),
  );
}

function claimSection(title: string, claims: ClaimDetail[], total = claims.length): HTMLElement {
  return h(
    'section',
    { class: 'claims' },
    h('h3', {}, `${title} (${total})`),
    claims.length ? h('ul', {}, claims.map(claimItem)) : h('p', { class: 'muted' }, 'None.'),
    total > claims.length && h('p', { class: 'muted' }, `Showing the first ${claims.length} of ${total}.`),
  );
}

const facts = (rows: [string, Node | string | null | undefined][]): HTMLElement =>
  h(
    'dl',
    { class: 'facts' },
    rows
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
  );

async function nodeBody(node: DrawnNode): Promise<HTMLElement[]> {
  switch (node.type) {
    case 'ACTOR': {
      const { actor, claims } = await graphql<ActorDetails>(NODE_DETAILS.ACTOR, { id: node.id });
      if (!actor) return [h('p', {}, 'This actor no longer exists.')];
      return [
        facts([
          ['Kind', humane(actor.kind)],
          ['Also called', actor.aliases.join(', ')],
          ['About', actor.description],
        ]),
        claimSection('Claims about it', claims.nodes, claims.totalCount),
      ];
    }
    case 'PLACE': {
      const { place, claims } = await graphql<PlaceDetails>(NODE_DETAILS.PLACE, { id: node.id });
      if (!place) return [h('p', {}, 'This place no longer exists.')];
      return [
        facts([
          ['Kind', humane(place.kind)],
          ['Also called', place.aliases.join(', ')],
          ['Inside', place.ancestors.map((a) => a.name).join(' → ')],
          ['Location', place.location && `${place.location.latitude}, ${place.location.longitude}`],
        ]),
        claimSection('Claims about it', claims.nodes, claims.totalCount),
      ];
    }
    case 'EVENT': {
      const { event } = await graphql<EventDetails>(NODE_DETAILS.EVENT, { id: node.id });
      if (!event) return [h('p', {}, 'This event no longer exists.')];
      const f = event.fatalities;
      return [
        h('p', {}, event.description),
        facts([
          ['Type', [humane(event.type), event.subType && humane(event.subType)].filter(Boolean).join(' / ')],
          ['When', `${event.time.label} (precision: ${humane(event.time.precision)})`],
          ['Where', event.place?.name],
          [
            'Fatalities',
            f.known ? `${f.low ?? '?'}–${f.high ?? '?'}${f.best !== null ? ` (best ${f.best})` : ''}` : 'unknown',
          ],
        ]),
        h(
          'section',
          {},
          h('h3', {}, 'Who took part'),
          h(
            'ul',
            { class: 'participants' },
            event.participants.map((p) =>
              h('li', {}, h('strong', {}, p.actor.name), ` as ${humane(p.role)} `, statusBadge(p.status)),
            ),
          ),
        ),
        claimSection('Claims reporting it', event.claims),
      ];
    }
    case 'SOURCE': {
      const { source, claims } = await graphql<SourceDetails>(NODE_DETAILS.SOURCE, { id: node.id });
      if (!source) return [h('p', {}, 'This source no longer exists.')];
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
        sourceList('Cites', source.cites),
        claimSection('Claims reported in it', claims.nodes, claims.totalCount),
      ].filter((part): part is HTMLElement => part !== null);
    }
    case 'CLAIM': {
      const { claim } = await graphql<ClaimDetails>(NODE_DETAILS.CLAIM, { id: node.id });
      if (!claim) return [h('p', {}, 'This claim no longer exists (or was retracted).')];
      return [h('ul', { class: 'claims' }, claimItem(claim))];
    }
  }
}

async function edgeBody(edge: DrawnEdge): Promise<HTMLElement[]> {
  const ids = edge.claims.map((c) => c.id).slice(0, MAX_EDGE_CLAIMS);
  if (!ids.length)
    return [h('p', { class: 'muted' }, 'This relationship states no fact of its own: it records provenance.')];
  const variables = Object.fromEntries(ids.map((id, i) => [`c${i}`, id]));
  const data = await graphql<Record<string, ClaimDetail | null>>(edgeClaimsQuery(ids.length), variables);
  const claims = Object.values(data).filter((c): c is ClaimDetail => c !== null);
  return [claimSection('Claims behind it', claims, edge.claims.length)];
}

export class DetailsPanel {
  /** Guards against a slow answer for an earlier selection overwriting a later one. */
  private generation = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  clear(): void {
    this.generation += 1;
    this.root.replaceChildren(
      h('p', { class: 'hint' }, 'Click a node or an edge to see its details, the claims behind it and their sources.'),
    );
  }

  async showNode(node: DrawnNode): Promise<void> {
    const header = h(
      'header',
      {},
      h('span', { class: `type type-${node.type.toLowerCase()}` }, humane(node.type)),
      h('h2', {}, node.label),
      h('code', { class: 'muted' }, node.id),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', onclick: () => this.actions.expand(node.id) }, 'Expand'),
        h('button', { type: 'button', onclick: () => this.actions.useInClaim(node) }, 'Use in a new claim'),
      ),
    );
    await this.render(header, () => nodeBody(node));
  }

  async showEdge(edge: DrawnEdge): Promise<void> {
    const header = h(
      'header',
      {},
      h('span', { class: 'type type-edge' }, 'relationship'),
      h('h2', {}, edge.role ? `${edge.kind} (${humane(edge.role)})` : edge.kind),
      h(
        'p',
        {},
        h('strong', {}, this.actions.labelOf(edge.from)),
        ' → ',
        h('strong', {}, this.actions.labelOf(edge.to)),
      ),
      h('p', {}, 'Status: ', statusBadge(edge.status)),
    );
    await this.render(header, () => edgeBody(edge));
  }

  private async render(header: HTMLElement, body: () => Promise<HTMLElement[]>): Promise<void> {
    const generation = ++this.generation;
    const slot = h('div', { class: 'muted' }, 'Loading…');
    this.root.replaceChildren(header, slot);
    try {
      const parts = await body();
      if (generation === this.generation) slot.replaceWith(...parts);
    } catch (error) {
      if (generation === this.generation) slot.replaceWith(problemList(error));
    }
  }
}

/** Errors as the API states them: message and code. */
export function problemList(error: unknown): HTMLElement {
  const problems = error instanceof ApiError ? error.problems : [{ message: String(error), code: 'CLIENT_ERROR' }];
  return h(
    'ul',
    { class: 'problems' },
    problems.map((p) =>
      h(
        'li',
        { class: 'problem' },
        h('span', { class: 'message' }, p.message),
        ' ',
        h('code', { class: 'code' }, p.code),
        'field' in p && p.field ? h('span', { class: 'muted' }, ` (${p.field})`) : null,
      ),
    ),
  );
}
