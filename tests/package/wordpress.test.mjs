// The WordPress plugin's zip (`make package`), as WordPress unpacks it (with
// its own PclZip): what it holds, PHP that parses, the plugin directory's
// readme format, and its bundle check beside the widget's own validator.
// tests/e2e/wordpress.test.mjs installs it in a real WordPress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('../..', import.meta.url).pathname;
const version = readFileSync(join(repo, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const zip = join(repo, `target/package/privacy-policy-widget-wordpress-${version}.zip`);
const scratch = mkdtempSync(join(tmpdir(), 'wordpress-plugin-'));
execFileSync('php', ['-r', `require '/usr/share/wordpress/wp-admin/includes/class-pclzip.php';
  $zip = new PclZip($argv[1]);
  if (!$zip->extract(PCLZIP_OPT_PATH, $argv[2])) { fwrite(STDERR, $zip->errorInfo(true)); exit(1); }`, zip, scratch]);
const plugin = join(scratch, 'privacy-policy-widget');
const files = readdirSync(plugin, { recursive: true }).filter((path) => !readdirSync(scratch, { recursive: true }).includes(`privacy-policy-widget/${path}/`)).sort();
const text = (path) => readFileSync(join(plugin, path), 'utf8');

test('the zip holds one folder: the plugin, with the widget\u2019s files and the schema inside', () => {
  assert.deepEqual(readdirSync(scratch), ['privacy-policy-widget']);
  for (const file of ['policy-widget.js', 'privacy-policy-widget_bg.wasm']) {
    assert.deepEqual(readFileSync(join(plugin, 'widget', file)), readFileSync(join(repo, 'dist', file)), `widget/${file} is the built one`);
  }
  assert.deepEqual(readFileSync(join(plugin, 'schema/policy-bundle.schema.json')), readFileSync(join(repo, 'www/schema/policy-bundle.schema.json')));
  for (const file of files.filter((f) => /\.(php|txt|js|json)$/.test(f))) {
    assert.doesNotMatch(text(file), /\{\{\w+\}\}/, `${file}: every placeholder filled`);
  }
});

test('every PHP file parses (php -l)', () => {
  const php = files.filter((f) => f.endsWith('.php'));
  assert.ok(php.length >= 8, php.join(' '));
  for (const file of php) {
    const lint = spawnSync('php', ['-l', join(plugin, file)], { encoding: 'utf8' });
    assert.equal(lint.status, 0, `${file}: ${lint.stdout}${lint.stderr}`);
  }
});

test('the plugin header and readme.txt as the plugin directory reads them', () => {
  const header = text('privacy-policy-widget.php');
  for (const [field, value] of [['Plugin Name', 'Privacy Policy Widget'], ['Version', version], ['Requires at least', '6.1'], ['License', 'MIT'], ['Text Domain', 'privacy-policy-widget']]) {
    assert.match(header, new RegExp(`^ \\* ${field}:\\s+${value.replace('.', '\\.')}$`, 'm'), field);
  }
  const readme = text('readme.txt');
  assert.match(readme, /^=== Privacy Policy Widget ===\n/);
  assert.match(readme, new RegExp(`^Stable tag: ${version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(readme, /^License: MIT$/m);
  for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Changelog']) {
    assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'), section);
  }
  assert.equal(text('license.txt'), readFileSync(join(repo, 'LICENSE-MIT'), 'utf8'));
});

/** The plugin's problems for each file, and the native validator's (the lines it prints, warnings aside, and its exit code). */
function bothChecks(paths) {
  const php = JSON.parse(execFileSync('php', [join(repo, 'tests/package/bundle-check.php'), plugin, ...paths], { encoding: 'utf8' }));
  return paths.map((path, i) => {
    const native = spawnSync('cargo', ['run', '--quiet', '--', 'validate', path], { cwd: repo, encoding: 'utf8' });
    const problems = (native.stdout + native.stderr).split('\n').filter((line) => line && !line.startsWith('warning: '));
    return { path, plugin: php[i], native: problems, valid: native.status === 0 };
  });
}

test('the plugin\u2019s bundle check agrees with the widget\u2019s validator, message for message', () => {
  const seeds = readdirSync(join(repo, 'www/policies')).map((f) => join(repo, 'www/policies', f));
  const invalid = readdirSync(join(repo, 'tests/fixtures/invalid')).map((f) => join(repo, 'tests/fixtures/invalid', f));
  // A real bundle with one of each rule broken that the fixtures do not break.
  const broken = JSON.parse(readFileSync(join(repo, 'www/policies/concord.json'), 'utf8'));
  broken.meta.language = 'english!';
  broken.meta.canonical_url = 'ftp://example.org/policy';
  broken.sections[0].id = 'Bad_Id';
  broken.sections[1].title = ' ';
  broken.sections[2].blocks.push({ type: 'table', header: ['a', 'b'], rows: [['1', '2'], ['3']] });
  broken.contacts = [{ label: 'Clerk', email: 'clerk@', phone: 'call us', url: 'javascript:alert(1)' }];
  broken.definitions = [{ term: '', text: 'x', section: 'nowhere' }];
  broken.config = { theme: { font: 'Arial; } body { color: red', radius: '4vh' } };
  broken.history = [{ date: '2016-02-30', url: 'ftp://archive.example/2016' }];
  broken.changes = { since: 'last year', sections: [{ section: 'nowhere', change: 'changed', texts: ['We [-may {+never+}', 'a [b', 'ok \\[1\\] [-x-]{+y+}'] }, { section: 'gone', change: 'removed', texts: ['[--]', 'end\\'] }] };
  const mutated = join(scratch, 'broken.json');
  writeFileSync(mutated, JSON.stringify(broken));
  // A bundle with versions, as an update writes it.
  const updated = join(scratch, 'updated.json');
  writeFileSync(updated, execFileSync('cargo', ['run', '--quiet', '--', 'import', join(repo, 'tests/fixtures/seeds/002_0f4e0fd506d1c60d.txt'), '--previous', join(repo, 'www/policies/massgov-2002.json')], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  // Messages that quote the JSON reader's own words (a syntax error, a type
  // error's line and column) differ; that they are refused must not.
  const readerWords = new Set(['syntax.json', 'wrong-type.json']);
  for (const { path, plugin: ours, native, valid } of bothChecks([...seeds, ...invalid, mutated, updated])) {
    const name = path.split('/').pop();
    assert.equal(ours.length === 0, valid, `${name}: accepted by both or refused by both (${ours.join('; ')})`);
    if (!readerWords.has(name)) assert.deepEqual(ours, native, `${name}: the same problems`);
  }
});
