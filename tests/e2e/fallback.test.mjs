// The page's own HTML of the policy inside the element (`policy-widget render`):
// on screen before the widget shows the policy, the policy itself where scripts
// do not run, and still there when the widget cannot show it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { axe, hostPage, open, openWhereEngineCan, rendered, settledTop, useWorld } from './harness.mjs';

/** The element `policy-widget render` prints for Mass.gov 2016, loading its bundle from `src`. */
function renderedElement(src) {
  const args = ['run', '--quiet', '--', 'render', 'www/policies/massgov-2016.json', '--src', src];
  return execFileSync('cargo', args, { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
}

// Counts, before each frame is painted, whether the element would show
// nothing: neither the page's HTML (through the slot) nor the widget's policy.
const EMPTY_FRAMES = `window.emptyFrames = 0;
const check = () => {
  const root = document.querySelector('privacy-policy')?.shadowRoot;
  if (root && !root.querySelector('slot') && !root.querySelector('.pp-header')) window.emptyFrames++;
  requestAnimationFrame(check);
};
requestAnimationFrame(check);`;

const world = useWorld({
  routes: (w) => {
    const page = (body, headers = {}, head = '') => ({ type: 'text/html', body: hostPage({ cdn: w.cdn.url, body, head }), headers });
    const noWasm = { 'Content-Security-Policy': `script-src 'self' ${w.cdn.url}` };
    const massgov = renderedElement('/policies/massgov-2016.json');
    return {
      '/fallback.html': page(massgov),
      '/fallback-held.html': page(renderedElement('/held.json'), {}, '<script src="/empty-frames.js"></script>'),
      '/empty-frames.js': { type: 'text/javascript', body: EMPTY_FRAMES },
      '/fallback-broken.html': page(renderedElement('/broken.json')),
      '/broken.json': { body: '{"format": "policy-bundle/1", "meta": ' },
      '/fallback-no-wasm.html': page(massgov, noWasm),
      '/fallback-alone.html': {
        type: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy</title></head>
<body><main><h1>Privacy</h1>${massgov}</main></body></html>`,
      },
    };
  },
});

const fallback = (page) => page.locator('privacy-policy > article');

test('the page\u2019s HTML of the policy shows until the widget shows it, then the widget alone', async () => {
  // The bundle is held back by the server until the test releases it.
  let release;
  world.routes['/held.json'] = {
    body: readFileSync(new URL('../../www/policies/massgov-2016.json', import.meta.url)),
    until: new Promise((resolve) => (release = resolve)),
  };
  const { page, context } = await open(world, '/fallback-held.html');
  // The widget has started and waits for its bundle: the policy is on screen all the same.
  await page.waitForFunction(() => document.querySelector('privacy-policy').shadowRoot?.querySelector('slot'));
  assert.ok(await fallback(page).locator('h3', { hasText: 'Information voluntarily provided by you' }).isVisible());
  assert.equal(await page.locator('privacy-policy [role=status]').count(), 0, 'no loading line over the policy');

  release();
  await rendered(page);
  assert.ok(await page.locator('privacy-policy .pp-header .pp-title').isVisible(), 'the widget shows the policy');
  assert.ok(!(await fallback(page).isVisible()), 'and the page\u2019s copy is gone from the screen');
  assert.equal(await page.evaluate(() => window.emptyFrames), 0, 'no frame showed the element empty');
  assert.deepEqual(await axe(page, { include: 'privacy-policy' }), []);
  await context.close();
});

test('without scripts, the page\u2019s HTML is the policy: every section, readable, linkable', async (t) => {
  const opened = await openWhereEngineCan(t, world, '/fallback.html#security', { scripts: false });
  if (!opened) return;
  const { page, context } = opened;
  const titles = fallback(page).locator('section[id] > h3');
  assert.ok((await titles.count()) >= 10, 'every top-level section has its heading');
  assert.ok(await fallback(page).locator('h2', { hasText: 'Mass.gov' }).isVisible());
  assert.equal(await page.locator('privacy-policy').evaluate((e) => e.shadowRoot), null, 'the widget did not run');
  assert.ok((await page.locator('#security').boundingBox()).y < 900, 'a deep link scrolls to its section');
  assert.ok(await fallback(page).getByText('persistent cookie so that it does not offer the survey').first().isVisible());
  await context.close();
});

test('the page\u2019s HTML of the policy on its own: axe finds nothing', async () => {
  // axe needs scripts; a page without the widget's script shows what a page without scripts does.
  const { page, context } = await open(world, '/fallback-alone.html');
  assert.ok(await fallback(page).locator('h2', { hasText: 'Mass.gov' }).isVisible());
  assert.deepEqual(await axe(page, { tags: null }), []);
  await context.close();
});

test('a deep link: the widget that takes over from the page\u2019s HTML opens its section and scrolls to it', async () => {
  const { page, context } = await open(world, '/fallback.html#security');
  await rendered(page);
  await page.waitForFunction(() =>
    document.querySelector('privacy-policy').shadowRoot.querySelector('#security-button')?.getAttribute('aria-expanded') === 'true');
  const top = await settledTop(page, '#security-button');
  assert.ok(top >= 0 && top < 900 / 3, `the widget's section header is in the top third of the screen (top ${top})`);
  await context.close();
});

test('a bundle that cannot be read: the error shows, and the page\u2019s HTML of the policy stays', async () => {
  const { page, context } = await open(world, '/fallback-broken.html');
  await page.locator('privacy-policy [role=alert]').waitFor();
  assert.ok(await fallback(page).isVisible());
  // The site mends its address: the widget alone shows the policy, with no error
  // and no copy of the page's HTML left over from the failed load.
  await page.locator('privacy-policy').evaluate((e) => e.setAttribute('src', '/policies/massgov-2016.json'));
  await rendered(page);
  assert.ok(await page.locator('privacy-policy .pp-header .pp-title').isVisible());
  assert.ok(!(await fallback(page).isVisible()), 'the page\u2019s copy is gone from the screen');
  assert.equal(await page.locator('privacy-policy [role=alert]').count(), 0, 'the error is gone');
  await context.close();
});

test('a wasm the page\u2019s CSP refuses: the start failure shows, and the page\u2019s HTML of the policy stays', async () => {
  const { page, context } = await open(world, '/fallback-no-wasm.html');
  const alert = page.locator('privacy-policy [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /did not load/);
  assert.ok(await fallback(page).isVisible());
  await context.close();
});
