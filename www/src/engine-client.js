// The engine for the page (the shim's `init`, `clean`, `cleanDocument`,
// `isProbablyReaderable`, `warmUp`, `version`): the same API as engine.js, with the engine
// itself in a dedicated Worker (engine-worker.js), so that compiling the wasm and cleaning a
// page don't block the page's main thread; only reading the document (document-html.js)
// stays on it. Where no Worker can start (no Worker API, a CSP that forbids it, a bundler
// that did not ship engine-worker.js, `init({worker: false})`), engine.js runs on the main
// thread instead, loaded then. Importing this module touches no DOM and starts nothing.
import { cleanDocumentWith, documentHtml, isDocument } from './document-html.js';

/** @typedef {import('../npm/types-common.js').Article} Article */
/** @typedef {import('../npm/types-common.js').CleanOptions} CleanOptions */
/** @typedef {import('../npm/types-common.js').InitOptions} InitOptions */
/** @typedef {import('../npm/types-common.js').InitResult} InitResult */
/** @typedef {import('../npm/types-common.js').WarmUpOptions} WarmUpOptions */
/**
 * Where the engine runs: a call by name, answered asynchronously.
 * @typedef {(op: string, args: unknown[]) => Promise<any>} Backend
 */

/** @type {Promise<{call: Backend, info: InitResult}> | null} the engine, once init was called */
let starting = null;
/** @type {{call: Backend, worker: Worker} | null} the worker the engine runs in, if it does */
let current = null;

/**
 * Loads the engine (once; later calls return the same promise): starts the worker and loads
 * the wasm in it, or on the main thread where no worker can start. The other functions call
 * it on first use. Options as engine.js's init, and `worker: false` for the main thread.
 * @param {InitOptions | string | URL} [options]
 * @returns {Promise<InitResult>}
 */
export function init(options) {
  if (!starting) {
    const opts = typeof options === 'string' || options instanceof URL ? { wasmUrl: options } : options || {};
    starting = start(opts).catch((e) => {
      starting = null; // let a later call try again
      throw e;
    });
  }
  return starting.then((e) => e.info);
}

/**
 * @param {InitOptions} opts
 * @returns {Promise<{call: Backend, info: InitResult}>}
 */
async function start(opts) {
  const { worker: wanted = true, ...engineOptions } = opts;
  if (wanted && typeof Worker === 'function') {
    /** @type {ReturnType<typeof startWorker> | null} */
    let w = null;
    try {
      w = startWorker();
    } catch {
      // a CSP that forbids the worker, no module workers: the main thread does it
    }
    if (w) {
      try {
        const info = await w.call('init', [await forWorker(engineOptions)]);
        const started = w;
        // a worker that dies later is replaced by the next call
        started.worker.addEventListener('error', () => {
          if (starting && current === started) starting = null;
        });
        current = started;
        return { call: started.call, info: { ...info, worker: true } };
      } catch (e) {
        w.worker.terminate();
        // the engine started but could not load the wasm (a bad wasmUrl, a CSP without
        // 'wasm-unsafe-eval'): the main thread would fail the same way
        if (!w.failed()) throw e;
        // the worker itself failed (blocked, its script missing): the main thread does it
      }
    }
  }
  const engine = await import('./engine.js');
  const info = await engine.init(engineOptions);
  /** @type {Backend} */
  const call = (op, args) => /** @type {(...a: unknown[]) => Promise<unknown>} */ (/** @type {any} */ (engine)[op])(...args);
  return { call, info: { ...info, worker: false } };
}

/**
 * The init options as the worker can take them: a wasm URL made absolute against the page
 * (the worker would resolve it against its own script), bytes read.
 * @param {InitOptions} o
 * @returns {Promise<InitOptions>}
 */
