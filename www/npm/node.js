// article-cleaner for Node 20+ (the package's `node` export condition).
// Reads the .wasm from the package folder with fs, synchronously, on the first call,
// and compiles it then; `clean` is async like in the browser, so the same code runs in both.
import { readFileSync } from 'node:fs';
import * as engine from './engine.js';

const WASM = new URL('./article_cleaner_bg.wasm', import.meta.url);

let started = null;

/** Loads the engine (done by the first clean() call; calling it first is optional). */
export function init(options) {
  if (options !== undefined) return engine.init(options);
  // The bytes are read once: later calls only wait for the same instance.
  started ??= engine.init({ wasmBytes: readFileSync(WASM) }).catch((e) => {
    started = null;
    throw e;
  });
  return started;
}

/** Cleans an HTML string: `await clean(html, { url })` → the Article. */
export async function clean(html, options) {
  await init();
  return engine.clean(html, options);
}

/** Whether an HTML string looks like an article. */
export async function isProbablyReaderable(html) {
  await init();
  return engine.isProbablyReaderable(html);
}

/** The engine's version. */
export async function version() {
  await init();
  return engine.version();
}
