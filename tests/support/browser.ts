/**
 * The browser for the explorer's tests: playwright-core drives Debian's chromium (/usr/bin/chromium,
 * never a downloaded browser). The network is cut to this machine (every request to another host
 * is blocked and recorded), so a page that needs the internet fails its test; axe-core checks each
 * state the tests reach. Without chromium the browser tests are skipped with one line locally, and
 * fail in CI (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; CHROMIUM_PATH points elsewhere (another distribution, or to check the skip). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const inCI = process.env.CI === 'true';
export const runBrowserTests = hasChromium || inCI;
export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

if (!runBrowserTests) {
  console.log(`explorer browser tests skipped: no chromium at ${CHROMIUM} (apt-get install -y chromium to run them)`);
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface TestBrowser {
  context: BrowserContext;
  /** Requests the page made to another host (blocked), and requests that failed. */
  offNetwork: string[];
  failed: string[];
  close(): Promise<void>;
}

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
};

export async function launchChromium(viewport = DESKTOP, options: { touch?: boolean } = {}): Promise<TestBrowser> {
  if (!hasChromium) {
    throw new Error(
      `CI=true but there is no chromium at ${CHROMIUM}: .ci/run installs it (apt-get install -y chromium).`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'conflict-graph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    ...(options.touch ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    acceptDownloads: true,
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
  const offNetwork: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    offNetwork.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('requestfailed', (request) => {
    // A request the page dropped itself (a superseded image) is not a failure of the page.
    const reason = request.failure()?.errorText ?? '';
    if (!reason.includes('ERR_ABORTED')) failed.push(`${request.url()} (${reason})`);
  });
  return {
    context,
    offNetwork,
    failed,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fails the test on any error the page logs or throws. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** axe-core's violations on the page as it is now, one line each (rule, impact, where). */
export async function accessibilityViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  for (const selector of exclude) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  return violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
  );
}

/** Two animation frames: whatever was drawn or resized last is on screen. */
export const nextFrames = (page: Page): Promise<void> =>
  page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
