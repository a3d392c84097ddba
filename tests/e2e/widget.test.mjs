// The widget as residents and web editors meet it: embedded cross-origin in a
// plain host page, clicked and typed into, scanned by axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, engineCan, hostPage, open, openWhereEngineCan, rendered, SEEDS, settledTop, useWorld } from './harness.mjs';

const HOSTILE_CSS = `<style>
  html, body { font-size: 40px !important; line-height: 3 !important; }
  * { color: red !important; letter-spacing: 4px !important; }
  button { display: none !important; }
  section, div, h2, h3, p, ul, li { margin: 3em !important; padding: 2em !important; border: 5px dotted green !important; }
  a { text-decoration: none !important; font-weight: 900 !important; }
</style>`;

const world = useWorld({
  routes: (w) => {
    const page = (body, head) => ({ type: 'text/html', body: hostPage({ cdn: w.cdn.url, body, head }) });
    const routes = {};
    for (const slug of SEEDS) {
      routes[`/${slug}.html`] = page(`<privacy-policy src="/policies/${slug}.json"></privacy-policy>`);
      routes[`/hostile-${slug}.html`] = page(`<privacy-policy src="/policies/${slug}.json"></privacy-policy>`, HOSTILE_CSS);
    }
    // A page that asks a third party for something: the privacy checks must see it.
    routes['/tracked.html'] = page(`<img src="https://tracker.example/pixel.gif" alt=""><privacy-policy src="/policies/concord.json"></privacy-policy>`);
    routes['/two.html'] = page(`<privacy-policy id="a" src="/policies/concord.json"></privacy-policy>
      <privacy-policy id="b" src="/policies/westfield.json"></privacy-policy>`);
    const csp = [
      "default-src 'self'", `script-src 'self' ${w.cdn.url} 'wasm-unsafe-eval'`, `style-src 'self' ${w.cdn.url}`,
      `connect-src 'self' ${w.cdn.url}`, "img-src 'self' data:", "require-trusted-types-for 'script'",
    ].join('; ');
    routes['/csp.html'] = { ...page(`<privacy-policy src="/policies/massgov-2016.json"></privacy-policy>`), headers: { 'Content-Security-Policy': csp } };
    routes['/api.html'] = page(`<div id="target"></div><script type="module" src="/api.js"></script>`);
    routes['/api.js'] = {
      type: 'text/javascript',
      body: `import { mount } from '${w.cdn.url}/policy-widget.js';
        const widget = await mount(document.getElementById('target'), '/policies/westfield.json', { 'heading-level': 4, hide: 'facts' });
        window.widget = widget;`,
    };
    const inlineBundle = JSON.stringify({
      format: 'policy-bundle/1',
      meta: { title: 'Inline policy', publisher: { name: 'Town of Inline' } },
      sections: [{ id: 'only', title: 'The only section', blocks: [{ type: 'paragraph', text: 'Written inside the page.' }] }],
    });
    routes['/inline.html'] = page(`<privacy-policy><script type="application/json">${inlineBundle}</script></privacy-policy>`);
    routes['/missing.html'] = page(`<privacy-policy src="/policies/no-such-policy.json"></privacy-policy>`);
    routes['/broken.html'] = page(`<privacy-policy src="/broken.json"></privacy-policy>`);
    routes['/broken.json'] = { body: '{"format": "policy-bundle/1", "meta": ' };
    routes['/future.html'] = page(`<privacy-policy src="/future.json"></privacy-policy>`);
    routes['/future.json'] = { body: '{"format": "policy-bundle/9", "meta": {}, "sections": []}' };
    return routes;
  },
});

