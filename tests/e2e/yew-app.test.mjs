// The example Yew app (examples/yew-app), as `.ci/test` builds it with Trunk
// into target/example-yew-app: a Rust app that renders a bundle with the
// crate's `PolicyView` in a shadow root of its own, without the element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { axe, open, rendered, useWorld } from './harness.mjs';

const built = new URL('../../target/example-yew-app/', import.meta.url).pathname;
const world = useWorld({ cdnRoot: built });

test('the example Yew app shows its policy with PolicyView, searchable and accessible', async () => {
  assert.ok(existsSync(`${built}index.html`), 'built by .ci/test (trunk build --config examples/yew-app/Trunk.toml)');
  const { page, context, record } = await open(world);
  await page.goto(`${world.cdn.url}/index.html`);
  await rendered(page, '#policy');
  assert.match(await page.locator('#policy .pp-header').textContent(), /City of Westfield/);
  await page.locator('#policy input[type=search]').fill('sell');
  await page.locator('#policy mark').first().waitFor();
  assert.deepEqual(await axe(page, { include: '#policy' }), []);
  assert.deepEqual((await record.requests()).filter((url) => !url.startsWith(world.cdn.url)), []);
  await context.close();
});
