# The newcomer's commands. Each installs what it needs first (.ci/setup).
#   make demo   build the widget and serve the demo at http://127.0.0.1:8080 (PORT=…)
#   make test   every test layer; the last line reads "N passed, N failed"
#   make dist   the embeddable files in dist/ (public entry dist/policy-widget.js),
#               and the studio in dist/studio/
#   make package the packages others install, in target/package/ (.ci/package.mjs)

PORT ?= 8080
# Tools installed by .ci/setup: cargo's bin (trunk, wasm-bindgen) and npm's (wasm-opt).
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: demo test dist package bench bundles schema setup-build setup-test

demo: dist
	node .ci/serve.mjs --root dist --port $(PORT)

dist: setup-build
	$(SMALL_WASM) trunk build --release --offline
	node .ci/sizes.mjs dist
	trunk build --offline --config www/studio/Trunk.toml

# The shipped wasm is built smaller than plain cargo can (about 22 KB gzip less,
# docs/performance.md): the standard library rebuilt for size from rust-src,
# panics that trap at once instead of formatting messages nobody sees, and
# without the file and line of each panic (`-Zlocation-detail=none`), and
# without wasm's reference types (JavaScript values then live in a table in the
# glue rather than in the wasm: 0.8 KB gzip less in all, and the wasm runs on
# browsers older than reference types).
# Not `-Zfmt-debug=none`: it saves nothing measurable and made the wasm's
# first render use 36 MB of memory instead of 2 MB. These are
# unstable cargo and rustc options, so this build alone enables them
# (RUSTC_BOOTSTRAP), in a target directory of its own so that it does not
# invalidate the tests' builds.
SMALL_WASM = RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR=target/dist \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Ctarget-feature=-reference-types"

test: setup-test
	$(MAKE) --no-print-directory package
	.ci/test

package: dist
	node .ci/package.mjs

# Speed and size, measured rather than asserted: native search benches, then the
# widget beside static HTML, MiniSearch and Pagefind in Chromium (.ci/bench/run.mjs;
# about 30 minutes; results in target/bench/results.md, recorded in docs/performance.md).
bench: setup-test dist
	cargo bench --bench search
	node .ci/bench/run.mjs

# After an importer change: regenerate the seed bundles, the schema and the
# demo's policy in the page, then review the diff.
bundles: schema
	UPDATE_BUNDLES=1 cargo test --quiet --test seeds
	UPDATE_BUNDLES=1 cargo test --quiet --test cli the_demos_policy_in_the_page

schema:
	cargo run --quiet -- schema > www/schema/policy-bundle.schema.json

setup-build:
	.ci/setup build

setup-test:
	.ci/setup test
