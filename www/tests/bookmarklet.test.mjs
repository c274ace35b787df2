// The bookmarklet: a javascript: URL that imports the shim from another origin and toggles the
// reader view; where the page's CSP blocks the shim or its wasm, a message in the page says so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer, DIST } from '../scripts/serve.mjs';
import { bookmarklet, DEFAULT_BASE, MESSAGE } from '../bookmarklet/bookmarklet.mjs';
import { norm, readerText, setUp } from './harness.mjs';

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

/**
 * Clicks the bookmarklet as a link in the page (a javascript: URL runs under the page's CSP,
 * like a bookmarklet; a test can't click the bookmarks bar). a.click(): the reader view covers the page.
 */
async function run(page, code) {
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

const messageShown = (page) =>
  page.waitForFunction((m) => [...document.querySelectorAll('p')].some((p) => p.textContent === m), MESSAGE, { timeout: 15000 });

describe('bookmarklet', () => {
  test('dist/bookmarklet.txt: a javascript: URL under 500 characters, for the demo server by default', () => {
    const text = fs.readFileSync(path.join(DIST, 'bookmarklet.txt'), 'utf8').trim();
    assert.ok(text.startsWith('javascript:'));
    assert.ok(text.length < 500, `${text.length} characters`);
    assert.ok(text.includes(`import('${process.env.BOOKMARKLET_BASE || DEFAULT_BASE}article-cleaner.js')`));
    assert.ok(!/[%#]/.test(text), 'no characters a URL would change');
  });

  test('opens the reader view with the shim from another origin, and closes it on a second click', async () => {
    const page = await pageWithCsp(null);
    const code = bookmarklet(shimServer.url);
    const stored = await page.evaluate((c) => Object.assign(document.createElement('a'), { href: c }).href, code);
    assert.equal(stored, code, 'the browser keeps the URL as it is (nothing percent-encoded)');
    await run(page, code);
    await page.waitForFunction(
      (t) => /** @type {HTMLElement | undefined} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-root'))?.innerText.includes(t),
      TITLE,
      { timeout: 20000 },
    );
    const text = norm(await readerText(page));
    assert.ok(!text.includes('Advertisement') && !text.includes('Share this article'));
    assert.equal(await page.evaluate((m) => [...document.querySelectorAll('p')].some((p) => p.textContent === m), MESSAGE), false, 'no CSP message');
    await run(page, code);
    await page.waitForFunction(() => !document.querySelector('article-cleaner-reader'), null, { timeout: 10000 });
    assert.deepEqual(page.errors.map(String), []);
  });

  test("a CSP that blocks the shim's host: the page shows the message", async () => {
    const page = await pageWithCsp("script-src 'self' 'unsafe-inline'");
    try {
      await run(page, bookmarklet(shimServer.url));
      await messageShown(page);
      assert.equal(await page.evaluate(() => document.querySelector('article-cleaner-reader')), null);
    } finally {
      await page.closeServer();
    }
  });

  test("a CSP that allows the shim but not 'wasm-unsafe-eval': the page shows the message", async () => {
    const page = await pageWithCsp(`script-src 'self' 'unsafe-inline' ${shimServer.url.replace(/\/$/, '')}`);
    try {
      await run(page, bookmarklet(shimServer.url));
      await messageShown(page);
      assert.equal(await page.evaluate(() => document.querySelector('article-cleaner-reader')), null, 'the failed view is closed');
    } finally {
      await page.closeServer();
    }
  });
});