async function forWorker(o) {
  const out = { ...o };
  if (o.wasmUrl !== undefined) out.wasmUrl = new URL(String(o.wasmUrl), globalThis.document ? document.baseURI : undefined).href;
  if (o.wasmBytes !== undefined) out.wasmBytes = await o.wasmBytes;
  return out;
}

/**
 * Starts engine-worker.js; returns its Backend, and whether the worker itself failed. A
 * failure to start (a CSP that forbids the worker, a missing script) rejects the pending calls. A worker script from another origin
 * (the bookmarklet's shim) can't start directly: a module worker from a blob: URL of the
 * page's origin imports it (the server sends CORS headers).
 * @returns {{call: Backend, worker: Worker, failed: () => boolean}}
 */
function startWorker() {
  // `new Worker(new URL('./engine-worker.js', import.meta.url), {type: 'module'})` is the
  // form bundlers (webpack 5, Vite, Parcel) recognize and ship the worker for.
  const url = new URL('./engine-worker.js', import.meta.url);
  const sameOrigin = typeof location === 'undefined' || url.origin === location.origin;
  /** @type {Worker} */
  let worker;
  if (sameOrigin) {
    worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  } else {
    const blob = new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' });
    const blobUrl = URL.createObjectURL(blob);
    worker = new Worker(blobUrl, { type: 'module' });
    setTimeout(() => URL.revokeObjectURL(blobUrl), 60000);
  }
  let next = 0;
  /** @type {Map<number, {resolve: (v: unknown) => void, reject: (e: unknown) => void}>} */
  const pending = new Map();
  /** @type {Error | null} */
  let broken = null;
  worker.addEventListener('message', (e) => {
    const { id, value, error } = e.data || {};
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    if (error !== undefined) p.reject(error);
    else p.resolve(value);
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    broken = new Error(`article-cleaner: the engine's worker failed${e.message ? `: ${e.message}` : ''}`);
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
    worker.terminate();
  });
  /** @type {Backend} */
  const call = (op, args) =>
    new Promise((resolve, reject) => {
      if (broken) {
        reject(broken);
        return;
      }
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, args });
    });
  return { call, worker, failed: () => broken !== null };
}

/**
 * @param {string} op
 * @param {unknown[]} args
 */
async function call(op, args) {
  if (!starting) init();
  const { call: backend } = await /** @type {Promise<{call: Backend}>} */ (starting);
  return backend(op, args);
}

/**
 * Cleans an HTML string.
 * @param {string} html the page's HTML
 * @param {CleanOptions} [options] url: the page's address, to make links absolute
 * @returns {Promise<Article>}
 */
export function clean(html, options) {
  return call('clean', [html, options]);
}

/**
 * Cleans a live Document without changing it. The document is read (on this thread) when
 * this is called; its URL makes links absolute unless options.url is given.
 * @param {Document} [doc] default: the current document
 * @param {CleanOptions} [options]
 * @returns {Promise<Article>}
 */
export function cleanDocument(doc, options) {
  return cleanDocumentWith((html, opts) => call('clean', [html, opts]), doc, options);
}

/**
 * Whether a page (HTML string or Document) looks like an article.
 * @param {string | Document} htmlOrDocument
 * @returns {Promise<boolean>}
 */
export function isProbablyReaderable(htmlOrDocument) {
  /** @type {unknown} */
  let input = htmlOrDocument;
  if (isDocument(input)) input = input.documentElement ? documentHtml(input) : '';
  return call('isProbablyReaderable', [input]);
}

/**
 * Gets the engine ready for a fast first clean (see engine.js): loads it and cleans a small
 * made-up page a few times, in the worker. Call it when the page is idle.
 * @param {WarmUpOptions} [options]
 * @returns {Promise<InitResult>}
 */
export async function warmUp(options) {
  const { runs, ...initOptions } = options || {};
  const info = await init(initOptions);
  await call('warmUp', [{ runs }]);
  return info;
}

/**
 * The engine's version.
 * @returns {Promise<string>}
 */
export function version() {
  return call('version', []);
}
