#!/usr/bin/env node
// @ts-check
// Time-to-view benchmark: from the reader's click to the article painted, article-cleaner
// against a Readability.js reader, in Chromium, page by page, interleaved.
//   npm --prefix www run bench:open            (after `npm --prefix www run build`)
//   node www/bench/open.mjs --pages=2 --rounds=1 --scenario=cold,first    (a quick run)
//
// Systems:
//   ours      the built extension (www/dist/extension, loaded unpacked as it is), and in the
//             page the npm shim's openReader() (www/dist/article-cleaner.js), imported by a
//             dynamic import() as the bookmarklet and the demo do;
//   baseline  www/bench/baseline-extension: a minimal MV3 extension whose action injects
//             Readability.js 0.6.0 (copied at run time from www/node_modules) and reader.js
//             with chrome.scripting.executeScript: `new Readability(document.cloneNode(true))
//             .parse()`, `content` into a shadow-root overlay; in the page, the same two files
//             as one script loaded by a <script> tag, as a bookmarklet would.
// Scenarios:
//   cold    (a) extension, its service worker stopped before the click (stopped with CDP
//               ServiceWorker.stopWorker, checked: status "stopped" and no worker target);
//   warm    (b) extension, worker running: its previous click, on another page, woke it;
//   first   (c) in-page, first use in a fresh profile (a new browser context each time);
//   cached  (d) in-page, HTTP cache warm (the same profile opened the reader before), new tab;
//   idle    (e) in-page, fresh profile, the npm way: the page imported the shim at load and
//               called warmUp() once idle (ours), or loaded Readability.js (the baseline);
//               the click then calls openReader() (or runs the baseline's reader.js).
// Time = the trigger (just before the CDP Extensions.triggerAction call, or the in-page call)
// → the article's text in the overlay's shadow root → one requestAnimationFrame later, on the
// page's clock (www/bench/open-probe.js). Also the page's main-thread blocking during the open
// (long tasks, Long Animation Frames), phases seen from outside, and the wasm's size and
// compile + instantiate time. Pages come from ../shared (Readability's suite and the wceb-dev
// articles; www/samples without it), served from 127.0.0.1 with a CSP that blocks their own
// scripts; every other host fails to resolve. The method is in docs/PERFORMANCE.md.
//
// Options: --pages=N|all (default 60)  --rounds=N (default 2)  --scenario=cold,warm,first,cached
//          (or a,b,c,d,e; default all)  --compile-runs=N (default 7)  --timeout=MS (default 30000)
//          --settle=MS pause after each extension open (default 1000; a quarter after in-page ones)
//          --out=FILE (default www/test-results/bench-open.json)
// Env: SHARED (default ../shared), CHROMIUM_PATH.
// Output: markdown tables on stdout, everything in www/test-results/bench-open.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { DIST, startServer } from '../scripts/serve.mjs';
import { ExtensionControl, sleep } from './extension-control.mjs';
import { fmt, load, machine, median, p90, pageBytes, ratio, selectPages } from './open-lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const WWW = path.resolve(here, '..');
const ROOT = path.resolve(WWW, '..');
/** Our extension as built: loaded unpacked, unchanged. */
const EXTENSION = path.join(DIST, 'extension');
const SHIM = path.join(DIST, 'article-cleaner.js');
const WASM = path.join(EXTENSION, 'pkg', 'article_cleaner_bg.wasm');
const BASELINE_FIXTURE = path.join(here, 'baseline-extension');
const READABILITY_JS = path.join(WWW, 'node_modules', '@mozilla', 'readability', 'Readability.js');
const PROBE = path.join(here, 'open-probe.js');
const SHARED = path.resolve(process.env.SHARED || path.join(ROOT, '..', 'shared'));
const RESULTS = path.join(WWW, 'test-results');
/** The pages' own scripts are blocked; the shim, its wasm and the baseline's script are 'self'. */
const PAGE_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
/** Only 127.0.0.1 resolves (no request interception: it would sit in every fetch measured). */
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
const VIEWPORT = { width: 1280, height: 900 };
// Playwright attaches to service workers; keep it from also intercepting their network.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

/**
 * @typedef {'baseline'|'ours'} SystemName
 * @typedef {'cold'|'warm'|'first'|'cached'|'idle'} ScenarioName
 */
