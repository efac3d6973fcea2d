/**
 * The explorer page in a real browser (tests/support/browser.ts: Debian's chromium, the network
 * cut to this machine, axe-core on every state), against the real server and Neo4j, at 1440×900
 * and on a phone (390×844, touch). Each point of the explorer's brief has a test here: the graph
 * and the map in sync, the time axis, paths, the readable default, a panel that tells the truth,
 * the view in the address (Back/Forward, failures that keep the drawing, exports), the keyboard,
 * and a page that loads with no request leaving the machine. Screenshots of each main state go
 * to tests/artifacts/. Waits are on conditions, never on time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { EXPLORER_DIST } from '../../src/http/explorer.js';
import { addSource } from '../../src/graph/write/source.js';
import { loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  ARTIFACTS,
  DESKTOP,
  PHONE,
  accessibilityViolations,
  launchChromium,
  nextFrames,
  runBrowserTests,
  watchForPageErrors,
  type TestBrowser,
} from '../support/browser.js';

declare global {
  /** What the page exposes for tests: the drawing, the map and the ids on it (explorer/src/main.ts). */
  interface Window {
    explorer: { cy: Core; map: unknown; mapIds: () => string[] };
  }
}

/** cytoscape's renderer hit test (not in its public types): what a click at a model point hits. */
interface HitTest {
  findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string } | undefined;
}

const RESEARCHER_KEY = newKey();

let api: TestServer;
beforeAll(async () => {
  // Build from the current sources, so a stale explorer/dist cannot pass.
  await build({ configFile: 'explorer/vite.config.ts', logLevel: 'warn' });
  api = await startTestServer({
    API_KEYS: `explorer-test:researcher:${hashKey(RESEARCHER_KEY)}`,
    TX_TIMEOUT_MS: '120000',
    REQUEST_TIMEOUT_MS: '120000',
  });
  await loadArticle(api.server.db);
  // An event known only to a region, for the map's uncertainty.
  const added = await api.gql(
    /* GraphQL */ `mutation AddRegionClash($input: AddClaimInput!) { addClaim(input: $input) { id } }`,
    {
      input: {
        text: 'Explorer test: a clash somewhere in the Gao region, on 14 September.',
        assertedBy: { id: 'actor:soukaina-sghir' },
        sourceIds: ['source:article'],
        events: [
          {
            id: 'event:explorer-gao-region-clash',
            type: 'BATTLE',
            subType: 'ARMED_CLASH',
            description: 'Explorer test: a clash in the Gao region.',
            time: { start: '2023-09-14T00:00:00.000Z', end: '2023-09-14T23:59:59.999Z', precision: 'DAY' },
            place: { id: 'place:gao-region' },
            participants: [{ actor: { id: 'actor:csp' }, role: 'ATTACKER' }],
          },
        ],
      },
    },
    RESEARCHER_KEY,
  );
  expect(added.errors).toBeUndefined();
}, 300_000);
afterAll(async () => {
  await api?.stop();
});

describe('/explore is served by the API process', () => {
  it('serves the page, with and without a trailing slash and under deeper paths', async () => {
    for (const path of ['/explore', '/explore/', '/explore/some/view']) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>conflict-graph explorer</title>');
    }
  });

  it('serves the built assets as immutable, and a missing asset as 404', async () => {
    const html = await (await fetch(`${api.url}/explore/`)).text();
    const script = /src="(\/explore\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${api.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${api.url}/explore/assets/nothing-here.js`)).status).toBe(404);
  });

  it('leaves other paths alone', async () => {
    expect((await fetch(`${api.url}/explorer-not`)).status).toBe(404);
    expect(existsSync(join(EXPLORER_DIST, 'index.html'))).toBe(true);
  });
});

interface ApiGraphView {
  capped: boolean;
  nodes: { id: string; type: string; label: string }[];
  edges: {
    id: string;
    kind: string;
    from: string;
    to: string;
    role: string | null;
    status: string | null;
    claims: { id: string }[];
  }[];
}

