#!/usr/bin/env node
// Screenshots of the reader view for anyone to look at (not run in CI): the sample article
// on a desktop (light and dark) and on a 390 px phone (device emulation), and a forum
// thread (an Article in the engine's thread form, given to the view directly: the samples
// have no thread page). Debian's Chromium via playwright-core; needs a built www/dist/.
//
//   node www/scripts/screenshots.mjs [out dir]     (default: docs/screenshots/)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';
import { DIST, startServer } from './serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(process.argv[2] || path.join(here, '..', '..', 'docs', 'screenshots'));
if (!fs.existsSync(path.join(DIST, 'article-cleaner.js'))) {
  console.error('www/dist is missing: build it first (npm --prefix www run build)');
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });

const DESKTOP = { viewport: { width: 1100, height: 720 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

const post = (/** @type {string} */ who, /** @type {string} */ when, /** @type {string} */ text) =>
  `<article><p><strong>${who}</strong> · <time>${when}</time></p><div><p>${text}</p></div></article>`;
const THREAD = {
  title: 'Which tide tables do you trust for the estuary?',
  siteName: 'Harbour forum',
  byline: null,
  lang: 'en',
  dir: 'ltr',
  readerable: true,
  removed: [],
  readingTimeMinutes: 2,
  pageType: 'thread',
  content: `<div>${[
    post('harbourmaster', '2 March 2025', 'The printed tables and the app disagree by twenty minutes at the bar. Which one do you sail by when the spring tides come round?'),
    post('quill', '2 March 2025', 'The printed ones. The app takes its times from the port outside the estuary and adds a fixed offset, which is wrong on big tides.'),
    post('ferryman', '3 March 2025', 'Printed, and I still leave half an hour either side. The sandbank moved after the winter storms, so even the office is guessing this year.'),
    post('harbourmaster', '3 March 2025', 'Thanks both. Printed it is: I will pick up a copy at the office on Saturday.'),
  ].join('')}</div>`,
  textContent: '',
};
THREAD.textContent = THREAD.content.replace(/<[^>]+>/g, ' ');

const server = await startServer({ port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  /**
   * Opens the view on a page and saves a screenshot of the screen.
   * @param {string} name
   * @param {object} context
   * @param {string} pagePath
   * @param {{colorScheme?: 'dark' | 'light', article?: object}} [o]
   */
  async function shoot(name, context, pagePath, o = {}) {
    const ctx = await browser.newContext({ ...context, colorScheme: o.colorScheme || 'light' });
    await ctx.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await ctx.newPage();
    await page.goto(server.url + pagePath);
    await page.evaluate(async (article) => {
      localStorage.clear();
      const shim = await import(/** @type {string} */ ('/article-cleaner.js'));
      await shim.openReader(article ? { article } : {});
    }, o.article || null);
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`${path.relative(process.cwd(), file)}: ${fs.statSync(file).size} bytes`);
    await ctx.close();
  }
  await shoot('reader-desktop', DESKTOP, 'samples/ad-article.html');
  await shoot('reader-desktop-dark', DESKTOP, 'samples/ad-article.html', { colorScheme: 'dark' });
  await shoot('reader-phone', PHONE, 'samples/ad-article.html');
  await shoot('reader-thread', DESKTOP, 'samples/not-an-article.html', { article: THREAD });
} finally {
  await browser.close();
  await server.close();
}