/** What each system's view looks like to the probe: done when `content` has text. */
const SYSTEMS = /** @type {const} */ ({
  baseline: { label: 'Readability.js', content: 'article', notice: '.notice', workerFile: 'worker.js' },
  ours: { label: 'article-cleaner', content: 'article', notice: '.ac-notice', workerFile: 'background.js' },
});
const SCENARIOS = /** @type {const} */ ({
  cold: { letter: 'a', title: 'extension, service worker stopped' },
  warm: { letter: 'b', title: 'extension, worker running' },
  first: { letter: 'c', title: 'in-page, first use, fresh profile' },
  cached: { letter: 'd', title: 'in-page, HTTP cache warm, new tab' },
  idle: { letter: 'e', title: 'in-page, warmUp() at idle after load, fresh profile' },
});

// ---- options ------------------------------------------------------------------------------
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? 'true'];
  }),
);
const known = new Set(['pages', 'rounds', 'scenario', 'compile-runs', 'timeout', 'settle', 'out', 'help']);
for (const k of Object.keys(args)) {
  if (!known.has(k)) {
    console.error(`unknown option --${k} (options: --pages=N|all --rounds=N --scenario=cold,warm,first,cached,idle --compile-runs=N --timeout=MS --settle=MS --out=FILE)`);
    process.exit(2);
  }
}
if (args.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\nimport ')[0]);
  process.exit(0);
}
const PAGES = args.pages === 'all' ? Infinity : Math.max(1, Number(args.pages || 60));
const ROUNDS = Math.max(1, Number(args.rounds || 2));
const COMPILE_RUNS = Math.max(0, Number(args['compile-runs'] ?? 7));
const TIMEOUT = Math.max(1000, Number(args.timeout || 30000));
/**
 * A pause after each open, so that what an open leaves running in the background (V8 tiering
 * the wasm up in the extension's worker takes a few hundred ms of CPU on other threads) is not
 * charged to the next one. In-page opens close their tab (and renderer) at once: a shorter one.
 */
const SETTLE = Math.max(0, Number(args.settle ?? 1000));
const byLetter = Object.fromEntries(Object.entries(SCENARIOS).map(([k, v]) => [v.letter, k]));
/** @type {ScenarioName[]} */
const scenarios = (args.scenario ? args.scenario.split(',') : Object.keys(SCENARIOS)).map((s) => {
  const name = byLetter[s] || s;
  if (!(name in SCENARIOS)) {
    console.error(`unknown scenario ${s}: cold|a, warm|b, first|c, cached|d, idle|e`);
    process.exit(2);
  }
  return /** @type {ScenarioName} */ (name);
});

for (const [file, fix] of [
  [SHIM, 'npm --prefix www run build'],
  [path.join(EXTENSION, 'manifest.json'), 'npm --prefix www run build'],
  [READABILITY_JS, 'npm --prefix www install'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`${path.relative(ROOT, file)} is missing: run \`${fix}\` first`);
    process.exit(1);
  }
}

// ---- pages, baseline and server -----------------------------------------------------------
const { pages, note } = selectPages({ shared: SHARED, samples: path.join(WWW, 'samples'), count: PAGES });
console.log(note);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-open-'));
const pagesDir = path.join(tmp, 'pages');
fs.mkdirSync(pagesDir);
/** @type {{name: string, bytes: number}[]} */
const pageInfo = pages.map((p, i) => {
  const html = pageBytes(p);
  fs.writeFileSync(path.join(pagesDir, `${i}.html`), html);
  return { name: p.name, bytes: html.length };
});
// the page a warm-up click opens the reader on (never a measured one)
fs.writeFileSync(
  path.join(pagesDir, 'warm.html'),
  pageBytes({ name: 'warm', file: path.join(WWW, 'samples', 'ad-article.html'), gzip: false }),
);
fs.writeFileSync(path.join(pagesDir, 'blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title>');
// the baseline: an extension folder (the fixture + Readability.js) and the in-page script
const baselineExt = path.join(tmp, 'baseline-extension');
fs.cpSync(BASELINE_FIXTURE, baselineExt, { recursive: true });
fs.copyFileSync(READABILITY_JS, path.join(baselineExt, 'Readability.js'));
const baselineDir = path.join(tmp, 'baseline');
fs.mkdirSync(baselineDir);
fs.writeFileSync(
  path.join(baselineDir, 'reader.js'),
  `${fs.readFileSync(READABILITY_JS, 'utf8')}\n${fs.readFileSync(path.join(BASELINE_FIXTURE, 'reader.js'), 'utf8')}`,
);
// (e): Readability.js loaded with the page, the reader's own script at the click
fs.copyFileSync(READABILITY_JS, path.join(baselineDir, 'Readability.js'));
fs.copyFileSync(path.join(BASELINE_FIXTURE, 'reader.js'), path.join(baselineDir, 'reader-only.js'));
const server = await startServer({
  port: 0,
  mounts: { '/_bench/pages/': pagesDir, '/_bench/baseline/': baselineDir },
  headers: (p) => (p.startsWith('/_bench/pages/') ? { 'Content-Security-Policy': PAGE_CSP } : undefined),
});
const base = server.url;
let navigation = 0;
/** A page's URL, unique per navigation (the tab target is found by URL). */
const pageUrl = (/** @type {number|string} */ i) => `${base}_bench/pages/${i}.html?n=${++navigation}`;

// ---- browsers -----------------------------------------------------------------------------
/**
 * A browser with a persistent profile (extensions need one; so does the HTTP cache's code
 * cache), headless=new as in the extension tests.
 * @param {string[]} extensions folders to load unpacked
 */
async function launchPersistent(extensions) {
  const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));
  const extArgs = extensions.length
    ? [`--disable-extensions-except=${extensions.join(',')}`, `--load-extension=${extensions.join(',')}`]
    : [];
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new in CHROMIUM_ARGS: extensions need the new headless mode
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS, OFFLINE, ...extArgs],
  });
}

