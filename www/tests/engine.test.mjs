// The wasm engine through the shim, in Chromium: errors, hostile markup, the
// extension's entry points (a given article, pluggable storage) and timings.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startServer } from '../scripts/serve.mjs';
import { FIXTURES, ROOT, SHARED, hasShared, loadShim, median, norm, openReader, readerText, setUp } from './harness.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

async function harness(page) {
  await page.goto(`${env.base}_fixtures/blank.html`);
  await loadShim(page, env.base);
}

describe('engine API', () => {
  test('bad input rejects with a clear Error, never a trap', async () => {
    const page = await env.newPage();
    await harness(page);
    const errors = await page.evaluate(async () => {
      const ac = window.__ac;
      const out = {};
      const grab = async (name, f) => {
        try {
          await f();
          out[name] = 'resolved';
        } catch (e) {
          out[name] = { type: e.constructor.name, isError: e instanceof Error, message: e.message };
        }
      };
      // wrong argument types on purpose:
      // @ts-expect-error
      await grab('number', () => ac.clean(123));
      await grab('null', () => ac.clean(null));
      await grab('empty', () => ac.clean('   '));
      await grab('binary', () => ac.clean('\u0000\u0001\u0002'.repeat(500)));
      // @ts-expect-error
      await grab('badUrl', () => ac.clean('<p>x</p>', { url: 42 }));
      // @ts-expect-error
      await grab('badOptions', () => ac.clean('<p>x</p>', 'https://example.com/'));
      // @ts-expect-error
      await grab('notDocument', () => ac.cleanDocument({ nodeType: 1 }));
      // @ts-expect-error
      await grab('readerable', () => ac.isProbablyReaderable(7));
      // after all that the engine still works
      const ok = await ac.clean('<html><body><article><h1>T</h1><p>Some text in a paragraph.</p></article></body></html>');
      out.stillWorks = typeof ok.title === 'string';
      return out;
    });
    assert.deepEqual(errors.number, {
      type: 'TypeError',
      isError: true,
      message: 'clean(html): html must be a string, got number',
    });
    assert.equal(errors.null.message, 'clean(html): html must be a string, got null');
    assert.equal(errors.empty.message, 'article-cleaner: the input is empty');
    assert.match(errors.binary.message, /^article-cleaner: the input is not HTML/);
    assert.match(errors.badUrl.message, /options\.url must be a string, got number/);
    assert.match(errors.badOptions.message, /options must be an object/);
    assert.match(errors.notDocument.message, /cleanDocument\(document\): document must be a Document, got object/);
    assert.match(errors.readerable.message, /must be an HTML string or a Document, got number/);
    for (const e of Object.values(errors).filter((v) => typeof v === 'object')) assert.ok(e.isError);
    assert.equal(errors.stillWorks, true);
    assert.deepEqual(page.errors, []);
  });

  test('cleanDocument reads the live document without changing it, and takes other documents', async () => {
    const page = await env.newPage();
    await page.goto(`${env.base}samples/ad-article.html`);
    await loadShim(page, env.base);
    const r = await page.evaluate(async () => {
      const before = document.documentElement.outerHTML;
      const a = await window.__ac.cleanDocument(document);
      const parsed = new DOMParser().parseFromString(before, 'text/html');
      const b = await window.__ac.cleanDocument(parsed, { url: 'https://ledger.example/news/x' });
      const frame = document.createElement('iframe');
      frame.srcdoc = before;
      document.body.append(frame);
      await new Promise((res) => frame.addEventListener('load', res, { once: true }));
      const c = await window.__ac.cleanDocument(frame.contentDocument, { url: location.href });
      frame.remove();
      return {
        same: document.documentElement.outerHTML === before,
        title: a.title,
        lang: a.lang,
        readerable: await window.__ac.isProbablyReaderable(document),
        readerableString: await window.__ac.isProbablyReaderable(before),
        linkBase: /href="http:\/\/127\.0\.0\.1:\d+\//.test(a.content) || !/href="\//.test(a.content),
        parsedTitle: b.title,
        frameTitle: c.title,
        keys: Object.keys(a).sort(),
        nulls: a.dir === null,
      };
    });
    assert.ok(r.same, 'the document is unchanged');
    assert.equal(r.title, 'Port Ellery votes to bring its tidal mill back to life');
    assert.equal(r.parsedTitle, r.title);
    assert.equal(r.frameTitle, r.title, 'a document from another window (iframe) works');
    assert.equal(r.lang, 'en-GB');
    assert.equal(r.readerable, true);
    assert.equal(r.readerableString, true);
    assert.ok(r.linkBase, 'links made absolute against document.URL');
    assert.equal(r.nulls, true, 'Option fields are null, not undefined');
    assert.deepEqual(r.keys, [
      'byline', 'content', 'dir', 'excerpt', 'lang', 'leadImage', 'length', 'markdown', 'pageType',
      'publishedTime', 'readerable', 'readingTimeMinutes', 'removed', 'siteName', 'textContent', 'title',
    ]);
  });

  test('URLs are resolved by the browser\'s URL as the native build resolves them', async () => {
    // The wasm build resolves with the host's WHATWG URL, the native one with the
    // url crate: the same links must come out the same (expected: the CLI's output).
    const page = await env.newPage();
    await harness(page);
    const html = fs.readFileSync(path.join(FIXTURES, 'links.html'), 'utf8');
    // The URL attributes of the article, as `name=value`, cleaned with `options`.
    const urlsOf = (options) =>
      page.evaluate(async ([h, o]) => {
        const a = await window.__ac.clean(h, o);
        return [...a.content.matchAll(/(href|src|srcset)="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`);
      }, [html, options]);
    assert.deepEqual(await urlsOf({ url: 'https://example.com/a/b.html' }), [
      'href=https://example.com/news/2024/story.html?id=7#top',
      'href=https://example.com/news/archive/',
      'href=https://cdn.example.org/x',
      'href=https://example.com/Path/%7Euser?q=a%20b',
      'href=https://xn--bcher-kva.example/stra%C3%9Fe',
      'href=mailto:desk@example.com',
      'src=https://example.com/news/2024/photo.jpg',
      'srcset=https://example.com/news/2024/photo-2x.jpg 2x, https://example.com/img/photo-3x.jpg 3x',
      'src=https://www.youtube.com/embed/abc123',
    ]);
    // With no page URL (and only a relative <base>), relative references stay as
    // written and absolute ones are still checked, as natively: the wasm build
    // does not ask the host's URL about references without a scheme.
    assert.deepEqual(await urlsOf(undefined), [
      'href=story.html?id=7#top',
      'href=../archive/',
      'href=//cdn.example.org/x',
      'href=https://example.com/Path/%7Euser?q=a%20b',
      'href=https://xn--bcher-kva.example/stra%C3%9Fe',
      'href=mailto:desk@example.com',
      'src=photo.jpg',
      'srcset=photo-2x.jpg 2x, /img/photo-3x.jpg 3x',
      'src=https://www.youtube.com/embed/abc123',
    ]);
  });

  test('a crashed engine instance is replaced (reset hook works on the main thread)', async () => {
    const page = await env.newPage();
    await harness(page);
    const ok = await page.evaluate(async (base) => {
      // the main-thread engine (the shim runs the same module in its worker)
      const engine = await import(`${base}engine.js`);
      await engine.init();
      const glue = await import(`${base}pkg/article_cleaner.js`);
      glue.__wbg_reset_state();
      const a = await engine.clean('<html><body><p>After a reset the engine still cleans pages.</p></body></html>');
      return typeof a.content === 'string';
    }, env.base);
    assert.ok(ok);
  });
});

describe('hostile markup', () => {
  async function showHostile(file) {
    const page = await env.newPage();
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    await harness(page);
    const html = fs.readFileSync(file, 'utf8');
    const outcome = await page.evaluate(async (source) => {
      const ac = window.__ac;
      const fromString = await ac.clean(source, { url: location.href });
      await ac.openReader({ article: fromString, force: true });
      const shown1 = document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-content').innerHTML.length;
      // hover and click everything in the view: no handler may run
      const root = document.querySelector('article-cleaner-reader').shadowRoot;
      for (const el of root.querySelectorAll('.ac-content *')) {
        el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        if (el.localName !== 'a') el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      }
      await new Promise((r) => setTimeout(r, 300));
      ac.closeReader();
      // the same page through an inert parsed document and cleanDocument
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const fromDoc = await ac.cleanDocument(doc, { url: location.href });
      await ac.openReader({ article: fromDoc, force: true });
      await new Promise((r) => setTimeout(r, 500));
      const links = [.../** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelector('article-cleaner-reader').shadowRoot.querySelectorAll('a[href]'))].map((a) => a.href);
      ac.closeReader();
      return { xss: window.__xss, shown1, links, content: fromString.content };
    }, html);
    await page.waitForTimeout(200);
    return { page, dialogs, ...outcome };
  }

  test('100,000 nested elements clean in wasm without a stack overflow', { timeout: 120000 }, async () => {
    const page = await env.newPage();
    await harness(page);
    const results = await page.evaluate(async () => {
      const out = {};
      for (const [name, open, close] of [
        ['div', '<div>', '</div>'],
        ['span', '<span>', '</span>'],
        ['ul', '<ul><li>', ''],
      ]) {
        const html = `<html><body><p>A paragraph before the deep part, long enough to read as text.</p>${open.repeat(100000)}deep end${close.repeat(100000)}</body></html>`;
        try {
          const a = await window.__ac.clean(html);
          out[name] = { ok: true, text: a.textContent };
        } catch (e) {
          out[name] = { ok: false, message: String(e && e.message) };
        }
      }
      out.stillWorks = (await window.__ac.clean('<p>After the deep pages the engine still answers.</p>')).length > 0;
      return out;
    });
    for (const name of ['div', 'span', 'ul']) {
      assert.equal(results[name].ok, true, `${name}: ${results[name].message}`);
      assert.match(results[name].text, /A paragraph before the deep part/);
      assert.match(results[name].text, /deep end/);
    }
    assert.equal(results.stillWorks, true);
    assert.deepEqual(page.errors, []);
  });

  test('markup that once got past the limits gives the too-large error fast, and the engine goes on', { timeout: 120000 }, async () => {
    const page = await env.newPage();
    await harness(page);
    const results = await page.evaluate(async () => {
      const body = (b) => `<!DOCTYPE html><html><head><title>H</title></head><body>${b}</body></html>`;
      const distinct = Array.from({ length: 8000 }, (_, i) => `<b id=n${i}><p>x`).join('');
      const flood = Array.from({ length: 400000 }, (_, i) => `a${i}`).join(' ');
      const cases = {
        strayEndTags: body('<div></x>'.repeat(100000)),
        svgTitle: body('<svg><title>'.repeat(80000)),
        svgTitleParagraphs: body(`<svg><title>${'<p>'.repeat(300000)}`),
        reconstructed: body(distinct),
        attributes: body(`<div ${flood}>x</div>`),
      };
      const out = {};
      for (const [name, html] of Object.entries(cases)) {
        const start = performance.now();
        try {
          await window.__ac.clean(html);
          out[name] = { ok: true };
        } catch (e) {
          out[name] = { ok: false, message: String(e && e.message), ms: performance.now() - start };
        }
      }
      // Lead-image URLs with multibyte characters once aborted the instance.
      const lead = await window.__ac.clean(
        '<html><head><meta property="og:image" content="/media/日本語.jpg"></head><body><article><h1>T</h1><p>Some text in a paragraph, long enough.</p></article></body></html>',
        { url: 'https://example.com/a/' },
      );
      out.leadImage = lead.leadImage;
      out.stillWorks = (await window.__ac.clean('<p>After the hostile pages the engine still answers.</p>')).length > 0;
      return out;
    });
    for (const name of ['strayEndTags', 'svgTitle', 'svgTitleParagraphs', 'reconstructed', 'attributes']) {
      assert.equal(results[name].ok, false, `${name} gave an article`);
      assert.match(results[name].message, /too large/, name);
      console.log(`  ${name}: ${Math.round(results[name].ms)} ms (printed, not asserted)`);
    }
    assert.equal(results.leadImage, 'https://example.com/media/%E6%97%A5%E6%9C%AC%E8%AA%9E.jpg');
    assert.equal(results.stillWorks, true);
    assert.deepEqual(page.errors, []);
  });

  test('a hostile article shown in the reader view runs nothing (own fixture)', async () => {
    const r = await showHostile(path.join(FIXTURES, 'xss-mini.html'));
    assert.equal(r.xss, undefined, `window.__xss was set: ${r.xss}`);
    assert.deepEqual(r.dialogs, []);
    assert.ok(r.shown1 > 0, 'some content shown');
    assert.ok(r.links.every((h) => !/^\s*javascript:/i.test(h)), `no javascript: links: ${r.links}`);
    assert.doesNotMatch(r.content, /\son[a-z]+\s*=|<script|<iframe[^>]*srcdoc|javascript:/i);
    assert.deepEqual(r.page.errors, []);
  });

  test('tests/pages/xss.html shown in the reader view runs nothing', async (t) => {
    const file = path.join(ROOT, 'tests', 'pages', 'xss.html');
    if (!fs.existsSync(file)) {
      console.log('skipped: tests/pages/xss.html not found');
      t.skip('tests/pages/xss.html not found');
      return;
    }
    const r = await showHostile(file);
    assert.equal(r.xss, undefined, `window.__xss was set: ${r.xss}`);
    assert.deepEqual(r.dialogs, []);
    assert.ok(r.links.every((h) => !/^\s*javascript:/i.test(h)), `no javascript: links: ${r.links}`);
  });
});

describe('extension entry points', () => {
  test('openReader({article}) loads no wasm; storage is pluggable', async () => {
    const page = await env.newPage();
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await harness(page);
    const r = await page.evaluate(async () => {
      const saved = [];
      const storage = {
        async get(key) {
          return key === 'article-cleaner:settings' ? { theme: 'sepia', fontSize: 24, font: 'sans', width: 'narrow' } : undefined;
        },
        async set(key, value) {
          saved.push([key, value]);
        },
      };
      /** @type {import('../npm/types-common.js').Article} */
      const article = {
        title: 'Given article',
        byline: 'A. Writer',
        dir: null,
        lang: 'fr',
        content: '<p>' + 'Un paragraphe donné par le service worker. '.repeat(12) + '</p>',
        textContent: 'Un paragraphe donné par le service worker. '.repeat(12),
        markdown: 'Un paragraphe.',
        length: 500,
        excerpt: null,
        siteName: 'Exemple',
        publishedTime: '2024-02-29',
        leadImage: null,
        readingTimeMinutes: 2,
        removed: [
          { kind: 'ad', reason: 'class "ad"', sample: 'Publicité' },
          { kind: 'ad', reason: 'ins.adsbygoogle', sample: '' },
          { kind: 'related', reason: 'class "related"', sample: 'À lire aussi' },
          { kind: 'comments', reason: 'id "comments"', sample: 'Commentaires' },
        ],
        readerable: true,
        pageType: 'article',
      };
      const res = await window.__ac.openReader({ article, storage });
      const root = document.querySelector('article-cleaner-reader').shadowRoot;
      const styles = getComputedStyle(root.querySelector('.ac-page'));
      const out = {
        shown: res.shown,
        theme: /** @type {HTMLElement} */ (root.querySelector('.ac-root')).dataset.theme,
        fontSize: styles.fontSize,
        summary: root.querySelector('.ac-removed summary').textContent,
        date: root.querySelector('.ac-date').textContent,
        text: /** @type {HTMLElement} */ (root.querySelector('.ac-root')).innerText,
      };
      /** @type {HTMLElement} */ (root.querySelector('[data-action="theme"][data-value="dark"]')).click();
      await new Promise((r2) => setTimeout(r2, 50));
      out.saved = saved;
      window.__ac.closeReader();
      return out;
    });
    assert.equal(r.shown, 'article');
    assert.equal(r.theme, 'sepia');
    assert.equal(r.fontSize, '24px');
    assert.equal(r.summary, 'Removed 2 ads, 1 “Read also” block, comments');
    assert.equal(r.date, '29 février 2024', 'date in the page language');
    assert.match(r.text, /A\. Writer/);
    assert.match(r.text, /2\s?min/, 'reading time');
    assert.deepEqual(r.saved, [['article-cleaner:settings', { theme: 'dark', fontSize: 24, font: 'sans', width: 'narrow', lineHeight: 'normal', align: 'start' }]]);
    assert.ok(!requests.some((u) => u.endsWith('.wasm')), `no wasm fetched: ${requests.filter((u) => u.endsWith('.wasm'))}`);
  });
});

describe('off the main thread', () => {
  test('the engine runs in a Worker; warmUp() cleans the made-up page there', async () => {
    const page = await env.newPage();
    await harness(page);
    const info = await page.evaluate(async () => {
      const first = await window.__ac.warmUp({ runs: 2 });
      const a = await window.__ac.clean('<html><body><article><h1>T</h1><p>A paragraph of text in the worker.</p></article></body></html>');
      return { ...first, content: a.content, later: await window.__ac.init() };
    });
    assert.equal(info.worker, true);
    assert.equal(info.later.worker, true, 'init() again: the same engine');
    assert.match(info.content, /A paragraph of text in the worker\./);
    assert.equal(page.workers().length, 1, 'one worker');
    // the page itself never fetched the .wasm: the worker did
    const fetchedHere = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('.wasm')));
    assert.equal(fetchedHere, false);
  });

  test("a page whose CSP forbids workers gets the engine on its main thread (init({worker: false}) too)", async () => {
    const csp = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'none'";
    const pages = await startServer({ port: 0, headers: () => ({ 'Content-Security-Policy': csp }) });
    try {
      const page = await env.newPage();
      await page.goto(`${pages.url}samples/ad-article.html`);
      await loadShim(page, pages.url);
      const r = await openReader(page);
      assert.equal(r.shown, 'article', r.error || '');
      assert.equal((await page.evaluate(() => window.__ac.init())).worker, false);
      assert.equal(page.workers().length, 0);
      assert.doesNotMatch(norm(await readerText(page)), /Advertisement/);

      const plain = await env.newPage();
      await harness(plain);
      assert.equal((await plain.evaluate(() => window.__ac.init({ worker: false }))).worker, false);
    } finally {
      await pages.close();
    }
  });
});

