// The npm package (`make package`) as a web editor's CDN serves it: installed
// from its tarball with npm, offline, into a scratch folder; its dist/ served
// as a CDN serves /npm/privacy-policy-widget@<version>/dist/; the script tag
// its README gives, integrity and all, in a host page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, hostPage, open, rendered, useWorld } from './harness.mjs';

const repo = new URL('../..', import.meta.url).pathname;
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const tarball = join(repo, `target/package/privacy-policy-widget-${version}.tgz`);
const scratch = mkdtempSync(join(tmpdir(), 'npm-install-'));
writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: scratch });
const installed = join(scratch, 'node_modules/privacy-policy-widget');
const readme = readFileSync(join(installed, 'README.md'), 'utf8');
const [, integrity] = readme.match(/integrity="(sha384-[^"]+)"/);

const world = useWorld({
  cdnRoot: installed,
  routes: (w) => ({
    '/from-npm.html': { type: 'text/html', body: hostPage({ cdn: `${w.cdn.url}/dist`, integrity, body: '<privacy-policy src="/policies/westfield.json"></privacy-policy>' }) },
  }),
});

test('the npm package: what it holds, and nothing that runs on install', () => {
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'privacy-policy-widget');
  assert.equal(manifest.version, version);
  assert.equal(manifest.scripts, undefined, 'no install scripts');
  assert.equal(manifest.exports['.'], './dist/policy-widget.js');
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/privacy-policy-widget@${version}/dist/policy-widget.js`));
  for (const file of ['dist/policy-widget.js', 'dist/privacy-policy-widget_bg.wasm']) {
    assert.deepEqual(readFileSync(join(installed, file)), readFileSync(join(repo, file)), `${file} is the built one`);
  }
});

test('the README\u2019s script tag, served from the installed package, shows the policy', async () => {
  const { page, context, record } = await open(world, '/from-npm.html');
  await rendered(page);
  assert.match(await page.locator('privacy-policy .pp-header').textContent(), /City of Westfield/);
  assert.deepEqual(await axe(page, { include: 'privacy-policy' }), []);
  const foreign = (await record.requests()).filter((url) => !url.startsWith(world.cdn.url) && !url.startsWith(world.site.url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await record.errors(), []);
  await context.close();
});
