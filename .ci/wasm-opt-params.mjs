// The options wasm-opt gets for the widget's wasm, written once in index.html
// (`data-wasm-opt-params`, which Trunk passes with its `-Oz`) and read from there
// by every later wasm-opt run: the post-build's round, and the bench's floors,
// which are built as the widget is.
export function wasmOptParams(html) {
  const params = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean);
  if (!params) throw new Error('index.html lost its data-wasm-opt-params: update .ci/wasm-opt-params.mjs');
  return params;
}
