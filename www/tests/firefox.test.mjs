// The channels in Firefox (Debian's firefox-esr over WebDriver BiDi, see firefox.mjs): the
// extension installed as a temporary add-on opens the reader view, also on a page whose CSP
// forbids the page to run wasm (the engine runs in the extension's background); the npm
// package from its tarball, imported by a page, opens the view; the bookmarklet opens it
// from another origin, and where the page's CSP blocks it, shows its message bar.
// Skipped, with a message, where Firefox is missing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bookmarklet } from '../bookmarklet/bookmarklet.mjs';
import { startServer, DIST } from '../scripts/serve.mjs';
import { FIREFOX_SKIP, extensionWithTrigger, launchFirefox, pressExtensionButton } from './firefox.mjs';
import { CSP_BAR, FIXTURES, WWW, clickBookmarklet, cspBar, ensureBuilt, installPackedPackage, norm, readerText } from './harness.mjs';

const AD_PAGE = 'samples/ad-article.html';
const TITLE = 'Port Ellery votes to bring its tidal mill back to life';
const BODY_TEXT = 'tide mill has not turned since the winter of 1984';
const CLUTTER = ['Advertisement', 'Publicité', 'Share this article'];
const STRICT_CSP = "script-src 'self'";
const GECKO_ID = JSON.parse(fs.readFileSync(path.join(WWW, 'extension', 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;

if (FIREFOX_SKIP) console.log(FIREFOX_SKIP);

/** Waits until the reader view shows `want`; returns its text. */
async function waitForReader(page, want) {
  await page.waitForFunction(
    (w) => /** @type {HTMLElement | undefined} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-root'))?.innerText.includes(w),
    { timeout: 20000 },
    want,
  );
  return norm(await readerText(page));
}

const readerGone = (page) => page.waitForFunction(() => !document.querySelector('article-cleaner-reader'), { timeout: 10000 });

/** @param {string} text the reader view's text */
function assertCleanArticle(text, where) {
  assert.ok(text.includes(TITLE), `title shown (${where})`);
  assert.ok(text.includes(BODY_TEXT), `article text shown (${where})`);
  for (const label of CLUTTER) assert.ok(!text.includes(label), `no "${label}" (${where})`);
}

describe('Firefox', { skip: FIREFOX_SKIP }, () => {
  let server; // the sample pages; under /csp/ the same with a strict CSP
  let ff;
  before(async () => {
    ensureBuilt();
    server = await startServer({
      port: 0,
      mounts: { '/csp/': DIST, '/_fixtures/': FIXTURES },
      headers: (p) => (p.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : undefined),
    });
    ff = await launchFirefox();
    console.log(`Firefox ${await ff.browser.version()}`);
  });
  after(async () => {
    await ff?.close();
    await server?.close();
  });

  describe('extension', () => {
    let copy;
    let id;
    before(async () => {
      copy = extensionWithTrigger();
      id = await ff.browser.installExtension(copy);
    });
    after(async () => {
      if (id) await ff.browser.uninstallExtension(id);
      if (copy) fs.rmSync(copy, { recursive: true, force: true });
    });

    test('the shipped zip installs as a temporary add-on, as it is', async () => {
      // its test copy is installed already (same id): uninstall it meanwhile
      await ff.browser.uninstallExtension(id);
      id = undefined;
      const shipped = await ff.browser.installExtension(path.join(DIST, 'article-cleaner-extension.zip'));
      assert.equal(shipped, GECKO_ID);
      await ff.browser.uninstallExtension(shipped);
      id = await ff.browser.installExtension(copy);
      assert.equal(id, GECKO_ID);
    });

    test('its button opens the reader view and closes it, also on a page whose CSP forbids wasm', async () => {
      const page = await ff.newPage();
      for (const prefix of ['', 'csp/']) {
        const res = await page.goto(server.url + prefix + AD_PAGE);
        if (prefix) {
          assert.equal(res.headers()['content-security-policy'], STRICT_CSP);
          // the page itself can't compile the engine there…
          const own = await page.evaluate(async (u) => {
            try {
              await (await import(u)).clean('<p>x</p>');
              return 'cleaned';
            } catch (e) {
              return String(e);
            }
          }, `${server.url}csp/article-cleaner.js`);
          assert.match(own, /WebAssembly|wasm/i, 'the CSP keeps the page from running wasm');
          await page.reload();
          page.errors.length = 0; // Firefox reported the blocked compile as a page error
        }
        // …the extension can: its engine runs in its background
        assert.deepEqual(await pressExtensionButton(page), { ok: true }, `button on ${prefix || 'plain '}page`);
        assertCleanArticle(await waitForReader(page, TITLE), prefix || 'plain');
        assert.deepEqual(await pressExtensionButton(page), { ok: true });
        await readerGone(page);
        assert.deepEqual(await pressExtensionButton(page), { ok: true });
        await waitForReader(page, TITLE);
        assert.deepEqual(page.errors.map(String), [], 'no page errors');
      }
      await page.close();
    });

    test('Restore puts a removed block back: its HTML comes from the background (removedHtml)', async () => {
      const page = await ff.newPage();
      await page.goto(server.url + AD_PAGE);
      await pressExtensionButton(page);
      await waitForReader(page, TITLE);
      await page.waitForFunction(() => document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-root:not([aria-busy]) .ac-fix [data-action="pick"]'), { timeout: 10000 });
      await page.evaluate(() => {
        const root = document.querySelector('article-cleaner-reader').shadowRoot;
        /** @type {HTMLDetailsElement} */ (root.querySelector('.ac-removed')).open = true;
        for (const d of root.querySelectorAll('.ac-why')) /** @type {HTMLDetailsElement} */ (d).open = true;
        const row = [...root.querySelectorAll('.ac-why-list li')].find((li) => li.textContent.includes('Read also'));
        if (!row) throw new Error('no removal row with "Read also"');
        /** @type {HTMLButtonElement} */ (row.querySelector('[data-action="restore"]')).click();
      });
      const status = () => document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-status').textContent;
      await page.waitForFunction(() => /Block restored|Couldn/.test(document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-status').textContent), { timeout: 20000 });
      assert.equal(await page.evaluate(status), 'Block restored');
      assert.match(norm(await readerText(page)), /We are not restoring a museum piece[\s\S]*Read also/, 'the block is back where it was');
      assert.deepEqual(page.errors.map(String), [], 'no page errors');
      await page.close();
    });

    test("settings go to the extension's storage: the next page has them, the page's localStorage doesn't", async () => {
      const page = await ff.newPage();
      await page.goto(server.url + AD_PAGE);
      await pressExtensionButton(page);
      await waitForReader(page, TITLE);
      const size = () => page.evaluate(() => getComputedStyle(document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-article')).fontSize);
      const before = await size();
      await page.evaluate(() => {
        /** @type {HTMLElement} */ (document.querySelector('article-cleaner-reader').shadowRoot.querySelector('[data-action="size"][data-value="1"]')).click();
      });
      await page.waitForFunction((b) => getComputedStyle(document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-article')).fontSize !== b, { timeout: 5000 }, before);
      const bigger = await size();
      assert.ok(parseFloat(bigger) > parseFloat(before), `${before} → ${bigger}`);
      assert.equal(await page.evaluate(() => localStorage.getItem('article-cleaner:settings')), null, "not in the page's localStorage");
      // a new tab on the same origin, its localStorage cleared: the size can only come from
      // the extension's storage
      const next = await ff.newPage();
      await next.goto(`${server.url}csp/${AD_PAGE}`);
      await next.evaluate(() => localStorage.clear());
      await pressExtensionButton(next);
      await waitForReader(next, TITLE);
      await next.waitForFunction((b) => getComputedStyle(document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-article')).fontSize === b, { timeout: 5000 }, bigger);
      await next.close();
      await page.close();
    });
  });

  test('npm package: a page imports it from the packed tarball (import map, no bundler) and opens the reader view', async () => {
    const installed = installPackedPackage();
    const site = await startServer({ root: installed.project, port: 0 });
    try {
      const html = fs.readFileSync(path.join(WWW, AD_PAGE), 'utf8').replace(/<script\b[\s\S]*?<\/script>/gi, '');
      const head =
        '<script type="importmap">{"imports": {"article-cleaner": "./node_modules/article-cleaner/index.js"}}</script>' +
        `<script type="module">import { openReader } from 'article-cleaner'; window.__opened = openReader().then((r) => r.shown);</script>`;
      fs.writeFileSync(path.join(installed.project, 'index.html'), html.replace(/<\/head>/i, `${head}</head>`));
      const page = await ff.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => window.__opened, { timeout: 10000 });
      assert.equal(await page.evaluate(() => window.__opened), 'article');
      assertCleanArticle(norm(await readerText(page)), 'npm');
      assert.deepEqual(page.errors.map(String), []);
      await page.close();
    } finally {
      await site.close();
      installed.remove();
    }
  });

  describe('bookmarklet', () => {
    let shimServer; // a second origin that serves the shim, as the demo server does
    before(async () => {
      shimServer = await startServer({ port: 0 });
    });
    after(async () => {
      await shimServer?.close();
    });

    /** A page from a server whose responses carry `csp` (null: the sample server). */
    async function pageWithCsp(csp) {
      const pages = csp ? await startServer({ port: 0, headers: () => ({ 'Content-Security-Policy': csp }) }) : null;
      const page = await ff.newPage();
      await page.goto((pages ? pages.url : server.url) + AD_PAGE);
      return Object.assign(page, { closeAll: async () => (await page.close(), await pages?.close()) });
    }
    const barShown = (page) => page.waitForFunction(() => document.querySelector('p[role=alert] button'), { timeout: 15000 });

    test('opens the reader view with the shim from another origin, and closes it on a second click', async () => {
      const page = await pageWithCsp(null);
      try {
        await clickBookmarklet(page, bookmarklet(shimServer.url));
        assertCleanArticle(await waitForReader(page, TITLE), 'bookmarklet');
        assert.equal(await cspBar(page), null, 'no CSP message');
        await clickBookmarklet(page, bookmarklet(shimServer.url));
        await readerGone(page);
        assert.deepEqual(page.errors.map(String), []);
      } finally {
        await page.closeAll();
      }
    });

    test("a CSP that blocks the shim's host: the message bar; Enter on its focused Close button closes it", async () => {
      const page = await pageWithCsp("script-src 'self' 'unsafe-inline'");
      try {
        await clickBookmarklet(page, bookmarklet(shimServer.url));
        await barShown(page);
        assert.deepEqual(await cspBar(page), CSP_BAR);
        assert.equal(await page.evaluate(() => !!document.querySelector('article-cleaner-reader')), false);
        await page.keyboard.press('Enter');
        assert.equal(await cspBar(page), null, 'closed from the keyboard');
      } finally {
        await page.closeAll();
      }
    });

    test("a CSP that allows the shim but not 'wasm-unsafe-eval': the message bar, and no view left open", async () => {
      const page = await pageWithCsp(`script-src 'self' 'unsafe-inline' ${shimServer.url.replace(/\/$/, '')}`);
      try {
        await clickBookmarklet(page, bookmarklet(shimServer.url));
        await barShown(page);
        assert.deepEqual(await cspBar(page), CSP_BAR);
        assert.equal(await page.evaluate(() => !!document.querySelector('article-cleaner-reader')), false, 'the failed view is closed');
      } finally {
        await page.closeAll();
      }
    });
  });
});