/** Loads a page and waits until its main thread is idle. @param {import('playwright-core').Page} page @param {string} url */
async function loadQuiet(page, url) {
  await page.goto(url, { waitUntil: 'load', timeout: 60000 });
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const g = /** @type {any} */ (globalThis);
        g.requestIdleCallback(() => g.requestAnimationFrame(() => resolve(undefined)), { timeout: 2000 });
      }),
  );
}

/** @param {SystemName} system */
const spec = (system) => ({ content: SYSTEMS[system].content, notice: SYSTEMS[system].notice, timeoutMs: TIMEOUT });

/** Arms the probe; returns the trigger time on the page's clock. @param {import('playwright-core').Page} page @param {SystemName} system */
const arm = (page, system) =>
  page.evaluate((s) => /** @type {any} */ (globalThis).__benchOpen.arm(s), spec(system));

/** The probe's outcome. @param {import('playwright-core').Page} page */
const outcome = (page) => page.evaluate(() => /** @type {any} */ (globalThis).__benchOpen.wait());

/**
 * The in-page trigger: ours imports the shim and calls openReader() (the bookmarklet's way);
 * the baseline adds a <script> with Readability.js + reader.js. Returns without waiting.
 * @param {import('playwright-core').Page} page
 * @param {SystemName} system
 */
function triggerInPage(page, system, prepared = false) {
  return page.evaluate(
    ({ s, shim, script, system: sys, prepared: ready }) => {
      const g = /** @type {any} */ (globalThis);
      const t0 = g.__benchOpen.arm(s);
      if (sys === 'ours') {
        (ready ? Promise.resolve(g.__benchShim) : import(shim))
          .then((m) => {
            g.__benchOpen.mark('imported');
            return m.openReader();
          })
          .then(
            (r) => {
              g.__benchOpenReader = { timings: r.timings, shown: r.shown };
            },
            (e) => {
              g.__benchOpenReader = { error: String((e && e.message) || e) };
            },
          );
      } else {
        const doc = g.document;
        const el = doc.createElement('script');
        el.src = script;
        (doc.body || doc.documentElement).append(el);
      }
      return t0;
    },
    {
      s: spec(system),
      shim: `${base}article-cleaner.js`,
      script: `${base}_bench/baseline/${prepared ? 'reader-only.js' : 'reader.js'}`,
      system,
      prepared,
    },
  );
}

/**
 * (e) Before the click, what an npm user's page does once loaded and idle: ours imports the
 * shim and awaits warmUp(); the baseline loads Readability.js. Then the page goes idle again.
 * @param {import('playwright-core').Page} page
 * @param {SystemName} system
 */
async function prepareInPage(page, system) {
  await page.evaluate(
    async ({ shim, script, system: sys }) => {
      const g = /** @type {any} */ (globalThis);
      if (sys === 'ours') {
        g.__benchShim = await import(shim);
        await g.__benchShim.warmUp();
      } else {
        await new Promise((resolve, reject) => {
          const el = g.document.createElement('script');
          el.src = script;
          el.onload = resolve;
          el.onerror = reject;
          (g.document.body || g.document.documentElement).append(el);
        });
      }
    },
    { shim: `${base}article-cleaner.js`, script: `${base}_bench/baseline/Readability.js`, system },
  );
  await sleep(SETTLE / 4); // what the warm-up left running (V8 tiering up) settles, as after an open
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const g = /** @type {any} */ (globalThis);
        g.requestIdleCallback(() => g.requestAnimationFrame(() => resolve(undefined)), { timeout: 2000 });
      }),
  );
}

