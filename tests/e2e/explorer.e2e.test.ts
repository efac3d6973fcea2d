/**
 * The explorer page in a real browser: playwright-core drives Debian's chromium (/usr/bin/chromium,
 * never a downloaded browser) against the real server and Neo4j. Screenshots go to tests/artifacts/.
 * Without chromium the browser tests are skipped with one line locally, and fail in CI (CI=true),
 * where .ci/run installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from 'cytoscape';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLORER_DIST } from '../../src/explorer.js';
import { startTestServer, type TestServer } from '../support/server.js';

declare global {
  /** What the page exposes for tests: the cytoscape drawing (explorer/src/main.ts). */
  interface Window {
    explorer: { cy: Core };
  }
}

const CHROMIUM = '/usr/bin/chromium';
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

let api: TestServer;
beforeAll(async () => {
  // Build from the current sources, so a stale explorer/dist cannot pass.
  await build({ configFile: 'explorer/vite.config.ts', logLevel: 'warn' });
  api = await startTestServer();
});
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

describe.skipIf(!hasChromium && !inCI)('the explorer in a real browser', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.context.newPage();
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
});
