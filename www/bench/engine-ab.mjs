#!/usr/bin/env node
// @ts-check
// A/B benchmark of two engine builds: `clean()` of build A against build B, page by page, in
// the same headless Chromium run — to check that a change to the build (size flags, profile,
// wasm-opt) does not slow the engine down.
//
//   cp -r www/dist /tmp/dist-a            # the build to compare against
//   …change, then npm --prefix www run build…
//   node www/bench/engine-ab.mjs --a=/tmp/dist-a [--b=www/dist] [--pages=40] [--runs=7] [--first=20]
//
// Pages: as bench:open (bench/open-lib.mjs): Readability's suite and wceb-dev articles, half
// each, else www/samples. Served from 127.0.0.1 with `script-src 'self' 'wasm-unsafe-eval'`
// (the pages' scripts do not run) and COOP/COEP (5 µs timers).
//
// Two measures:
// - warm: in one page, both builds loaded (`engine.js` of each, its own instance), the page's
//   HTML serialized once, three warm-up calls each, then RUNS rounds of `clean(html, {url})`, the
//   order A/B alternating every round. Per page the median of each; over the pages the median
//   and p90 of those, and their ratios B ÷ A.
// - first: for the first FIRST pages, each build in a new browser context (a new renderer: no
//   compiled code in memory), the order alternating page by page: `init()` (fetch, compile,
//   instantiate), the first `clean()` (on freshly, lazily compiled code) and the second.
// Plus each build's .wasm size (raw, gzip -9, brotli). Results: a table on stdout and
// www/test-results/engine-ab.json. Run it twice, A and B swapped: under load the build in
// slot B has come out 3-13 % slower whichever it was (docs/PERFORMANCE.md, "Size").
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { fmt, load, machine, median, p90, pageBytes, ratio, selectPages } from './open-lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.resolve(here, '..');
const ROOT = path.resolve(WWW, '..');
/** @type {Record<string, string>} */
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
if (!args.a) {
  console.error('usage: node www/bench/engine-ab.mjs --a=DIST_A [--b=DIST_B] [--pages=N] [--runs=N] [--first=N]');
  process.exit(2);
}
const DISTS = { a: path.resolve(args.a), b: path.resolve(args.b || path.join(WWW, 'dist')) };
const RUNS = Math.max(1, Number(args.runs || 7));
const FIRST = Math.max(0, Number(args.first ?? 20));
const SHARED = path.resolve(process.env.SHARED || path.join(ROOT, '..', 'shared'));
const RESULTS = path.join(WWW, 'test-results');
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";
for (const dir of Object.values(DISTS)) {
  if (!fs.existsSync(path.join(dir, 'engine.js')) || !fs.existsSync(path.join(dir, 'pkg', 'article_cleaner_bg.wasm'))) {
    console.error(`${dir} is not a built www/dist (no engine.js or pkg/article_cleaner_bg.wasm)`);
    process.exit(1);
  }
}
const count = args.pages === 'all' ? Infinity : Math.max(1, Number(args.pages || 40));
const { pages, note } = selectPages({ shared: SHARED, samples: path.join(WWW, 'samples'), count });

/** @param {string} dir */
function wasmSize(dir) {
  const bytes = fs.readFileSync(path.join(dir, 'pkg', 'article_cleaner_bg.wasm'));
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, brotli: zlib.brotliCompressSync(bytes).length };
}

// ---- the server ----------------------------------------------------------------------------
const MIME = /** @type {Record<string, string>} */ ({ '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' });
const server = http.createServer((req, res) => {
  const u = new URL(req.url || '/', 'http://x');
  const headers = {
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const m = /^\/page\/(\d+)$/.exec(u.pathname);
  if (m && pages[Number(m[1])]) {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PAGE_CSP });
    return res.end(pageBytes(pages[Number(m[1])]));
  }
  const b = /^\/(a|b)\/(.*)$/.exec(u.pathname);
  if (b) {
    const dir = DISTS[/** @type {'a' | 'b'} */ (b[1])];
    const file = path.join(dir, path.normalize(decodeURIComponent(b[2])));
    if (file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
      return res.end(fs.readFileSync(file));
    }
  }
  res.writeHead(404, headers);
  res.end('not found');
});
await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
/** @param {import('playwright-core').Browser} b */
async function newContext(b) {
  const context = await b.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    return u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:' ? route.continue() : route.abort();
  });
  return context;
}

