// The browser extension in Chromium: loads unpacked, its background runs the wasm, the
// action toggles the reader view (also on a page whose CSP forbids wasm), it shows a clear
// state where it can't run, and `web-ext lint` finds no errors. (firefox.test.mjs: Firefox.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, DIST } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS } from '../scripts/chromium.mjs';
import { CHROMIUM, FIXTURES, WWW, ensureBuilt, extensionCopy, norm } from './harness.mjs';

const EXT = path.join(DIST, 'extension');
const AD_PAGE = 'samples/ad-article.html';
const TITLE = 'Port Ellery votes to bring its tidal mill back to life';

let server;
const tmpDirs = [];
before(async () => {
  ensureBuilt();
  server = await startServer({
    port: 0,
    headers: (p) => {
      if (p.startsWith('/csp/')) return { 'Content-Security-Policy': "script-src 'self'" };
      return undefined;
    },
    mounts: { '/csp/': DIST, '/_fixtures/': FIXTURES },
  });
});
after(async () => {
  await server?.close();
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * Chromium with the extension loaded. `hostAccess`: a copy of the extension that also has
 * host access to 127.0.0.1 — activeTab is granted only by a real click or shortcut, which a
 * test can't make, so the copy stands in for "the user clicked"; the code is the same.
 */
async function launch({ hostAccess }) {
  let ext = EXT;
  if (hostAccess) {
    ext = extensionCopy((m) => {
      m.host_permissions = ['http://127.0.0.1/*'];
    });
    tmpDirs.push(ext);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-profile-'));
  tmpDirs.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: false, // --headless=new below: extensions need the new headless mode
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
    ],
  });
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || !/^https?:$/.test(u.protocol)) return route.continue();
    return route.abort();
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 15000 });
  return { context, worker };
}

function readerText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('article-cleaner-reader');
    const root = /** @type {HTMLElement | null} */ (host && host.shadowRoot && host.shadowRoot.querySelector('.ac-root'));
    return root ? root.innerText : null;
  });
}

async function waitForReader(page, want) {
  await page.waitForFunction(
    (w) => {
      const host = document.querySelector('article-cleaner-reader');
      const root = /** @type {HTMLElement | null} */ (host && host.shadowRoot && host.shadowRoot.querySelector('.ac-root'));
      return root && root.innerText.includes(w);
    },
    want,
    { timeout: 20000 },
  );
  return norm(await readerText(page));
}

const toggle = (worker) => worker.evaluate(() => globalThis.toggleReaderInTab());

