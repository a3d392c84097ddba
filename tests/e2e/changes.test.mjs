// What changed since the previous version, as a resident meets it: Mass.gov
// 2016 as an update of Mass.gov 2002 (the demo's), embedded from another
// origin. The header's link, the disclosure and its links, a section's
// changed words (struck through and underlined, and announced), a removed
// section's old text, the contents' marks, `hide="changes"`, the notice of a
// policy that takes effect later, print, and axe with all of it shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axe, engineCan, hostPage, open, rendered, useWorld } from './harness.mjs';

const UPDATE = JSON.parse(readFileSync(new URL('../../www/policies/massgov-2016-update.json', import.meta.url), 'utf8'));
const CHANGES = UPDATE.changes.sections;
const count = (kind) => CHANGES.filter((c) => c.change === kind).length;

const world = useWorld({
  routes: (w) => {
    const page = (attributes) => ({ type: 'text/html', body: hostPage({ cdn: w.cdn.url, body: `<privacy-policy ${attributes}></privacy-policy>` }) });
    const later = { ...UPDATE, meta: { ...UPDATE.meta, effective_date: '2999-07-01' } };
    return {
      '/update.html': page('src="/policies/massgov-2016-update.json"'),
      '/hidden.html': page('src="/policies/massgov-2016-update.json" hide="changes"'),
      '/later.html': page('src="/later.json"'),
      '/later.json': { body: JSON.stringify(later) },
    };
  },
});

/** The focused element inside the widget's shadow root: its id. */
const focusedId = (page) => page.evaluate(() => document.querySelector('privacy-policy').shadowRoot.activeElement?.id ?? null);

test('the header\u2019s "What changed" opens the list of changes, each changed or added section linked and removed ones with their old text', async () => {
  const { page, context, record } = await open(world, '/update.html');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  const button = widget.locator('#pp-changes-button');
  assert.equal(await button.textContent(), 'What changed since December 16, 2002');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await widget.locator('#pp-changes').isVisible(), false, 'closed at first');
  assert.ok(await widget.locator('.pp-header #pp-changes-button').isVisible(), 'in the header');

  // By keyboard, as a disclosure button.
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.ok(await widget.locator('#pp-changes').isVisible());
  assert.equal(await focusedId(page), 'pp-changes-button', 'focus stays on the button');
  assert.equal(await widget.locator('#pp-changes a[href^="#"]').count(), count('changed') + count('added'), 'each changed or added section linked');
  assert.ok((await widget.locator('#pp-changes').textContent()).includes('Rewritten for the new Mass.gov'), 'the publisher\u2019s summary');
  const archived = widget.locator('#pp-changes a[href^="https://web.archive.org/"]');
  assert.equal(await archived.textContent(), 'December 16, 2002', 'the earlier version, linked');

  // A removed section: its title, and its old text a click away.
  const removed = widget.locator('.pp-removed', { hasText: 'eBusiness Central' });
  assert.equal(await removed.locator('p').first().isVisible(), false);
  await removed.locator('summary').click();
  assert.ok((await removed.locator('p').first().textContent()).startsWith('By registering with the portal'));
  assert.ok(await removed.locator('p').first().isVisible());

  // A link opens its section.
  await widget.locator('#pp-changes a[href="#security"]').click();
  assert.equal(await widget.locator('#security-button').getAttribute('aria-expanded'), 'true');
  await widget.locator('#security-panel').waitFor();
  // The contents mark the same sections.
  assert.equal(await widget.locator('.pp-contents .pp-badge', { hasText: 'Changed' }).count(), count('changed'));
  assert.equal(await widget.locator('.pp-contents .pp-badge', { hasText: 'New' }).count(), count('added'));

  assert.deepEqual(await axe(page), [], 'axe, the changes open');
  assert.deepEqual(await record.errors(), []);
  await context.close();
});

test('a changed section shows its changed words on request, struck through and underlined, and announced', async () => {
  const { page, context } = await open(world, '/update.html#security');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  const section = widget.locator('#security-panel');
  await section.waitFor();
  assert.ok((await section.locator('.pp-change-note').textContent()).includes('Changed since December 16, 2002'));
  const toggle = section.locator('.pp-redline summary');
  const words = section.locator('.pp-redline p').first();
  assert.equal(await toggle.textContent(), 'Show changes');
  assert.equal(await words.isVisible(), false);

  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.ok(await words.isVisible());
  const deleted = words.locator('del').first();
  const inserted = words.locator('ins').first();
  assert.equal(await deleted.textContent(), '[deleted text: e-mail]', 'a screen reader hears what was deleted');
  assert.equal(await inserted.textContent(), '[inserted text: information]');
  const style = (l) => l.evaluate((e) => getComputedStyle(e).textDecorationLine);
  assert.match(await style(deleted), /line-through/, 'deleted words struck through, not only coloured');
  assert.match(await style(inserted), /underline/, 'inserted words underlined');
  // The labels are for screen readers: on screen, the words alone.
  assert.equal(await deleted.locator('.pp-visually-hidden').first().evaluate((e) => e.getBoundingClientRect().width <= 1), true);

  // An added section says so.
  const added = widget.locator('#links-to-social-media-sites');
  await added.locator('.pp-toggle').click();
  assert.ok((await added.locator('.pp-change-note').textContent()).includes('New since December 16, 2002'));

  assert.deepEqual(await axe(page), [], 'axe, changed words shown');
  await toggle.click();
  assert.equal(await words.isVisible(), false, 'and hidden again');
  await context.close();
});

test('hide="changes" shows the policy without its changes', async () => {
  const { page, context } = await open(world, '/hidden.html');
  await rendered(page);
  const widget = page.locator('privacy-policy');
  assert.equal(await widget.locator('.pp-title').textContent(), 'Mass.gov® Privacy Policy');
  for (const part of ['.pp-changes', '#pp-changes-button', '.pp-badge', '.pp-change-note', '.pp-redline']) {
    assert.equal(await widget.locator(part).count(), 0, part);
  }
  await context.close();
});

test('a policy that takes effect on a later date says so at the top', async () => {
  const { page, context } = await open(world, '/later.html', { viewport: { width: 320, height: 640 } });
  await rendered(page);
  const notice = page.locator('privacy-policy .pp-notice');
  assert.equal(await notice.textContent(), 'These changes take effect on July 1, 2999.');
  assert.ok(await notice.isVisible());
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test('print shows the changes the resident opened, and not the ones left closed', async (t) => {
  const { page, context } = await open(world, '/update.html');
  await rendered(page);
  if (!engineCan(t, 'media')) return context.close();
  const widget = page.locator('privacy-policy');
  await widget.locator('#security-button').click();
  await widget.locator('#security-panel .pp-redline summary').click();
  await widget.locator('#security-panel .pp-redline[open] p').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await widget.locator('#pp-changes').isVisible(), false, 'the closed list is not printed');
  assert.ok(await widget.locator('#security-panel .pp-redline p').first().isVisible(), 'the changed words shown are printed');
  assert.equal(await widget.locator('#definitions-panel .pp-redline p').first().isVisible(), false, 'changes not shown are not printed');

  await page.emulateMedia({ media: 'screen' });
  await widget.locator('#pp-changes-button').click();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await widget.locator('#pp-changes').isVisible(), 'the open list is printed');
  await context.close();
});
