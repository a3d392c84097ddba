// The WordPress plugin (`make package`'s zip) in a real WordPress: Debian's
// package with MariaDB (wordpress/site.mjs). The administrator installs it with
// WordPress's installer and uploads a bundle; an Editor without
// `unfiltered_html` (the site sets DISALLOW_UNFILTERED_HTML) puts the shortcode
// on one page and the block on another; a resident reads them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axe, open, rendered, useWorld } from './harness.mjs';
import { startWordPress } from './wordpress/site.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const PLUGIN = '/wp-content/plugins/privacy-policy-widget/widget/';

const world = useWorld();
let wp;
before(async () => {
  wp = await startWordPress({
    zip: join(repo, `target/package/privacy-policy-widget-wordpress-${version}.zip`),
    bundle: join(repo, 'www/policies/westfield.json'),
    invalidBundle: join(repo, 'tests/fixtures/invalid/dangling.json'),
  });
});
after(() => wp?.stop());

/** A page of the site in a fresh browser, as a resident (no one logged in). */
async function visit(path, viewport) {
  const opened = await open(world, undefined, viewport && { viewport });
  await opened.page.goto(wp.url + path);
  return opened;
}

/** Every address the page loaded (the document, scripts, the wasm, the bundle), from any origin. */
const loaded = (page) => page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)]);

