// What every browser test shares: Debian's Chromium driven by playwright-core with the flags that work on these
// machines, the demo server started in-process on a free port, a guard that aborts and records any request to a host
// other than the local server, and helpers to open a page, check it stayed clean, type a GOV.UK date and save a
// screenshot. Each test file runs in its own process, so the browser and server here are one per file.
//
// Needs /usr/bin/chromium (apt-get install -y chromium): without it the suite FAILS, unless SF_SKIP_BROWSER=1.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/server.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = process.env.SF_DEMO_ROOT ? path.resolve(process.env.SF_DEMO_ROOT) : path.resolve(HERE, '..', '..');
export const ARTIFACTS = path.join(HERE, 'artifacts');
export const CHROMIUM = process.env.SF_CHROMIUM ?? '/usr/bin/chromium';
export const SKIP = process.env.SF_SKIP_BROWSER === '1';
export const SKIP_OPTION = { skip: SKIP ? 'SF_SKIP_BROWSER=1' : false };
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Generous: the machine running the tests may be busy compiling. */
export const READY_TIMEOUT = 45000;

/**
 * The package entries a page may load (www/common.js `packageEntry`): the all-forms module's index.js, or a form's own
 * (pkg/forms/<form-id>/index.js); not one with a query (a test's wrapper imports the real one with `?real`).
 */
export const PACKAGE_ENTRY = /\/pkg\/(forms\/[a-z0-9-]+\/)?index\.js$/;

export const browser = { server: null, context: null, foreignRequests: [] };
let userDataDir;

/** Starts the server and the browser before the file's tests, and stops them after. Call inside a `describe`. */
export function useBrowser({ viewport = { width: 1280, height: 900 } } = {}) {
  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set SF_SKIP_BROWSER=1 to skip the browser tests.`);
    }
    if (!existsSync(path.join(ROOT, 'pkg', 'index.js'))) {
      throw new Error(`The package is not built (${path.join(ROOT, 'pkg', 'index.js')} is missing). Run npm run build first.`);
    }
    const { chromium } = await import('playwright-core');
    browser.server = await startServer({ port: 0, root: ROOT });
    userDataDir = mkdtempSync(path.join(tmpdir(), 'sf-chromium-'));
    browser.context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, serviceWorkers: 'block',
    });
    // Nothing may leave this machine: record and abort any request to another host.
    await browser.context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:' || (url.hostname === '127.0.0.1' && url.port === String(browser.server.port))) {
        return route.continue();
      }
      browser.foreignRequests.push(url.href);
      return route.abort();
    });
  });
  after(async () => {
    await browser.context?.close();
    await browser.server?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });
}

/**
 * Opens a page, recording console errors, page errors and failed responses; waits for `ready` (a selector) unless
 * it is null. `setup(page)` runs before the page loads (routes); `viewport` sizes this page.
 */
export async function openPage(pathname, { ready = 'body[data-checks="ready"]', expectNetworkFailure = false, setup, viewport } = {}) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  // Routes of this page only (another Content-Security-Policy, a missing file), before it loads.
  if (setup) await setup(page);
  const log = { consoleErrors: [], pageErrors: [], foreign: [], failed: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.pageErrors.push(String(err)));
  page.on('response', (res) => {
    if (res.status() >= 400) log.failed.push(`${res.status()} ${res.url()}`);
  });
  page.on('requestfailed', (req) => {
    if (!expectNetworkFailure) log.failed.push(`failed ${req.url()}`);
  });
  const response = await page.goto(new URL(pathname, browser.server.url).href, { waitUntil: 'load' });
  if (ready) await page.waitForSelector(ready, { timeout: READY_TIMEOUT });
  return { page, log, response };
}

/** No request off the machine, no console or page error, no failed request since the page was opened. */
export function assertClean(log) {
  log.foreign = browser.foreignRequests.splice(0);
  assert.deepEqual(log.foreign, [], `requests to hosts other than 127.0.0.1: ${log.foreign.join(', ')}`);
  assert.deepEqual(log.consoleErrors, [], `console errors: ${log.consoleErrors.join(' | ')}`);
  assert.deepEqual(log.pageErrors, [], `page errors: ${log.pageErrors.join(' | ')}`);
  assert.deepEqual(log.failed, [], `failed requests: ${log.failed.join(', ')}`);
}

/** A screenshot into tests/browser/artifacts/ (git-ignored): the full page unless told otherwise. */
export async function shot(page, name, options = {}) {
  mkdirSync(path.dirname(path.join(ARTIFACTS, name)), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true, ...options });
}

/** A screenshot of one element. */
export async function shotOf(page, selector, name) {
  mkdirSync(path.dirname(path.join(ARTIFACTS, name)), { recursive: true });
  await page.locator(selector).screenshot({ path: path.join(ARTIFACTS, name) });
}

/** Types a date into a GOV.UK date input whose parts have ids `${id}-day`, `-month`, `-year`, then leaves it. */
export async function typeDate(page, id, day, month, year) {
  await page.locator(`#${id}-day`).fill(String(day));
  await page.locator(`#${id}-month`).fill(String(month));
  await page.locator(`#${id}-year`).fill(String(year));
  await page.locator(`#${id}-year`).press('Tab');
}

/** An element's text with white space folded. */
export const text = async (page, selector) => (await page.locator(selector).textContent()).replace(/\s+/g, ' ').trim();

/** The page fits its width: nothing makes the document scroll sideways. */
export async function assertNoOverflow(page, what) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // The elements that stick out, for the message.
    wide: [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && getComputedStyle(e).position !== 'fixed')
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`),
  }));
  assert.ok(scrollWidth <= innerWidth, `${what}: the page is ${scrollWidth} px wide in a ${innerWidth} px window (${wide.join(', ')})`);
}

/** The top of an element on screen (its bounding box, in CSS pixels). */
export const topOf = (page, selector) => page.locator(selector).evaluate((e) => e.getBoundingClientRect().top);
