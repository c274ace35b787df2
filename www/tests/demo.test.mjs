// The demo site: index, sample pages with their "Reader view" button, playground.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { bookmarklet } from '../bookmarklet/bookmarklet.mjs';
import { DIST } from '../scripts/serve.mjs';
import { clickBookmarklet, setUp } from './harness.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

test('the server sends the right MIME types', async () => {
  const types = {};
  for (const p of ['', 'article-cleaner.js', 'pkg/article_cleaner_bg.wasm', 'samples/samples.json', 'site.css', 'nope.html']) {
    const r = await fetch(env.base + p);
    types[p || '/'] = `${r.status} ${r.headers.get('content-type')}`;
  }
  assert.deepEqual(types, {
    '/': '200 text/html; charset=utf-8',
    'article-cleaner.js': '200 text/javascript; charset=utf-8',
    'pkg/article_cleaner_bg.wasm': '200 application/wasm',
    'samples/samples.json': '200 application/json; charset=utf-8',
    'site.css': '200 text/css; charset=utf-8',
    'nope.html': '404 text/plain; charset=utf-8',
  });
  assert.ok([403, 404].includes((await fetch(`${env.base}..%2f..%2fCargo.toml`)).status), 'no path traversal');
  // an unchanged file is revalidated with a 304, so the browser keeps its copy of the wasm
  // (and V8 its compiled code) from one page load to the next
  const wasm = await fetch(`${env.base}pkg/article_cleaner_bg.wasm`);
  const etag = wasm.headers.get('etag');
  assert.match(etag ?? '', /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
  assert.equal(wasm.headers.get('cache-control'), 'no-cache');
  assert.equal((await fetch(`${env.base}pkg/article_cleaner_bg.wasm`, { headers: { 'If-None-Match': etag } })).status, 304);
  assert.equal((await fetch(`${env.base}pkg/article_cleaner_bg.wasm`, { headers: { 'If-None-Match': 'W/"0-0"' } })).status, 200);
  // the address the server prints for the samples is a page listing them
  const samples = await fetch(`${env.base}samples/`);
  assert.equal(samples.status, 200);
  assert.match(await samples.text(), /<a href="ad-article\.html">Port Ellery votes/);
});

test("the demo's shim loads the .wasm under a versioned name: immutable, compressed by Accept-Encoding", async () => {
  const engineJs = fs.readFileSync(path.join(DIST, 'engine.js'), 'utf8');
  const name = engineJs.match(/'\.\/pkg\/(article_cleaner_bg\.[0-9a-f]{12}\.wasm)'/)?.[1];
  assert.ok(name, 'dist/engine.js points at a hashed .wasm');
  const raw = fs.readFileSync(path.join(DIST, 'pkg', 'article_cleaner_bg.wasm'));
  assert.deepEqual(fs.readFileSync(path.join(DIST, 'pkg', name)), raw, 'the same module');
  const sent = {};
  for (const enc of ['br', 'gzip', 'identity']) {
    const r = await fetch(`${env.base}pkg/${name}`, { headers: { 'Accept-Encoding': enc } });
    const body = Buffer.from(await r.arrayBuffer()); // fetch decodes it
    sent[enc] = {
      status: r.status,
      type: r.headers.get('content-type'),
      encoding: r.headers.get('content-encoding'),
      cache: r.headers.get('cache-control'),
      vary: r.headers.get('vary'),
      same: body.equals(raw),
    };
  }
  const common = { status: 200, type: 'application/wasm', cache: 'public, max-age=31536000, immutable', vary: 'Accept-Encoding', same: true };
  assert.deepEqual(sent, {
    br: { ...common, encoding: 'br' },
    gzip: { ...common, encoding: 'gzip' },
    identity: { ...common, encoding: null },
  });
  // the npm package and the extension keep the plain name
  assert.match(fs.readFileSync(path.join(DIST, 'npm', 'engine.js'), 'utf8'), /'\.\/article_cleaner_bg\.wasm'/);
  assert.match(fs.readFileSync(path.join(DIST, 'extension', 'engine.js'), 'utf8'), /'\.\/pkg\/article_cleaner_bg\.wasm'/);
});

test('a sample page warms the engine up in a worker once idle, before any click', async () => {
  const page = await env.newPage();
  await page.goto(`${env.base}samples/ad-article.html`, { waitUntil: 'load' });
  for (let i = 0; i < 100 && page.workers().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(page.workers().length, 1, "the engine's worker started without a click");
  assert.equal(await page.$('article-cleaner-reader'), null, 'and no reader view opened');
});

test('the index lists the sample pages, and a sample page opens the reader from its button', async () => {
  const page = await env.newPage();
  await page.goto(env.base);
  await page.waitForSelector('#samples a');
  const links = await page.$$eval('#samples a', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes('samples/ad-article.html'), links.join(' '));
  await page.waitForFunction(() => document.getElementById('version').textContent !== '');
  assert.match(await page.textContent('#version'), /Engine version \d+\.\d+\.\d+/);
  await page.click('#samples a[href="samples/ad-article.html"]');
  await page.waitForSelector('ac-demo-button button');
  await page.click('ac-demo-button button');
  await page.waitForSelector('article-cleaner-reader .ac-article');
  await page.click('article-cleaner-reader .ac-close');
  assert.equal(await page.$('article-cleaner-reader'), null);
  assert.deepEqual(page.errors, []);
});

test("the index's bookmarklet loads the engine from the server's own address (any PORT), and works", async () => {
  assert.notEqual(new URL(env.base).port, '8080', 'the test server must not use the default port');
  const page = await env.newPage();
  await page.goto(env.base);
  await page.waitForSelector('#bookmarklet a.bookmarklet');
  const href = await page.getAttribute('#bookmarklet a.bookmarklet', 'href');
  assert.equal(href, bookmarklet(env.base));
  assert.match(await page.textContent('#bookmarklet'), new RegExp(`loads the engine from ${env.base.replace(/[.]/g, '\\.')}`));
  await page.goto(`${env.base}samples/ad-article.html`);
  await clickBookmarklet(page, href);
  await page.waitForSelector('article-cleaner-reader .ac-article');
  assert.deepEqual(page.errors, []);
});

test('the index offers the extension and says how to install it, in Firefox too (firefox.test.mjs installs that zip so)', async () => {
  const page = await env.newPage();
  await page.goto(env.base);
  await page.waitForSelector('#extension', { state: 'visible' });
  const zip = await page.$eval('#extension-zip', (a) => /** @type {HTMLAnchorElement} */ (a).href);
  const res = await fetch(zip);
  assert.equal(`${res.status} ${res.headers.get('content-type')}`, '200 application/zip');
  assert.match(await page.textContent('#install-firefox'), /about:debugging.*Load Temporary Add-on/s);
  assert.match(await page.textContent('#install-chromium'), /chrome:\/\/extensions.*Load unpacked/s);
  assert.match(await page.textContent('#install-android'), /web-ext run -t firefox-android/);
});

test('the playground cleans pasted HTML and shows article, Markdown and report', async () => {
  const page = await env.newPage();
  await page.goto(`${env.base}playground.html`);
  await page.waitForSelector('#sample option[value="ad-article.html"]', { state: 'attached' });
  await page.selectOption('#sample', 'ad-article.html');
  await page.waitForFunction(() => document.getElementById('markdown').textContent.length > 500);
  const md = await page.textContent('#markdown');
  assert.match(md, /tide mill has not turned/);
  assert.match(await page.textContent('#report'), /Removed \d+ ads?/);
  assert.match(await page.textContent('#timing'), /clean\(\) took [\d.]+ ms/);
  const frame = page.frameLocator('#rendered');
  assert.match(await frame.locator('h1').textContent(), /Port Ellery/);
  // an error is shown as such
  await page.fill('#html', '   ');
  await page.click('button[type=submit]');
  await page.waitForSelector('#report .error');
  assert.match(await page.textContent('#report .error'), /the input is empty/);
  assert.deepEqual(page.errors, []);
});

test('a hostile test page in the demo runs none of its scripts, and the reader view works under its CSP', async (t) => {
  const list = await (await fetch(`${env.base}samples/samples.json`)).json();
  const hostile = list.find((s) => /xss|hostile/i.test(s.file));
  if (!hostile) {
    console.log('skipped: no xss/hostile page among the samples (tests/pages/xss.html not found)');
    t.skip('no hostile sample page');
    return;
  }
  const page = await env.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  const res = await page.goto(`${env.base}samples/${hostile.file}`);
  assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
  await page.waitForSelector('ac-demo-button button');
  await page.click('ac-demo-button button');
  await page.waitForSelector('article-cleaner-reader .ac-article, article-cleaner-reader .ac-notice');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(dialogs, []);
  assert.notEqual(await page.$('article-cleaner-reader .ac-article'), null, 'the article is shown under the CSP');
});
