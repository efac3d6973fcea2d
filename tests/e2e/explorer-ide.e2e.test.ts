/**
 * First steps, offline: `/` leads to the explorer, and /graphql in a browser is the GraphQL IDE
 * bundled with the project (GraphiQL), which runs its example query with the network cut to this
 * machine. A client's GET or POST to /graphql is still the API.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  ARTIFACTS,
  DESKTOP,
  accessibilityViolations,
  launchChromium,
  runBrowserTests,
  watchForPageErrors,
  type TestBrowser,
} from '../support/browser.js';
import { build } from 'vite';

let api: TestServer;
beforeAll(async () => {
  await build({ configFile: 'explorer/vite.config.ts', logLevel: 'warn' });
  api = await startTestServer();
  await loadArticle(api.server.db);
}, 300_000);
afterAll(async () => {
  await api?.stop();
});

describe('first steps over HTTP', () => {
  it('/ redirects to the explorer', async () => {
    const response = await fetch(`${api.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explore/');
  });

  it('/graphql answers a browser with the bundled IDE, and a client with GraphQL', async () => {
    const page = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>conflict-graph GraphQL IDE</title>');
    // Everything it loads is served from here: no CDN.
    for (const [, src] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      if (src!.startsWith('http')) expect(src).toMatch(/^https:\/\/studio\.apollographql\.com\//);
    }
    const answer = await api.gql(/* GraphQL */ `query Typename { __typename }`);
    expect(answer.data).toEqual({ __typename: 'Query' });
  });
});

describe.skipIf(!runBrowserTests)('the IDE in a browser, offline', { timeout: 180_000 }, () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchChromium(DESKTOP);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('/ opens the explorer, with no request leaving this machine', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(90_000);
    const errors = watchForPageErrors(page);
    await page.goto(`${api.url}/`);
    await page.waitForURL(/\/explore\/$/);
    await page.locator('#legend li').first().waitFor();
    expect(errors).toEqual([]);
    expect(browser.offNetwork).toEqual([]);
    expect(browser.failed).toEqual([]);
    await page.close();
  });

  it('GraphiQL loads offline, runs its example query and shows the answer', async () => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(90_000);
    const errors = watchForPageErrors(page);
    await page.goto(`${api.url}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    // The example query is in the editor; run it.
    await page.locator('.graphiql-query-editor').getByText('AroundLere').first().waitFor();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST'),
      page.locator('.graphiql-execute-button').click(),
    ]);
    const body = (await response.json()) as { data?: { place?: { name: string } } };
    expect(body.data?.place?.name).toBe('Léré');
    await page.locator('.graphiql-response').getByText('"Léré"').first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    expect(errors).toEqual([]);
    expect(browser.offNetwork).toEqual([]);
    expect(browser.failed).toEqual([]);
    // The Sandbox stays one link away, for a browser that is online.
    await expect(page.locator('#sandbox-link').getAttribute('href')).resolves.toContain(
      encodeURIComponent(`${api.url}/graphql`),
    );
    expect(await accessibilityViolations(page, ['.graphiql-container'])).toEqual([]);
    await page.close();
  });
});
