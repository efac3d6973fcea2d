/**
 * How a claim reads in the panel: its status with a mark (not colour alone), its text and quote,
 * who asserts it and the sources that report, support or contradict it. Every name is a button
 * that selects and centres that node; a source with a URL keeps its link beside its name. Long
 * lists show a page and a "Load more" button.
 */
import { ApiError } from './api.js';
import { h, humane } from './dom.js';
import { STATUS_LOOK } from './labels.js';
import type { BriefClaim, ClaimDetail, ClaimPage, ClaimStatus, SourceSummary } from './queries.js';

/** How the panel names a node: a button that selects it (and brings it into the drawing). */
export type NameLink = (id: string, text: string) => HTMLElement;

export const statusBadge = (status: ClaimStatus | null): HTMLElement => {
  const look = STATUS_LOOK[status ?? 'NONE'];
  return h(
    'span',
    { class: `status status-${(status ?? 'none').toLowerCase()}` },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, look.mark),
    ` ${status ? look.name : 'no status'}`,
  );
};

function sourceItem(source: SourceSummary, name: NameLink): HTMLElement {
  const facts = [humane(source.kind), source.publisher].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'source', 'data-id': source.id },
    name(source.id, source.title),
    h('span', { class: 'muted' }, ` — ${facts}`),
    source.url && [' ', h('a', { href: source.url, target: '_blank', rel: 'noopener' }, source.title)],
  );
}

export function sourceList(caption: string, sources: SourceSummary[], name: NameLink): HTMLElement | null {
  if (!sources.length) return null;
  return h(
    'div',
    { class: 'sources' },
    h('span', { class: 'caption' }, caption),
    h(
      'ul',
      {},
      sources.map((s) => sourceItem(s, name)),
    ),
  );
}

export function claimItem(
  claim: ClaimDetail,
  name: NameLink,
  extra: (claim: ClaimDetail) => Node[] = () => [],
): HTMLElement {
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
      ' ',
      name(claim.id, 'open claim'),
    ),
    h('p', { class: 'claim-text' }, claim.text),
    claim.quote && h('blockquote', {}, `“${claim.quote}”`),
    h(
      'p',
      { class: 'asserted' },
      'Asserted by ',
      claim.assertedBy ? name(claim.assertedBy.id, claim.assertedBy.name) : h('strong', {}, 'nobody named'),
      h('span', { class: 'muted' }, ` · added by ${claim.createdBy}`),
    ),
    sourceList('Reported in', claim.reportedIn, name),
    sourceList('Supported by', support, name),
    sourceList('Contradicted by', claim.contradictingSources, name),
    ...extra(claim),
  );
}

export function briefClaimList(title: string, claims: BriefClaim[], name: NameLink): HTMLElement {
  return h(
    'section',
    { class: 'claims brief' },
    h('h3', {}, `${title} (${claims.length})`),
    claims.length
      ? h(
          'ul',
          {},
          claims.map((c) =>
            h(
              'li',
              { class: 'claim', 'data-id': c.id },
              statusBadge(c.status),
              ' ',
              name(c.id, c.text),
              c.assertedBy && h('span', { class: 'muted' }, ` — according to ${c.assertedBy.name}`),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'None.'),
  );
}

const PAGE = 10;

/**
 * A section of claims that loads more on demand: from the API (a cursor) when `more` is given,
 * else from the list already here, a page at a time.
 */
export function claimSection(
  title: string,
  first: ClaimPage | ClaimDetail[],
  name: NameLink,
  more?: (after: string) => Promise<ClaimPage>,
  extra?: (claim: ClaimDetail) => Node[],
): HTMLElement {
  const all = Array.isArray(first) ? first : null;
  const total = Array.isArray(first) ? first.length : first.totalCount;
  const list = h('ul', {});
  const section = h('section', { class: 'claims' }, h('h3', {}, `${title} (${total})`));
  const counter = h('p', { class: 'muted count' });
  const button = h('button', { type: 'button', class: 'more' }, 'Load more');
  const problems = h('div', {});
  let shown = 0;
  let cursor: string | null = null;
  let hasNext = false;
  const add = (claims: ClaimDetail[]): void => {
    list.append(...claims.map((c) => claimItem(c, name, extra)));
    shown += claims.length;
    counter.textContent = shown < total ? `Showing ${shown} of ${total}.` : '';
    button.hidden = !hasNext;
  };
  if (all) {
    hasNext = all.length > PAGE;
    add(all.slice(0, PAGE));
  } else {
    const page = first as ClaimPage;
    cursor = page.pageInfo.endCursor;
    hasNext = page.pageInfo.hasNextPage && Boolean(more);
    add(page.nodes);
  }
  button.addEventListener('click', () => {
    void (async () => {
      problems.replaceChildren();
      if (all) {
        hasNext = all.length > shown + PAGE;
        add(all.slice(shown, shown + PAGE));
        return;
      }
      if (!more || !cursor) return;
      button.disabled = true;
      try {
        const page = await more(cursor);
        cursor = page.pageInfo.endCursor;
        hasNext = page.pageInfo.hasNextPage;
        add(page.nodes);
      } catch (error) {
        problems.replaceChildren(problemList(error));
      } finally {
        button.disabled = false;
      }
    })();
  });
  section.append(total ? list : h('p', { class: 'muted' }, 'None.'), counter, button, problems);
  return section;
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
