// Shared set-up for the browser tests: the built dist/ (built if missing), the static
// server on an ephemeral port, and Chromium (Debian's, driven by playwright-core); the
// channels as the browser tests use them (the packed npm package installed in a fresh
// project, a copy of the extension with a changed manifest, the bookmarklet clicked in a
// page). Firefox's own set-up is firefox.mjs. Helpers that take a `page` use page.evaluate
// with at most one argument only, which Playwright's and Puppeteer's pages both have.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { startServer, DIST } from '../scripts/serve.mjs';
import { CLOSE, MESSAGE } from '../bookmarklet/bookmarklet.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WWW = path.resolve(here, '..');
export const ROOT = path.resolve(WWW, '..');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const RESULTS = path.join(WWW, 'test-results');
export const FIXTURES = path.join(here, 'fixtures');
export { CHROMIUM } from '../scripts/chromium.mjs';
export const hasShared = fs.existsSync(SHARED);

/** Builds dist/ when it is missing (CI builds it before the tests). */
export function ensureBuilt() {
  const outputs = ['pkg/article_cleaner_bg.wasm', 'article-cleaner.js', 'extension/manifest.json', 'npm/package.json', 'bookmarklet.txt', 'bookmarklet.mjs'];
  if (outputs.every((f) => fs.existsSync(path.join(DIST, f)))) return;
  console.log('www/dist is missing or incomplete: building it first');
  const r = spawnSync(process.execPath, [path.join(WWW, 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('the build failed');
}

/** Starts the server and the browser. Returns {base, browser, newPage, close}. */
export async function setUp() {
  ensureBuilt();
  fs.mkdirSync(RESULTS, { recursive: true });
  const mounts = { '/_fixtures/': FIXTURES };
  if (hasShared) mounts['/_shared/'] = SHARED;
  const server = await startServer({ port: 0, mounts });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts = [];

  /**
   * A page in a fresh context; every request not to 127.0.0.1 is aborted. Its uncaught
   * errors are collected in `page.errors`.
   * @returns {Promise<import('playwright-core').Page & {errors: Error[]}>}
   */
  async function newPage(contextOptions = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
    contexts.push(context);
    await context.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
      return route.abort();
    });
    const page = Object.assign(await context.newPage(), { errors: /** @type {Error[]} */ ([]) });
    page.on('pageerror', (e) => page.errors.push(e));
    return page;
  }

  async function close() {
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
  }

  return { base: server.url, browser, newPage, close };
}

/** Imports the shim in the page (as `window.__ac`) and returns nothing. */
export async function loadShim(page, base) {
  await page.evaluate(async (url) => {
    window.__ac = await import(url);
  }, `${base}article-cleaner.js`);
}

/** Opens the reader view in the page; returns openReader's result without the article. */
export async function openReader(page, options = {}) {
  return page.evaluate(async (opts) => {
    const r = await window.__ac.openReader(opts);
    return { shown: r.shown, timings: r.timings, error: r.error ? String(/** @type {Error} */ (r.error).message || r.error) : null };
  }, options);
}

/** The reader view's visible text (innerText of its shadow root's content). */
export function readerText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('article-cleaner-reader');
    return host ? /** @type {HTMLElement} */ (host.shadowRoot.querySelector('.ac-root')).innerText : null;
  });
}

export const norm = (s) => s.replace(/\s+/g, ' ').trim();

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The build's npm tarball installed (offline: it has no dependencies) into a fresh project in
 * a temporary folder. Returns {project, pkgDir, remove}; `pkgDir` is the installed package.
 */
export function installPackedPackage() {
  ensureBuilt();
  const built = JSON.parse(fs.readFileSync(path.join(DIST, 'npm', 'package.json'), 'utf8'));
  const tgz = path.join(DIST, `${built.name}-${built.version}.tgz`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-npm-'));
  const npmEnv = { ...process.env, npm_config_cache: path.join(tmp, 'cache'), npm_config_update_notifier: 'false' };
  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'try-it', private: true, type: 'module' }));
  execFileSync('npm', ['install', tgz, '--no-audit', '--no-fund', '--offline'], { cwd: project, stdio: 'pipe', env: npmEnv });
  return { project, pkgDir: path.join(project, 'node_modules', built.name), remove: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/**
 * A copy of the built extension (dist/extension) in a temporary folder, its manifest changed
 * by `edit`, plus `files` ({name: source path}) copied next to it. Returns the folder.
 * @param {(manifest: any) => void} edit
 * @param {Record<string, string>} [files]
 */
export function extensionCopy(edit, files = {}) {
  ensureBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-ext-'));
  fs.cpSync(path.join(DIST, 'extension'), dir, { recursive: true });
  for (const [name, src] of Object.entries(files)) fs.copyFileSync(src, path.join(dir, name));
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  edit(m);
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(m));
  return dir;
}

/**
 * Clicks a bookmarklet as a link in the page (a javascript: URL runs under the page's CSP,
 * like a bookmarklet; a test can't click the bookmarks bar). a.click(): the reader view
 * covers the page.
 */
export async function clickBookmarklet(page, code) {
  await page.evaluate((href) => {
    document.getElementById('__bm')?.remove();
    const a = document.createElement('a');
    a.href = href;
    a.id = '__bm';
    a.textContent = 'bm';
    document.body.prepend(a);
    a.click();
  }, code);
}

/**
 * The bookmarklet's CSP message bar in the page, or null: its text without the button's,
 * its role, its button's text, whether the button has the focus.
 * @returns {Promise<{text: string, role: string | null, button: string | null, focused: boolean} | null>}
 */
export function cspBar(page) {
  return page.evaluate((message) => {
    const bar = [...document.querySelectorAll('p')].find((p) => p.textContent.startsWith(message));
    if (!bar) return null;
    const button = bar.querySelector('button');
    return {
      text: [...bar.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim(),
      role: bar.getAttribute('role'),
      button: button && button.textContent,
      focused: !!button && document.activeElement === button,
    };
  }, MESSAGE);
}
export const CSP_BAR = { text: MESSAGE, role: 'alert', button: CLOSE, focused: true };
