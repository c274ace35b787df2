#!/usr/bin/env node
// Browser benchmark: article-cleaner (wasm) against Mozilla Readability 0.6.0, page by page,
// in headless Chromium.  `npm --prefix www run bench` (after `npm --prefix www run build`).
//
// Pages: www/samples/*.html, tests/pages/*.html and, when present,
// ../shared/corpus/readability/*/source.html, served from 127.0.0.1 by a small server here.
// The pages' own scripts are neutralised by the response header
//   Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'
// (inline and remote page scripts and inline handlers are blocked; the <script> elements stay
// in the DOM, as both systems meet them on real pages; the engine and Readability are imported
// as same-origin modules, which the policy allows). Every request not to 127.0.0.1 is aborted.
// A page's own <meta http-equiv="Content-Security-Policy"> is disabled (it would block the wasm).
// COOP/COEP make the page cross-origin isolated, so performance.now() has 5 µs resolution.
//
// On each page: the engine is loaded (`init()`, its one-time wasm instantiation is reported
// apart), each system runs once to warm up, then RUNS (default 5) interleaved rounds, the order
// alternating each round:
//   (a) `await cleanDocument(document)` from dist/article-cleaner.js: serialization of the live
//       document, parse, extraction and the Article's return to JS;
//   (b) `new Readability(document.cloneNode(true)).parse()`, as users run it.
// Per page the median of the rounds; over the pages: median, p95 and total, and the ratios.
// Also timed each round, apart: the serialization alone, and the floor of this design
// (serialization, html5ever parse and freeing, with no extraction: isProbablyReaderable).
// Last, the peak wasm memory after cleaning a 5 MB page (memory never shrinks, so the buffer's
// size after the call is the peak).
//
// Env: RUNS=5, FILTER=substring of page names, BIG_MB=5, CHROMIUM_PATH=/usr/bin/chromium,
//      BENCH_DIST=another built dist/ (e.g. to compare two engine builds).
// Output: a table on stdout and www/test-results/bench.json (per-page figures).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.resolve(here, '..');
const ROOT = path.resolve(WWW, '..');
const DIST = path.resolve(process.env.BENCH_DIST || path.join(WWW, 'dist'));
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'readability');
const RESULTS = path.join(WWW, 'test-results');
const RUNS = Math.max(1, Number(process.env.RUNS || 5));
const FILTER = process.env.FILTER || '';
const BIG_MB = Number(process.env.BIG_MB || 5);
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";
const READABILITY_JS = path.join(WWW, 'node_modules', '@mozilla', 'readability', 'Readability.js');

if (!fs.existsSync(path.join(DIST, 'article-cleaner.js')) || !fs.existsSync(path.join(DIST, 'pkg', 'article_cleaner_bg.wasm'))) {
  console.error('www/dist is not built: run `npm --prefix www run build` first');
  process.exit(1);
}
if (!fs.existsSync(READABILITY_JS)) {
  console.error('@mozilla/readability is missing: run `npm --prefix www install`');
  process.exit(1);
}

// ---- the pages ---------------------------------------------------------------------------
/** @type {{name: string, file: string}[]} */
const pages = [];
for (const dir of [path.join(WWW, 'samples'), path.join(ROOT, 'tests', 'pages')]) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).sort()) {
    if (/\.html?$/i.test(f)) pages.push({ name: `${path.relative(ROOT, dir)}/${f}`, file: path.join(dir, f) });
  }
}
if (fs.existsSync(CORPUS)) {
  for (const d of fs.readdirSync(CORPUS).sort()) {
    const file = path.join(CORPUS, d, 'source.html');
    if (fs.existsSync(file)) pages.push({ name: `readability/${d}`, file });
  }
} else {
  console.log('(../shared/corpus/readability not found: the project pages only)');
}
const selected = pages.filter((p) => p.name.includes(FILTER));