test('an Editor without unfiltered_html keeps the shortcode and the block; Custom HTML is emptied', () => {
  const { pages, editorHasUnfilteredHtml } = wp.report;
  assert.equal(editorHasUnfilteredHtml, false, 'the Editor cannot post raw HTML here');
  assert.match(pages.shortcode.stored, /\[privacy_policy src="[^"]+westfield\.json" heading-level="2" initial="first"\]/);
  assert.equal(pages.block.stored, '<!-- wp:privacy-policy-widget/policy {"headingLevel":2,"hide":"facts"} /-->');
  // What the plugin is for: the documented Custom HTML way loses the element.
  assert.equal(pages.customHtml.stored, '<!-- wp:html --><!-- /wp:html -->');
});

test('bundles in the media library: checked for administrators, refused to other roles', () => {
  const { invalidByAdmin, bundleByEditor } = wp.report;
  assert.match(invalidByAdmin, /^dangling\.json is not a policy bundle the widget can show: meta\.effective_date: "2023-02-30" is not a date as YYYY-MM-DD; summary\[0\]\.section: no section has id "nowhere"/);
  assert.match(invalidByAdmin, /\(and 2 more problems\)$/);
  assert.equal(bundleByEditor, 'Sorry, you are not allowed to upload this file type.');
});

test('the shortcode\u2019s page: the policy, its options, axe, nothing foreign, the widget from the plugin', async () => {
  for (const viewport of [{ width: 1024, height: 900 }, { width: 320, height: 700 }]) {
    const { page, context } = await visit(wp.report.pages.shortcode.path, viewport);
    await rendered(page);
    assert.match(await page.locator('privacy-policy .pp-header').textContent(), /City of Westfield/);
    const title = await page.evaluate(() => document.querySelector('privacy-policy').shadowRoot.querySelector('.pp-title').tagName);
    assert.equal(title, 'H2', 'heading-level="2"');
    assert.equal(await page.locator('privacy-policy [aria-expanded=true]').count() > 0, true, 'initial="first" opens the first section');
    assert.deepEqual(await axe(page, { include: 'privacy-policy' }), [], `axe at ${viewport.width} px`);
    const overflow = await page.evaluate(() => document.querySelector('privacy-policy').scrollWidth > document.querySelector('privacy-policy').clientWidth);
    assert.equal(overflow, false, `no horizontal scrolling at ${viewport.width} px`);
    const addresses = await loaded(page);
    assert.deepEqual(addresses.filter((url) => !url.startsWith(`${wp.url}/`)), [], 'nothing from another origin');
    for (const file of ['policy-widget.js', 'privacy-policy-widget_bg.wasm']) {
      assert.ok(addresses.some((url) => url.startsWith(`${wp.url}${PLUGIN}${file}`)), `${file} from the plugin`);
    }
    assert.ok(addresses.some((url) => url.endsWith(wp.report.bundleUrl)), 'the uploaded bundle');
    assert.deepEqual(await context.cookies(), [], 'no cookies for a resident');
    await context.close();
  }
});

test('the block\u2019s page: the default policy, with the options the Editor chose', async () => {
  const { page, context } = await visit(wp.report.pages.block.path);
  await rendered(page);
  assert.match(await page.locator('privacy-policy .pp-header').textContent(), /City of Westfield/);
  assert.equal(await page.locator('privacy-policy .pp-facts').count(), 0, 'hide="facts"');
  assert.deepEqual(await axe(page, { include: 'privacy-policy' }), []);
  assert.deepEqual((await loaded(page)).filter((url) => !url.startsWith(`${wp.url}/`)), []);
  await context.close();
});

test('a page without the shortcode or block loads nothing of the widget', async () => {
  const { page, context } = await visit(wp.report.pages.plain.path);
  await page.getByText('Trash pickup is on Tuesdays.').waitFor();
  assert.deepEqual((await loaded(page)).filter((url) => url.includes('privacy-policy-widget')), []);
  await context.close();
});

/** Logs in through WordPress's login form. */
async function logIn(page, user, password) {
  await page.goto(`${wp.url}/wp-login.php`);
  // The form focuses its first field a moment after loading: typing before
  // then would lose keys to that move.
  await page.waitForFunction(() => document.activeElement?.id === 'user_login');
  await page.locator('#user_login').fill(user);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.locator('#wpadminbar').waitFor();
}

test('the block in the editor: the Editor adds it with an uploaded policy and publishes; residents see that policy', async () => {
  const { page, context } = await visit('/wp-login.php');
  await logIn(page, 'editor', 'editor-password');
  await page.goto(`${wp.url}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('privacy-policy-widget/policy') && wp.data.select('core/editor').getCurrentPostId(), null, { timeout: 60_000 });
  const offered = await page.evaluate(() => window.privacyPolicyWidgetEditor.bundles);
  const westfield = offered.find((bundle) => bundle.url.endsWith(wp.report.bundleUrl.split('/').pop()));
  assert.ok(westfield, `the uploaded bundle is offered: ${JSON.stringify(offered)}`);
  assert.match(westfield.title, /City of Westfield/);
  await page.evaluate((src) => {
    const { dispatch } = wp.data;
    const block = wp.blocks.createBlock('privacy-policy-widget/policy', { src, initial: 'expanded', accent: '#8a1538' });
    dispatch('core/block-editor').insertBlocks(block);
    dispatch('core/block-editor').selectBlock(block.clientId);
    dispatch('core/editor').editPost({ title: 'Our privacy policy', status: 'publish' });
    dispatch('core/editor').savePost();
  }, westfield.url);
  const placeholder = page.locator('.wp-block-privacy-policy-widget-policy .components-placeholder');
  assert.match(await placeholder.textContent(), /City of Westfield/, 'the placeholder names the chosen policy');
  // The block's settings: every option of the element.
  const sidebar = await page.locator('.interface-complementary-area').textContent();
  for (const label of ['Policy bundle', 'Heading level', 'Sections at first', 'Quick summary', 'Hide', 'Show', 'Appearance']) {
    assert.ok(sidebar.includes(label), `the sidebar has "${label}"`);
  }
  await page.locator('.interface-complementary-area button.components-panel__body-toggle', { hasText: 'Appearance' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.interface-complementary-area input')].some((input) => input.value === '#8a1538'));
  const link = await page.waitForFunction(() => {
    const editor = wp.data.select('core/editor');
    return !editor.isSavingPost() && editor.getCurrentPostAttribute('status') === 'publish' && editor.getPermalink();
  }, null, { timeout: 60_000 });
  await context.close();

  const resident = await visit(new URL(link).pathname + new URL(link).search);
  await rendered(resident.page);
  assert.match(await resident.page.locator('privacy-policy .pp-header').textContent(), /City of Westfield/);
  assert.equal(await resident.page.locator('privacy-policy [aria-expanded=false]').count(), 0, 'initial="expanded"');
  assert.equal(await resident.page.evaluate(() => document.querySelector('privacy-policy').getAttribute('accent')), '#8a1538');
  await resident.context.close();
});

test('Settings \u2192 Privacy policy: an invalid upload is refused with its problems; a valid one is listed with its shortcode', async () => {
  const { page, context } = await visit('/wp-login.php');
  await logIn(page, 'admin', 'admin-password');
  await page.goto(`${wp.url}/wp-admin/options-general.php?page=privacy-policy-widget`);
  await page.locator('.wrap h1', { hasText: 'Privacy policy widget' }).waitFor();

  const upload = async (fixture, name) => {
    await page.evaluate(
      ({ base64, fileName }) => {
        const files = new DataTransfer();
        files.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], fileName, { type: 'application/json' }));
        document.getElementById('privacy-policy-widget-bundle').files = files.files;
      },
      { base64: readFileSync(join(repo, fixture)).toString('base64'), fileName: name },
    );
    const before = await page.evaluate('performance.timeOrigin');
    await page.locator('#privacy-policy-widget-upload').click();
    // The form posts, then WordPress redirects back to the screen with its notice.
    await page.waitForFunction((then) => performance.timeOrigin !== then && document.querySelector('.wrap .notice'), before);
    return page.locator('.wrap .notice').textContent();
  };

  const refused = await upload('tests/fixtures/invalid/wrong-version.json', 'policy.json');
  assert.match(refused, /policy\.json was not added: the widget could not show it\./);
  assert.match(refused, /format: unsupported format "policy-bundle\/2"; this widget reads "policy-bundle\/1"/);
  assert.equal(await page.locator('.wrap .notice[role=alert]').count(), 1, 'announced');
  assert.equal(await page.locator('.wrap tbody tr').count(), 1, 'nothing added');

  const broken = await upload('tests/fixtures/invalid/syntax.json', 'broken.json');
  assert.match(broken, /not valid JSON/);

  const added = await upload('www/policies/concord.json', 'concord.json');
  assert.match(added, /^“[^”]*Town of Concord[^”]*” was added\.$/);
  const rows = await page.locator('.wrap tbody tr').count();
  assert.equal(rows, 2);
  assert.match(await page.locator('.wrap tbody tr').first().textContent(), /\[privacy_policy src="\/wp-content\/uploads\/\d{4}\/\d{2}\/concord\.json"\]/);
  assert.deepEqual(await axe(page, { include: '.wrap' }), [], 'the settings screen');
  await context.close();
});
