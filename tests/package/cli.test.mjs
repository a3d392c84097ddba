// The npm package's command: installed from its tarball (`make package`) with
// npm, offline, into a scratch folder, and run with `npx` (Node alone, the
// command's Rust compiled to wasm). Each run must print what the native
// command prints, byte for byte on stdout and stderr, with its exit code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { once } from 'node:events';

const repo = new URL('../..', import.meta.url).pathname;
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const scratch = mkdtempSync(join(tmpdir(), 'npx-'));
writeFileSync(join(scratch, 'package.json'), '{ "private": true }\n');
const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(repo, `target/package/privacy-policy-widget-${version}.tgz`)], { cwd: scratch });
assert.equal(install.status, 0, String(install.stderr));

// Files for the bad-input cases, beside the scratch install.
const bad = join(scratch, 'bad');
mkdirSync(bad);
writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]));
writeFileSync(join(bad, 'broken.json'), '{"format": "policy-bundle/1", "meta": ');
writeFileSync(join(bad, 'empty.txt'), '');
const invalid = JSON.parse(readFileSync(join(repo, 'www/policies/concord.json'), 'utf8'));
invalid.summary[0].section = 'nowhere';
writeFileSync(join(bad, 'invalid.json'), JSON.stringify(invalid));

const native = (args, input) => spawnSync('cargo', ['run', '--quiet', '--', ...args], { cwd: repo, input, encoding: 'utf8', maxBuffer: 1 << 26 });
const npx = (args, input) => spawnSync('npx', ['--offline', '--no-install', 'privacy-policy-widget', ...args], { cwd: scratch, input, encoding: 'utf8', maxBuffer: 1 << 26 });

function same(args, input) {
  const [ours, theirs] = [npx(args, input), native(args, input)];
  const what = args.join(' ');
  assert.equal(ours.stderr, theirs.stderr, `${what}: stderr`);
  assert.equal(ours.stdout, theirs.stdout, `${what}: stdout`);
  assert.equal(ours.status, theirs.status, `${what}: exit code`);
  return ours;
}

const seeds = join(repo, 'tests/fixtures/seeds');
const sources = join(repo, 'tests/fixtures/import/sources');

test('import: each seed, as text and in every format, the same bundle as the native command', () => {
  for (const seed of ['000_e7f2c20e997ced50', '001_1e9a06d6247eb838', '002_0f4e0fd506d1c60d', '003_cb48ddb801cf7143', '004_106125d950806367']) {
    const out = same(['import', join(seeds, `${seed}.txt`), '--publisher', 'Town of Example', '--kind', 'town']);
    assert.equal(out.status, 0);
    assert.match(out.stdout, /"format": "policy-bundle\/1"/);
  }
  for (const file of ['seeds/concord.docx', 'seeds/westfield.chromium.pdf', 'seeds/massgov-2016.libreoffice.pdf', 'drupal.html', 'civicplus-es.html']) {
    same(['import', join(sources, file)]);
  }
  same(['import', '-'], readFileSync(join(seeds, '001_1e9a06d6247eb838.txt')));
  const update = same(['import', join(seeds, '002_0f4e0fd506d1c60d.txt'), '--previous', join(repo, 'www/policies/massgov-2002.json')]);
  assert.match(update.stdout, /"since": "2002-12-16"/);
});

// A web server in a process of its own (the runs below block this one),
// serving the importer's web-page fixtures, so that `import http://…` fetches
// a page: Node's fetch in the package's script, ureq in the native command.
let pages;
before(async () => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  const server = spawn('node', [join(repo, '.ci/serve.mjs'), '--root', sources, '--port', String(port)], { stdio: 'ignore' });
  pages = { url: `http://127.0.0.1:${port}`, server };
  for (let tries = 0; ; tries++) {
    try {
      await fetch(`${pages.url}/drupal.html`);
      break;
    } catch (error) {
      if (tries > 100) throw error;
      await new Promise((done) => setTimeout(done, 50));
    }
  }
});
after(() => pages?.server.kill());

test('import from a web address: the same bundle, and the same refusal of a 404', () => {
  const out = same(['import', `${pages.url}/drupal.html`]);
  assert.equal(out.status, 0);
  assert.match(out.stdout, new RegExp(`"canonical_url": "${pages.url}/drupal.html"`));
  assert.equal(same(['import', `${pages.url}/no-such-page.html`]).status, 2);
});

test('validate, render, diff and schema: the same output', () => {
  for (const slug of ['concord', 'massgov-2016']) {
    same(['validate', join(repo, `www/policies/${slug}.json`)]);
    same(['render', join(repo, `www/policies/${slug}.json`), '--src', `/${slug}.json`, '--attribute', 'heading-level=3']);
  }
  const diff = same(['diff', join(repo, 'www/policies/massgov-2002.json'), join(repo, 'www/policies/massgov-2016.json')]);
  assert.match(diff.stdout, /^10 sections changed, 4 added, 5 removed\.$/m);
  same(['diff', join(repo, 'www/policies/concord.json'), join(repo, 'www/policies/concord.json')]);
  same(['schema']);
  same(['--version']);
  same(['--help']);
});

test('bad input: the same one-line messages and exit codes', () => {
  const cases = [
    ['import', join(bad, 'missing.txt')],
    ['import', bad],
    ['import', join(bad, 'binary.txt')],
    ['import', join(bad, 'empty.txt')],
    ['import', join(sources, 'font-missing.pdf')],
    ['validate', join(bad, 'broken.json')],
    ['validate', join(bad, 'invalid.json')],
    ['render', join(bad, 'invalid.json'), '--src', '/p.json'],
    ['render', join(repo, 'www/policies/concord.json'), '--src', '/p.json', '--attribute', 'nonsense'],
    ['diff', join(repo, 'www/policies/concord.json'), join(bad, 'invalid.json')],
    ['import', join(seeds, '002_0f4e0fd506d1c60d.txt'), '--previous', join(bad, 'invalid.json')],
    ['frobnicate'],
    ['import'],
  ];
  const codes = cases.map((args) => same(args).status);
  assert.deepEqual(codes, [2, 2, 2, 2, 2, 1, 1, 1, 2, 1, 1, 2, 2]);
});
