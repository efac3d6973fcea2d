/**
 * The time axis: every event in view as a bar across its window (how precisely its time is known
 * is the bar's length; an unknown bound runs to the edge with an arrow), in time order as known,
 * and a range (two sliders, or a drag across the axis) that filters the graph and the map. An
 * event tapped here is selected everywhere; one selected elsewhere is marked here.
 */
import { h } from './dom.js';
import type { DrawnNode } from './queries.js';
import { inTimeOrder, precisionText, shortDate, windowOf, type Range } from './time.js';
import { eventKindName, nodeLabel } from './labels.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR = 3_600_000;
const STEPS = [
  HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  48 * HOUR,
  7 * 24 * HOUR,
  30 * 24 * HOUR,
  365 * 24 * HOUR,
];
const LANE = 20;
const TOP = 22;
const MAX_LANES = 12;

const svg = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
};

function tickLabel(ms: number, step: number): string {
  const date = new Date(ms);
  if (step < 24 * HOUR) return `${shortDate(ms).replace(/ \d{4}$/, '')} ${date.toISOString().slice(11, 16)}`;
  return shortDate(ms).replace(/ \d{4}$/, step >= 30 * 24 * HOUR ? ` ${date.getUTCFullYear()}` : '');
}

export class TimeAxis {
  private readonly chart: HTMLElement;
  private readonly fromInput: HTMLInputElement;
  private readonly toInput: HTMLInputElement;
  private readonly rangeText: HTMLElement;
  private readonly clearButton: HTMLButtonElement;
  private events: DrawnNode[] = [];
  private extent: Range | null = null;
  private range: Range | null = null;
  private selected: string | null = null;

  constructor(
    root: HTMLElement,
    private readonly onRange: (range: Range | null) => void,
    private readonly onPick: (id: string) => void,
  ) {
    this.chart = h('div', { class: 'axis-chart' });
    this.fromInput = h('input', { type: 'range', id: 'range-from', 'aria-label': 'From', step: '1' });
    this.toInput = h('input', { type: 'range', id: 'range-to', 'aria-label': 'To', step: '1' });
    this.rangeText = h('span', { class: 'range-text', 'aria-live': 'polite' });
    this.clearButton = h(
      'button',
      { type: 'button', id: 'range-clear', onclick: () => this.onRange(null) },
      'All times',
    );
    root.replaceChildren(
      h('div', { class: 'axis-head' }, h('h2', {}, 'Time'), this.rangeText, this.clearButton),
      this.chart,
      h(
        'div',
        { class: 'axis-range' },
        h('label', { for: 'range-from' }, 'From'),
        this.fromInput,
        h('label', { for: 'range-to' }, 'To'),
        this.toInput,
      ),
    );
    const slid = (): void => {
      if (!this.extent) return;
      const a = Number(this.fromInput.value);
      const b = Number(this.toInput.value);
      this.onRange(this.closed({ from: Math.min(a, b), to: Math.max(a, b) }));
    };
    this.fromInput.addEventListener('change', slid);
    this.toInput.addEventListener('change', slid);
    new ResizeObserver(() => this.draw()).observe(this.chart);
    this.brush();
  }

