// The bookmarklet: a javascript: URL that imports the shim from another origin and toggles the
// reader view; where the page's CSP blocks the shim or its wasm, a message bar in the page
// says so, and its Close button closes it from the keyboard. (firefox.test.mjs: the same in Firefox.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, DIST } from '../scripts/serve.mjs';
import { bookmarklet, DEFAULT_BASE } from '../bookmarklet/bookmarklet.mjs';
import { CSP_BAR, clickBookmarklet, cspBar, norm, readerText, setUp } from './harness.mjs';

const AD_PAGE = 'samples/ad-article.html';
const TITLE = 'Port Ellery votes to bring its tidal mill back to life';

let env;
let shimServer; // a second origin that serves the shim (like the demo server would)
before(async () => {
  env = await setUp();
  shimServer = await startServer({ port: 0 });
});
after(async () => {
  await env?.close();
  await shimServer?.close();
});

/** A page from a server whose responses carry `csp` (null: none). */
async function pageWithCsp(csp) {
  const pages = csp ? await startServer({ port: 0, headers: () => ({ 'Content-Security-Policy': csp }) }) : null;
  const page = await env.newPage();
  await page.goto((pages ? pages.url : env.base) + AD_PAGE);
  page.closeServer = () => pages?.close();
  return page;
}

const messageShown = (page) => page.waitForFunction(() => document.querySelector('p[role=alert] button'), null, { timeout: 15000 });

describe('bookmarklet', () => {
  test('dist/bookmarklet.txt: a short javascript: URL, for the demo server by default', () => {
    const text = fs.readFileSync(path.join(DIST, 'bookmarklet.txt'), 'utf8').trim();
    const base = process.env.BOOKMARKLET_BASE || DEFAULT_BASE;
    assert.ok(text.startsWith('javascript:'));
    // short enough to read and to share as text (browsers take far longer URLs)
    assert.ok(text.length - base.length < 600, `${text.length} characters, ${base.length} of them the shim's address`);
    assert.ok(text.includes(`import('${base}article-cleaner.js')`));
    assert.ok(!/[%#]/.test(text), 'no characters a URL would change');
  });

  test('opens the reader view with the shim from another origin, and closes it on a second click', async () => {
    const page = await pageWithCsp(null);
    const code = bookmarklet(shimServer.url);
    const stored = await page.evaluate((c) => Object.assign(document.createElement('a'), { href: c }).href, code);
    assert.equal(stored, code, 'the browser keeps the URL as it is (nothing percent-encoded)');
    await clickBookmarklet(page, code);
    await page.waitForFunction(
      (t) => /** @type {HTMLElement | undefined} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-root'))?.innerText.includes(t),
      TITLE,
      { timeout: 20000 },
    );
    const text = norm(await readerText(page));
    assert.ok(!text.includes('Advertisement') && !text.includes('Share this article'));
    assert.equal(await cspBar(page), null, 'no CSP message');
    await clickBookmarklet(page, code);
    await page.waitForFunction(() => !document.querySelector('article-cleaner-reader'), null, { timeout: 10000 });
    assert.deepEqual(page.errors.map(String), []);
  });

  test("a CSP that blocks the shim's host: the page shows the message; Enter on its focused Close button closes it", async () => {
    const page = await pageWithCsp("script-src 'self' 'unsafe-inline'");
    try {
      await clickBookmarklet(page, bookmarklet(shimServer.url));
      await messageShown(page);
      assert.deepEqual(await cspBar(page), CSP_BAR);
      assert.equal(await page.evaluate(() => document.querySelector('article-cleaner-reader')), null);
      await page.keyboard.press('Enter');
      assert.equal(await cspBar(page), null, 'closed from the keyboard');
      // shown again on the next click, and the button also works with the mouse
      await clickBookmarklet(page, bookmarklet(shimServer.url));
      await messageShown(page);
      await page.click('p[role=alert] button');
      assert.equal(await cspBar(page), null, 'closed by a click');
    } finally {
      await page.closeServer();
    }
  });

  test("a CSP that allows the shim but not 'wasm-unsafe-eval': the page shows the message", async () => {
    const page = await pageWithCsp(`script-src 'self' 'unsafe-inline' ${shimServer.url.replace(/\/$/, '')}`);
    try {
      await clickBookmarklet(page, bookmarklet(shimServer.url));
      await messageShown(page);
      assert.deepEqual(await cspBar(page), CSP_BAR);
      assert.equal(await page.evaluate(() => document.querySelector('article-cleaner-reader')), null, 'the failed view is closed');
    } finally {
      await page.closeServer();
    }
  });
});