// ---- one open -----------------------------------------------------------------------------
/**
 * @typedef {object} Open
 * @property {ScenarioName} scenario
 * @property {SystemName} system
 * @property {string} page
 * @property {number} round
 * @property {boolean} first whether this system went first on this page in this round
 * @property {string} outcome 'article' | 'notice' | 'timeout' | 'error'
 * @property {number|null} ms trigger → text → one frame
 * @property {Record<string, number|null>} phases
 * @property {{count: number, totalMs: number, blockingMs: number, longestMs: number}} longTasks
 * @property {{count: number, blockingMs: number, longestMs: number}} frames Long Animation Frames
 * @property {Record<string, unknown>} [worker]
 * @property {string} [error]
 */

/**
 * Turns the probe's outcome into an Open.
 * @param {any} r the probe's outcome
 * @param {Omit<Open, 'outcome'|'ms'|'phases'|'longTasks'|'frames'>} where
 * @param {Record<string, number|null>} extraPhases
 * @returns {Open}
 */
function toOpen(r, where, extraPhases) {
  const since = (/** @type {number|null|undefined} */ a, /** @type {number|null|undefined} */ b) =>
    a === null || a === undefined || b === null || b === undefined ? null : a - b;
  /** @type {{start: number, duration: number}[]} */
  const tasks = r.longTasks;
  /** @type {{start: number, duration: number, blocking: number}[]} */
  const frames = r.frames;
  return {
    ...where,
    outcome: r.outcome,
    ms: since(r.tFrame, r.t0),
    phases: {
      untilView: since(r.tHost, r.t0),
      viewToText: since(r.tText, r.tHost),
      textToFrame: since(r.tFrame, r.tText),
      ...extraPhases,
    },
    longTasks: {
      count: tasks.length,
      totalMs: tasks.reduce((s, t) => s + t.duration, 0),
      blockingMs: tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0),
      longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    },
    frames: {
      count: frames.length,
      blockingMs: frames.reduce((s, f) => s + f.blocking, 0),
      longestMs: frames.reduce((m, f) => Math.max(m, f.duration), 0),
    },
  };
}

/**
 * The baseline's own phase marks, relative to the trigger.
 * @param {any} r the probe's outcome
 * @returns {Record<string, number|null>}
 */
function baselinePhases(r) {
  const p = r.phases;
  if (!p) return {};
  return {
    scriptStart: p.start - r.t0,
    clone: p.cloned - p.start,
    parse: p.parsed - p.cloned,
    build: p.built - p.parsed,
  };
}

/**
 * One click of an extension's action on a freshly loaded page.
 * @param {{control: ExtensionControl, page: import('playwright-core').Page, ids: Record<SystemName, string>}} ext
 * @param {ScenarioName} scenario
 * @param {SystemName} system
 * @param {number|string} pageIndex
 */
async function openWithExtension(ext, scenario, system, pageIndex) {
  const { control, page, ids } = ext;
  const id = ids[system];
  await loadQuiet(page, pageUrl(pageIndex));
  /** @type {Record<string, unknown>} */
  const worker = {};
  if (scenario === 'cold') {
    worker.stopMs = await control.stopWorker(id);
  } else if (control.status(id) !== 'running') {
    // the worker went idle since its last click (or never ran): wake it on another page
    await warmExtension(ext, system);
    await loadQuiet(page, pageUrl(pageIndex));
    worker.rewarmed = true;
  }
  worker.before = control.status(id);
  await arm(page, system);
  const sent = await control.click(id, page);
  const r = await outcome(page);
  const starting = control.transitionAfter(id, 'starting', sent);
  const running = control.transitionAfter(id, 'running', sent);
  worker.started = starting !== null;
  worker.startMs = running === null ? null : running - sent;
  /** @type {Record<string, number|null>} */
  const extra = { workerStart: /** @type {number|null} */ (worker.startMs) };
  if (system === 'baseline') Object.assign(extra, baselinePhases(r));
  return { r, worker, extra };
}

/**
 * A click on the warm-up page, to wake the worker and let it serve one page. Tried twice: a
 * click right after the browser started can go unanswered.
 * @param {{control: ExtensionControl, page: import('playwright-core').Page, ids: Record<SystemName, string>}} ext
 * @param {SystemName} system
 */
async function warmExtension(ext, system) {
  let last = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    await loadQuiet(ext.page, pageUrl('warm'));
    await ext.page.evaluate((s) => /** @type {any} */ (globalThis).__benchOpen.arm(s), { ...spec(system), timeoutMs: 10000 });
    await ext.control.click(ext.ids[system], ext.page);
    const r = await outcome(ext.page);
    if (r.outcome === 'article') return;
    last = r.outcome;
  }
  throw new Error(`the warm-up click of ${SYSTEMS[system].label} gave no article (${last})`);
}

