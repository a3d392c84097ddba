// What a person sees and axe does not: on every seed, at a phone's 320 px and
// at desktop width, with sections closed and all open, nothing runs off the
// screen or out of its box (WCAG 1.4.10), a focused control's whole focus ring
// shows (2.4.7), a glossary definition shows whole (1.4.13), and a deep link
// brings its section's header to the top of the screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engine, hostPage, open, rendered, SEEDS, settledTop, useWorld } from './harness.mjs';

// The seeds, and Mass.gov 2016 as an update of 2002 (what changed).
const world = useWorld({
  routes: (w) => Object.fromEntries([...SEEDS, 'massgov-2016-update'].map((slug) => [`/${slug}.html`, { type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: `<privacy-policy src="/policies/${slug}.json"></privacy-policy>` }) }])),
});

const WIDTHS = [
  ['320 px', { width: 320, height: 640 }],
  ['desktop', { width: 1280, height: 900 }],
];

/**
 * In the page: the ancestors that clip what an element paints outside its own
 * box (overflow other than visible, paint containment, content-visibility),
 * each with the rectangle it clips to, and the viewport's width.
 */
const GEOMETRY = `
const widget = () => document.querySelector('privacy-policy').shadowRoot;
const parentOf = (e) => e.parentElement ?? (e.parentNode instanceof ShadowRoot ? e.parentNode.host : null);
const clippers = (e) => {
  const out = [];
  for (let a = parentOf(e); a && a !== document.documentElement && a !== document.body; a = parentOf(a)) {
    const s = getComputedStyle(a);
    const r = a.getBoundingClientRect();
    const paint = /paint|strict|content/.test(s.contain) || s.contentVisibility === 'auto' || s.contentVisibility === 'hidden';
    const overflow = s.overflowX !== 'visible' || s.overflowY !== 'visible';
    if (paint) out.push({ who: describe(a) + ' (contain: ' + s.contain + ', content-visibility: ' + s.contentVisibility + ')', r });
    else if (overflow) out.push({ who: describe(a) + ' (overflow: ' + s.overflowX + ' ' + s.overflowY + ')', r: {
      left: r.left + parseFloat(s.borderLeftWidth), right: r.right - parseFloat(s.borderRightWidth),
      top: r.top + parseFloat(s.borderTopWidth), bottom: r.bottom - parseFloat(s.borderBottomWidth) } });
  }
  return out;
};
const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
const outside = (box, r) => box.left < r.left - 0.5 || box.right > r.right + 0.5 || box.top < r.top - 0.5 || box.bottom > r.bottom + 0.5;
const shown = (e) => e.getClientRects().length > 0 && e.checkVisibility({ visibilityProperty: true });
`;