for (const slug of SEEDS) {
  test(`${slug}: renders from another origin, every section opens by mouse and keyboard, axe finds nothing`, async () => {
    const { page, context, record } = await open(world, `/${slug}.html`);
    await rendered(page);
    const widget = page.locator('privacy-policy');
    await assert.doesNotReject(widget.locator('.pp-title').waitFor());
    assert.deepEqual(await axe(page), [], 'axe, sections closed');

    const buttons = widget.locator('.pp-sections .pp-toggle');
    const count = await buttons.count();
    assert.ok(count >= 5, `${count} sections`);
    // Mouse on the first, keyboard (Enter, Space) on the others.
    for (let i = 0; i < count; i++) {
      const button = buttons.nth(i);
      if (!(await button.isVisible())) continue; // nested, inside a closed parent
      if (i === 0) await button.click();
      else {
        await button.focus();
        await page.keyboard.press(i % 2 ? 'Enter' : 'Space');
      }
      assert.equal(await button.getAttribute('aria-expanded'), 'true', `section ${i} opens`);
      const panel = widget.locator(`#${await button.getAttribute('aria-controls')}`);
      assert.ok(await panel.isVisible(), `panel ${i} visible`);
    }
    await widget.locator('.pp-sections .pp-toggle').first().click();
    assert.equal(await buttons.first().getAttribute('aria-expanded'), 'false', 'a second click closes');

    await widget.locator('.pp-toggle-all').click();
    const closed = await widget.locator('.pp-sections [aria-expanded=false]').count();
    assert.equal(closed, 0, 'expand all opens every section');
    assert.deepEqual(await axe(page), [], 'axe, sections open');

    assert.deepEqual(await record.errors(), [], 'no console errors');
    const origins = new Set((await record.requests()).map((u) => new URL(u).origin));
    assert.deepEqual([...origins].sort(), [world.cdn.url, world.site.url].sort(), 'requests only to the page and the widget origin');
    const widgetRequests = (await record.requests()).filter((u) => u.startsWith(world.cdn.url)).map((u) => new URL(u).pathname).sort();
    assert.deepEqual(widgetRequests, ['/policy-widget.js', '/privacy-policy-widget_bg.wasm']);
    // Asked for while the wasm loads, and only once.
    assert.deepEqual((await record.requests()).filter((u) => u.endsWith('.json')), [`${world.site.url}/policies/${slug}.json`], 'the bundle is fetched once');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    assert.equal(stored, 0, 'no storage');
    await context.close();
  });
}

/** Where and how each visible part of the widget is drawn, relative to the widget. */
function layoutSignature(root) {
  const origin = root.getBoundingClientRect();
  return [...root.querySelectorAll('.pp-title, .pp-toggle, .pp-toggle-all, .pp-fact, .pp-panel p, .pp-tool, a')].map((e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return [e.className || e.tagName, r.x - origin.x, r.y - origin.y, r.width, r.height, s.color, s.fontSize, s.display, s.letterSpacing];
  });
}

/**
 * The parts drawn differently in `b` than in `a`. Within a pixel is the same:
 * the host page's own margins put the widget at another fraction of a pixel,
 * and Firefox snaps some boxes to whole device pixels from there.
 */
function layoutDifferences(a, b) {
  if (a.length !== b.length) return [`${a.length} parts, then ${b.length}`];
  return a.flatMap((part, i) => {
    const same = part.every((v, j) => (typeof v === 'number' ? Math.abs(v - b[i][j]) <= 1 : v === b[i][j]));
    return same ? [] : [`${part.join(' ')} → ${b[i].join(' ')}`];
  });
}

test('a hostile CMS stylesheet changes nothing inside the widget', async () => {
  for (const slug of ['massgov-2016', 'cambridge-schools']) {
    const layouts = [];
    for (const path of [`/${slug}.html`, `/hostile-${slug}.html`]) {
      const { page, context } = await open(world, path);
      await rendered(page);
      const widget = page.locator('privacy-policy .pp');
      await widget.locator('.pp-toggle-all').click();
      assert.ok(await widget.locator('.pp-toggle-all').isVisible(), 'buttons still show');
      layouts.push(await widget.evaluate(layoutSignature));
      await context.close();
    }
    assert.ok(layouts[0].length > 50, `${slug}: ${layouts[0].length} parts measured`);
    assert.deepEqual(layoutDifferences(layouts[0], layouts[1]), [], `${slug}: the same layout, colours and sizes`);
  }
});