/**
 * One in-page open.
 * @param {import('playwright-core').Page} page
 * @param {SystemName} system
 * @param {number|string} pageIndex
 * @param {boolean} [prepared] (e): the page prepared the reader once idle (prepareInPage)
 */
async function openInPage(page, system, pageIndex, prepared = false) {
  await loadQuiet(page, pageUrl(pageIndex));
  if (prepared) await prepareInPage(page, system);
  await triggerInPage(page, system, prepared);
  const r = await outcome(page);
  /** @type {Record<string, number|null>} */
  let extra = {};
  if (system === 'baseline') extra = baselinePhases(r);
  else {
    const o = await page.evaluate(() => /** @type {any} */ (globalThis).__benchOpenReader || null);
    const t = (o && o.timings) || {};
    extra = {
      importShim: r.marks.imported === undefined ? null : r.marks.imported - r.t0,
      loadWasm: t.initMs ?? null,
      instantiate: t.instantiateMs ?? null,
      clean: t.cleanMs ?? null,
      render: t.renderMs ?? null,
    };
  }
  return { r, extra };
}

// ---- scenarios ----------------------------------------------------------------------------
/** @type {Open[]} */
const opens = [];
/** @type {Record<string, {loadBefore: number[], loadAfter: number[], seconds: number}>} */
const blocks = {};
let chromiumVersion = '';

/**
 * Runs `measure` for every page, round and system, interleaved: on each page both systems,
 * the one going first alternating from page to page and from round to round.
 * @param {ScenarioName} scenario
 * @param {(system: SystemName, pageIndex: number) => Promise<{r: any, extra: Record<string, number|null>, worker?: Record<string, unknown>}>} measure
 */
async function interleave(scenario, measure) {
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < pages.length; i++) {
      /** @type {SystemName[]} */
      const order = (i + round) % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline'];
      const line = [];
      for (const system of order) {
        const where = { scenario, system, page: pageInfo[i].name, round, first: system === order[0] };
        /** @type {Open} */
        let open;
        try {
          const { r, extra, worker } = await measure(system, i);
          open = toOpen(r, where, extra);
          if (worker) open.worker = worker;
        } catch (e) {
          open = {
            ...where,
            outcome: 'error',
            ms: null,
            phases: {},
            longTasks: { count: 0, totalMs: 0, blockingMs: 0, longestMs: 0 },
            frames: { count: 0, blockingMs: 0, longestMs: 0 },
            error: String((e && /** @type {Error} */ (e).message) || e).split('\n')[0],
          };
        }
        opens.push(open);
        await sleep(scenario === 'cold' || scenario === 'warm' ? SETTLE : SETTLE / 4);
        line.push(`${system === 'ours' ? 'ours' : 'base'} ${open.outcome === 'article' ? `${fmt(open.ms).padStart(5)} ms` : open.outcome.padStart(8)}`);
      }
      console.log(`  [${SCENARIOS[scenario].letter}] r${round + 1} ${pageInfo[i].name.padEnd(46)} ${line.join('  ')}`);
    }
  }
}

/** (a) and (b): both extensions loaded in one profile, one tab. @param {ScenarioName[]} which */
async function extensionScenarios(which) {
  const context = await launchPersistent([baselineExt, EXTENSION]);
  try {
    await context.addInitScript({ path: PROBE });
    const page = context.pages()[0] || (await context.newPage());
    await page.bringToFront();
    const control = await ExtensionControl.attach(context, page);
    /** @type {Record<SystemName, string>} */
    const ids = { baseline: await control.extensionId(SYSTEMS.baseline.workerFile), ours: await control.extensionId(SYSTEMS.ours.workerFile) };
    chromiumVersion ||= context.browser()?.version() || '';
    const ext = { control, page, ids };
    // a first click each on the warm-up page: the extensions have been used before
    for (const s of /** @type {SystemName[]} */ (['baseline', 'ours'])) await warmExtension(ext, s);
    for (const scenario of which) {
      await block(scenario, () => interleave(scenario, async (system, i) => openWithExtension(ext, scenario, system, i)));
    }
    await control.detach();
  } finally {
    await context.close();
  }
}