/** In the page: every box and line of text of the widget that reaches past the viewport or out of its block. */
function overflowsInPage() {
  const problems = [];
  const root = widget();
  const scrolls = (e) => {
    for (let a = parentOf(e); a; a = parentOf(a)) if (a.nodeType === 1 && /auto|scroll/.test(getComputedStyle(a).overflowX)) return true;
    return false;
  };
  for (const e of root.querySelectorAll('*')) {
    if (!shown(e) || e.closest('.pp-visually-hidden') || scrolls(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0) continue;
    if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push(`${describe(e)} spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${innerWidth}`);
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const parent = t.parentElement;
    if (!t.textContent.trim() || !parent || !shown(parent) || parent.closest('.pp-visually-hidden') || scrolls(parent)) continue;
    let block = parent;
    while (getComputedStyle(block).display.startsWith('inline') && parentOf(block)) block = parentOf(block);
    const box = block.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(t);
    for (const line of range.getClientRects()) {
      if (line.right > Math.min(box.right, innerWidth) + 1 || line.left < Math.max(box.left, 0) - 1) {
        problems.push(`"${t.textContent.trim().slice(0, 40)}" runs out of ${describe(block)} (${Math.round(line.left)}–${Math.round(line.right)} px, box ${Math.round(box.left)}–${Math.round(box.right)})`);
        break;
      }
    }
  }
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px)`);
  return problems;
}

/** In the page: each control's focus ring (outline and its offset, and any box shadow) against what clips it. */
function clippedFocusRingsInPage() {
  const problems = [];
  const controls = [...widget().querySelectorAll('button, a[href], input, summary')].filter((c) => shown(c) && !c.disabled);
  for (const c of controls) {
    c.focus();
    const s = getComputedStyle(c);
    if (s.outlineStyle === 'none' || parseFloat(s.outlineWidth) < 2) {
      problems.push(`${describe(c)}: no focus ring`);
      continue;
    }
    const reach = Math.max(parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset), 0);
    const shadow = [...s.boxShadow.matchAll(/(?:^|,)\s*(?:rgba?\([^)]*\)\s*)?(-?[\d.]+)px\s+(-?[\d.]+)px\s+([\d.]+)px\s+([\d.]+)px(?!.*inset)/g)]
      .map((m) => parseFloat(m[4]) + parseFloat(m[3]));
    const grow = Math.max(reach, ...shadow);
    const r = c.getBoundingClientRect();
    const ring = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
    for (const { who, r: clip } of clippers(c)) {
      if (outside(ring, clip)) {
        problems.push(`${describe(c)}: its focus ring is cut off by ${who}`);
        break;
      }
    }
  }
  document.activeElement?.blur?.();
  return problems;
}

/** In the page: each glossary term's definition, shown by focus, against what clips it and the viewport. */
function clippedPopoversInPage() {
  const problems = [];
  const terms = [...widget().querySelectorAll('.pp-term-button')].filter(shown);
  for (const term of terms) {
    term.focus();
    const tip = term.nextElementSibling;
    if (!tip || !shown(tip)) {
      problems.push(`${term.textContent}: focus does not show its definition`);
      continue;
    }
    const r = tip.getBoundingClientRect();
    if (r.left < -0.5 || r.right > innerWidth + 0.5) problems.push(`${term.textContent}: its definition runs off the screen`);
    for (const { who, r: clip } of clippers(tip)) {
      if (outside(r, clip)) {
        problems.push(`${term.textContent}: its definition is cut off by ${who}`);
        break;
      }
    }
  }
  document.activeElement?.blur?.();
  return { count: terms.length, problems };
}

const run = (page, fn) => page.evaluate(`(() => { ${GEOMETRY}; return (${fn})(); })()`);

for (const [label, viewport] of WIDTHS) {
  test(`${engine.name} at ${label}: on every seed, closed and open, nothing runs off the screen, every focus ring and definition shows whole`, async () => {
    let terms = 0;
    for (const slug of SEEDS) {
      const { page, context } = await open(world, `/${slug}.html`, { viewport });
      await rendered(page);
      assert.deepEqual(await run(page, overflowsInPage), [], `${slug}, sections closed`);
      // Keyboard focus, as a person tabbing: the controls below are then focused from the keyboard.
      await page.locator('privacy-policy .pp-search-input').press('Tab');
      assert.deepEqual(await run(page, clippedFocusRingsInPage), [], `${slug}, focus rings, sections closed`);
      await page.locator('privacy-policy .pp-toggle-all').click();
      await page.locator('privacy-policy .pp-sections [aria-expanded=false]').first().waitFor({ state: 'detached' });
      assert.deepEqual(await run(page, overflowsInPage), [], `${slug}, sections open`);
      await page.locator('privacy-policy .pp-search-input').press('Tab');
      assert.deepEqual(await run(page, clippedFocusRingsInPage), [], `${slug}, focus rings, sections open`);
      const popovers = await run(page, clippedPopoversInPage);
      assert.deepEqual(popovers.problems, [], `${slug}, definitions`);
      terms += popovers.count;
      await context.close();
    }
    assert.ok(terms > 0, 'some seed has glossary terms to show');
  });

  test(`${engine.name} at ${label}: what changed, every part of it open, runs off nothing and its focus rings show whole`, async () => {
    const { page, context } = await open(world, '/massgov-2016-update.html', { viewport });
    await rendered(page);
    const widget = page.locator('privacy-policy');
    await widget.locator('#pp-changes-button').click();
    await widget.locator('.pp-toggle-all').click();
    await widget.locator('.pp-sections [aria-expanded=false]').first().waitFor({ state: 'detached' });
    // Every removed section's old text and every section's changed words.
    const summaries = widget.locator('.pp-changes summary, .pp-redline summary');
    const count = await summaries.count();
    assert.ok(count >= 10, `${count} disclosures`);
    for (let i = 0; i < count; i++) await summaries.nth(i).click();
    assert.equal(await widget.locator('.pp-changes details:not([open]), .pp-redline:not([open])').count(), 0, 'all open');
    assert.deepEqual(await run(page, overflowsInPage), []);
    await page.locator('privacy-policy .pp-search-input').press('Tab');
    assert.deepEqual(await run(page, clippedFocusRingsInPage), []);
    await context.close();
  });

  test(`${engine.name} at ${label}: a deep link brings its section's header to the top third of the screen`, async () => {
    for (const slug of SEEDS) {
      const bundle = JSON.parse(readFileSync(new URL(`../../www/policies/${slug}.json`, import.meta.url), 'utf8'));
      const target = bundle.sections[Math.floor(bundle.sections.length / 2)].id;
      const { page, context } = await open(world, `/${slug}.html#${target}`, { viewport });
      await rendered(page);
      await page.locator(`privacy-policy #${target}-button[aria-expanded="true"]`).waitFor();
      const top = await settledTop(page, `#${target}-button`);
      const atBottom = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1);
      assert.ok((top >= 0 && top < viewport.height / 3) || (atBottom && top >= 0), `${slug} #${target}: header at ${top} px of ${viewport.height}`);
      await context.close();
    }
  });
}