/** The API's own answer for a neighbourhood, to compare the drawing with. */
async function neighbourhood(id: string, depth: number, confirmedOnly = false): Promise<ApiGraphView> {
  const result = await api.gql<{ neighbourhood: ApiGraphView }>(
    /* GraphQL */ `query Neighbourhood($id: ID!, $depth: Int!, $confirmedOnly: Boolean) {
      neighbourhood(id: $id, depth: $depth, limit: 150, filter: { confirmedOnly: $confirmedOnly }) {
        capped
        nodes { id type label }
        edges { id kind from to role status claims { id } }
      }
    }`,
    { id, depth, confirmedOnly },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.neighbourhood;
}

const union = (...views: ApiGraphView[]): string[] =>
  [...new Set(views.flatMap((v) => v.nodes.map((n) => n.id)))].sort();

const PROVENANCE = new Set(['ASSERTED_BY', 'REPORTED_IN', 'ABOUT', 'SUPPORTS', 'CONTRADICTS', 'CITES']);
const LINE_STYLE: Record<string, string> = {
  CORROBORATED: 'solid',
  REPORTED: 'dashed',
  DISPUTED: 'dashed',
  UNVERIFIED: 'dotted',
  NONE: 'solid',
};
const SHAPE: Record<string, string> = {
  ACTOR: 'ellipse',
  PLACE: 'round-triangle',
  EVENT: 'diamond',
  SOURCE: 'round-rectangle',
  CLAIM: 'round-tag',
};
const humane = (value: string): string => value.toLowerCase().replaceAll('_', ' ');

/** Helpers bound to one page. */
function onPage(page: Page) {
  const drawnIds = (): Promise<string[]> =>
    page.evaluate(() =>
      window.explorer.cy
        .nodes()
        .map((n) => n.id())
        .sort(),
    );
  const visibleIds = (): Promise<string[]> =>
    page.evaluate(() =>
      window.explorer.cy
        .nodes(':visible')
        .map((n) => n.id())
        .sort(),
    );
  /** Waits until the page has drawn the view (the status line is no longer busy). */
  const settled = async (): Promise<void> => {
    await page.locator('#view-status[aria-busy="false"]').waitFor({ state: 'attached' });
    await page.locator('#details[aria-busy="true"]').waitFor({ state: 'detached' });
  };
  const positions = (): Promise<Record<string, Position>> =>
    page.evaluate(() =>
      Object.fromEntries(window.explorer.cy.nodes().map((n) => [n.id(), { ...n.renderedPosition() }])),
    );
  const selected = (): Promise<string | null> =>
    page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('select'));
  const axe = async (): Promise<void> => {
    expect(await accessibilityViolations(page)).toEqual([]);
  };
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  /**
   * Clicks (or taps) a drawn element where it is on screen, as a user would: a node at its centre,
   * an edge at a point along it where nothing else is on top (cytoscape's own hit test says so).
   * Then checks that cytoscape saw the tap on that element; a tap that lands elsewhere is tried at
   * the next point, and if none is reached the failure says where each tap went.
   */
  const clickDrawn = async (id: string, touch = false): Promise<void> => {
    await nextFrames(page);
    const box = await page.locator('#graph').boundingBox();
    const points = await page.evaluate(
      ({ elementId, origin, isTouch }) => {
        const cy = window.explorer.cy;
        const element = cy.getElementById(elementId);
        if (element.empty()) throw new Error(`${elementId} is not drawn.`);
        const rendered = (p: Position) => ({ x: p.x * cy.zoom() + cy.pan().x, y: p.y * cy.zoom() + cy.pan().y });
        const onCanvas = (p: Position) =>
          document.elementFromPoint(origin.x + p.x, origin.y + p.y)?.closest('#graph') !== null;
        const hitTest = (cy as unknown as { renderer(): HitTest }).renderer();
        if (element.isNode()) {
          cy.center(element);
          // The centre first, then points around it where the node (not an edge over it) is hit.
          const c = (element as unknown as NodeSingular).position();
          const found: Position[] = [];
          for (const [dx, dy] of [
            [0, 0],
            [0, 6],
            [0, -6],
            [6, 0],
            [-6, 0],
            [5, 5],
            [-5, -5],
            [5, -5],
            [-5, 5],
          ]) {
            const point = { x: c.x + dx! / cy.zoom(), y: c.y + dy! / cy.zoom() };
            if (hitTest.findNearestElement(point.x, point.y, true, isTouch)?.id() === elementId)
              found.push(rendered(point));
            if (found.length === 3) break;
          }
          return found.length ? found : [rendered(c)];
        }
        const edge = element as unknown as EdgeSingular;
        cy.center(edge);
        const [from, middle, to] = [edge.sourceEndpoint(), edge.midpoint(), edge.targetEndpoint()];
        const along = (p: Position, q: Position, t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
        const found: Position[] = [];
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
          const point = t < 0.5 ? along(from, middle, t * 2) : along(middle, to, (t - 0.5) * 2);
          if (hitTest.findNearestElement(point.x, point.y, true, isTouch)?.id() !== elementId) continue;
          if (onCanvas(rendered(point))) found.push(rendered(point));
          if (found.length === 3) break;
        }
        if (!found.length) throw new Error(`Every point along ${elementId} is covered by something else.`);
        return found;
      },
      { elementId: id, origin: { x: box!.x, y: box!.y }, isTouch: touch },
    );
    const misses: string[] = [];
    for (const at of points) {
      await page.evaluate(() => {
        const cy = window.explorer.cy;
        delete (window as { lastTap?: string }).lastTap;
        cy.one('tap', (event) => {
          (window as { lastTap?: string }).lastTap = event.target === cy ? '(background)' : event.target.id();
        });
      });
      await nextFrames(page);
      if (touch) await page.touchscreen.tap(box!.x + at.x, box!.y + at.y);
      else await page.mouse.click(box!.x + at.x, box!.y + at.y);
      const tapped = await page
        .waitForFunction(() => (window as { lastTap?: string }).lastTap, undefined, { timeout: 10_000 })
        .then((handle) => handle.jsonValue())
        .catch(() => '(no tap at all)');
      if (tapped === id) return;
      misses.push(`at (${Math.round(at.x)}, ${Math.round(at.y)}) the tap reached ${tapped}`);
    }
    await shot(`explorer-missed-${id.replaceAll(/[^\w-]/g, '_')}`);
    throw new Error(`Clicking ${id} never reached it: ${misses.join('; ')}.`);
  };
  const search = async (text: string, pick: string): Promise<void> => {
    await page.fill('#search-text', text);
    await page.press('#search-text', 'Enter');
    await page.locator(`.hit[data-id="${pick}"]`).click();
    await settled();
  };
  /** Opens or closes the view options (whatever state an earlier test left them in). */
  const options = async (open: boolean): Promise<void> => {
    const box = page.locator('#controls');
    if ((await box.evaluate((d) => (d as HTMLDetailsElement).open)) !== open) await box.locator('summary').click();
  };
  /** Presses "Load more" in the panel's claim lists until every claim is shown, as a reader would. */
  const allClaims = async (): Promise<void> => {
    const more = page.locator('#details .claims button.more:visible');
    while ((await more.count()) > 0) {
      const shown = await page.locator('#details .claim').count();
      await more.first().click();
      await page.waitForFunction((before) => document.querySelectorAll('#details .claim').length > before, shown);
    }
  };
  return { drawnIds, visibleIds, settled, positions, selected, axe, shot, clickDrawn, search, options, allClaims };
}

