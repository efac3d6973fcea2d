/**
 * The search box: full-text search through the API's `search`, hits listed by type, and the
 * chosen hit handed on to be drawn.
 */
import { graphql } from './api.js';
import { h, humane } from './dom.js';
import { problemList } from './details-panel.js';
import { SEARCH, type SearchHit } from './queries.js';

export class SearchBox {
  constructor(
    form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly hits: HTMLUListElement,
    private readonly onChoose: (hit: SearchHit) => void,
  ) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    document.addEventListener('click', (event) => {
      if (!form.contains(event.target as Node)) this.hits.hidden = true;
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hits.hidden = true;
    });
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    this.hits.hidden = false;
    this.hits.replaceChildren(h('li', { class: 'muted' }, 'Searching…'));
    try {
      const { search } = await graphql<{ search: SearchHit[] }>(SEARCH, { text });
      this.hits.replaceChildren(
        ...(search.length
          ? search.map((hit) =>
              h(
                'li',
                { role: 'option' },
                h(
                  'button',
                  { type: 'button', class: 'hit', 'data-id': hit.node.id, onclick: () => this.choose(hit) },
                  h('span', { class: `type type-${hit.type.toLowerCase()}` }, humane(hit.type)),
                  ' ',
                  hit.label,
                ),
              ),
            )
          : [h('li', { class: 'muted' }, `Nothing matches “${text}”.`)]),
      );
    } catch (error) {
      this.hits.replaceChildren(h('li', {}, problemList(error)));
    }
  }

  private choose(hit: SearchHit): void {
    this.hits.hidden = true;
    this.onChoose(hit);
  }
}