/** (c), and (e) with `prepared`: a fresh profile (new browser context) for every open. */
async function firstUse(scenario = /** @type {ScenarioName} */ ('first'), prepared = false) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: [...CHROMIUM_ARGS, OFFLINE] });
  chromiumVersion ||= browser.version();
  try {
    await block(scenario, () =>
      interleave(scenario, async (system, i) => {
        const context = await browser.newContext({ viewport: VIEWPORT });
        try {
          await context.addInitScript({ path: PROBE });
          const page = await context.newPage();
          return await openInPage(page, system, i, prepared);
        } finally {
          await context.close();
        }
      }),
    );
  } finally {
    await browser.close();
  }
}

/** (d): one persistent profile per system, warmed by one open; every open in a new tab. */
async function cacheWarm() {
  /** @type {Partial<Record<SystemName, import('playwright-core').BrowserContext>>} */
  const contexts = {};
  try {
    for (const system of /** @type {SystemName[]} */ (['baseline', 'ours'])) {
      const context = await launchPersistent([]);
      contexts[system] = context;
      chromiumVersion ||= context.browser()?.version() || '';
      await context.addInitScript({ path: PROBE });
      for (const p of context.pages()) await p.close();
      const page = await context.newPage();
      const { r } = await openInPage(page, system, 'warm');
      if (r.outcome !== 'article') throw new Error(`warm-up open of ${system}: ${r.outcome}`);
      await page.close();
    }
    await block('cached', () =>
      interleave('cached', async (system, i) => {
        const context = /** @type {import('playwright-core').BrowserContext} */ (contexts[system]);
        const page = await context.newPage();
        try {
          await page.bringToFront();
          return await openInPage(page, system, i);
        } finally {
          await page.close();
        }
      }),
    );
  } finally {
    for (const c of Object.values(contexts)) await c?.close();
  }
}

/** Runs one scenario, noting the load before and after. @param {ScenarioName} scenario @param {() => Promise<void>} run */
async function block(scenario, run) {
  const loadBefore = load();
  const t = performance.now();
  console.log(`(${SCENARIOS[scenario].letter}) ${SCENARIOS[scenario].title} — load average ${loadBefore.join(' ')}`);
  await run();
  blocks[scenario] = { loadBefore, loadAfter: load(), seconds: Math.round((performance.now() - t) / 100) / 10 };
}