  render(events: DrawnNode[], range: Range | null, selected: string | null): void {
    this.events = inTimeOrder(
      events.filter((e) => e.type === 'EVENT'),
      (e) => e.node.time,
      (e) => e.label,
    );
    this.range = range;
    this.selected = selected;
    const bounds = this.events.flatMap((e) => {
      const w = windowOf(e.node.time);
      return [w.start, w.end].filter((b): b is number => b !== null);
    });
    this.extent = bounds.length ? this.padded(Math.min(...bounds), Math.max(...bounds)) : null;
    for (const input of [this.fromInput, this.toInput]) {
      input.disabled = !this.extent;
      if (!this.extent) continue;
      input.min = String(this.extent.from);
      input.max = String(this.extent.to);
      input.step = String(HOUR);
    }
    if (this.extent) {
      this.fromInput.value = String(range?.from ?? this.extent.from);
      this.toInput.value = String(range?.to ?? this.extent.to);
      this.fromInput.setAttribute('aria-valuetext', shortDate(Number(this.fromInput.value)));
      this.toInput.setAttribute('aria-valuetext', shortDate(Number(this.toInput.value)));
    }
    this.clearButton.disabled = !range;
    this.rangeText.textContent = range
      ? `${new Date(range.from).toISOString().slice(0, 16).replace('T', ' ')} to ${new Date(range.to).toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : this.events.length
        ? 'all times'
        : 'no events in view';
    this.draw();
  }

  /** A range that covers the whole extent is no range at all. */
  private closed(range: Range): Range | null {
    if (!this.extent) return null;
    return range.from <= this.extent.from && range.to >= this.extent.to ? null : range;
  }

  private padded(from: number, to: number): Range {
    const pad = Math.max((to - from) * 0.04, 6 * HOUR);
    // Whole hours, so the sliders' steps land on them.
    return { from: Math.floor((from - pad) / HOUR) * HOUR, to: Math.ceil((to + pad) / HOUR) * HOUR };
  }

  private draw(): void {
    const width = Math.max(this.chart.clientWidth, 200);
    if (!this.extent || !this.events.length) {
      this.chart.replaceChildren(h('p', { class: 'muted empty' }, 'No events in view.'));
      return;
    }
    const { from, to } = this.extent;
    const x = (ms: number): number => ((ms - from) / (to - from)) * (width - 16) + 8;
    const lanesEnd: number[] = [];
    const bars: {
      event: DrawnNode;
      x1: number;
      x2: number;
      lane: number;
      openStart: boolean;
      openEnd: boolean;
      name: string;
      after: boolean;
    }[] = [];
    for (const event of this.events) {
      const w = windowOf(event.node.time);
      const openStart = w.start === null;
      const openEnd = w.end === null;
      const x1 = openStart ? 8 : x(w.start!);
      const x2 = Math.max(openEnd ? width - 8 : x(w.end!), x1 + 6);
      const name = eventKindName(event.node.type ?? 'OTHER', event.node.subType);
      // The name goes after the bar when there is room before the edge, else before it.
      const after = x2 + 4 + name.length * 6.2 < width || x1 - 8 - name.length * 6.2 < 0;
      const end = after ? x2 + 8 + name.length * 6.2 : x2;
      const begin = after ? x1 : x1 - 8 - name.length * 6.2;
      let lane = lanesEnd.findIndex((used) => used + 6 < begin);
      if (lane === -1) lane = lanesEnd.length < MAX_LANES ? lanesEnd.length : MAX_LANES - 1;
      lanesEnd[lane] = end;
      bars.push({ event, x1, x2, lane, openStart, openEnd, name, after });
    }
    const height = TOP + lanesEnd.length * LANE + 4;
    const chart = svg('svg', { width, height, class: 'axis-svg', role: 'img' });
    chart.setAttribute(
      'aria-label',
      `Time axis: ${this.events.length} events from ${shortDate(from)} to ${shortDate(to)}. The list of what is in view gives each one.`,
    );
    const step = STEPS.find((s) => (to - from) / s <= width / 90) ?? STEPS[STEPS.length - 1]!;
    for (let t = Math.ceil(from / step) * step; t <= to; t += step) {
      chart.append(svg('line', { x1: x(t), x2: x(t), y1: 14, y2: height, class: 'tick' }));
      const text = svg('text', { x: x(t) + 3, y: 11, class: 'tick-label' });
      text.textContent = tickLabel(t, step);
      chart.append(text);
    }
    for (const bar of bars) {
      const y = TOP + bar.lane * LANE;
      const inRange = !this.range || this.overlapsRange(bar.event);
      const group = svg('g', {
        class: `bar${bar.event.id === this.selected ? ' chosen' : ''}${inRange ? '' : ' out'}`,
        'data-id': bar.event.id,
      });
      const title = svg('title', {});
      title.textContent = `${nodeLabel(bar.event)} — ${bar.event.node.time?.label ?? 'time unknown'} (${precisionText(bar.event.node.time)})`;
      group.append(title, svg('rect', { x: bar.x1, y, width: bar.x2 - bar.x1, height: LANE - 8, rx: 3 }));
      if (bar.openStart)
        group.append(
          svg('path', { d: `M${bar.x1 + 6} ${y} l-6 ${(LANE - 8) / 2} l6 ${(LANE - 8) / 2}`, class: 'open' }),
        );
      if (bar.openEnd)
        group.append(
          svg('path', { d: `M${bar.x2 - 6} ${y} l6 ${(LANE - 8) / 2} l-6 ${(LANE - 8) / 2}`, class: 'open' }),
        );
      const label = svg('text', {
        x: bar.after ? bar.x2 + 4 : bar.x1 - 4,
        y: y + LANE - 10,
        class: 'bar-label',
        'text-anchor': bar.after ? 'start' : 'end',
      });
      label.textContent = bar.name;
      group.append(label);
      group.addEventListener('click', (event) => {
        event.stopPropagation();
        this.onPick(bar.event.id);
      });
      chart.append(group);
    }
    if (this.range) {
      const r1 = Math.max(8, x(this.range.from));
      const r2 = Math.min(width - 8, x(this.range.to));
      chart.append(
        svg('rect', { x: 0, y: 14, width: Math.max(0, r1), height, class: 'outside' }),
        svg('rect', { x: r2, y: 14, width: Math.max(0, width - r2), height, class: 'outside' }),
      );
    }
    this.chart.replaceChildren(chart);
  }

  private overlapsRange(event: DrawnNode): boolean {
    const w = windowOf(event.node.time);
    return (w.end ?? Infinity) >= this.range!.from && (w.start ?? -Infinity) <= this.range!.to;
  }

  /** A drag across the axis picks a range; a tap on empty axis does nothing. */
  private brush(): void {
    let startX: number | null = null;
    const at = (clientX: number): number => {
      const box = this.chart.getBoundingClientRect();
      const { from, to } = this.extent!;
      const t = from + ((clientX - box.left - 8) / (box.width - 16)) * (to - from);
      return Math.min(to, Math.max(from, Math.round(t / HOUR) * HOUR));
    };
    this.chart.addEventListener('pointerdown', (event) => {
      if (!this.extent || (event.target as Element).closest('.bar')) return;
      startX = event.clientX;
    });
    this.chart.addEventListener('pointerup', (event) => {
      if (startX === null || !this.extent) return;
      const [a, b] = [at(startX), at(event.clientX)];
      startX = null;
      if (Math.abs(b - a) < HOUR) return;
      this.onRange(this.closed({ from: Math.min(a, b), to: Math.max(a, b) }));
    });
  }
}
