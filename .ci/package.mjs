// `make package`: the packages others install, in target/package/.
//   privacy-policy-widget-<version>.tgz  the npm package: the widget's two files
//                                        (dist/), for CDN script tags (jsdelivr, unpkg),
//                                        and the command for Node (cli/: its script and
//                                        the studio's wasm, which holds the command)
//   privacy-policy-widget-wordpress-<version>.zip  the WordPress plugin (packaging/wordpress/),
//                                        with the widget's two files and the bundle
//                                        format's schema inside
//   privacy-policy-widget-<version>.crate  the crate, for Rust and Yew apps (`cargo package`;
//                                        .ci/test builds it from the package)
// The version is the crate's (Cargo.toml). Runs after `make dist`; offline.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zip } from './zip.mjs';

const out = 'target/package';
const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
const integrity = `sha384-${createHash('sha384').update(readFileSync('dist/policy-widget.js')).digest('base64')}`;

function npmPackage() {
  const stage = join(out, 'npm');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  const manifest = JSON.parse(readFileSync('packaging/npm/package.json', 'utf8'));
  manifest.version = version;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const readme = readFileSync('packaging/npm/README.md', 'utf8').replaceAll('{{version}}', version).replaceAll('{{integrity}}', integrity);
  writeFileSync(join(stage, 'README.md'), readme);
  for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(file, join(stage, file));
  for (const file of ['policy-widget.js', 'privacy-policy-widget_bg.wasm']) copyFileSync(join('dist', file), join(stage, 'dist', file));
  mkdirSync(join(stage, 'cli'));
  copyFileSync('packaging/npm/cli/policy-widget.mjs', join(stage, 'cli/policy-widget.mjs'));
  for (const file of ['privacy-policy-widget.js', 'privacy-policy-widget_bg.wasm']) copyFileSync(join('dist/studio', file), join(stage, 'cli', file));
  const packed = execFileSync('npm', ['pack', '--pack-destination', '..', '--loglevel=error'], { cwd: stage, encoding: 'utf8' }).trim();
  console.log(`${join(out, packed)}  (npm; script tag integrity ${integrity})`);
}

/** Every file under `dir`, as paths relative to it, sorted. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

function wordpressPlugin() {
  const source = 'packaging/wordpress';
  const folder = 'privacy-policy-widget';
  const entries = filesUnder(source).map((path) => {
    const text = readFileSync(join(source, path), 'utf8').replaceAll('{{version}}', version);
    return [`${folder}/${path}`, Buffer.from(text)];
  });
  entries.push(
    [`${folder}/license.txt`, readFileSync('LICENSE-MIT')],
    [`${folder}/schema/policy-bundle.schema.json`, readFileSync('www/schema/policy-bundle.schema.json')],
    ...['policy-widget.js', 'privacy-policy-widget_bg.wasm'].map((file) => [`${folder}/widget/${file}`, readFileSync(join('dist', file))]),
  );
  const name = `privacy-policy-widget-wordpress-${version}.zip`;
  writeFileSync(join(out, name), zip(entries));
  console.log(`${join(out, name)}  (WordPress plugin, ${entries.length} files)`);
}

/**
 * `cargo package` without its build: .ci/test builds the packaged crate in a
 * target directory of its own. (Its build here, in target/, would leave
 * target/debug fingerprinted against the package's copy of src/, and later
 * edits to src/ unbuilt.)
 */
function crate() {
  execFileSync('cargo', ['package', '--offline', '--allow-dirty', '--no-verify', '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`${join(out, `privacy-policy-widget-${version}.crate`)}  (crate)`);
}

mkdirSync(out, { recursive: true });
npmPackage();
wordpressPlugin();
crate();