describe('extension', () => {
  test('the action toggles the reader view, also under a strict CSP; settings go to chrome.storage.local', async () => {
    const { context, worker } = await launch({ hostAccess: true });
    try {
      const page = context.pages()[0] || (await context.newPage());
      for (const prefix of ['', 'csp/']) {
        const errors = [];
        page.removeAllListeners('pageerror');
        page.on('pageerror', (e) => errors.push(e));
        await page.goto(server.url + prefix + AD_PAGE);
        await page.bringToFront();
        const r = await toggle(worker);
        assert.deepEqual(r, { ok: true }, `toggle on ${prefix || 'plain '}page`);
        const text = await waitForReader(page, TITLE);
        assert.ok(text.includes('tide mill has not turned since the winter of 1984'), 'article text shown');
        for (const label of ['Advertisement', 'Publicité', 'Share this article']) {
          assert.ok(!text.includes(label), `no "${label}" (${prefix || 'plain'})`);
        }
        // second click closes it, third opens it again
        assert.deepEqual(await toggle(worker), { ok: true });
        await page.waitForFunction(() => !document.querySelector('article-cleaner-reader'), null, { timeout: 10000 });
        assert.deepEqual(await toggle(worker), { ok: true });
        await waitForReader(page, TITLE);
        assert.deepEqual(errors.map(String), [], 'no page errors');
      }
      // a settings change goes to chrome.storage.local (the shim's pluggable storage), not localStorage
      const page2 = context.pages()[0];
      await page2.waitForFunction(() => document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-root:not([aria-busy])'));
      await page2.evaluate(() => {
        /** @type {HTMLElement} */ (document.querySelector('article-cleaner-reader').shadowRoot.querySelector('[data-action="size"][data-value="1"]')).click();
      });
      await new Promise((r) => setTimeout(r, 300));
      const stored = await worker.evaluate(() => chrome.storage.local.get('article-cleaner:settings'));
      assert.ok(stored['article-cleaner:settings'], 'settings saved in chrome.storage.local');
      assert.equal(await page2.evaluate(() => localStorage.getItem('article-cleaner:settings')), null, 'not in the page\'s localStorage');
    } finally {
      await context.close();
    }
  });

  test('the extension gives the Article the npm shim gives, on a page whose doctype matters', async () => {
    const { context, worker } = await launch({ hostAccess: true });
    try {
      const page = context.pages()[0] || (await context.newPage());
      await page.goto(`${server.url}_fixtures/doctype-matters.html`);
      await page.bringToFront();
      // the npm shim (the package's index.js is this file) on the page, before any view is open
      const shim = await page.evaluate(async (base) => {
        const ac = await import(`${base}article-cleaner.js`);
        window.__ac = ac;
        return {
          article: await ac.cleanDocument(document),
          // what the content script sent before it shared document-html.js: no doctype
          withoutDoctype: await ac.clean(document.documentElement.outerHTML, { url: document.URL }),
        };
      }, server.url);
      assert.notDeepEqual(shim.withoutDoctype, shim.article, 'the fixture must parse differently without its doctype');

      // what the content script sends to the background, recorded there
      await worker.evaluate(() => {
        globalThis.__sent = [];
        chrome.runtime.onMessage.addListener((msg) => {
          globalThis.__sent.push(/** @type {Partial<CleanRequest>} */ (msg));
        });
      });
      assert.deepEqual(await toggle(worker), { ok: true });
      await waitForReader(page, 'Spring tides at the old mill');
      const sent = await worker.evaluate(() => globalThis.__sent);
      assert.equal(sent.length, 1);
      assert.match(sent[0].html, /^<!DOCTYPE html>\n<html/);
      const fromExtension = await page.evaluate(([html, url]) => window.__ac.clean(html, { url }), [sent[0].html, sent[0].url]);
      assert.deepEqual(fromExtension, shim.article);

      // and both views show the same article
      // the view's parts deferred after its first paint (date, list of removals) are there once aria-busy goes
      const shown = async () => {
        await page.waitForFunction(() => document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-root:not([aria-busy])'));
        // (but "Not the article?", which the shim's view offers: it has an engine to clean the page again)
        return page.evaluate(() => {
          const art = document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-article').cloneNode(true);
          for (const fix of /** @type {Element} */ (art).querySelectorAll('.ac-fix')) fix.remove();
          return /** @type {Element} */ (art).innerHTML;
        });
      };
      const extensionView = await shown();
      assert.deepEqual(await toggle(worker), { ok: true });
      await page.waitForFunction(() => !document.querySelector('article-cleaner-reader'), null, { timeout: 10000 });
      assert.equal((await page.evaluate(() => window.__ac.openReader().then((r) => r.shown))), 'article');
      assert.equal(await shown(), extensionView);
    } finally {
      await context.close();
    }
  });

  test('Chromium: the engine runs in an offscreen document, made at start and again if it was closed', async () => {
    const { context, worker } = await launch({ hostAccess: true });
    const offscreenDocuments = () => worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length);
    try {
      const page = context.pages()[0] || (await context.newPage());
      await page.goto(server.url + AD_PAGE);
      await page.bringToFront();
      for (let i = 0; i < 100 && (await offscreenDocuments()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.equal(await offscreenDocuments(), 1, 'made when the worker started');
      await worker.evaluate(() => chrome.offscreen.closeDocument());
      assert.equal(await offscreenDocuments(), 0);
      // the click's request finds no engine (or one still loading): the worker makes it again
      assert.deepEqual(await toggle(worker), { ok: true });
      const text = await waitForReader(page, TITLE);
      assert.ok(text.includes('tide mill has not turned since the winter of 1984'), 'article text shown');
      assert.equal(await offscreenDocuments(), 1);
    } finally {
      await context.close();
    }
  });

  test('plain text and images get an in-page message; no access gives a badge and title, not a stack trace', async () => {
    const { context, worker } = await launch({ hostAccess: true });
    try {
      const page = context.pages()[0] || (await context.newPage());
      await page.goto(`${server.url}bookmarklet.txt`);
      await page.bringToFront();
      assert.deepEqual(await toggle(worker), { ok: true });
      await page.waitForFunction(
        () => (document.getElementById('article-cleaner-extension-notice') || {}).textContent === 'Reader view needs an HTML article page.',
        null,
        { timeout: 10000 },
      );
      // a page the extension may not script (chrome://): a badge and an explaining title
      await page.goto('chrome://version/');
      const r = await toggle(worker);
      assert.equal(r.ok, false);
      const state = await worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
      });
      assert.equal(state.badge, '!');
      assert.match(state.title, /^Reader view is not available on this page/);
    } finally {
      await context.close();
    }
  });

  test('the shipped extension asks only for activeTab, scripting, storage and offscreen', async () => {
    const m = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
    assert.equal(m.manifest_version, 3);
    assert.deepEqual(m.permissions, ['activeTab', 'scripting', 'storage', 'offscreen']);
    assert.equal(m.host_permissions, undefined);
    assert.match(m.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
    assert.ok(m.browser_specific_settings.gecko.id && m.browser_specific_settings.gecko.strict_min_version);
    for (const s of [16, 32, 48, 128]) {
      const png = fs.readFileSync(path.join(EXT, m.icons[s]));
      assert.equal(png.readUInt32BE(16), s, `icon ${s} is ${s}px wide`);
    }
    assert.ok(fs.statSync(path.join(DIST, 'article-cleaner-extension.zip')).size > 100000, 'zip written');
    // and it loads in Chromium as it is (no host access: the action shows the badge instead)
    const { context, worker } = await launch({ hostAccess: false });
    try {
      const page = context.pages()[0] || (await context.newPage());
      await page.goto(server.url + AD_PAGE);
      const r = await toggle(worker);
      assert.equal(r.ok, false, 'without a user gesture activeTab grants nothing');
      assert.equal(await worker.evaluate(() => chrome.runtime.getManifest().commands._execute_action.suggested_key.default), 'Alt+Shift+R');
    } finally {
      await context.close();
    }
  });

  test('web-ext lint: no errors', () => {
    const r = spawnSync(
      process.execPath,
      [path.join(WWW, 'node_modules', 'web-ext', 'bin', 'web-ext.js'), 'lint', '--source-dir', EXT, '--output', 'json', '--no-input'],
      { encoding: 'utf8', timeout: 240000 },
    );
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    assert.deepEqual(json.errors.map((e) => `${e.code}: ${e.message}`), []);
    assert.equal(json.summary.errors, 0);
  });
});