// ---- the wasm: size, compile, instantiate, first calls ------------------------------------
async function wasmFigures() {
  const bytes = fs.readFileSync(WASM);
  const readability = fs.readFileSync(READABILITY_JS);
  const sizes = (/** @type {Buffer} */ b) => ({
    raw: b.length,
    gzip: zlib.gzipSync(b, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
  /** @type {{compileMs: number, instantiateMs: number, firstCleanMs: number, secondCleanMs: number}[]} */
  const runs = [];
  // the first clean() runs on freshly compiled code: timed on the median-sized page
  const sorted = pageInfo.map((p, i) => ({ ...p, i })).sort((a, b) => a.bytes - b.bytes);
  const probePage = sorted[Math.floor(sorted.length / 2)];
  if (COMPILE_RUNS > 0) {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: false, args: [...CHROMIUM_ARGS, OFFLINE] });
    chromiumVersion ||= browser.version();
    try {
      for (let k = 0; k < COMPILE_RUNS; k++) {
        const context = await browser.newContext(); // a new renderer: nothing compiled in memory
        try {
          const page = await context.newPage();
          await loadQuiet(page, pageUrl('blank'));
          runs.push(
            await page.evaluate(
              async ({ shim, wasm, html }) => {
                const m = await import(shim);
                const buf = await (await fetch(wasm)).arrayBuffer();
                const text = await (await fetch(html)).text();
                const t0 = performance.now();
                const mod = await WebAssembly.compile(buf);
                const t1 = performance.now();
                await m.init({ wasmModule: mod });
                const t2 = performance.now();
                await m.clean(text, { url: html });
                const t3 = performance.now();
                await m.clean(text, { url: html });
                const t4 = performance.now();
                return { compileMs: t1 - t0, instantiateMs: t2 - t1, firstCleanMs: t3 - t2, secondCleanMs: t4 - t3 };
              },
              { shim: `${base}article-cleaner.js`, wasm: `${base}pkg/article_cleaner_bg.wasm`, html: `${base}_bench/pages/${probePage.i}.html` },
            ),
          );
        } finally {
          await context.close();
        }
      }
    } finally {
      await browser.close();
    }
  }
  const med = (/** @type {'compileMs'|'instantiateMs'|'firstCleanMs'|'secondCleanMs'} */ k) => median(runs.map((r) => r[k]));
  return {
    file: path.relative(ROOT, WASM),
    size: sizes(bytes),
    readabilitySize: sizes(readability),
    runs: runs.length,
    cleanPage: probePage ? { name: probePage.name, bytes: probePage.bytes } : null,
    compileMs: med('compileMs'),
    instantiateMs: med('instantiateMs'),
    firstCleanMs: med('firstCleanMs'),
    secondCleanMs: med('secondCleanMs'),
    all: runs,
  };
}

// ---- run ----------------------------------------------------------------------------------
const started = performance.now();
const loadStart = load();
const info = machine();
console.log(`${info.cores} × ${info.cpu}; load average ${loadStart.join(' ')}; ${ROUNDS} rounds; scenarios ${scenarios.join(', ')}`);
/** @type {Awaited<ReturnType<typeof wasmFigures>>|null} */
let wasm = null;
try {
  const ext = scenarios.filter((s) => s === 'cold' || s === 'warm');
  if (ext.length) await extensionScenarios(ext);
  if (scenarios.includes('first')) await firstUse();
  if (scenarios.includes('cached')) await cacheWarm();
  if (scenarios.includes('idle')) await firstUse('idle', true);
  wasm = await wasmFigures();
} finally {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
const seconds = Math.round((performance.now() - started) / 1000);

// ---- summary ------------------------------------------------------------------------------
/** @param {Open[]} xs @param {(o: Open) => number|null|undefined} f */
const values = (xs, f) => /** @type {number[]} */ (xs.map(f).filter((x) => typeof x === 'number' && Number.isFinite(x)));

/** @param {ScenarioName} scenario */
function summarize(scenario) {
  const mine = opens.filter((o) => o.scenario === scenario);
  // pairs: the same page and round, both systems showed the article
  /** @type {Map<string, Partial<Record<SystemName, Open>>>} */
  const pairs = new Map();
  for (const o of mine) {
    const key = `${o.page}\n${o.round}`;
    const p = pairs.get(key) || {};
    p[o.system] = o;
    pairs.set(key, p);
  }
  const both = [...pairs.values()].filter((p) => p.baseline?.outcome === 'article' && p.ours?.outcome === 'article');
  /** @param {SystemName} s */
  const stats = (s) => {
    const xs = /** @type {Open[]} */ (both.map((p) => p[s]));
    /** @type {Record<string, number|null>} */
    const phases = {};
    for (const k of new Set(xs.flatMap((o) => Object.keys(o.phases)))) phases[k] = median(values(xs, (o) => o.phases[k]));
    return {
      medianMs: median(values(xs, (o) => o.ms)),
      p90Ms: p90(values(xs, (o) => o.ms)),
      longTaskBlocking: { medianMs: median(values(xs, (o) => o.longTasks.blockingMs)), p90Ms: p90(values(xs, (o) => o.longTasks.blockingMs)), totalMs: values(xs, (o) => o.longTasks.blockingMs).reduce((a, b) => a + b, 0) },
      longestTask: { medianMs: median(values(xs, (o) => o.longTasks.longestMs)), p90Ms: p90(values(xs, (o) => o.longTasks.longestMs)) },
      loafBlocking: { medianMs: median(values(xs, (o) => o.frames.blockingMs)), p90Ms: p90(values(xs, (o) => o.frames.blockingMs)) },
      phases,
      outcomes: Object.fromEntries(['article', 'notice', 'timeout', 'error'].map((k) => [k, mine.filter((o) => o.system === s && o.outcome === k).length])),
      // extension opens whose click started the worker (cold: all of them; warm: none)
      workerStarted: mine.filter((o) => o.system === s && o.worker && o.worker.started).length,
      workerChecked: mine.filter((o) => o.system === s && o.worker).length,
    };
  };
  const baseline = stats('baseline');
  const ours = stats('ours');
  return {
    title: SCENARIOS[scenario].title,
    opens: both.length,
    baseline,
    ours,
    ratio: {
      median: ratio(ours.medianMs, baseline.medianMs),
      p90: ratio(ours.p90Ms, baseline.p90Ms),
      perOpenMedian: median(both.map((p) => /** @type {number} */ (ratio(p.ours?.ms, p.baseline?.ms)))),
      longTaskBlockingTotal: ratio(ours.longTaskBlocking.totalMs, baseline.longTaskBlocking.totalMs),
    },
    ...blocks[scenario],
  };
}

const summary = Object.fromEntries(scenarios.map((s) => [s, summarize(s)]));
const loadEnd = load();
const result = {
  date: new Date().toISOString(),
  machine: { ...info, chromium: chromiumVersion, loadStart, loadEnd },
  options: { pages: pages.length, rounds: ROUNDS, scenarios, timeoutMs: TIMEOUT, settleMs: SETTLE, compileRuns: COMPILE_RUNS },
  pagesNote: note,
  seconds,
  wasm,
  summary,
  pages: pageInfo,
  opens,
};
const out = path.resolve(args.out || path.join(RESULTS, 'bench-open.json'));
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);

const L = [];
L.push('');
L.push(`Time to view, ms (trigger → article text in the view → next frame), ${pages.length} pages × ${ROUNDS} rounds, Chromium ${chromiumVersion}, ${info.cores} × ${info.cpu}`);
L.push('');
L.push(
  '| scenario | opens | Readability.js median / p90 | article-cleaner median / p90 | ours ÷ Readability.js median / p90 ' +
    '| long-task blocking median / p90, Readability.js → ours | blocking summed over the opens, ours ÷ Readability.js ' +
    '| longest task median | LoAF blocking median |',
);
L.push('|---|---|---|---|---|---|---|---|---|');
for (const s of scenarios) {
  const x = summary[s];
  L.push(
    `| (${SCENARIOS[s].letter}) ${x.title} | ${x.opens} | ${fmt(x.baseline.medianMs)} / ${fmt(x.baseline.p90Ms)} | ${fmt(x.ours.medianMs)} / ${fmt(x.ours.p90Ms)} ` +
      `| ${fmt(x.ratio.median, 2)} / ${fmt(x.ratio.p90, 2)} | ${fmt(x.baseline.longTaskBlocking.medianMs)} / ${fmt(x.baseline.longTaskBlocking.p90Ms)} → ` +
      `${fmt(x.ours.longTaskBlocking.medianMs)} / ${fmt(x.ours.longTaskBlocking.p90Ms)} | ${fmt(x.ratio.longTaskBlockingTotal, 2)} ` +
      `| ${fmt(x.baseline.longestTask.medianMs)} → ${fmt(x.ours.longestTask.medianMs)} ` +
      `| ${fmt(x.baseline.loafBlocking.medianMs)} → ${fmt(x.ours.loafBlocking.medianMs)} |`,
  );
}
L.push('');
L.push('Phases (medians, ms; seen from outside: the probe, CDP worker events, openReader() timings, the baseline overlay\'s marks):');
L.push('');
for (const s of scenarios) {
  const x = summary[s];
  for (const sys of /** @type {SystemName[]} */ (['baseline', 'ours'])) {
    const ph = Object.entries(x[sys].phases).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${fmt(v, 1)}`);
    L.push(`- (${SCENARIOS[s].letter}) ${SYSTEMS[sys].label}: ${ph.join(', ')}`);
  }
}
L.push('');
for (const s of scenarios) {
  const x = summary[s];
  const bad = (/** @type {SystemName} */ sys) =>
    Object.entries(x[sys].outcomes).filter(([k, v]) => k !== 'article' && v > 0).map(([k, v]) => `${v} ${k}`).join(', ');
  const note2 = [bad('baseline') && `Readability.js ${bad('baseline')}`, bad('ours') && `article-cleaner ${bad('ours')}`].filter(Boolean).join('; ');
  const starts = x.baseline.workerChecked
    ? `; clicks that started the worker: Readability.js ${x.baseline.workerStarted}/${x.baseline.workerChecked}, ` +
      `article-cleaner ${x.ours.workerStarted}/${x.ours.workerChecked}`
    : '';
  L.push(
    `(${SCENARIOS[s].letter}) load ${x.loadBefore?.join(' ')} → ${x.loadAfter?.join(' ')}, ${x.seconds} s${starts}` +
      `${note2 ? `; not shown as an article (left out of the pairs): ${note2}` : ''}`,
  );
}
if (wasm) {
  L.push('');
  L.push(
    `wasm ${wasm.file}: ${wasm.size.raw} B raw, ${wasm.size.gzip} B gzip, ${wasm.size.brotli} B brotli ` +
      `(Readability.js: ${wasm.readabilitySize.raw} / ${wasm.readabilitySize.gzip} / ${wasm.readabilitySize.brotli} B)`,
  );
  if (wasm.runs) {
    L.push(
      `in a fresh page, medians of ${wasm.runs}: WebAssembly.compile ${fmt(wasm.compileMs, 1)} ms, instantiate ${fmt(wasm.instantiateMs, 1)} ms, ` +
        `first clean() ${fmt(wasm.firstCleanMs, 1)} ms, second ${fmt(wasm.secondCleanMs, 1)} ms (${wasm.cleanPage?.name}, ${wasm.cleanPage?.bytes} B)`,
    );
  }
}
L.push('');
L.push(`load average ${loadStart.join(' ')} → ${loadEnd.join(' ')}; ${seconds} s in all → ${path.relative(ROOT, out)}`);
console.log(L.join('\n'));
