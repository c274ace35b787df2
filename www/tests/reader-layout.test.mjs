// The reader view's layout and robustness in Chromium: phones (device emulation, pages with
// and without a viewport meta), in-article anchors and footnotes, typography settings, page
// types, and pages whose markup shadows the DOM names the view calls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadShim, openReader, setUp } from './harness.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

describe('a page that shadows the DOM names the view calls', () => {
  test('opens, shows the article and closes; the page is given back as it was', async () => {
    const page = await env.newPage();
    await page.goto(`${env.base}_fixtures/clobber.html`);
    // the page's markup does hide the built-in properties
    const clobbered = await page.evaluate(() => ({
      createElement: typeof document.createElement,
      documentElement: document.documentElement.tagName,
      body: document.body.tagName,
      defaultView: String(document.defaultView),
    }));
    assert.deepEqual(clobbered, {
      createElement: 'object',
      documentElement: 'FORM',
      body: 'FORM',
      defaultView: '[object HTMLImageElement]',
    });
    await page.fill('#note', 'typed before opening');
    await page.focus('#note');
    // the page's own script may not call document.querySelector either: the prototype's
    const $ = (/** @type {string} */ sel) => `Document.prototype.querySelector.call(document, ${JSON.stringify(sel)})`;
    const pageHtml = `${$('html')}.outerHTML`;
    const before = await page.evaluate(pageHtml);
    await loadShim(page, env.base);
    const r = await openReader(page);
    assert.equal(r.shown, 'article', r.error || '');
    const text = await page.evaluate(`${$('article-cleaner-reader')}.shadowRoot.querySelector('.ac-root').innerText`);
    assert.match(text, /Nothing on it is hostile to a person reading it/);
    assert.match(text, /Clobbered names and the reader view/);
    await page.keyboard.press('Escape');
    const after = await page.evaluate(`({
      host: ${$('article-cleaner-reader')} !== null,
      html: ${pageHtml},
      typed: ${$('#note')}.value,
      focus: Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement').get.call(document).id,
    })`);
    assert.deepEqual(after, { host: false, html: before, typed: 'typed before opening', focus: 'note' });
    assert.deepEqual(page.errors, []);
  });
});