/** A ~BIG_MB page: corpus (or sample) bodies one after another inside one document. */
function bigPage() {
  const bodies = [];
  let size = 0;
  // corpus pages when there are (else ours); never one with <plaintext>, which swallows the rest
  const pool = pages.filter((p) => p.name.startsWith('readability/'));
  const sources = (pool.length ? pool : pages)
    .map((p) => fs.readFileSync(p.file, 'utf8'))
    .filter((h) => !/<plaintext/i.test(h));
  for (let i = 0; size < BIG_MB * 1024 * 1024; i++) {
    const html = sources[i % sources.length];
    const m = html.match(/<body[^>]*>([\s\S]*)<\/body>/i);
    const body = `<section>${m ? m[1] : html}</section>\n`;
    bodies.push(body);
    size += Buffer.byteLength(body);
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Big page</title></head><body>${bodies.join('')}</body></html>`;
}

// ---- the server --------------------------------------------------------------------------
/** @type {Record<string, string>} */
const MIME = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };
const readabilityModule = `${fs.readFileSync(READABILITY_JS, 'utf8')}\nexport default Readability;\n`;
/** @type {string | null} */
let big = null;

/** A page's own <meta http-equiv=Content-Security-Policy> would forbid the wasm: it is disabled
 * (renamed). Read and written as latin1, so the page's bytes pass unchanged otherwise.
 * @param {string} html */
function withoutMetaCsp(html) {
  return Buffer.from(html.replace(/http-equiv\s*=\s*(["']?)content-security-policy\1/gi, 'data-bench-removed-csp'), 'latin1');
}

const server = http.createServer((req, res) => {
  const u = new URL(req.url || '/', 'http://x');
  const headers = {
    'Cache-Control': 'no-cache',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  /**
   * @param {number} status
   * @param {string} type
   * @param {string | Buffer} body
   * @param {Record<string, string>} [extra]
   */
  const send = (status, type, body, extra = {}) => {
    res.writeHead(status, { ...headers, 'Content-Type': type, ...extra });
    res.end(body);
  };
  if (u.pathname === '/_bench/readability.mjs') return send(200, MIME['.js'], readabilityModule);
  if (u.pathname.startsWith('/_bench/page/')) {
    const i = Number(u.pathname.slice('/_bench/page/'.length));
    const p = pages[i];
    if (!p) return send(404, 'text/plain', 'no such page');
    return send(200, MIME['.html'], withoutMetaCsp(fs.readFileSync(p.file, 'latin1')), { 'Content-Security-Policy': PAGE_CSP });
  }
  if (u.pathname === '/_bench/big.html') {
    big ??= bigPage();
    return send(200, MIME['.html'], big, { 'Content-Security-Policy': PAGE_CSP });
  }
  // the built shim and wasm from dist/
  const file = path.join(DIST, path.normalize(decodeURIComponent(u.pathname)));
  if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return send(404, 'text/plain', 'not found');
  }
  return send(200, MIME[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;

// ---- the browser -------------------------------------------------------------------------
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.route('**/*', (route) => {
  const u = new URL(route.request().url());
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
  return route.abort();
});
const page = await context.newPage();

/**
 * Runs in the page: loads both systems, warms up, times RUNS interleaved rounds.
 * @param {{base: string, runs: number}} options
 */
async function measureInPage({ base, runs }) {
  const t0 = performance.now();
  const ac = await import(`${base}article-cleaner.js`);
  const { instantiateMs } = await ac.init();
  const loadMs = performance.now() - t0;
  const { default: Readability } = await import(`${base}_bench/readability.mjs`);

  const ours = async () => {
    const t = performance.now();
    let ok = true;
    let length = 0;
    try {
      const a = await ac.cleanDocument(document);
      length = a.length;
    } catch {
      ok = false;
    }
    return { ms: performance.now() - t, ok, length };
  };
  const theirs = async () => {
    const t = performance.now();
    let ok = true;
    let length = 0;
    try {
      const a = new Readability(/** @type {Document} */ (document.cloneNode(true))).parse();
      ok = Boolean(a);
      length = a ? a.length : 0;
    } catch {
      ok = false;
    }
    return { ms: performance.now() - t, ok, length };
  };
  // what cleanDocument spends before the engine runs: the live document as an HTML string
  const serialize = () => {
    const t = performance.now();
    const html = document.documentElement.outerHTML;
    return { ms: performance.now() - t, chars: html.length };
  };
  // the floor of any engine that works as this one must (the live document serialized and
  // parsed by html5ever into an rcdom tree, then freed): isProbablyReaderable(document) does
  // exactly that, plus a walk over the paragraphs that stops once the page is judged
  const floor = async () => {
    const t = performance.now();
    await ac.isProbablyReaderable(document);
    return performance.now() - t;
  };
  const firstOurs = await ours();
  const firstTheirs = await theirs();
  await floor();
  const a = [];
  const b = [];
  const ser = [];
  const fl = [];
  for (let i = 0; i < runs; i++) {
    ser.push(serialize().ms);
    fl.push(await floor());
    if (i % 2 === 0) {
      a.push((await ours()).ms);
      b.push((await theirs()).ms);
    } else {
      b.push((await theirs()).ms);
      a.push((await ours()).ms);
    }
  }
  return {
    isolated: self.crossOriginIsolated,
    instantiateMs,
    loadMs,
    oursFirstMs: firstOurs.ms,
    readabilityFirstMs: firstTheirs.ms,
    ours: a,
    readability: b,
    serialize: ser,
    floor: fl,
    oursOk: firstOurs.ok,
    oursLength: firstOurs.length,
    readabilityOk: firstTheirs.ok,
    readabilityLength: firstTheirs.length,
    domNodes: document.getElementsByTagName('*').length,
  };
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** @param {number[]} xs */
const p95 = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.max(0, Math.ceil(s.length * 0.95) - 1)];
};
const sum = (/** @type {number[]} */ xs) => xs.reduce((x, y) => x + y, 0);
const f = (/** @type {number | null | undefined} */ x, d = 2) => (x === null || x === undefined ? '-' : x.toFixed(d));

console.log(`${selected.length} pages, ${RUNS} interleaved rounds each (after one warm-up run per system)`);
console.log(`Chromium ${browser.version()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`);
/**
 * A page's figures (medians over the rounds, in ms).
 * @typedef {{page: string, bytes: number, domNodes: number, oursMs: number, readabilityMs: number,
 *   oursRuns: number[], readabilityRuns: number[], serializeMs: number, floorMs: number,
 *   oursFirstMs: number, readabilityFirstMs: number, instantiateMs: number | null, engineLoadMs: number,
 *   oursOk: boolean, oursLength: number, readabilityOk: boolean, readabilityLength: number}} Row
 */
/** @type {(Row | {page: string, bytes: number, error: string})[]} every page, in order */
const rows = [];
/** @type {Row[]} the pages both systems could be timed on */
const ok = [];
/** @type {boolean | null} */
let isolated = null;
const started = Date.now();
for (const p of selected) {
  const i = pages.indexOf(p);
  const bytes = fs.statSync(p.file).size;
  try {
    await page.goto(`${base}_bench/page/${i}`, { waitUntil: 'load', timeout: 30000 });
    const r = await page.evaluate(measureInPage, { base, runs: RUNS });
    isolated ??= r.isolated;
    /** @type {Row} */
    const row = {
      page: p.name,
      bytes,
      domNodes: r.domNodes,
      oursMs: median(r.ours),
      readabilityMs: median(r.readability),
      oursRuns: r.ours,
      readabilityRuns: r.readability,
      serializeMs: median(r.serialize),
      floorMs: median(r.floor),
      oursFirstMs: r.oursFirstMs,
      readabilityFirstMs: r.readabilityFirstMs,
      instantiateMs: r.instantiateMs,
      engineLoadMs: r.loadMs,
      oursOk: r.oursOk,
      oursLength: r.oursLength,
      readabilityOk: r.readabilityOk,
      readabilityLength: r.readabilityLength,
    };
    rows.push(row);
    ok.push(row);
    console.log(
      `${p.name.padEnd(44)} ${(bytes / 1024).toFixed(0).padStart(5)} KB  ours ${f(row.oursMs).padStart(7)} ms` +
        `  readability ${f(row.readabilityMs).padStart(7)} ms  ×${f(row.readabilityMs / row.oursMs)}` +
        `${r.oursOk ? '' : '  (ours: error)'}${r.readabilityOk ? '' : '  (readability: null/error)'}`,
    );
  } catch (e) {
    const message = String((e instanceof Error && e.message) || e);
    console.log(`${p.name.padEnd(44)} FAILED: ${message.split('\n')[0]}`);
    rows.push({ page: p.name, bytes, error: message });
  }
}

// ---- peak wasm memory on a big page ------------------------------------------------------
/** @type {{pageBytes: number, domNodes: number, before: number, after: number, ms: number, length: number} | {error: string} | null} */
let memory = null;
try {
  await page.goto(`${base}_bench/big.html`, { waitUntil: 'load', timeout: 120000 });
  memory = await page.evaluate(async (base) => {
    const ac = await import(`${base}article-cleaner.js`);
    await ac.init();
    // the glue's init returns the instance's exports (with `memory`) once it is loaded
    const glue = await import(`${base}pkg/article_cleaner.js`);
    const exports = await glue.default();
    const before = exports.memory.buffer.byteLength;
    const html = document.documentElement.outerHTML;
    const t = performance.now();
    const a = await ac.cleanDocument(document);
    const ms = performance.now() - t;
    const after = exports.memory.buffer.byteLength;
    return { pageBytes: new Blob([html]).size, domNodes: document.getElementsByTagName('*').length, before, after, ms, length: a.length };
  }, base);
} catch (e) {
  memory = { error: String((e instanceof Error && e.message) || e) };
}

await browser.close();
server.close();

// ---- summary -----------------------------------------------------------------------------
const ours = ok.map((r) => r.oursMs);
const theirs = ok.map((r) => r.readabilityMs);
const inst = ok.map((r) => r.instantiateMs).filter((x) => typeof x === 'number');
const summary = {
  pages: ok.length,
  failed: rows.length - ok.length,
  runs: RUNS,
  crossOriginIsolated: isolated,
  chromium: browser.version(),
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
  ours: { medianMs: median(ours), p95Ms: p95(ours), totalMs: sum(ours) },
  readability: { medianMs: median(theirs), p95Ms: p95(theirs), totalMs: sum(theirs) },
  ratioOfMedians: median(ours) / median(theirs),
  ratioOfTotals: sum(ours) / sum(theirs),
  medianPerPageRatio: median(ok.map((r) => r.oursMs / r.readabilityMs)),
  pagesFasterThanHalf: ok.filter((r) => r.oursMs <= r.readabilityMs / 2).length,
  serialize: { medianMs: median(ok.map((r) => r.serializeMs)), totalMs: sum(ok.map((r) => r.serializeMs)) },
  floor: { medianMs: median(ok.map((r) => r.floorMs)), totalMs: sum(ok.map((r) => r.floorMs)) },
  instantiate: { medianMs: median(inst), maxMs: Math.max(...inst), firstMs: inst[0] },
  bigPage: memory,
  seconds: (Date.now() - started) / 1000,
};
console.log('');
console.log(`system        median ms    p95 ms   total ms   (over ${ok.length} pages, per-page medians)`);
for (const [name, s] of /** @type {const} */ ([['article-cleaner', summary.ours], ['Readability', summary.readability]])) {
  console.log(`${name.padEnd(15)} ${f(s.medianMs).padStart(7)} ${f(s.p95Ms).padStart(9)} ${f(s.totalMs, 1).padStart(10)}`);
}
console.log(
  `ours / Readability: median ${f(summary.ratioOfMedians, 3)}, total ${f(summary.ratioOfTotals, 3)}, ` +
    `per-page median ${f(summary.medianPerPageRatio, 3)}; ${summary.pagesFasterThanHalf}/${ok.length} pages at ≤ half` +
    ` — target median ≤ 0.5: ${summary.ratioOfMedians <= 0.5 ? 'MET' : 'NOT MET'}`,
);
console.log(
  `of which documentElement.outerHTML (serialization, inside cleanDocument): median ${f(summary.serialize.medianMs)} ms, ` +
    `total ${f(summary.serialize.totalMs, 1)} ms`,
);
console.log(
  `floor (serialization + html5ever parse + freeing, timed as isProbablyReaderable(document)): median ` +
    `${f(summary.floor.medianMs)} ms = ${f(summary.floor.medianMs / summary.readability.medianMs, 3)} of Readability's median`,
);
console.log(
  `wasm instantiation (once per page load, not in the figures above): median ${f(summary.instantiate.medianMs)} ms, ` +
    `max ${f(summary.instantiate.maxMs)} ms`,
);
if (memory && !('error' in memory)) {
  console.log(
    `big page (${(memory.pageBytes / 1048576).toFixed(1)} MB, ${memory.domNodes} elements): cleanDocument ${f(memory.ms, 0)} ms; ` +
      `wasm memory ${(memory.before / 1048576).toFixed(1)} MB before → ${(memory.after / 1048576).toFixed(1)} MB after (peak)`,
  );
} else if (memory) {
  console.log(`big page: ${memory.error}`);
}
if (isolated === false) console.log('(the page was not cross-origin isolated: timer resolution 100 µs)');
fs.mkdirSync(RESULTS, { recursive: true });
const out = path.join(RESULTS, 'bench.json');
fs.writeFileSync(out, `${JSON.stringify({ summary, pages: rows }, null, 2)}\n`);
console.log(`per-page figures → ${path.relative(ROOT, out)}`);