describe.skipIf(!runBrowserTests)(
  "the explorer at 1440×900, on the article's graph, offline",
  { timeout: 240_000 },
  () => {
    let browser: TestBrowser;
    let page: Page;
    let pageErrors: string[];
    let $: ReturnType<typeof onPage>;

    beforeAll(async () => {
      browser = await launchChromium(DESKTOP);
      page = await browser.context.newPage();
      page.setDefaultTimeout(90_000);
      pageErrors = watchForPageErrors(page);
      $ = onPage(page);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opens /explore: search box, legend, empty time axis, the map drawn offline, axe-clean', async () => {
      await page.goto(`${api.url}/explore`);
      await expect(page.title()).resolves.toBe('conflict-graph explorer');
      await page.locator('#legend li').first().waitFor();
      const legend = await page.locator('#legend').innerText();
      for (const name of [
        'Actor',
        'Place',
        'Event',
        'Source',
        'Claim',
        '✔ corroborated',
        '● reported',
        '✖ disputed',
        '? unverified',
      ])
        expect(legend).toContain(name);
      // The legend fits: no item is cut off by its box.
      const cut = await page
        .locator('#legend li')
        .evaluateAll(
          (items) =>
            items.filter((li) => li.getBoundingClientRect().right > document.documentElement.clientWidth).length,
        );
      expect(cut).toBe(0);
      await expect(page.locator('#time-axis').innerText()).resolves.toContain('No events in view');
      // Natural Earth's boundaries are drawn as vector paths, from the bundle.
      await page.locator('#map path.leaflet-interactive, #map svg path').first().waitFor({ state: 'attached' });
      expect(await page.evaluate(() => window.explorer.cy.nodes().length)).toBe(0);
      await $.axe();
      expect(pageErrors).toEqual([]);
    });

    it('searches "Léré": the API\'s hits, walked with the arrow keys', async () => {
      const expected = await api.gql<{ search: { node: { id: string } }[] }>(
        /* GraphQL */ `query Search { search(text: "Léré", first: 15) { node { id } } }`,
      );
      const expectedIds = expected.data!.search.map((hit) => hit.node.id);
      expect(expectedIds).toContain('place:lere');

      await page.fill('#search-text', 'Léré');
      await page.press('#search-text', 'Enter');
      await page.locator('.hit').first().waitFor();
      const shown = await page.locator('.hit').evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-id')));
      expect(shown).toEqual(expectedIds);
      // Arrow keys mark each hit in turn while the focus stays in the box.
      await page.press('#search-text', 'ArrowDown');
      await page.press('#search-text', 'ArrowDown');
      await expect(page.locator('.hit[aria-selected="true"]').getAttribute('data-id')).resolves.toBe(expectedIds[1]);
      await expect(page.locator('#search-text').getAttribute('aria-activedescendant')).resolves.toBe('hit-1');
      await page.press('#search-text', 'ArrowUp');
      await expect(page.locator('.hit[aria-selected="true"]').getAttribute('data-id')).resolves.toBe(expectedIds[0]);
      await $.axe();
      await $.shot('explorer-desktop-search');
    });

    it("draws the place's neighbourhood, readable by default: plain labels, provenance edges off beyond depth 1", async () => {
      const historyBefore = await page.evaluate(() => history.length);
      for (let i = 0; i < 20; i += 1) {
        if ((await page.locator('.hit[aria-selected="true"]').getAttribute('data-id')) === 'place:lere') break;
        await page.press('#search-text', 'ArrowDown');
      }
      await page.press('#search-text', 'Enter');
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('node') !== null);
      expect(await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('node'))).toBe('place:lere');
      await $.settled();
      // One history entry for the new view: Back will return here.
      expect(await page.evaluate(() => history.length)).toBe(historyBefore + 1);

      const expected = await neighbourhood('place:lere', 2);
      expect(expected.capped).toBe(false);
      expect(await $.drawnIds()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(await $.visibleIds()).toEqual(
        expect.arrayContaining(['place:lere-military-camp', 'actor:csp', 'event:lere-camp-attack']),
      );

      const looks = await page.evaluate(() => ({
        nodes: window.explorer.cy.nodes().map((n) => ({
          type: n.data('type') as string,
          label: n.data('label') as string,
          shape: n.style('shape') as string,
        })),
        edges: window.explorer.cy.edges().map((e) => ({
          id: e.id(),
          status: e.data('status') as string,
          visible: e.visible(),
          line: e.style('line-style') as string,
          label: e.data('label') as string,
        })),
      }));
      for (const node of looks.nodes) {
        expect(node.shape).toBe(SHAPE[node.type]);
        // Plain language: no raw codes such as NON_STATE_ACTOR_OVERTAKES_TERRITORY.
        expect(node.label).not.toMatch(/[A-Z]{3,}_[A-Z]/);
      }
      const byId = new Map(expected.edges.map((e) => [e.id, e]));
      expect(looks.edges.map((e) => e.id).sort()).toEqual([...byId.keys()].sort());
      for (const edge of looks.edges) {
        const api = byId.get(edge.id)!;
        expect(edge.status).toBe(api.status ?? 'NONE');
        expect(edge.line).toBe(LINE_STYLE[edge.status]);
        expect(edge.label).not.toMatch(/[A-Z]{3,}_[A-Z]/);
        // Depth 2: provenance edges are off by default; the facts are drawn.
        if (PROVENANCE.has(api.kind)) expect(edge.visible, `${edge.id} hidden`).toBe(false);
      }
      expect(looks.edges.filter((e) => e.visible).length).toBeGreaterThan(0);
      await expect(page.locator('#provenance').isChecked()).resolves.toBe(false);
      await expect(page.locator('#view-status').innerText()).resolves.toMatch(/^Showing \d+ nodes and \d+ edges/);

      // The camp and the CSP are on screen, inside the canvas, with labels of a readable size.
      for (const id of ['place:lere-military-camp', 'actor:csp']) {
        const inside = await page.evaluate((nodeId) => {
          const cy = window.explorer.cy;
          const box = cy.getElementById(nodeId).renderedBoundingBox({});
          return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
        }, id);
        expect(inside, `${id} is inside the visible canvas`).toBe(true);
      }
      expect(await page.evaluate(() => window.explorer.cy.zoom() * 14)).toBeGreaterThanOrEqual(9);
      await $.axe();
      await $.shot('explorer-desktop-graph');
    });

    it('toggles provenance edges and node types; the picture does not move', async () => {
      const before = await $.positions();
      await $.options(true);
      await page.check('#provenance');
      await page.waitForFunction(() => window.explorer.cy.edges('[provenance = "yes"]:visible').length > 0);
      await page.uncheck('#provenance');
      await page.waitForFunction(() => window.explorer.cy.edges('[provenance = "yes"]:visible').length === 0);
      await page.uncheck('.types input[data-type="ACTOR"]');
      await page.waitForFunction(() => window.explorer.cy.nodes('[type = "ACTOR"]:visible').length === 0);
      expect(await page.evaluate(() => location.hash)).toContain('hide=ACTOR');
      await page.check('.types input[data-type="ACTOR"]');
      await page.waitForFunction(() => window.explorer.cy.nodes('[type = "ACTOR"]:visible').length > 0);
      await $.options(false);
      expect(await $.positions()).toEqual(before);
    });

    it('shows the events at their places on the map, and selection syncs both ways', async () => {
      const onMap = await page.evaluate(() => window.explorer.mapIds());
      expect(onMap).toEqual(expect.arrayContaining(['place:lere', 'event:lere-camp-attack']));
      // Graph → map: select the attack on the graph; its marker is marked on the map.
      await $.clickDrawn('event:lere-camp-attack');
      await page.locator('#details code', { hasText: 'event:lere-camp-attack' }).waitFor();
      await page.locator('#map .map-chosen').waitFor({ state: 'attached' });
      // Map → graph: tap the place's marker; the graph and the panel select it.
      const marker = page.locator('#map path.map-place').first();
      await marker.waitFor({ state: 'attached' });
      await page.evaluate(() => {
        // Bring every place marker to the front, so the click below lands on one.
        document.querySelectorAll('#map path.map-place').forEach((p) => p.parentElement?.append(p));
      });
      const placeMarker = page.locator('#map path.map-place').last();
      await placeMarker.dispatchEvent('click');
      await page.waitForFunction(() => {
        const id = new URLSearchParams(location.hash.slice(1)).get('select');
        return id?.startsWith('place:') ?? false;
      });
      const chosen = (await $.selected())!;
      expect(await page.evaluate((id) => window.explorer.cy.getElementById(id).hasClass('chosen'), chosen)).toBe(true);
      await page.locator(`#details code`, { hasText: chosen }).waitFor();
      await $.settled();
      await $.axe();
    });

    it('shows a place known only to a region as an area of uncertainty', async () => {
      await page.goto(`${api.url}/explore#node=${encodeURIComponent('event:explorer-gao-region-clash')}&depth=1`);
      await $.settled();
      await page.locator('#map path.map-uncertainty').waitFor({ state: 'attached' });
      const tooltip = await page.evaluate(() => window.explorer.mapIds());
      expect(tooltip).toContain('event:explorer-gao-region-clash');
      await $.clickDrawn('event:explorer-gao-region-clash');
      await page.locator('#details', { hasText: 'known to the region, about 150 km' }).waitFor();
      await $.shot('explorer-desktop-map-uncertainty');
      await page.goBack();
      await page.waitForFunction(() => location.hash.includes('node=place%3Alere'));
      await $.settled();
    });

    it('lays the events on the time axis in time order as known, each window as a span', async () => {
      const events = (await neighbourhood('place:lere', 2)).nodes.filter((n) => n.type === 'EVENT');
      expect(events.length).toBeGreaterThan(1);
      const times = await Promise.all(
        events.map(async (event) => {
          const result = await api.gql<{
            event: { time: { start: string | null; end: string | null; label: string; precision: string } };
          }>(/* GraphQL */ `query EventTime($id: ID!) { event(id: $id) { time { start end label precision } } }`, {
            id: event.id,
          });
          return { id: event.id, ...result.data!.event.time };
        }),
      );
      const middle = (t: { start: string | null; end: string | null }): number =>
        t.start && t.end
          ? (Date.parse(t.start) + Date.parse(t.end)) / 2
          : t.start
            ? Date.parse(t.start)
            : t.end
              ? Date.parse(t.end)
              : Infinity;
      const ordered = [...times].sort((a, b) => middle(a) - middle(b));
      const listed = await page
        .locator('#in-view .in-view[data-id^="event:"]')
        .evaluateAll((all) => all.map((o) => o.getAttribute('data-id')));
      expect(listed.map((id) => middle(times.find((t) => t.id === id)!))).toEqual(ordered.map(middle));
      // The 02:00–03:00 withdrawal comes before the morning statement (which runs to noon).
      if (listed.includes('event:lere-withdrawal') && listed.includes('event:fama-statement-2023-09-18-morning'))
        expect(listed.indexOf('event:lere-withdrawal')).toBeLessThan(
          listed.indexOf('event:fama-statement-2023-09-18-morning'),
        );
      // Never "unknown" for a known window: a window is told as a span.
      for (const time of times) {
        const text = await page.locator(`#in-view .in-view[data-id="${time.id}"]`).innerText();
        if (time.start || time.end) expect(text.toLowerCase()).not.toContain('unknown');
      }
      // Each event is a bar across its window on the axis.
      const bars = await page.locator('#time-axis .bar').evaluateAll((all) =>
        all.map((g) => ({
          id: g.getAttribute('data-id'),
          width: Number(g.querySelector('rect')?.getAttribute('width')),
        })),
      );
      expect(bars.map((b) => b.id).sort()).toEqual(events.map((e) => e.id).sort());
      const wide = bars.find((b) => b.id === 'event:bourem-video-released');
      const narrow = bars.find((b) => b.id === 'event:lere-withdrawal');
      if (wide && narrow) expect(wide.width).toBeGreaterThan(narrow.width);
      await $.axe();
    });

    it('a time range filters the graph and the map, and goes into the address', async () => {
      const before = await $.visibleIds();
      // 17 Sep only: the 18 Sep events leave the graph and the map.
      await page.evaluate(() => {
        const set = (id: string, iso: string) => {
          const input = document.getElementById(id) as HTMLInputElement;
          input.value = String(Date.parse(iso));
          input.dispatchEvent(new Event('change', { bubbles: true }));
        };
        set('range-from', '2023-09-17T00:00:00.000Z');
        set('range-to', '2023-09-17T23:00:00.000Z');
      });
      await page.waitForFunction(() => location.hash.includes('to=2023-09-17T23'));
      await $.settled();
      const inRange = await $.visibleIds();
      expect(inRange).not.toContain('event:lere-withdrawal');
      expect(inRange).toContain('event:lere-camp-attack');
      expect(await page.evaluate(() => window.explorer.mapIds())).not.toContain('event:lere-withdrawal');
      expect(await page.locator('#time-axis .bar.out[data-id="event:lere-withdrawal"]').count()).toBe(1);
      await $.axe();
      await $.shot('explorer-desktop-time-range');
      await page.locator('#range-clear').click();
      await page.waitForFunction(() => !location.hash.includes('to='));
      await $.settled();
      expect(await $.visibleIds()).toEqual(before);
    });

    it('clicking the attack event shows its claims, who asserts each and the sources; each name selects and centres', async () => {
      await $.clickDrawn('event:lere-camp-attack');
      await page.locator('#details .claim').first().waitFor();
      await $.settled();
      // Ten claims a page: the rest come with "Load more".
      expect(await page.locator('#details .claims .claim').count()).toBe(10);
      await $.allClaims();
      const expected = await api.gql<{
        event: {
          description: string;
          claims: {
            id: string;
            text: string;
            status: string;
            assertedBy: { name: string } | null;
            reportedIn: { title: string }[];
            supportingSources: { title: string }[];
          }[];
        };
      }>(/* GraphQL */ `query AttackClaims { event(id: "event:lere-camp-attack") {
        description
        claims { id text status assertedBy { name } reportedIn { title } supportingSources { title } }
      } }`);
      const event = expected.data!.event;
      const details = page.locator('#details');
      await expect(details.locator('code').first().innerText()).resolves.toBe('event:lere-camp-attack');
      await expect(details.innerText()).resolves.toContain(event.description);
      const shownClaims = await details
        .locator('.claims .claim')
        .evaluateAll((all) => all.map((c) => c.getAttribute('data-id')));
      expect(shownClaims.sort()).toEqual(event.claims.map((c) => c.id).sort());
      for (const claim of event.claims) {
        const text = await details.locator(`.claim[data-id="${claim.id}"]`).innerText();
        expect(text).toContain(claim.text);
        expect(text).toContain(humane(claim.status));
        expect(text).toContain(`Asserted by ${claim.assertedBy?.name ?? 'nobody named'}`);
        for (const source of [...claim.reportedIn, ...claim.supportingSources]) expect(text).toContain(source.title);
      }
      expect(await details.innerText()).toContain('Local civilian sources in Léré');
      await $.axe();
      await $.shot('explorer-desktop-event');

      // A name in the panel selects that node and brings it to the middle of the canvas.
      await details.locator('.participants .name-link[data-id="actor:csp"]').click();
      await page.waitForFunction(() => location.hash.includes('select=actor%3Acsp'));
      await page.locator('#details code', { hasText: 'actor:csp' }).waitFor();
      const centred = await page.evaluate(() => {
        const cy = window.explorer.cy;
        const p = cy.getElementById('actor:csp').renderedPosition();
        return Math.hypot(p.x - cy.width() / 2, p.y - cy.height() / 2);
      });
      expect(centred).toBeLessThan(12);
    });

    it('clicking an edge shows the claims behind it', async () => {
      const view = await neighbourhood('place:lere', 2);
      const edge = view.edges.find(
        (e) => e.kind === 'PARTICIPATED_IN' && e.from === 'actor:csp' && e.to === 'event:lere-camp-attack',
      );
      expect(edge).toBeDefined();
      await $.clickDrawn(edge!.id);
      const details = page.locator('#details');
      await details.locator('h2', { hasText: 'took part in as attacker' }).waitFor();
      await details.locator('.claim').first().waitFor();
      const shown = await details.locator('.claim').evaluateAll((all) => all.map((c) => c.getAttribute('data-id')));
      expect(shown.sort()).toEqual(edge!.claims.map((c) => c.id).sort());
      await expect(details.innerText()).resolves.toContain(humane(edge!.status!));
      await $.axe();
      await $.shot('explorer-desktop-edge');
    });

    it('a source shows what it reports, supports, contradicts and cites; long lists load more', async () => {
      const { data } = await api.gql<{
        source: {
          claims: { totalCount: number };
          supports: { id: string }[];
          contradicts: { id: string }[];
          cites: { id: string }[];
          citedBy: { id: string }[];
        };
      }>(/* GraphQL */ `query ArticleLists { source(id: "source:article") {
          claims(first: 1) { totalCount } supports { id } contradicts { id } cites { id } citedBy { id }
        } }`);
      const source = data!.source;
      expect(source.claims.totalCount).toBeGreaterThan(10);
      await page.goto(`${api.url}/explore#node=source%3Aarticle&depth=1&select=source%3Aarticle`);
      await $.settled();
      const details = page.locator('#details');
      await details.locator('h3', { hasText: `Claims reported in it (${source.claims.totalCount})` }).waitFor();
      await details.locator('h3', { hasText: `Claims it supports (${source.supports.length})` }).waitFor();
      await details.locator('h3', { hasText: `Claims it contradicts (${source.contradicts.length})` }).waitFor();
      expect(await details.locator('.sources', { hasText: 'Cites' }).locator('li').count()).toBe(source.cites.length);
      const reported = details.locator('section.claims:not(.brief)').first();
      expect(await reported.locator('.claim').count()).toBe(10);
      await reported.locator('button.more').click();
      await page.waitForFunction(
        (n) =>
          document.querySelectorAll('#details section.claims:not(.brief)')[0]!.querySelectorAll('.claim').length === n,
        Math.min(20, source.claims.totalCount),
      );
      await $.axe();
      await $.shot('explorer-desktop-source');

      // A source that supports claims without reporting them (the CSP spokesperson) lists them.
      const spokesperson = await api.gql<{ source: { supports: { id: string }[] } }>(
        /* GraphQL */ `query SpokespersonSupports { source(id: "source:csp-spokesperson") { supports { id } } }`,
      );
      const supports = spokesperson.data!.source.supports;
      expect(supports.length).toBeGreaterThan(0);
      await page.goto(`${api.url}/explore#node=source%3Acsp-spokesperson&depth=1&select=source%3Acsp-spokesperson`);
      await $.settled();
      await details.locator('h3', { hasText: `Claims it supports (${supports.length})` }).waitFor();
      const listed = await details
        .locator('section.brief', { hasText: 'Claims it supports' })
        .locator('.claim')
        .evaluateAll((all) => all.map((c) => c.getAttribute('data-id')));
      expect(listed.sort()).toEqual(supports.map((c) => c.id).sort());
    });

    it('expands a node at the current depth, in place: the drawn nodes do not move; Back and Forward step through', async () => {
      await page.goto(`${api.url}/explore#node=place%3Alere&depth=2&select=actor%3Acsp`);
      await $.settled();
      const before = await $.drawnIds();
      const placesBefore = await $.positions();
      await page.locator('#details code', { hasText: 'actor:csp' }).waitFor();
      await page.locator('#details button.expand').click();
      await page.waitForFunction(() => location.hash.includes('expand=actor%3Acsp'));
      await $.settled();
      // Depth applies to every expanded node: the CSP's neighbourhood at depth 2.
      const expected = union(await neighbourhood('place:lere', 2), await neighbourhood('actor:csp', 2));
      expect(await $.drawnIds()).toEqual(expected);
      expect((await $.drawnIds()).length).toBeGreaterThan(before.length);
      const after = await $.positions();
      for (const id of before) {
        expect(
          Math.hypot(after[id]!.x - placesBefore[id]!.x, after[id]!.y - placesBefore[id]!.y),
          `${id} stayed`,
        ).toBeLessThan(1);
      }
      await $.axe();
      await $.shot('explorer-desktop-expanded');

      await page.goBack();
      await page.waitForFunction(() => !location.hash.includes('expand='));
      await $.settled();
      expect(await $.drawnIds()).toEqual(before);
      await page.goForward();
      await page.waitForFunction(() => location.hash.includes('expand=actor%3Acsp'));
      await $.settled();
      expect(await $.drawnIds()).toEqual(expected);
    });

    it('one link gives one picture: the same address, opened afresh, draws the same layout', async () => {
      const address = await page.evaluate(() => location.href);
      const model = async (): Promise<Record<string, Position>> => {
        const fresh = await browser.context.newPage();
        await fresh.goto(address);
        await onPage(fresh).settled();
        await fresh.waitForFunction(() => window.explorer.cy.nodes().length > 0);
        const positions = await fresh.evaluate(() =>
          Object.fromEntries(window.explorer.cy.nodes().map((n) => [n.id(), { ...n.position() }])),
        );
        await fresh.close();
        return positions;
      };
      const [a, b] = [await model(), await model()];
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const id of Object.keys(a)) {
        expect(Math.abs(b[id]!.x - a[id]!.x), id).toBeLessThan(1);
        expect(Math.abs(b[id]!.y - a[id]!.y), id).toBeLessThan(1);
      }
    });

    it('"confirmed only" redraws every neighbourhood in view with the filter; the remaining nodes stay put', async () => {
      const [lere, csp] = await Promise.all([
        neighbourhood('place:lere', 2, true),
        neighbourhood('actor:csp', 2, true),
      ]);
      const all = await $.drawnIds();
      const before = await $.positions();
      await $.options(true);
      await page.check('#confirmed-only');
      await page.waitForFunction(() => location.hash.includes('confirmed=1'));
      await $.settled();
      expect(await $.drawnIds()).toEqual(union(lere, csp));
      const statuses = await page.evaluate(() => window.explorer.cy.edges().map((e) => e.data('status') as string));
      expect(statuses).not.toContain('REPORTED');
      const after = await $.positions();
      for (const id of Object.keys(after))
        expect(Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y)).toBeLessThan(1);
      await page.uncheck('#confirmed-only');
      await page.waitForFunction(() => !location.hash.includes('confirmed=1'));
      await $.settled();
      await $.options(false);
      expect(await $.drawnIds()).toEqual(all);
    });

    it('the panel tells the truth: a node a filter hides is marked gone; an unknown id says so', async () => {
      await page.goto(`${api.url}/explore#node=place%3Alere&depth=2&select=event%3Alere-camp-attack`);
      await page.locator('#details code', { hasText: 'event:lere-camp-attack' }).waitFor();
      await $.settled();
      await $.options(true);
      await page.uncheck('.types input[data-type="EVENT"]');
      await page.locator('#details .gone').waitFor();
      await expect(page.locator('#details .gone').innerText()).resolves.toContain('no longer in view');
      // The details stay readable under the notice.
      await expect(page.locator('#details code').first().innerText()).resolves.toBe('event:lere-camp-attack');
      await $.axe();
      await page.check('.types input[data-type="EVENT"]');
      await page.locator('#details .gone').waitFor({ state: 'detached' });
      await $.options(false);

      await page.goto(`${api.url}/explore#node=place%3Anowhere-at-all&select=place%3Anowhere-at-all`);
      await $.settled();
      const status = await page.locator('#view-status').innerText();
      expect(status).toMatch(/nowhere-at-all/);
      await expect(page.locator('#details').innerText()).resolves.not.toContain('Expand');
      await page.goBack();
      await $.settled();
    });

    it('finds a path between two nodes and highlights it, with the claims behind each edge', async () => {
      await page.goto(`${api.url}/explore#node=place%3Alere&depth=2&select=actor%3Acsp`);
      await $.settled();
      await page.locator('#details button.path-from').click();
      await page.locator('#details button.path-from', { hasText: 'now pick the other end' }).waitFor();
      await page.locator('#in-view .in-view[data-id="place:lere-military-camp"]').click();
      await page.locator('#details button.path-to').click();
      await page.waitForFunction(() => location.hash.includes('path=actor%3Acsp%2Cplace%3Alere-military-camp'));
      await page.locator('#path-panel .path-step').first().waitFor();
      await $.settled();
      const expected = await api.gql<{
        pathBetween: { length: number; edges: { id: string; claims: { id: string }[] }[] }[];
      }>(
        /* GraphQL */ `query CampPath { pathBetween(fromId: "actor:csp", toId: "place:lere-military-camp", maxHops: 4) { length edges { id claims { id } } } }`,
      );
      const path = expected.data!.pathBetween[0]!;
      const steps = await page
        .locator('#path-panel .path-step')
        .evaluateAll((all) => all.map((s) => s.getAttribute('data-id')));
      expect(steps).toEqual(path.edges.map((e) => e.id));
      for (const edge of path.edges) {
        for (const c of edge.claims)
          await page.locator(`#path-panel .path-step[data-id="${edge.id}"] .claim[data-id="${c.id}"]`).waitFor();
        expect(await page.evaluate((id) => window.explorer.cy.getElementById(id).hasClass('on-path'), edge.id)).toBe(
          true,
        );
      }
      await $.axe();
      await $.shot('explorer-desktop-path');
      await page.locator('#path-panel .path-clear').click();
      await page.waitForFunction(() => !location.hash.includes('path='));
      expect(await page.locator('#path-panel').isHidden()).toBe(true);
    });

    it('a failed request says so and keeps the drawing', async () => {
      await $.settled();
      const before = await $.drawnIds();
      await page.route('**/graphql', (route) => route.abort('connectionrefused'));
      try {
        await $.options(true);
        await page.selectOption('#depth', '1');
        await page.locator('#view-status.failed', { hasText: 'Could not draw this view' }).waitFor();
        expect(await $.drawnIds()).toEqual(before);
        await $.shot('explorer-desktop-failed-request');
      } finally {
        await page.unroute('**/graphql');
      }
      await page.selectOption('#depth', '2');
      await $.options(false);
      await page.waitForFunction(() => !document.querySelector('#view-status.failed'));
      await $.settled();
      // The aborted requests (and chromium's console line for each) were this test's own doing.
      pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED')));
      browser.failed.splice(0, browser.failed.length, ...browser.failed.filter((f) => !f.includes('/graphql')));
    });

    it('fits and zooms with buttons; exports the view as PNG and JSON', async () => {
      const zoom = () => page.evaluate(() => window.explorer.cy.zoom());
      const start = await zoom();
      await page.locator('#zoom-in').click();
      expect(await zoom()).toBeGreaterThan(start);
      await page.locator('#zoom-out').click();
      await page.locator('#zoom-out').click();
      expect(await zoom()).toBeLessThan(start);
      await page.locator('#fit').click();
      await nextFrames(page);

      const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      expect(png.suggestedFilename()).toMatch(/\.png$/);
      const image = readFileSync((await png.path())!);
      expect(image.subarray(1, 4).toString()).toBe('PNG');
      const [json] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
      expect(json.suggestedFilename()).toMatch(/\.json$/);
      const body = JSON.parse(readFileSync((await json.path())!, 'utf8')) as {
        view: { node: string; depth: number };
        nodes: { id: string }[];
      };
      expect(body.view).toMatchObject({ node: 'place:lere', depth: 2 });
      expect(body.nodes.map((n) => n.id).sort()).toEqual(await $.visibleIds());
    });

    it("shows each claimant's figures side by side, and who disputes a claim through which claim", async () => {
      // Bourem: the CSP and the army each state "dozens" killed; the panel keeps them apart.
      await page.goto(`${api.url}/explore#node=event%3Abourem-attack&depth=1&select=event%3Abourem-attack`);
      await $.settled();
      const figures = page.locator('#details .figures');
      await figures.waitFor();
      const expected = await api.gql<{
        event: { figuresByClaimant: { claimant: { name: string } | null; figures: { claim: { id: string } }[] }[] };
      }>(/* GraphQL */ `query BouremFigures { event(id: "event:bourem-attack") {
        figuresByClaimant { claimant { name } figures { claim { id } } }
      } }`);
      const groups = expected.data!.event.figuresByClaimant;
      expect(groups.length).toBeGreaterThanOrEqual(2);
      const claimants = await figures.locator('.claimant').allInnerTexts();
      expect(claimants).toEqual(groups.map((g) => `According to ${g.claimant?.name ?? 'nobody named'}`));
      expect(await figures.locator('.figure').count()).toBe(groups.flatMap((g) => g.figures).length);
      for (const text of await figures.locator('.figure').allInnerTexts()) expect(text).toMatch(/^“dozens” killed/);
      await figures.scrollIntoViewIfNeeded();
      await $.axe();
      await $.shot('explorer-desktop-figures');

      // A dispute by a party: the CSP, through a claim of its own, disputes the army's.
      const write = async (query: string, input: Record<string, unknown>) => {
        const result = await api.gql(query, { input }, RESEARCHER_KEY);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      };
      const SOURCE = /* GraphQL */ `mutation ExplorerTestSource($input: AddSourceInput!) { addSource(input: $input) { id } }`;
      const CLAIM = /* GraphQL */ `mutation ExplorerTestClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
      await write(SOURCE, {
        id: 'source:explorer-fama-communique',
        kind: 'OFFICIAL_STATEMENT',
        title: 'FAMa communiqué (explorer test)',
        publisher: 'FAMa',
      });
      await write(SOURCE, {
        id: 'source:explorer-csp-statement',
        kind: 'SPOKESPERSON',
        title: 'CSP statement (explorer test)',
        publisher: 'CSP',
      });
      await write(CLAIM, {
        id: 'claim:explorer-fama-repelled',
        text: 'Explorer test: the army says it repelled the attack on Bourem.',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:explorer-fama-communique'],
        about: { eventIds: ['event:bourem-attack'] },
      });
      await write(CLAIM, {
        id: 'claim:explorer-csp-denies',
        text: 'Explorer test: the CSP says the army repelled nothing.',
        assertedBy: { id: 'actor:csp' },
        sourceIds: ['source:explorer-csp-statement'],
        about: { claimIds: ['claim:explorer-fama-repelled'] },
      });
      await write(
        /* GraphQL */ `mutation ExplorerTestDispute($input: ClaimEvidenceInput!) { disputeClaim(input: $input) { id } }`,
        { claimId: 'claim:explorer-fama-repelled', byClaimId: 'claim:explorer-csp-denies', note: 'The CSP denies it.' },
      );
      await page.goto(
        `${api.url}/explore#node=claim%3Aexplorer-fama-repelled&depth=1&select=claim%3Aexplorer-fama-repelled`,
      );
      await $.settled();
      const stances = page.locator('#details .stances', { hasText: 'Disputed by' });
      await stances.waitFor();
      expect(await stances.locator('h3').innerText()).toBe('Disputed by (1)');
      const dispute = await stances.locator('li').innerText();
      expect(dispute).toContain('CSP');
      expect(dispute).toContain('Explorer test: the CSP says the army repelled nothing.');
      expect(dispute).toContain('The CSP denies it.');
      expect(await stances.locator('.name-link[data-id="actor:csp"]').count()).toBe(1);
      expect(await stances.locator('.name-link[data-id="claim:explorer-csp-denies"]').count()).toBe(1);
      await stances.scrollIntoViewIfNeeded();
      await $.axe();
      await $.shot('explorer-desktop-dispute');
    });

    describe('adding a claim', () => {
      const fill = async (fields: {
        text: string;
        assertedBy: string;
        sourceIds: string;
        about: string;
        key: string;
      }) => {
        const form = page.locator('#add-claim');
        if (!(await form.evaluate((d) => (d as HTMLDetailsElement).open))) await form.locator('summary').click();
        await page.fill('#api-key', fields.key);
        await page.fill('#claim-form [name="text"]', fields.text);
        await page.fill('#claim-form [name="assertedBy"]', fields.assertedBy);
        await page.fill('#claim-form [name="sourceIds"]', fields.sourceIds);
        await page.fill('#claim-form [name="about"]', fields.about);
      };
      /** Submits the form and returns the request the page sent, to replay it against the API. */
      const submit = async (): Promise<{ query: string; variables: Record<string, unknown>; key?: string }> => {
        const [request] = await Promise.all([
          page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('ExplorerAddClaim')),
          page.locator('#claim-form button[type="submit"]').click(),
        ]);
        await page.waitForFunction(() => document.getElementById('claim-result')?.textContent !== 'Sending…');
        const body = request.postDataJSON() as { query: string; variables: Record<string, unknown> };
        const auth = request.headers()['authorization'];
        return { ...body, ...(auth ? { key: auth.replace(/^Bearer /, '') } : {}) };
      };
      const shownProblems = () =>
        page.locator('#claim-result .problem').evaluateAll((all) =>
          all.map((p) => ({
            message: p.querySelector('.message')?.textContent,
            code: p.querySelector('.code')?.textContent,
          })),
        );

      it('"Use in a new claim" opens the form in sight, with the node in it', async () => {
        await page.goto(`${api.url}/explore#node=place%3Alere&depth=2&select=event%3Alere-camp-attack`);
        await $.settled();
        await page.locator('#details button', { hasText: 'Use in a new claim' }).click();
        await expect(page.locator('#claim-form [name="about"]').inputValue()).resolves.toContain(
          'event:lere-camp-attack',
        );
        const inSight = await page.locator('#add-claim summary').evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        });
        expect(inSight).toBe(true);
      });

      it('shows a validation error as the API states it (a claim without a source)', async () => {
        await fill({
          key: RESEARCHER_KEY,
          text: 'A claim with no source.',
          assertedBy: 'actor:csp',
          sourceIds: '',
          about: 'event:lere-camp-attack',
        });
        const sent = await submit();
        const replay = await api.gql(sent.query, sent.variables, sent.key);
        expect(replay.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(await shownProblems()).toEqual(
          replay.errors!.map((e) => ({ message: e.message, code: e.extensions?.code })),
        );
        await $.axe();
        await page.locator('#add-claim').screenshot({ path: join(ARTIFACTS, 'explorer-add-claim-error.png') });
      });

      it('shows UNAUTHENTICATED as the API states it when no key is given', async () => {
        await fill({
          key: '',
          text: 'A claim by nobody.',
          assertedBy: 'actor:csp',
          sourceIds: 'source:article',
          about: '',
        });
        const sent = await submit();
        expect(sent.key).toBeUndefined();
        const replay = await api.gql(sent.query, sent.variables);
        expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(await shownProblems()).toEqual(
          replay.errors!.map((e) => ({ message: e.message, code: e.extensions?.code })),
        );
      });

      it('adds a sourced claim about the attack; the panel then shows it, its source linked', async () => {
        const source = await addSource(
          api.server.db.scope(),
          { kind: 'ARTICLE', title: 'Explorer test report', url: 'https://example.org/explorer-test' },
          { identity: 'explorer-test' },
        );
        const text = 'Explorer test: the camp at Léré was attacked on 17 September.';
        await fill({
          key: RESEARCHER_KEY,
          text,
          assertedBy: 'FAMa',
          sourceIds: source.id,
          about: 'event:lere-camp-attack',
        });
        await submit();
        const added = await page.locator('#claim-result .added').innerText();
        const id = /^Added (\S+) \(status (\w+)\)\.$/.exec(added)?.[1];
        expect(id).toBeDefined();
        const stored = await api.gql<{
          claim: { text: string; assertedBy: { id: string }; reportedIn: { id: string }[]; about: { id: string }[] };
        }>(
          /* GraphQL */ `query Claim($id: ID!) { claim(id: $id) { text assertedBy { id } reportedIn { id } about { id } } }`,
          { id },
        );
        const claim = stored.data!.claim;
        expect(claim.text).toBe(text);
        expect(claim.assertedBy).toEqual({ id: 'actor:fama' });
        expect(claim.reportedIn).toEqual([{ id: source.id }]);
        expect(claim.about).toContainEqual({ id: 'event:lere-camp-attack' });

        await $.settled();
        await $.clickDrawn('event:lere-camp-attack');
        await page.locator('#details .claim').first().waitFor();
        await $.allClaims();
        const item = page.locator(`#details .claim[data-id="${id}"]`);
        await item.waitFor();
        await expect(item.locator('a', { hasText: 'Explorer test report' }).getAttribute('href')).resolves.toBe(
          'https://example.org/explorer-test',
        );
        expect(await page.evaluate(() => sessionStorage.getItem('conflict-graph.apiKey'))).toBe(RESEARCHER_KEY);
        expect(await page.evaluate(() => localStorage.length)).toBe(0);
      });
    });

    it('caps a large neighbourhood and says so, without freezing; an old link (#id) still opens it', async () => {
      const events = Array.from({ length: 180 }, (_, i) => ({
        id: `event:explorer-hub-${i}`,
        type: 'BATTLE',
        subType: 'ARMED_CLASH',
        description: `Explorer hub clash number ${i}.`,
        participants: [{ actor: { name: 'Explorer hub group', kind: 'ARMED_GROUP' }, role: 'ATTACKER' }],
      }));
      const added = await api.gql(
        /* GraphQL */ `mutation AddHub($input: AddClaimInput!) { addClaim(input: $input) { id } }`,
        {
          input: {
            text: 'The Explorer hub group fought 180 clashes.',
            assertedBy: { id: 'actor:soukaina-sghir' },
            sourceIds: ['source:article'],
            events,
          },
        },
        RESEARCHER_KEY,
      );
      expect(added.errors).toBeUndefined();
      const hub = await api.gql<{ actors: { nodes: { id: string }[] } }>(
        /* GraphQL */ `query HubActor { actors(filter: { nameContains: "Explorer hub group" }) { nodes { id } } }`,
      );
      const hubId = hub.data!.actors.nodes[0]!.id;
      const expected = await neighbourhood(hubId, 2);
      expect(expected.capped).toBe(true);

      await page.goto(`${api.url}/explore#${encodeURIComponent(hubId)}`);
      await page.waitForFunction((id) => window.explorer.cy.getElementById(id).nonempty(), hubId);
      await $.settled();
      expect(await $.drawnIds()).toEqual(expected.nodes.map((n) => n.id).sort());
      const status = await page.locator('#view-status').innerText();
      expect(status).toContain(`Capped: showing ${expected.nodes.length} of more`);
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await $.shot('explorer-capped');
      expect(pageErrors).toEqual([]);
      // With the network cut to this machine, nothing the page loaded went elsewhere or failed.
      expect(browser.offNetwork).toEqual([]);
      expect(browser.failed).toEqual([]);
    });
  },
);

