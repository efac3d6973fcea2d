/**
 * The explorer page in a real browser: playwright-core drives Debian's chromium (/usr/bin/chromium,
 * never a downloaded browser) against the real server and Neo4j. Screenshots go to tests/artifacts/.
 * Without chromium the browser tests are skipped with one line locally, and fail in CI (CI=true),
 * where .ci/run installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey, newKey } from '../../src/auth.js';
import { EXPLORER_DIST } from '../../src/http/explorer.js';
import { addSource } from '../../src/graph/write/source.js';
import { loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

declare global {
  /** What the page exposes for tests: the cytoscape drawing (explorer/src/main.ts). */
  interface Window {
    explorer: { cy: Core };
  }
}

/** cytoscape's renderer hit test (not in its public types): what a click at a model point hits. */
interface HitTest {
  findNearestElement(x: number, y: number, interactiveOnly: boolean, isTouch: boolean): { id(): string } | undefined;
}

/** Debian's chromium; CHROMIUM_PATH points elsewhere (another distribution, or to check the skip). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const inCI = process.env.CI === 'true';
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

if (!hasChromium && !inCI) {
  console.log(`explorer browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium to run them)`);
}

async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!hasChromium) {
    throw new Error(
      `CI=true but there is no chromium at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium).`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'conflict-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any error the page logs or throws. */
function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

const RESEARCHER_KEY = newKey();

