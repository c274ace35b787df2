// The Firefox set-up for the browser tests: Debian's firefox-esr (FIREFOX_PATH for another),
// driven by puppeteer-core over WebDriver BiDi (no browser download), and the extension's
// test copy, whose button a test presses through extension-trigger/. Without Firefox the
// Firefox tests are skipped with FIREFOX_SKIP's message (CI has it: setup.sh installs it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { extensionCopy } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const FIREFOX_SKIP = fs.existsSync(FIREFOX)
  ? false
  : `Firefox tests skipped: no Firefox at ${FIREFOX} (bash www/scripts/setup.sh installs Debian's firefox-esr; FIREFOX_PATH=… for another)`;

/**
 * Starts headless Firefox. `newPage()` gives a tab whose requests to anything but 127.0.0.1
 * are aborted (as in the Chromium tests; it also keeps failed third-party frames from
 * confusing BiDi's navigation tracking) and whose uncaught errors go to `page.errors`.
 */
export async function launchFirefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });

  /** @returns {Promise<import('puppeteer-core').Page & {errors: unknown[]}>} */
  async function newPage() {
    const page = Object.assign(await browser.newPage(), { errors: /** @type {unknown[]} */ ([]) });
    await page.setViewport({ width: 1280, height: 900 });
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      const u = new URL(req.url());
      if (u.hostname === '127.0.0.1' || !/^https?:$/.test(u.protocol)) req.continue();
      else req.abort();
    });
    page.on('pageerror', (e) => page.errors.push(e));
    return page;
  }

  return { browser, newPage, close: () => browser.close() };
}

/**
 * The extension's test copy: host access to 127.0.0.1 (what activeTab grants on a click) and
 * extension-trigger/'s background and content scripts. Returns its folder (a temporary one).
 */
export function extensionWithTrigger() {
  const trigger = path.join(here, 'extension-trigger');
  return extensionCopy(
    (m) => {
      m.host_permissions = ['http://127.0.0.1/*'];
      m.background.scripts = [...(m.background.scripts || []), 'test-trigger-background.js'];
      m.content_scripts = [{ matches: ['http://127.0.0.1/*'], js: ['test-trigger-content.js'], run_at: 'document_start' }];
    },
    { 'test-trigger-background.js': path.join(trigger, 'background.js'), 'test-trigger-content.js': path.join(trigger, 'content.js') },
  );
}

/**
 * Presses the extension's button for the page's tab (through the test copy's trigger);
 * returns the background's answer, `{ok: true}` or `{ok: false, error}`.
 * @returns {Promise<{ok: boolean, error?: string}>}
 */
export function pressExtensionButton(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const prefix = 'article-cleaner-test:result ';
        const onMessage = (/** @type {MessageEvent} */ e) => {
          if (typeof e.data !== 'string' || !e.data.startsWith(prefix)) return;
          removeEventListener('message', onMessage);
          resolve(JSON.parse(e.data.slice(prefix.length)));
        };
        addEventListener('message', onMessage);
        postMessage('article-cleaner-test:toggle', '*');
        setTimeout(() => resolve({ ok: false, error: 'the extension did not answer in 15 s' }), 15000);
      }),
  );
}