describe.skipIf(!runBrowserTests)('the explorer by keyboard alone', { timeout: 240_000 }, () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchChromium(DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('selects a node, expands it and opens the claims behind one of its edges, with visible focus', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(90_000);
    const errors = watchForPageErrors(page);
    const $ = onPage(page);
    await page.goto(`${api.url}/explore`);
    await page.locator('#legend li').first().waitFor();
    /** Presses Tab until the focus is on an element matching the selector (at most 80 times). */
    const tabTo = async (selector: string): Promise<void> => {
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}.`);
    };
    const focusRing = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });

    await tabTo('#search-text');
    await page.keyboard.type('Léré');
    await page.keyboard.press('Enter');
    await page.locator('.hit').first().waitFor();
    const hits = await page.locator('.hit').evaluateAll((all) => all.map((h) => h.getAttribute('data-id')));
    for (let i = 0; i <= hits.indexOf('place:lere'); i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('node=place%3Alere'));
    await $.settled();

    // The list of what is in view: arrow keys move, Enter selects.
    await tabTo('#in-view .in-view');
    expect(await focusRing()).toBe(true);
    const target = 'actor:csp';
    await page.keyboard.press('Home');
    for (let i = 0; i < 80; i += 1) {
      if ((await page.evaluate(() => (document.activeElement as HTMLElement).dataset['id'])) === target) break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('#details code', { hasText: target }).waitFor();
    await $.settled();
    expect(await $.selected()).toBe(target);

    // Expand it: Tab to the panel's Expand button.
    const before = (await $.drawnIds()).length;
    await tabTo('#details button.expand');
    expect(await focusRing()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('expand=actor%3Acsp'));
    await $.settled();
    expect((await $.drawnIds()).length).toBeGreaterThan(before);

    // Open the claims behind one of its relationships.
    await tabTo('#details .edge-link');
    const edgeId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset['id']!);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URLSearchParams(location.hash.slice(1)).get('select') === id, edgeId);
    await page.locator('#details .type-edge').waitFor();
    await $.settled();
    const claims = await page.evaluate(
      (id) => (window.explorer.cy.getElementById(id).data('status') as string) !== 'NONE',
      edgeId,
    );
    if (claims) await page.locator('#details .claim').first().waitFor();
    await $.axe();
    await $.shot('explorer-desktop-keyboard');
    expect(errors).toEqual([]);
    expect(browser.offNetwork).toEqual([]);
    expect(browser.failed).toEqual([]);
  });
});

describe.skipIf(!runBrowserTests)('the explorer on a phone (390×844, touch)', { timeout: 240_000 }, () => {
  let browser: TestBrowser;
  let page: Page;
  let $: ReturnType<typeof onPage>;
  let errors: string[];
  beforeAll(async () => {
    browser = await launchChromium(PHONE, { touch: true });
    page = await browser.context.newPage();
    page.setDefaultTimeout(90_000);
    errors = watchForPageErrors(page);
    $ = onPage(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('fits the screen: nothing wider than the phone, the search and options in reach', async () => {
    await page.goto(`${api.url}/explore`);
    await page.locator('#legend li').first().waitFor({ state: 'attached' });
    expect(await overflow()).toBeLessThanOrEqual(0);
    for (const selector of ['#search-text', '#controls summary', '#show-map', '#fit']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect(box.x, selector).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, selector).toBeLessThanOrEqual(PHONE.width);
    }
    await $.axe();
  });

  it('draws Léré with labels big enough to read, and taps a node to open the details sheet', async () => {
    await page.locator('#search-text').tap();
    await page.fill('#search-text', 'Léré');
    await page.press('#search-text', 'Enter');
    await page.locator('.hit[data-id="place:lere"]').tap();
    await $.settled();
    expect(await overflow()).toBeLessThanOrEqual(0);
    // Drawn labels are at least 9 px on screen (smaller ones are not drawn at all).
    expect(await page.evaluate(() => window.explorer.cy.zoom() * 14)).toBeGreaterThanOrEqual(9);
    await $.axe();
    await $.shot('explorer-phone-graph');

    await $.clickDrawn('event:lere-camp-attack', true);
    await page.locator('#details code', { hasText: 'event:lere-camp-attack' }).waitFor();
    await $.settled();
    const sheet = (await page.locator('#side').boundingBox())!;
    expect(sheet.x).toBeGreaterThanOrEqual(0);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(PHONE.width);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(PHONE.height + 1);
    await page.locator('#details .claim').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await $.axe();
    await $.shot('explorer-phone-details');
    await page.locator('#sheet-toggle').tap();
    await page.locator('#details').waitFor({ state: 'hidden' });
  });

  it('switches to the map, with the events at their places, and the time axis below', async () => {
    await page.locator('#show-map').tap();
    await page.waitForFunction(() => location.hash.includes('show=map'));
    await page.locator('#map path.map-event').first().waitFor();
    expect(await page.locator('#graph').isVisible()).toBe(false);
    expect(await page.evaluate(() => window.explorer.mapIds())).toContain('event:lere-camp-attack');
    await page.locator('#time-axis .bar').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await $.axe();
    await $.shot('explorer-phone-map');
    expect(errors).toEqual([]);
    expect(browser.offNetwork).toEqual([]);
    expect(browser.failed).toEqual([]);
  });
});
