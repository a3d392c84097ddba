// The end-to-end harness: a "CDN" origin serving dist/ (the built widget) and a
// "CMS" origin serving host pages and the policy bundles, both on loopback,
// and the system Chromium driven by playwright-core (never a downloaded browser).
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../.ci/serve.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export const SEEDS = ['concord', 'westfield', 'massgov-2016', 'massgov-2002', 'cambridge-schools'];

/** A host page as a CMS would render it: its own content, one script tag, the element. */
export function hostPage({ cdn, body, head = '', integrity }) {
  const sri = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Town website</title>
<link rel="icon" href="data:,">${head}
<script type="module" src="${cdn}/policy-widget.js"${sri}></script></head>
<body><header><h1>Town of Example</h1><nav><a href="/">Home</a></nav></header><main>${body}</main>
<footer><p>Town Hall, 1 Main Street</p></footer></body></html>`;
}

/** Starts both origins and a browser for the calling test file. */
export function useWorld({ routes = () => ({}) } = {}) {
  const world = {};
  before(async () => {
    world.cdn = await serve({ root: `${repo}/dist`, headers: () => ({ 'Access-Control-Allow-Origin': '*' }) });
    const pageRoutes = {};
    world.routes = pageRoutes;
    world.site = await serve({ root: `${repo}/www`, routes: pageRoutes, headers: (path) => world.headers?.(path) ?? {} });
    Object.assign(pageRoutes, routes(world));
    world.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await world.browser?.close();
    world.cdn?.close();
    world.site?.close();
  });
  return world;
}

/**
 * Opens a page and records what a privacy reviewer would: console errors,
 * every request, CSP violations.
 */
export async function open(world, path, { viewport = { width: 1024, height: 900 }, colorScheme = 'light', reducedMotion = 'no-preference' } = {}) {
  const context = await world.browser.newContext({ viewport, colorScheme, reducedMotion });
  const page = await context.newPage();
  const record = { errors: [], requests: [], violations: [] };
  page.on('console', (m) => m.type() === 'error' && record.errors.push(m.text()));
  page.on('pageerror', (e) => record.errors.push(e.message));
  page.on('request', (r) => record.requests.push(r.url()));
  await page.exposeFunction('__cspViolation', (v) => record.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(world.site.url + path);
  return { page, context, record };
}

/** Waits until a widget shows its policy (or its error), with the text of its
 *  closed sections, which it renders just after its first paint with the rest
 *  of a long policy. */
export async function rendered(page, selector = 'privacy-policy') {
  await page.locator(`${selector} .pp-header, ${selector} [role=alert]`).first().waitFor();
  await page.locator(`${selector} [data-section-panel]:empty`).first().waitFor({ state: 'detached' });
}
