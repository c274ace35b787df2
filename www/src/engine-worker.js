// The engine in a dedicated (module) Worker, started by engine-client.js: the wasm is
// fetched, compiled and run here, off the page's main thread. Requests
// `{id, op, args}` → answers `{id, value}` or `{id, error}` (an Error: structured clone
// keeps its type, so `clean(123)` still rejects with a TypeError on the page).
import * as engine from './engine.js';

/** @type {Record<string, (...args: any[]) => Promise<unknown>>} */
const OPS = {
  init: (options) => engine.init(options),
  clean: (html, options) => engine.clean(html, options),
  isProbablyReaderable: (html) => engine.isProbablyReaderable(html),
  warmUp: (options) => engine.warmUp(options),
  version: () => engine.version(),
};

addEventListener('message', (/** @type {MessageEvent} */ e) => {
  const { id, op, args } = e.data || {};
  const run = Object.hasOwn(OPS, op) ? OPS[op] : () => Promise.reject(new Error(`engine worker: unknown request ${op}`));
  run(...(Array.isArray(args) ? args : [])).then(
    (value) => postMessage({ id, value }),
    (/** @type {unknown} */ error) => {
      try {
        postMessage({ id, error });
      } catch {
        postMessage({ id, error: new Error(String((error instanceof Error && error.message) || error)) });
      }
    },
  );
});
