// The end-to-end harness: a "CDN" origin serving dist/ (the built widget) and a
// "CMS" origin serving host pages and the policy bundles, both on loopback,
// which note every request they answer; and one of three engines
// ($ENGINE: chromium, firefox or webkit; driver/engines.mjs), each Debian's own
// build, never a downloaded browser.
import { after, before } from 'node:test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '../../.ci/serve.mjs';
import { currentEngine } from './driver/engines.mjs';
import { Page, Unsupported } from './driver/page.mjs';
import { Session } from './driver/webdriver.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));

export const engine = currentEngine();

export const SEEDS = ['concord', 'westfield', 'massgov-2016', 'massgov-2002', 'cambridge-schools'];

/**
 * Loaded first by every host page, from the page's own origin (so a strict CSP
 * allows it): keeps what a developer would see in the console, the widget's
 * own messages and uncaught errors, every CSP violation, and every request for
 * another origin (reported by the site's report-only policy, `WATCH`). WebDriver
 * has no console or network log of its own in every engine; this works in each.
 */
const RECORDER = `window.__record = { errors: [], violations: [], foreign: [] };
const consoleError = console.error;
console.error = function (...args) { __record.errors.push(args.map(String).join(' ')); return consoleError.apply(this, args); };
addEventListener('error', (e) => __record.errors.push(e.message || 'failed to load ' + (e.target.src || e.target.href)), true);
addEventListener('unhandledrejection', (e) => __record.errors.push(String(e.reason && e.reason.message || e.reason)));
document.addEventListener('securitypolicyviolation', (e) => {
  if (e.disposition === 'report') __record.foreign.push(e.blockedURI);
  else __record.violations.push(e.violatedDirective + ' ' + e.blockedURI);
});`;

/**
 * A report-only policy on every page of the site: it blocks nothing, and any
 * request the page makes for an origin other than its own and the widget's
 * is reported to the page (`RECORDER`), from any engine, whatever made it.
 */
const watch = (cdn) => `default-src 'self' ${cdn} data: blob: 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval'`;

/** A host page as a CMS would render it: its own content, one script tag, the element. */
export function hostPage({ cdn, body, head = '', integrity }) {
  const sri = integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Town website</title>
<link rel="icon" href="data:,"><script src="/__record.js"></script>${head}
<script type="module" src="${cdn}/policy-widget.js"${sri}></script></head>
<body><header><h1>Town of Example</h1><nav><a href="/">Home</a></nav></header><main>${body}</main>
<footer><p>Town Hall, 1 Main Street</p></footer></body></html>`;
}

/**
 * Starts both origins for the calling test file, and the engine's drivers as
 * they are needed. The "CDN" serves `cdnRoot`: the built dist/ unless a test
 * serves the widget from somewhere else (an installed npm package).
 */
export function useWorld({ routes = () => ({}), cdnRoot = `${repo}/dist` } = {}) {
  const world = { requests: [] };
  const hear = (url) => world.requests.push(url);
  before(async () => {
    world.cdn = await serve({ root: cdnRoot, headers: () => ({ 'Access-Control-Allow-Origin': '*' }), onRequest: hear });
    const pageRoutes = { '/__record.js': { type: 'text/javascript', body: RECORDER } };
    world.routes = pageRoutes;
    const reportOnly = { 'Content-Security-Policy-Report-Only': watch(world.cdn.url) };
    world.site = await serve({ root: `${repo}/www`, routes: pageRoutes, headers: () => reportOnly, onRequest: hear });
    Object.assign(pageRoutes, routes(world));
    world.drivers = new Map();
    world.sessions = new Set();
  });
  after(async () => {
    // A test that failed before closing its page leaves its browser running.
    for (const session of world.sessions ?? []) await session.close();
    for (const driver of world.drivers?.values() ?? []) await driver.stop();
    for (const server of [world.cdn, world.site]) {
      server?.close();
      server?.closeAllConnections();
    }
  });
  return world;
}

/**
 * Opens a page in a new browser session (a fresh profile: no cookies, no
 * storage) and records what a privacy reviewer would: every request, console
 * errors and CSP violations. `reducedMotion` and `colorScheme` apply where the
 * engine's driver can set them (engine.can); `scripts: false` and
 * `untilFound: false` throw `Unsupported` where it cannot.
 */
export async function open(world, path, { viewport = { width: 1024, height: 900 }, colorScheme = 'light', reducedMotion = 'no-preference', scripts = true, untilFound = true } = {}) {
  // One page at a time (geckodriver allows one session): a test that failed
  // before closing its page leaves it open.
  for (const session of world.sessions) await session.close();
  world.sessions.clear();
  const preferences = { colorScheme, reducedMotion, scripts, untilFound };
  if (!untilFound && !engine.can.untilFound) throw new Unsupported(`${engine.name}'s driver cannot turn hidden="until-found" off`);
  const key = engine.driverKey?.(preferences) ?? '';
  if (!world.drivers.has(key)) world.drivers.set(key, await engine.driver(preferences));
  const session = await Session.create(world.drivers.get(key).url, {
    ...engine.capabilities(preferences),
    timeouts: { script: 60_000, pageLoad: 60_000, implicit: 0 },
  });
  world.sessions.add(session);
  const page = new Page(session, engine);
  page.close = async () => {
    world.sessions.delete(session);
    await session.close();
  };
  try {
    await page.setViewportSize(viewport);
    if (engine.can.reducedMotion === true) await engine.emulate(session, { reducedMotion, colorScheme });
    if (!scripts) {
      if (engine.can.disableScripts === true) await engine.disableScripts(session);
      else if (!engine.can.disableScripts) throw new Unsupported(`${engine.name}'s driver cannot turn scripts off`);
    }
    world.requests.length = 0;
    if (path !== undefined) await page.goto(world.site.url + path);
  } catch (error) {
    await page.close();
    throw error;
  }
  const record = {
    /** Every request: those the two origins answered, and those for anywhere else. */
    requests: async () => [...world.requests, ...((await page.evaluate('window.__record ? __record.foreign : []')) ?? [])],
    errors: async () => (await page.evaluate('window.__record ? __record.errors : []')) ?? [],
    violations: async () => (await page.evaluate('window.__record ? __record.violations : []')) ?? [],
  };
  const context = { close: () => page.close(), cookies: () => page.cookies() };
  return { page, context, record };
}

