/**
 * What is in view, as a list a keyboard or a screen reader can walk: one option per node drawn
 * and not hidden, the events first in time order (with their time and how precisely it is known),
 * then the others by type and name. Arrow keys move, Home/End jump, Enter (or a tap) selects.
 * Roving focus: only the current option is in the tab order.
 */
import { h, humane } from './dom.js';
import { nodeLabel } from './labels.js';
import type { DrawnNode, NodeType } from './queries.js';
import { inTimeOrder, precisionText } from './time.js';

const ORDER: NodeType[] = ['EVENT', 'ACTOR', 'PLACE', 'SOURCE', 'CLAIM'];

export class InViewList {
  private options: HTMLLIElement[] = [];
  private current = 0;

  constructor(
    private readonly root: HTMLUListElement,
    private readonly onChoose: (id: string) => void,
  ) {
    root.setAttribute('role', 'listbox');
    root.addEventListener('keydown', (event) => this.key(event));
  }

  render(nodes: DrawnNode[], selected: string | null): void {
    const events = inTimeOrder(
      nodes.filter((n) => n.type === 'EVENT'),
      (n) => n.node.time,
      (n) => n.label,
    );
    const others = ORDER.slice(1).flatMap((type) =>
      nodes.filter((n) => n.type === type).sort((a, b) => a.label.localeCompare(b.label)),
    );
    const focusedId = this.root.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset['id']
      : undefined;
    this.options = [...events, ...others].map((node, i) =>
      h(
        'li',
        {
          role: 'option',
          id: `in-view-${i}`,
          class: 'in-view',
          'data-id': node.id,
          tabindex: '-1',
          'aria-selected': node.id === selected ? 'true' : 'false',
          onclick: () => {
            this.focus(i);
            this.onChoose(node.id);
          },
        },
        h('span', { class: `type type-${node.type.toLowerCase()}` }, humane(node.type)),
        ' ',
        h('span', { class: 'name' }, nodeLabel(node)),
        node.type === 'EVENT' && h('span', { class: 'when muted' }, ` (${precisionText(node.node.time)})`),
      ),
    );
    if (!this.options.length) {
      this.root.replaceChildren(h('li', { class: 'muted empty' }, 'Nothing in view yet.'));
      this.root.removeAttribute('role');
      return;
    }
    this.root.setAttribute('role', 'listbox');
    this.root.replaceChildren(...this.options);
    const keep = this.options.findIndex((o) => o.dataset['id'] === (focusedId ?? selected));
    this.current = keep >= 0 ? keep : Math.min(this.current, this.options.length - 1);
    this.options[this.current]!.tabIndex = 0;
    if (focusedId) this.options[this.current]!.focus();
  }

  /** Moves the focus into the list, on its current option. */
  focusCurrent(): void {
    if (this.options.length) this.focus(this.current);
    else this.root.focus();
  }

  private focus(i: number): void {
    const option = this.options[i];
    if (!option) return;
    this.options[this.current]?.setAttribute('tabindex', '-1');
    this.current = i;
    option.tabIndex = 0;
    option.focus();
  }

  private key(event: KeyboardEvent): void {
    const moves: Record<string, number> = {
      ArrowDown: this.current + 1,
      ArrowUp: this.current - 1,
      Home: 0,
      End: this.options.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focus(Math.max(0, Math.min(this.options.length - 1, moves[event.key]!)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const id = this.options[this.current]?.dataset['id'];
      if (id) this.onChoose(id);
    }
  }
}