test('a deep link opens its section and scrolls its header to the top of the screen', async () => {
  // With motion: the widget scrolls smoothly, and focusing the header must not stop it half-way.
  const { page, context, record } = await open(world, '/massgov-2002.html#policy-changes');
  await rendered(page);
  const button = page.locator('privacy-policy #policy-changes-button');
  await page.waitForFunction(() =>
    document.querySelector('privacy-policy').shadowRoot.querySelector('#policy-changes-button')?.getAttribute('aria-expanded') === 'true');
  assert.ok(await page.locator('privacy-policy #policy-changes-panel').isVisible(), 'its text shows');
  const top = await settledTop(page, '#policy-changes-button');
  assert.ok(top >= 0 && top < 900 / 3, `the header is in the top third of the screen (top ${top})`);
  assert.ok(await button.evaluate((b) => b.getRootNode().activeElement === b), 'focus on its heading button');
  await assertPrivate(page, context, record);
  await context.close();
});

/** Nothing but the page, the widget's files and the bundle; no cookies; no storage. */
async function assertPrivate(page, context, record) {
  const origins = new Set((await record.requests()).map((u) => new URL(u).origin));
  assert.deepEqual([...origins].sort(), [world.cdn.url, world.site.url].sort(), 'requests only to the page and the widget origin');
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
}

test('the privacy checks see a request the page makes for another origin', async () => {
  const { page, context, record } = await open(world, '/tracked.html');
  await rendered(page);
  await page.waitForFunction(() => window.__record.foreign.length > 0);
  const origins = new Set((await record.requests()).map((u) => new URL(u).origin));
  assert.ok(origins.has('https://tracker.example'), [...origins].join(', '));
  await context.close();
});

test('summary points and fact cards open the section they cite', async () => {
  const { page, context, record } = await open(world, '/massgov-2016.html');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  await widget.locator('.pp-fact-source', { hasText: 'Security' }).first().click();
  assert.equal(await widget.locator('#security-button').getAttribute('aria-expanded'), 'true');
  assert.ok(await widget.locator('#security-panel').isVisible());
  assert.equal(new URL(await page.url()).hash, '#security');
  // Back up to the summary as a person goes, from the keyboard.
  await page.keyboard.press('Home');
  await widget.locator('.pp-point-source').first().click();
  const id = (await widget.locator('.pp-point-source').first().getAttribute('href')).slice(1);
  assert.equal(await widget.locator(`#${id}-button`).getAttribute('aria-expanded'), 'true');
  await page.goBack();
  await assertPrivate(page, context, record);
  await context.close();
});

test('two widgets on one page stay independent', async () => {
  const { page, context } = await open(world, '/two.html');
  await rendered(page, '#a');
  await rendered(page, '#b');
  const a = page.locator('#a');
  const b = page.locator('#b');
  assert.match(await a.locator('.pp-title').textContent(), /Concord/);
  assert.match(await b.locator('.pp-title').textContent(), /Privacy Policy/);
  await a.locator('.pp-toggle-all').click();
  assert.equal(await a.locator('.pp-sections [aria-expanded=false]').count(), 0);
  assert.ok((await b.locator('.pp-sections [aria-expanded=true]').count()) === 0, 'the other widget stays closed');
  await context.close();
});