describe('wasm location', () => {
  test('a wasmUrl that fails shows the error in the view; a good one then works', async () => {
    const page = await env.newPage();
    // without the demo's button, which loads the engine (from its own URL) once the page is idle
    await page.route('**/demo-button.js', (route) => route.abort());
    await page.goto(`${env.base}samples/ad-article.html`);
    await loadShim(page, env.base);
    const bad = await openReader(page, { wasmUrl: `${env.base}pkg/missing.wasm` });
    assert.equal(bad.shown, 'error');
    assert.match(bad.error, /could not load the WebAssembly engine.*404/);
    assert.match(await readerText(page), /Couldn.t make a reader view of this page/);
    await page.keyboard.press('Escape');
    assert.equal(await page.$('article-cleaner-reader'), null);
    const good = await openReader(page, { wasmUrl: `${env.base}pkg/article_cleaner_bg.wasm` });
    assert.equal(good.shown, 'article', good.error || '');
  });
});

describe('timings (printed, not asserted)', () => {
  async function measure(url, label) {
    const page = await env.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await loadShim(page, env.base);
    const first = await openReader(page);
    const warm = await page.evaluate(async () => {
      const times = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        await window.__ac.cleanDocument(document);
        times.push(performance.now() - t0);
      }
      const t1 = performance.now();
      const html = document.documentElement.outerHTML;
      return { times, outerHtmlMs: performance.now() - t1, size: html.length };
    });
    const t = first.timings;
    console.log(
      `timing ${label}: page ${Math.round(warm.size / 1024)} KB; wasm load (fetch+compile+instantiate) ` +
        `${t.initMs.toFixed(1)} ms (instantiate step ${t.instantiateMs.toFixed(1)} ms); first cleanDocument ` +
        `${t.cleanMs.toFixed(1)} ms; warm cleanDocument median ${median(warm.times).toFixed(1)} ms ` +
        `(min ${Math.min(...warm.times).toFixed(1)}); outerHTML alone ${warm.outerHtmlMs.toFixed(1)} ms; ` +
        `render ${t.renderMs.toFixed(1)} ms; shown: ${first.shown}`,
    );
    return first;
  }

  test('sample page', async () => {
    const r = await measure(`${env.base}samples/ad-article.html`, 'ad-article sample');
    assert.ok(r.timings.cleanMs >= 0);
  });

  test('large page (readability nytimes-1)', async (t) => {
    const file = path.join(SHARED, 'corpus', 'readability', 'nytimes-1', 'source.html');
    if (!hasShared || !fs.existsSync(file)) {
      console.log('skipped: ../shared not found');
      t.skip('../shared not found');
      return;
    }
    const r = await measure(`${env.base}_shared/corpus/readability/nytimes-1/source.html`, 'nytimes-1');
    assert.ok(r.timings.cleanMs >= 0);
    const page = await env.newPage();
    await page.goto(`${env.base}_shared/corpus/readability/nytimes-1/source.html`, { waitUntil: 'load' });
    await loadShim(page, env.base);
    await openReader(page);
    const text = norm(await readerText(page));
    assert.ok(text.length > 1000, 'the article is shown');
  });
});
