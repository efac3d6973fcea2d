/**
 * The search box: full-text search through the API's `search`, the hits listed by type, and the
 * chosen hit handed on to be drawn. A combobox: arrow keys walk the hits while focus stays in
 * the box, Enter takes the hit marked (or searches when none is), Escape closes the list.
 */
import { graphql } from './api.js';
import { h, humane } from './dom.js';
import { problemList } from './details-panel.js';
import { SEARCH, type SearchHit } from './queries.js';

export class SearchBox {
  private found: SearchHit[] = [];
  private active = -1;

  constructor(
    form: HTMLFormElement,
    private readonly input: HTMLInputElement,
    private readonly hits: HTMLUListElement,
    private readonly onChoose: (hit: SearchHit) => void,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-controls', hits.id);
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const hit = this.found[this.active];
      if (!this.hits.hidden && hit) this.choose(hit);
      else void this.search();
    });
    document.addEventListener('click', (event) => {
      if (!form.contains(event.target as Node)) this.close();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
      else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && this.found.length) {
        event.preventDefault();
        this.hits.hidden = false;
        this.input.setAttribute('aria-expanded', 'true');
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.mark((this.active + step + this.found.length) % this.found.length);
      }
    });
    input.addEventListener('input', () => this.mark(-1));
  }

  private close(): void {
    this.hits.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.mark(-1);
  }

  private mark(index: number): void {
    this.active = index;
    const options = [...this.hits.querySelectorAll<HTMLElement>('[role="option"]')];
    options.forEach((option, i) => option.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    const marked = options[index];
    if (marked) {
      this.input.setAttribute('aria-activedescendant', marked.id);
      marked.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  private async search(): Promise<void> {
    const text = this.input.value.trim();
    if (!text) return;
    this.found = [];
    this.hits.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.hits.replaceChildren(h('li', { class: 'muted', role: 'presentation' }, 'Searching…'));
    try {
      const { search } = await graphql(SEARCH, { text });
      this.found = search;
      this.hits.replaceChildren(
        ...(search.length
          ? search.map((hit, i) =>
              h(
                'li',
                {
                  role: 'option',
                  id: `hit-${i}`,
                  class: 'hit',
                  'data-id': hit.node.id,
                  'aria-selected': 'false',
                  onclick: () => this.choose(hit),
                },
                h('span', { class: `type type-${hit.type.toLowerCase()}` }, humane(hit.type)),
                ' ',
                hit.label,
              ),
            )
          : [h('li', { class: 'muted', role: 'presentation' }, `Nothing matches “${text}”.`)]),
      );
      this.mark(-1);
    } catch (error) {
      this.hits.replaceChildren(h('li', { role: 'presentation' }, problemList(error)));
    }
  }

  private choose(hit: SearchHit): void {
    this.close();
    this.onChoose(hit);
  }
}