/**
 * In the page: both builds, interleaved rounds of clean() on the page's HTML.
 * @param {{base: string, runs: number}} o
 */
async function warmInPage({ base, runs }) {
  /** @type {{clean: (html: string, o?: object) => Promise<{length: number}>, init: () => Promise<unknown>}[]} */
  const engines = [await import(`${base}a/engine.js`), await import(`${base}b/engine.js`)];
  for (const e of engines) await e.init();
  const html = document.documentElement.outerHTML;
  const opts = { url: 'https://example.com/article' };
  /** @param {number} i */
  const time = async (i) => {
    const t = performance.now();
    let length = -1;
    try {
      length = (await engines[i].clean(html, opts)).length;
    } catch {
      length = -1;
    }
    return { ms: performance.now() - t, length };
  };
  // warm-up: three calls each, so that both builds' hot code is tiered up before the rounds
  const warmup = [await time(0), await time(1)];
  for (let r = 0; r < 2; r++) for (const i of [1, 0]) await time(i);
  /** @type {number[][]} */
  const ms = [[], []];
  for (let r = 0; r < runs; r++) {
    for (const i of r % 2 ? [1, 0] : [0, 1]) ms[i].push((await time(i)).ms);
  }
  return { ms, lengths: warmup.map((w) => w.length), isolated: self.crossOriginIsolated };
}

/**
 * In a fresh page: one build's init, first and second clean().
 * @param {{url: string}} o
 */
async function firstInPage({ url }) {
  const html = document.documentElement.outerHTML;
  const t0 = performance.now();
  /** @type {{clean: (html: string, o?: object) => Promise<unknown>, init: () => Promise<unknown>}} */
  const e = await import(url);
  await e.init();
  const t1 = performance.now();
  const opts = { url: 'https://example.com/article' };
  await e.clean(html, opts).catch(() => null);
  const t2 = performance.now();
  await e.clean(html, opts).catch(() => null);
  const t3 = performance.now();
  return { initMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2 };
}

const size = { a: wasmSize(DISTS.a), b: wasmSize(DISTS.b) };
const loadBefore = load();
console.log(note);
console.log(`A = ${DISTS.a}\nB = ${DISTS.b}`);
console.log(`Chromium ${browser.version()}; ${JSON.stringify(machine())}; load ${loadBefore.join(' ')}`);