let api: TestServer;
beforeAll(async () => {
  // Build from the current sources, so a stale explorer/dist cannot pass.
  await build({ configFile: 'explorer/vite.config.ts', logLevel: 'warn' });
  // The cap test writes a 180-event hub in one addClaim: on a busy CI machine that one
  // transaction can outlast the default 10 s timeout, which is not what this file tests.
  api = await startTestServer({
    API_KEYS: `explorer-test:researcher:${hashKey(RESEARCHER_KEY)}`,
    TX_TIMEOUT_MS: '120000',
    REQUEST_TIMEOUT_MS: '120000',
  });
  await loadArticle(api.server.db);
  // Loading the seed takes over a minute on a busy two-core machine; give the hook room.
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
  edges: { id: string; kind: string; from: string; to: string; status: string | null; claims: { id: string }[] }[];
}

/** The API's own answer for a neighbourhood, to compare the drawing with. */
async function neighbourhood(id: string, depth: number, confirmedOnly = false): Promise<ApiGraphView> {
  const result = await api.gql<{ neighbourhood: ApiGraphView }>(
    /* GraphQL */ `query Neighbourhood($id: ID!, $depth: Int!, $confirmedOnly: Boolean) {
      neighbourhood(id: $id, depth: $depth, limit: 150, filter: { confirmedOnly: $confirmedOnly }) {
        capped
        nodes { id type label }
        edges { id kind from to status claims { id } }
      }
    }`,
    { id, depth, confirmedOnly },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.neighbourhood;
}

const LINE_STYLE: Record<string, string> = {
  CORROBORATED: 'solid',
  REPORTED: 'dashed',
  DISPUTED: 'solid',
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

// Generous timeouts: on a busy machine the first queries after loading the seed can be slow; the
// tests assert what is shown, never how fast.
describe.skipIf(!hasChromium && !inCI)(
  "the explorer in a real browser, on the article's graph",
  { timeout: 180_000 },
  () => {
    let browser: Awaited<ReturnType<typeof launchChromium>>;
    let page: Page;
    let pageErrors: string[];

    const drawnIds = (): Promise<string[]> =>
      page.evaluate(() =>
        window.explorer.cy
          .nodes()
          .map((n) => n.id())
          .sort(),
      );
    /** Waits until the drawing is done: the status line is no longer busy (aria-busy). */
    const settled = async (): Promise<void> => {
      await page.locator('#view-status[aria-busy="false"]').waitFor({ state: 'attached' });
    };
    /**
     * Clicks a drawn element where it is on screen, as a user would: a node at its centre, an edge
     * at a point along it where nothing else is on top (cytoscape's own hit test says so, and the
     * page's own hit test says the canvas is there). Then checks that cytoscape saw the tap on that
     * element; a tap that lands elsewhere (the drawing moved under the pointer) is tried at the next
     * point, and if none is reached the failure says where each tap went.
     */
    const clickDrawn = async (id: string): Promise<void> => {
      // Two animation frames: whatever was drawn or resized last is on screen before we aim.
      await page.evaluate(
        () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
      );
      const box = await page.locator('#graph').boundingBox();
      const points = await page.evaluate(
        ({ elementId, origin }) => {
          const cy = window.explorer.cy;
          const element = cy.getElementById(elementId);
          if (element.empty()) throw new Error(`${elementId} is not drawn.`);
          const rendered = (p: Position) => ({ x: p.x * cy.zoom() + cy.pan().x, y: p.y * cy.zoom() + cy.pan().y });
          const onCanvas = (p: Position) =>
            document.elementFromPoint(origin.x + p.x, origin.y + p.y)?.closest('#graph') !== null;
          if (element.isNode()) return [(element as unknown as NodeSingular).renderedPosition()];
          const edge = element as unknown as EdgeSingular;
          const hitTest = (cy as unknown as { renderer(): HitTest }).renderer();
          const [from, middle, to] = [edge.sourceEndpoint(), edge.midpoint(), edge.targetEndpoint()];
          const along = (p: Position, q: Position, t: number) => ({
            x: p.x + (q.x - p.x) * t,
            y: p.y + (q.y - p.y) * t,
          });
          const found: Position[] = [];
          for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75]) {
            const point = t < 0.5 ? along(from, middle, t * 2) : along(middle, to, (t - 0.5) * 2);
            if (hitTest.findNearestElement(point.x, point.y, true, false)?.id() !== elementId) continue;
            if (onCanvas(rendered(point))) found.push(rendered(point));
            if (found.length === 3) break;
          }
          if (!found.length) throw new Error(`Every point along ${elementId} is covered by something else.`);
          return found;
        },
        { elementId: id, origin: { x: box!.x, y: box!.y } },
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
        await page.mouse.click(box!.x + at.x, box!.y + at.y);
        const tapped = await page
          .waitForFunction(() => (window as { lastTap?: string }).lastTap, undefined, { timeout: 10_000 })
          .then((handle) => handle.jsonValue())
          .catch(() => '(no tap at all)');
        if (tapped === id) return;
        misses.push(`at (${Math.round(at.x)}, ${Math.round(at.y)}) the tap reached ${tapped}`);
      }
      await page.screenshot({ path: join(ARTIFACTS, `explorer-missed-${id.replaceAll(/[^\w-]/g, '_')}.png`) });
      throw new Error(`Clicking ${id} never reached it: ${misses.join('; ')}.`);
    };

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await launchChromium();
      page = await browser.context.newPage();
      page.setDefaultTimeout(90_000);
      pageErrors = watchForPageErrors(page);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('opens /explore: search box, legend, empty timeline, no errors', async () => {
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
        'corroborated',
        'reported',
        'disputed',
        'unverified',
      ]) {
        expect(legend).toContain(name);
      }
      await expect(page.locator('#timeline').innerText()).resolves.toContain('No events in view');
      expect(await page.evaluate(() => window.explorer.cy.nodes().length)).toBe(0);
      expect(pageErrors).toEqual([]);
    });

    it('searches "Léré" and lists the API\'s hits', async () => {
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
    });

    it("draws the chosen place's neighbourhood: the camp and the CSP in view, shaped by type, edges styled by status", async () => {
      await page.locator('.hit[data-id="place:lere"]').click();
      await settled();

      const expected = await neighbourhood('place:lere', 2);
      expect(expected.capped).toBe(false);
      expect(await drawnIds()).toEqual(expected.nodes.map((n) => n.id).sort());
      expect(await drawnIds()).toEqual(
        expect.arrayContaining(['place:lere-military-camp', 'actor:csp', 'event:lere-camp-attack']),
      );
      await expect(page.locator('#view-status').innerText()).resolves.toBe(
        `Showing ${expected.nodes.length} nodes and ${expected.edges.length} edges.`,
      );

      // The camp and the CSP are on screen, inside the canvas.
      for (const id of ['place:lere-military-camp', 'actor:csp']) {
        const inside = await page.evaluate((nodeId) => {
          const cy = window.explorer.cy;
          const box = cy.getElementById(nodeId).renderedBoundingBox({});
          return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= cy.width() && box.y2 <= cy.height();
        }, id);
        expect(inside, `${id} is inside the visible canvas`).toBe(true);
      }

      const looks = await page.evaluate(() => ({
        nodes: window.explorer.cy
          .nodes()
          .map((n) => ({ type: n.data('type') as string, shape: n.style('shape') as string })),
        edges: window.explorer.cy.edges().map((e) => ({
          id: e.id(),
          status: e.data('status') as string,
          line: e.style('line-style') as string,
          colour: e.style('line-color') as string,
        })),
      }));
      for (const node of looks.nodes) expect(node.shape).toBe(SHAPE[node.type]);
      const statusOf = new Map(expected.edges.map((e) => [e.id, e.status ?? 'NONE']));
      expect(looks.edges.map((e) => e.id).sort()).toEqual([...statusOf.keys()].sort());
      for (const edge of looks.edges) {
        expect(edge.status).toBe(statusOf.get(edge.id));
        expect(edge.line).toBe(LINE_STYLE[edge.status]);
        if (edge.status === 'DISPUTED') expect(edge.colour).toBe('rgb(192,57,43)');
      }
      await page.screenshot({ path: join(ARTIFACTS, 'explorer-lere.png') });
    });

    it('lists the events in view on the timeline, in time order, with their time and precision', async () => {
      const events = (await neighbourhood('place:lere', 2)).nodes.filter((n) => n.type === 'EVENT');
      expect(events.length).toBeGreaterThan(0);
      const times = await Promise.all(
        events.map(async (event) => {
          const result = await api.gql<{
            event: { time: { start: string | null; end: string | null; label: string; precision: string } };
          }>(/* GraphQL */ `query Event($id: ID!) { event(id: $id) { time { start end label precision } } }`, {
            id: event.id,
          });
          return { id: event.id, name: event.label, ...result.data!.event.time };
        }),
      );
      const at = (t: { start: string | null; end: string | null }) =>
        (t.start ?? t.end) ? Date.parse((t.start ?? t.end)!) : Infinity;
      const ordered = [...times].sort((a, b) => at(a) - at(b) || a.name.localeCompare(b.name));

      const moments = page.locator('#timeline .moment');
      expect(await moments.evaluateAll((all) => all.map((m) => m.getAttribute('data-id')))).toEqual(
        ordered.map((t) => t.id),
      );
      for (const [i, time] of ordered.entries()) {
        const text = await moments.nth(i).innerText();
        expect(text).toContain(time.label);
        expect(text.toLowerCase()).toContain(humane(time.precision));
      }
    });

    it('clicking the attack event shows its claims with status, who asserts each, and the sources', async () => {
      await clickDrawn('event:lere-camp-attack');
      await page.locator('#details .claim').first().waitFor();
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
      }>(/* GraphQL */ `query Event2 { event(id: "event:lere-camp-attack") {
        description
        claims { id text status assertedBy { name } reportedIn { title } supportingSources { title } }
      } }`);
      const event = expected.data!.event;
      expect(event.claims.length).toBeGreaterThan(0);
      const details = page.locator('#details');
      await expect(details.locator('code').first().innerText()).resolves.toBe('event:lere-camp-attack');
      await expect(details.innerText()).resolves.toContain(event.description);
      const shownClaims = await details
        .locator('.claim')
        .evaluateAll((all) => all.map((c) => c.getAttribute('data-id')));
      expect(shownClaims.sort()).toEqual(event.claims.map((c) => c.id).sort());
      for (const claim of event.claims) {
        const item = details.locator(`.claim[data-id="${claim.id}"]`);
        const text = await item.innerText();
        expect(text).toContain(claim.text);
        expect(text).toContain(humane(claim.status));
        expect(text).toContain(`Asserted by ${claim.assertedBy?.name ?? 'nobody named'}`);
        for (const source of [...claim.reportedIn, ...claim.supportingSources]) expect(text).toContain(source.title);
      }
      // The sources the article cites are there: the CSP spokesperson, civilians, security sources.
      const panel = await details.innerText();
      expect(panel).toContain('Local civilian sources in Léré');
      await page.screenshot({ path: join(ARTIFACTS, 'explorer-lere-attack.png') });
    });

    it('clicking an edge shows the claims behind it', async () => {
      const view = await neighbourhood('place:lere', 2);
      const edge = view.edges.find(
        (e) => e.kind === 'PARTICIPATED_IN' && e.from === 'actor:csp' && e.to === 'event:lere-camp-attack',
      );
      expect(edge).toBeDefined();
      await clickDrawn(edge!.id);
      const details = page.locator('#details');
      await details.locator('h2', { hasText: 'PARTICIPATED_IN' }).waitFor();
      await details.locator('.claim').first().waitFor();
      const shown = await details.locator('.claim').evaluateAll((all) => all.map((c) => c.getAttribute('data-id')));
      expect(shown.sort()).toEqual(edge!.claims.map((c) => c.id).sort());
      await expect(details.innerText()).resolves.toContain(humane(edge!.status!));
    });

    it('expands a node in place, merging its neighbourhood into the drawing', async () => {
      const before = await drawnIds();
      await clickDrawn('actor:csp');
      await page.locator('#details code', { hasText: 'actor:csp' }).waitFor();
      await page.locator('#details button', { hasText: 'Expand' }).click();
      const around = await neighbourhood('actor:csp', 1);
      const union = [...new Set([...before, ...around.nodes.map((n) => n.id)])].sort();
      await settled();
      expect(await drawnIds()).toEqual(union);
    });

    it('"confirmed only" redraws every neighbourhood in view with the filter, and back', async () => {
      const [lere, csp] = await Promise.all([
        neighbourhood('place:lere', 2, true),
        neighbourhood('actor:csp', 1, true),
      ]);
      const confirmed = [...new Set([...lere.nodes, ...csp.nodes].map((n) => n.id))].sort();
      const all = await drawnIds();
      expect(confirmed.length).toBeLessThan(all.length);

      await page.check('#confirmed-only');
      await settled();
      expect(await drawnIds()).toEqual(confirmed);
      const statuses = await page.evaluate(() => window.explorer.cy.edges().map((e) => e.data('status') as string));
      expect(statuses).not.toContain('REPORTED');

      await page.uncheck('#confirmed-only');
      await settled();
      expect(await drawnIds()).toEqual(all);
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
        // A source with a URL, made through the write path itself (the seed's sources have none).
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

        // The page redraws after the claim is added; then the attack's panel lists it, source linked.
        await settled();
        await clickDrawn('event:lere-camp-attack');
        const item = page.locator(`#details .claim[data-id="${id}"]`);
        await item.waitFor();
        await expect(item.locator('a', { hasText: 'Explorer test report' }).getAttribute('href')).resolves.toBe(
          'https://example.org/explorer-test',
        );
        // The key stays in the tab's sessionStorage, nowhere else.
        expect(await page.evaluate(() => sessionStorage.getItem('conflict-graph.apiKey'))).toBe(RESEARCHER_KEY);
        expect(await page.evaluate(() => localStorage.length)).toBe(0);
      });
    });

    it('caps a large neighbourhood and says so, without freezing', async () => {
      const events = Array.from({ length: 180 }, (_, i) => ({
        id: `event:explorer-hub-${i}`,
        type: 'BATTLE',
        subType: 'ARMED_CLASH',
        description: `Explorer hub clash number ${i}.`,
        participants: [{ actor: { name: 'Explorer hub group', kind: 'ARMED_GROUP' }, role: 'ATTACKER' }],
      }));
      const added = await api.gql(
        /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`,
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
        /* GraphQL */ `query Actors { actors(filter: { nameContains: "Explorer hub group" }) { nodes { id } } }`,
      );
      const hubId = hub.data!.actors.nodes[0]!.id;
      const expected = await neighbourhood(hubId, 2);
      expect(expected.capped).toBe(true);

      await page.goto(`${api.url}/explore#${encodeURIComponent(hubId)}`);
      await page.waitForFunction((id) => window.explorer.cy.getElementById(id).nonempty(), hubId);
      await settled();
      expect(await drawnIds()).toEqual(expected.nodes.map((n) => n.id).sort());
      const status = await page.locator('#view-status').innerText();
      expect(status).toContain(`Capped: showing ${expected.nodes.length} of more`);
      // Still responsive: the page answers at once after drawing.
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      await page.screenshot({ path: join(ARTIFACTS, 'explorer-capped.png') });
      expect(pageErrors).toEqual([]);
    });
  },
);
