/**
 * A path between two nodes (the API's pathBetween), step by step: each hop names both ends (as
 * buttons that select them) and lists the claims behind its edge, loaded with it, so how two
 * nodes are linked reads with the evidence for every link.
 */
import { graphql } from './api.js';
import { claimItem, problemList, statusBadge, type NameLink } from './claim-view.js';
import { h } from './dom.js';
import { nodeLabel, relationName } from './labels.js';
import { edgeClaimsQuery, MAX_EDGE_CLAIMS, type ClaimDetail, type GraphPath } from './queries.js';

export async function renderPath(
  root: HTMLElement,
  ends: [string, string],
  path: GraphPath | null,
  name: NameLink,
  labelOf: (id: string) => string,
  onClear: () => void,
): Promise<void> {
  root.hidden = false;
  const head = h(
    'header',
    {},
    h('h2', {}, 'Path'),
    h('p', {}, 'From ', name(ends[0], labelOf(ends[0])), ' to ', name(ends[1], labelOf(ends[1]))),
    h('button', { type: 'button', class: 'path-clear', onclick: onClear }, 'Clear the path'),
  );
  if (!path) {
    root.replaceChildren(
      head,
      h('p', { class: 'notice' }, 'No path of at most 4 steps links them (with the current filter).'),
    );
    return;
  }
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const label = (id: string): string => {
    const node = byId.get(id);
    return node ? nodeLabel(node) : labelOf(id);
  };
  const steps = h('ol', { class: 'path-steps' });
  root.replaceChildren(head, h('p', {}, `${path.length} step${path.length === 1 ? '' : 's'}:`), steps);
  const ids = path.edges.flatMap((e) => e.claims.map((c) => c.id)).slice(0, MAX_EDGE_CLAIMS);
  let claims = new Map<string, ClaimDetail>();
  let problem: HTMLElement | null = null;
  if (ids.length) {
    try {
      const data = await graphql(edgeClaimsQuery(ids.length), Object.fromEntries(ids.map((id, i) => [`c${i}`, id])));
      claims = new Map(
        Object.values(data)
          .filter((c): c is ClaimDetail => c !== null)
          .map((c) => [c.id, c]),
      );
    } catch (error) {
      problem = problemList(error);
    }
  }
  for (const edge of path.edges) {
    const behind = edge.claims.map((c) => claims.get(c.id)).filter((c): c is ClaimDetail => Boolean(c));
    steps.append(
      h(
        'li',
        { class: 'path-step', 'data-id': edge.id },
        h(
          'p',
          {},
          name(edge.from, label(edge.from)),
          ` ${relationName(edge.kind, edge.role)} `,
          name(edge.to, label(edge.to)),
          ' ',
          statusBadge(edge.status),
        ),
        edge.claims.length
          ? h(
              'ul',
              { class: 'claims' },
              behind.map((c) => claimItem(c, name)),
            )
          : h('p', { class: 'muted' }, 'States no fact of its own (provenance).'),
      ),
    );
  }
  if (problem) root.append(problem);
}
