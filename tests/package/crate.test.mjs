// The crate as `make package` packs it for crates.io: the code, its
// stylesheet, the readme and both licences; none of the tests' fixtures, the
// site or the packaging. (.ci/test builds it from the package.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

test('the .crate holds what building and reading the crate need, and nothing else', () => {
  const prefix = `privacy-policy-widget-${version}/`;
  const files = execFileSync('tar', ['-tzf', join(repo, `target/package/privacy-policy-widget-${version}.crate`)], { encoding: 'utf8' })
    .trim().split('\n').map((path) => path.slice(prefix.length));
  for (const file of ['Cargo.toml', 'build.rs', 'README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'src/lib.rs', 'src/components/widget.css', 'src/bin/policy-widget.rs']) {
    assert.ok(files.includes(file), `${file} is in the crate`);
  }
  const outside = files.filter((file) => !/^(src\/|build\.rs$|Cargo\.(toml|toml\.orig|lock)$|README\.md$|CHANGELOG\.md$|LICENSE-(MIT|APACHE)$|\.cargo_vcs_info\.json$)/.test(file));
  assert.deepEqual(outside, []);
});
