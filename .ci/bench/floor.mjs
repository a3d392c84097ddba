// The floors of a wasm widget (.ci/bench/floor/): built here, for `make bench`
// to load beside the widget. Same compiler settings and post-processing as the
// widget's wasm (release profile, wasm-bindgen, wasm-opt -Oz), none of its
// extra size work (std rebuilt for size, minified import names).
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

const CRATE = '.ci/bench/floor';
/** wasm-bindgen from cargo's bin, wasm-opt from npm's, as the Makefile has them. */
const env = { ...process.env, PATH: `${resolve('node_modules/.bin')}:${join(homedir(), '.cargo/bin')}:${process.env.PATH}` };
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

/** The two floors, as `bench-floor.js` and `bench-floor_bg.wasm` in `<dir>/wasm` and `<dir>/yew`. */
export function buildFloors(dir) {
  for (const [name, features] of [['wasm', []], ['yew', ['--features', 'yew']]]) {
    const target = join('target/bench/floor-target', name);
    execFileSync('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', `${CRATE}/Cargo.toml`, '--target-dir', target, ...features], { stdio: 'inherit', env });
    const out = join(dir, name);
    execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'bench-floor', '--no-typescript', join(target, 'wasm32-unknown-unknown/release/bench_floor.wasm')], { stdio: 'inherit', env });
    const wasm = join(out, 'bench-floor_bg.wasm');
    execFileSync('wasm-opt', ['-Oz', ...WASM_FEATURES, wasm, '-o', wasm], { stdio: 'inherit', env });
  }
}
