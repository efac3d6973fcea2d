/**
 * The timeline strip: the events in view, in time order, each with its time label and how
 * precisely the time is known. Events without any known time come last.
 */
import { h, humane } from './dom.js';
import type { DrawnNode } from './queries.js';

/** The instant an event is ordered by: its start, else its end; null when neither is known. */
function instant(node: DrawnNode): number | null {
  const time = node.node.time;
  const at = time?.start ?? time?.end;
  return at ? Date.parse(at) : null;
}

export function inTimeOrder(events: DrawnNode[]): DrawnNode[] {
  return [...events].sort((a, b) => {
    const x = instant(a);
    const y = instant(b);
    if (x === null || y === null) return x === y ? a.label.localeCompare(b.label) : x === null ? 1 : -1;
    return x - y || a.label.localeCompare(b.label);
  });
}

export function renderTimeline(list: HTMLElement, nodes: DrawnNode[], onPick: (node: DrawnNode) => void): void {
  const events = inTimeOrder(nodes.filter((n) => n.type === 'EVENT'));
  if (!events.length) {
    list.replaceChildren(h('li', { class: 'muted empty' }, 'No events in view.'));
    return;
  }
  list.replaceChildren(
    ...events.map((event) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'moment', 'data-id': event.id, onclick: () => onPick(event) },
          h('span', { class: 'when', title: event.node.time?.label ?? '' }, event.node.time?.label ?? 'time unknown'),
          h('span', { class: 'precision' }, humane(event.node.time?.precision ?? 'UNKNOWN')),
          h('span', { class: 'what' }, event.node.description ?? event.label),
        ),
      ),
    ),
  );
}