/** Waits until a widget shows its policy (or its error), with the text of its
 *  closed sections, which it renders just after its first paint with the rest
 *  of a long policy. */
export async function rendered(page, selector = 'privacy-policy') {
  await page.locator(`${selector} .pp-header, ${selector} [role=alert]`).first().waitFor();
  await page.locator(`${selector} [data-section-panel]:empty`).first().waitFor({ state: 'detached' });
}

const AXE_SOURCE = readFileSync(`${repo}/node_modules/axe-core/axe.min.js`, 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 A and AA rules on the page (or on `include`, a selector
 * in the light DOM); each violation as "rule: targets". Injected by the driver,
 * so it runs in every engine.
 */
export async function axe(page, { include, tags = AXE_TAGS } = {}) {
  await page.session.execute(`${AXE_SOURCE}; return true;`);
  const violations = await page.session.command('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
      axe.run(arguments[0] ? { include: [arguments[0]] } : document, arguments[1] ? { runOnly: { type: 'tag', values: arguments[1] } } : {})
        .then((r) => done(r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))), (e) => done(['axe failed: ' + e]));`,
    args: [include ?? null, tags],
  });
  return violations;
}

/**
 * `open`, where the engine's driver can set what `options` asks (scripts off,
 * `hidden="until-found"` off); where it cannot, the test says so and gets null.
 */
export async function openWhereEngineCan(t, world, path, options) {
  try {
    return await open(world, path, options);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    t.diagnostic(error.message);
    return null;
  }
}

/** Whether the engine can do `what` (engine.can); if not, a test step says so and is skipped. */
export function engineCan(t, what) {
  if (engine.can[what] === true) return true;
  t.diagnostic(`${engine.name}: its WebDriver cannot ${what === 'media' ? 'emulate print media' : `set ${what}`} at run time; this step is not tested there`);
  return false;
}

/**
 * Where an element in a widget's shadow root stands once scrolling has stopped:
 * half a second (30 frames) without a move, longer than the widget takes to
 * notice a scroll that stopped short and finish it (components/browser.rs).
 */
export function settledTop(page, selector, host = 'privacy-policy') {
  return page.evaluate(
    ([sel, hostSelector]) =>
      new Promise((done) => {
        const el = document.querySelector(hostSelector).shadowRoot.querySelector(sel);
        let last = NaN;
        let still = 0;
        const look = () => {
          const top = Math.round(el.getBoundingClientRect().top);
          still = top === last ? still + 1 : 0;
          last = top;
          if (still >= 30) done(top);
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
    [selector, host],
  );
}