/** @type {{page: string, a: number|null, b: number|null, aRuns: number[], bRuns: number[], sameLength: boolean}[]} */
const warm = [];
{
  const context = await newContext(browser);
  const page = await context.newPage();
  for (let i = 0; i < pages.length; i++) {
    try {
      await page.goto(`${base}page/${i}`, { waitUntil: 'load', timeout: 30000 });
      const r = await page.evaluate(warmInPage, { base, runs: RUNS });
      warm.push({ page: pages[i].name, a: median(r.ms[0]), b: median(r.ms[1]), aRuns: r.ms[0], bRuns: r.ms[1], sameLength: r.lengths[0] === r.lengths[1] });
      const w = warm[warm.length - 1];
      console.log(`${pages[i].name.padEnd(40)} A ${fmt(w.a, 2).padStart(8)}  B ${fmt(w.b, 2).padStart(8)} ms  B÷A ${fmt(ratio(w.b, w.a), 3)}${w.sameLength ? '' : '  (lengths differ!)'}`);
    } catch (e) {
      console.log(`${pages[i].name.padEnd(40)} FAILED: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
    }
  }
  await context.close();
}

/** @type {{page: string, build: string, order: number, initMs: number, firstMs: number, secondMs: number}[]} */
const first = [];
for (let i = 0; i < Math.min(FIRST, pages.length); i++) {
  const order = i % 2 ? ['b', 'a'] : ['a', 'b'];
  for (const [k, build] of order.entries()) {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(`${base}page/${i}`, { waitUntil: 'load', timeout: 30000 });
      const r = await page.evaluate(firstInPage, { url: `${base}${build}/engine.js` });
      first.push({ page: pages[i].name, build, order: k, ...r });
    } catch (e) {
      console.log(`first call, ${pages[i].name} (${build}) FAILED: ${String(e instanceof Error ? e.message : e).split('\n')[0]}`);
    } finally {
      await context.close();
    }
  }
}
await browser.close();
server.close();

/**
 * @param {'a' | 'b'} build
 * @param {'initMs' | 'firstMs' | 'secondMs'} key
 */
const firstOf = (build, key) => first.filter((f) => f.build === build).map((f) => f[key]);
const num = (/** @type {(number|null)[]} */ xs) => /** @type {number[]} */ (xs.filter((x) => x !== null));
const warmA = num(warm.map((w) => w.a));
const warmB = num(warm.map((w) => w.b));
const summary = {
  pages: warm.length,
  runs: RUNS,
  chromium: browser.version(),
  machine: machine(),
  load: { before: loadBefore, after: load() },
  size,
  warm: {
    a: { median: median(warmA), p90: p90(warmA) },
    b: { median: median(warmB), p90: p90(warmB) },
    ratioOfMedians: ratio(median(warmB), median(warmA)),
    ratioOfP90: ratio(p90(warmB), p90(warmA)),
    medianPerPageRatio: median(num(warm.map((w) => ratio(w.b, w.a)))),
    lengthsDiffer: warm.filter((w) => !w.sameLength).map((w) => w.page),
  },
  first: Object.fromEntries(
    /** @type {const} */ (['a', 'b']).map((b) => [
      b,
      Object.fromEntries(
        /** @type {const} */ (['initMs', 'firstMs', 'secondMs']).map((k) => [k, { median: median(firstOf(b, k)), p90: p90(firstOf(b, k)) }]),
      ),
    ]),
  ),
};
const s = summary;
console.log('');
console.log('| | A | B | B ÷ A |\n|---|---|---|---|');
for (const k of /** @type {const} */ (['raw', 'gzip', 'brotli'])) console.log(`| .wasm ${k} (B) | ${s.size.a[k]} | ${s.size.b[k]} | ${fmt(s.size.b[k] / s.size.a[k], 3)} |`);
console.log(`| clean() warm, median of per-page medians (ms) | ${fmt(s.warm.a.median, 2)} | ${fmt(s.warm.b.median, 2)} | ${fmt(s.warm.ratioOfMedians, 3)} |`);
console.log(`| clean() warm, p90 of per-page medians (ms) | ${fmt(s.warm.a.p90, 2)} | ${fmt(s.warm.b.p90, 2)} | ${fmt(s.warm.ratioOfP90, 3)} |`);
console.log(`| clean() warm, median of per-page B ÷ A | | | ${fmt(s.warm.medianPerPageRatio, 3)} |`);
for (const k of /** @type {const} */ (['initMs', 'firstMs', 'secondMs'])) {
  const a = s.first.a[k];
  const b = s.first.b[k];
  console.log(`| fresh renderer: ${k.replace('Ms', '')} median / p90 (ms) | ${fmt(a.median, 1)} / ${fmt(a.p90, 1)} | ${fmt(b.median, 1)} / ${fmt(b.p90, 1)} | ${fmt(ratio(b.median, a.median), 3)} / ${fmt(ratio(b.p90, a.p90), 3)} |`);
}
console.log(`(${s.pages} pages × ${RUNS} rounds warm; first call on ${first.length / 2} pages; load ${s.load.before.join(' ')} → ${s.load.after.join(' ')})`);
if (s.warm.lengthsDiffer.length) console.log(`article lengths differ between A and B on: ${s.warm.lengthsDiffer.join(', ')}`);
fs.mkdirSync(RESULTS, { recursive: true });
const out = path.join(RESULTS, 'engine-ab.json');
fs.writeFileSync(out, `${JSON.stringify({ summary, warm, first }, null, 2)}\n`);
console.log(`→ ${path.relative(ROOT, out)}`);