for (const [path, words] of [
  ['/missing.html', /not found/],
  ['/broken.html', /damaged|cannot read/],
  ['/future.html', /damaged|cannot read/],
]) {
  test(`a bad bundle (${path}) shows a visible, accessible error`, async () => {
    const { page, context } = await open(world, path);
    const alert = page.locator('privacy-policy [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), words);
    assert.ok((await alert.boundingBox()).height > 20, 'visible, not a blank box');
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

test('a strict Content-Security-Policy with Trusted Types: renders with zero violations', async () => {
  const { page, context, record } = await open(world, '/csp.html');
  await rendered(page);
  await page.locator('privacy-policy .pp-toggle-all').click();
  assert.equal(await page.locator('privacy-policy .pp-sections [aria-expanded=false]').count(), 0);
  assert.deepEqual(await record.violations(), []);
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('the JavaScript API mounts into any element with options, and destroys', async () => {
  const { page, context, record } = await open(world, '/api.html');
  await rendered(page, '#target');
  assert.equal(await page.locator('#target h4.pp-title').count(), 1, 'heading-level option applied');
  assert.equal(await page.locator('#target .pp-facts').count(), 0, 'hide option applied');
  await page.evaluate(() => window.widget.destroy());
  assert.equal(await page.locator('#target .pp').count(), 0);
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('a section\u2019s chevron turns with it on screen, and is not printed', async (t) => {
  // Without motion the chevron is at once where it ends up.
  const { page, context } = await open(world, '/westfield.html', { reducedMotion: 'reduce' });
  await rendered(page);
  const button = page.locator('privacy-policy .pp-sections .pp-toggle').first();
  const chevron = () => button.evaluate((b) => {
    const style = getComputedStyle(b, '::after');
    return { display: style.display, transform: style.transform, width: style.width };
  });
  const closed = await chevron();
  assert.notEqual(closed.display, 'none');
  assert.notEqual(closed.width, '0px', 'drawn on screen');
  await button.click();
  // Where motion cannot be turned off, the turn animates: wait for its end.
  await page.waitForFunction(() => !document.querySelector('privacy-policy').shadowRoot.getAnimations().length);
  assert.notEqual((await chevron()).transform, closed.transform, 'it turns when the section opens');
  if (engineCan(t, 'media')) {
    await page.emulateMedia({ media: 'print' });
    assert.equal((await chevron()).display, 'none', 'not on paper');
  }
  await context.close();
});

test('print shows every section and no controls, and the summary\u2019s heading keeps clear of its border', async (t) => {
  const { page, context } = await open(world, '/westfield.html');
  await rendered(page);
  if (!engineCan(t, 'media')) return context.close();
  await page.emulateMedia({ media: 'print' });
  const widget = page.locator('privacy-policy');
  const panels = widget.locator('.pp-panel');
  for (let i = 0; i < (await panels.count()); i++) assert.ok(await panels.nth(i).isVisible(), `panel ${i} prints`);
  assert.equal(await widget.locator('.pp-toggle-all').isVisible(), false, 'no expand-all button on paper');
  const gap = await widget.locator('.pp-summary').evaluate((box) => {
    const words = document.createTreeWalker(box.querySelector('.pp-summary-heading'), NodeFilter.SHOW_TEXT).nextNode();
    const range = document.createRange();
    range.selectNodeContents(words);
    return range.getBoundingClientRect().left - box.getBoundingClientRect().left - parseFloat(getComputedStyle(box).borderLeftWidth);
  });
  assert.ok(gap >= 8, `the "Quick summary" heading stands ${gap} px inside its box's border`);
  await context.close();
});

test('keyboard only: Tab reaches every control in order, focus is always visible, nothing traps it', async () => {
  const { page, context } = await open(world, '/westfield.html');
  await rendered(page);
  await page.locator('h1').click();
  const seen = [];
  let left = false;
  for (let i = 0; i < 300 && !left; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      return { id: el.id || el.textContent.trim().slice(0, 30), inWidget: el.getRootNode() !== document, visible };
    });
    if (focus?.inWidget) {
      assert.ok(focus.visible, `focus visible on ${focus.id}`);
      seen.push(focus.id);
    } else if (seen.length) {
      left = true; // Tab went on past the widget: nothing traps it
    }
  }
  assert.ok(left, `focus left the widget after ${seen.length} stops`);
  assert.ok(seen.includes('pp-search-input'), 'search box reachable');
  assert.ok(seen.includes('pp-summary-button'), 'summary disclosure reachable');
  assert.ok(seen.includes('a-privacy-partnership-button') && seen.includes('contact-information-button'), 'every section button reachable');
  assert.ok(seen.indexOf('pp-search-input') < seen.indexOf('pp-summary-button'), 'search before summary, in reading order');
  assert.ok(seen.indexOf('a-privacy-partnership-button') < seen.indexOf('contact-information-button'), 'sections in order');
  await context.close();
});

test('a bundle written inside the element renders without a request', async () => {
  const { page, context, record } = await open(world, '/inline.html');
  await rendered(page);
  assert.equal(await page.locator('privacy-policy .pp-title').textContent(), 'Inline policy');
  await page.locator('privacy-policy #only-button').click();
  assert.ok(await page.locator('privacy-policy #only-panel').isVisible());
  assert.ok(!(await record.requests()).some((u) => u.includes('/policies/')), 'no bundle fetched');
  await context.close();
});

test('a glossary term shows its definition on hover and keyboard focus, Escape hides it, a tap pins it', async () => {
  const { page, context } = await open(world, '/massgov-2016.html');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  const term = widget.locator('.pp-intro .pp-term-button').first();
  assert.equal((await term.textContent()).toLowerCase(), 'social media');
  const tip = widget.locator(`[id="${await term.getAttribute('aria-describedby')}"]`);
  assert.equal(await tip.getAttribute('role'), 'tooltip');
  assert.match(await tip.textContent(), /^A social media website/, "the definition, without repeating the term");
  assert.equal(await tip.isVisible(), false, 'hidden until asked for');

  await term.hover();
  assert.ok(await tip.isVisible(), 'hover shows it');
  await tip.hover();
  assert.ok(await tip.isVisible(), 'the pointer can move onto it');
  assert.deepEqual(await axe(page), [], 'axe with a definition open');
  await page.locator('h1').hover();
  assert.equal(await tip.isVisible(), false, 'leaving hides it');

  // Keyboard: Tab onto the term from the control before it.
  await term.evaluate((el) => {
    const controls = [...el.getRootNode().querySelectorAll('button, a[href], input, summary')].filter((c) => c.checkVisibility());
    controls[controls.indexOf(el) - 1].focus();
  });
  await page.keyboard.press('Tab');
  assert.ok(await term.evaluate((el) => el.matches(':focus')), 'the term is a tab stop');
  assert.ok(await tip.isVisible(), 'keyboard focus shows it');
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false, 'Escape hides it');

  await term.click();
  await page.locator('h1').hover();
  assert.ok(await tip.isVisible(), 'a tap or click pins it open');
  await page.locator('h1').click();
  assert.equal(await tip.isVisible(), false, 'and it closes when focus moves on');
  await context.close();
});

test('"Copy link to this section" puts the section\u2019s deep link on the clipboard and says so', async () => {
  const { page, context } = await open(world, '/massgov-2002.html');
  await rendered(page);
  // What reaches the clipboard, seen on its way there: reading the clipboard
  // back needs a permission that not every engine's driver can grant.
  await page.evaluate(() => {
    const write = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text) => {
      window.copied = text;
      return write(text);
    };
  });
  await page.locator('privacy-policy #policy-changes-button').click();
  const copy = page.locator('privacy-policy #policy-changes-panel .pp-copy button');
  assert.equal(await copy.textContent(), 'Copy link to this section');
  await copy.click();
  await page.waitForFunction(() => document.querySelector('privacy-policy').shadowRoot
    .querySelector('#policy-changes-panel .pp-copy button').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => window.copied), `${world.site.url}/massgov-2002.html#policy-changes`);
  const other = page.locator('privacy-policy .pp-copy button').first();
  assert.equal(await other.textContent(), 'Copy link to this section', 'other sections\u2019 controls are unchanged');
  await context.close();
});

test('a browser without hidden="until-found": closed sections stay closed, and search and deep links open them', async (t) => {
  // Tested in WebKit, whose MiniBrowser can turn the feature off.
  const opened = await openWhereEngineCan(t, world, '/massgov-2016.html#security', { untilFound: false });
  if (!opened) return;
  const { page, context } = opened;
  await rendered(page);
  assert.equal(await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.hidden = 'until-found';
    return probe.hidden;
  }), true, 'the engine treats until-found as plain hidden');
  const widget = page.locator('privacy-policy');
  assert.equal(await widget.locator('#security-button').getAttribute('aria-expanded'), 'true', 'the deep link opened its section');
  assert.ok(await widget.locator('#security-panel').isVisible());
  const closed = widget.locator('.pp-sections > .pp-section [aria-expanded=false]');
  assert.ok((await closed.count()) > 5);
  assert.equal(await widget.locator('#definitions-panel').isVisible(), false, 'a closed section shows no text');
  await widget.getByRole('searchbox', { name: 'Search this policy' }).fill('facebook pixel');
  await assert.doesNotReject(widget.locator('#usage-data-and-known-persistent-cookies-panel mark').first().waitFor());
  assert.equal(await widget.locator('#usage-data-and-known-persistent-cookies-button').getAttribute('aria-expanded'), 'true', 'search opened it');
  const stillClosed = widget.locator('.pp-sections > .pp-section > .pp-section-heading [aria-expanded=false]').first();
  const panel = await stillClosed.getAttribute('aria-controls');
  await stillClosed.click();
  assert.ok(await widget.locator(`#${panel}`).isVisible(), 'a click opens a section');
  await context.close();
});
