// Hostile input in a real browser: 50+ XSS payloads in every text field of a
// bundle, and bundles that are broken in every way a server can break them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { serve } from '../../.ci/serve.mjs';
import { hostPage, open, rendered, useWorld } from './harness.mjs';

const dist = new URL('../../dist/', import.meta.url);
const scriptIntegrity = () => `sha384-${createHash('sha384').update(readFileSync(new URL('policy-widget.js', dist))).digest('base64')}`;

// A "CDN" whose copy of the wasm was tampered with (one byte changed).
let tamperedCdn;
before(async () => {
  const wasm = Buffer.from(readFileSync(new URL('privacy-policy-widget_bg.wasm', dist)));
  wasm[wasm.length - 1] ^= 0xff;
  tamperedCdn = await serve({
    root: new URL('.', dist).pathname,
    headers: () => ({ 'Access-Control-Allow-Origin': '*' }),
    routes: { '/privacy-policy-widget_bg.wasm': { type: 'application/wasm', body: wasm } },
  });
});
after(() => {
  tamperedCdn?.close();
  tamperedCdn?.closeAllConnections();
});

const payloads = readFileSync(new URL('../fixtures/xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n').filter(Boolean).map((p) => p.replaceAll('\\u0001', '\u0001'));
// Links with refused targets make a bundle invalid (tested below); the rest must render.
const renderable = payloads.filter((p) => !/\]\(|^<[a-z]+:/i.test(p));

function hostileBundle() {
  const joined = renderable.join(' ');
  const para = (text) => ({ type: 'paragraph', text });
  return {
    format: 'policy-bundle/1',
    meta: { title: renderable[0], publisher: { name: renderable[1] } },
    summary: renderable.slice(0, 5).map((text) => ({ text, section: 's0' })),
    facts: [{ kind: 'sells_data', value: renderable[2], quote: renderable[3], section: 's0' }],
    intro: [para(renderable[4])],
    sections: renderable.map((p, i) => ({
      id: `s${i}`,
      title: p,
      blocks: [
        para(p),
        { type: 'list', items: [{ text: p }] },
        { type: 'fields', fields: [{ label: p, value: p }] },
        { type: 'table', caption: p, header: [p], rows: [[p]] },
        { type: 'tool', name: p, purpose: p, notes: p },
      ],
    })),
    definitions: [{ term: renderable[5], text: joined }],
    contacts: [{ label: renderable[6], address: renderable[7] }],
    front_matter: [{ kind: 'other', title: renderable[8], blocks: [para(joined)] }],
  };
}

const nestingDeep = '['.repeat(10_000) + ']'.repeat(10_000);

const world = useWorld({
  routes: (w) => {
    const page = (src) => ({ type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: `<privacy-policy src="${src}"></privacy-policy>` }) });
    return {
      '/xss.html': page('/xss.json'),
      '/xss.json': { body: JSON.stringify(hostileBundle()) },
      '/link.html': page('/link.json'),
      '/link.json': { body: JSON.stringify({ ...hostileBundle(), intro: [{ type: 'paragraph', text: '[win](javascript:window.__xss=1)' }] }) },
      '/e500.html': page('/e500.json'),
      '/e500.json': { status: 500, body: 'oops' },
      '/empty.html': page('/empty.json'),
      '/empty.json': { body: '' },
      '/deep.html': page('/deep.json'),
      '/deep.json': { body: nestingDeep },
      '/latin1.html': page('/latin1.json'),
      '/latin1.json': { body: Buffer.from('{"format": "policy-bundle/1", "meta": {"title": "caf\xe9"}}', 'latin1') },
      '/types.html': page('/types.json'),
      '/types.json': { body: '{"format": "policy-bundle/1", "meta": {"title": 5, "publisher": {"name": "P"}}, "sections": []}' },
      '/huge.html': page('/huge.json'),
      '/huge.json': { body: ' '.repeat(6 * 1024 * 1024) },
      '/unreachable.html': page('http://127.0.0.1:9/policy.json'),
      '/slow.html': page('/slow.json'),
      // Longer than the widget's 15 s limit: a server that hangs.
      '/slow.json': { delayMs: 17_000, body: '{}' },
      '/sri.html': { type: 'text/html', body: hostPage({ cdn: w.cdn.url, integrity: scriptIntegrity(), body: '<privacy-policy src="/policies/concord.json"></privacy-policy>' }) },
    };
  },
});

test(`${renderable.length} payloads in every text field render as text and never run`, async () => {
  assert.ok(payloads.length >= 50);
  const { page, context, record } = await open(world, '/xss.html');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  await widget.locator('.pp-toggle-all').click();
  const report = await page.evaluate(() => {
    const root = document.querySelector('privacy-policy').shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      xss: window.__xss ?? null,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`)),
      badUrls: all.flatMap((e) => ['href', 'src', 'action', 'data'].map((n) => e.getAttribute(n)).filter((v) => v && !/^(https?:|mailto:|tel:|#)/i.test(v))),
      foreign: all.filter((e) => /^(SCRIPT|IMG|IFRAME|OBJECT|EMBED|VIDEO|INPUT|STYLE|META|BASE|LINK|MATH|TEMPLATE|NOSCRIPT|BODY)$/.test(e.tagName) && !e.matches('#pp-search-input')).map((e) => e.tagName),
      text: root.textContent,
    };
  });
  assert.equal(report.xss, null, 'no payload ran');
  assert.deepEqual(report.handlers, [], 'no event-handler attributes');
  assert.deepEqual(report.badUrls, [], 'no dangerous URLs');
  assert.deepEqual(report.foreign, [], 'no elements from the payloads');
  for (const p of renderable.filter((p) => !/[*_~`\\]/.test(p))) assert.ok(report.text.includes(p), `shown literally: ${p}`);
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('a javascript: link in a bundle is refused with a visible error, and never runs', async () => {
  const { page, context } = await open(world, '/link.html');
  const alert = page.locator('privacy-policy [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /damaged|cannot read/);
  assert.equal(await page.evaluate(() => window.__xss ?? null), null, 'it never ran');
  await context.close();
});

for (const [path, words, retry] of [
  ['/e500.html', /server had a problem \(error 500\)/, true],
  ['/empty.html', /damaged|cannot read/, false],
  ['/deep.html', /damaged|cannot read/, false],
  ['/latin1.html', /damaged|cannot read/, false],
  ['/types.html', /damaged|cannot read/, false],
  ['/huge.html', /damaged|cannot read/, false],
  ['/unreachable.html', /could not be loaded/, true],
]) {
  test(`${path.slice(1, -5)}: a visible alert in plain words${retry ? ' with a retry button' : ''}, no uncaught error`, async () => {
    const { page, context, record } = await open(world, path);
    const alert = page.locator('privacy-policy [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), words);
    assert.equal(await alert.getByRole('button', { name: 'Try again' }).count(), retry ? 1 : 0);
    const errors = await record.errors();
    const uncaught = errors.filter((e) => !e.startsWith('privacy-policy:'));
    assert.deepEqual(uncaught, [], 'only the widget\u2019s own explanations in the console');
    assert.ok(errors.some((e) => e.startsWith('privacy-policy:')), 'developers get details in the console');
    await context.close();
  });
}

test('Subresource Integrity: the script tag\u2019s integrity value works, and a tampered wasm is refused', async () => {
  const good = await open(world, '/sri.html');
  await rendered(good.page);
  assert.equal(await good.page.locator('privacy-policy .pp-title').count(), 1);
  await good.context.close();

  world.routes['/tampered.html'] = {
    type: 'text/html',
    body: hostPage({ cdn: tamperedCdn.url, integrity: scriptIntegrity(), body: '<privacy-policy src="/policies/concord.json"></privacy-policy>' }),
  };
  const bad = await open(world, '/tampered.html');
  const alert = bad.page.locator('privacy-policy [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /did not load/);
  assert.equal(await bad.page.locator('privacy-policy .pp-title').count(), 0, 'the tampered widget never ran');
  const errors = await bad.record.errors();
  assert.ok(errors.some((e) => e.startsWith('privacy-policy: the widget could not start')), errors.join('\n'));
  await bad.context.close();
});

test('a server that hangs: after the time limit, a visible alert with a retry button', async () => {
  const { page, context } = await open(world, '/slow.html');
  const status = page.locator('privacy-policy [role=status]');
  await status.waitFor();
  assert.match(await status.textContent(), /Loading/, 'a loading state, not a blank box');
  const alert = page.locator('privacy-policy [role=alert]');
  await alert.waitFor({ timeout: 25_000 });
  assert.match(await alert.textContent(), /taking too long/);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await page.locator('privacy-policy [role=status]').waitFor();
  assert.match(await page.locator('privacy-policy [role=status]').textContent(), /Loading/, 'retrying shows the loading state again');
  await context.close();
});
