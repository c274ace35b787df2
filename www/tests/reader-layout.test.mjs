// The reader view's layout and robustness in Chromium: phones (device emulation, pages with
// and without a viewport meta), in-article anchors and footnotes, typography settings, page
// types, and pages whose markup shadows the DOM names the view calls.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import { FIREFOX_SKIP, launchFirefox } from './firefox.mjs';
import { RESULTS, loadShim, openReader, setUp } from './harness.mjs';

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

/** A phone: 390 × 844 CSS px, 3 device pixels per px, touch, the viewport meta honoured. */
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };

/** What a phone shows of the page: its zoom, its layout width, its viewport metas, its scroll, focus and typed text. */
function pageState(page) {
  return page.evaluate(() => ({
    scale: Math.round(visualViewport.scale * 1000) / 1000,
    innerWidth,
    layoutWidth: document.documentElement.clientWidth,
    metas: [...document.querySelectorAll('meta[name=viewport]')].map((m) => m.getAttribute('content')),
    head: document.head.innerHTML,
    scrollY,
    active: document.activeElement && document.activeElement.id,
    typed: /** @type {HTMLInputElement} */ (document.getElementById('search')).value,
  }));
}

/** The view as a phone shows it: sizes in CSS px of the visual viewport, text size as seen. */
function phoneView(page) {
  return page.evaluate(() => {
    const vv = /** @type {VisualViewport} */ (visualViewport);
    const host = /** @type {HTMLElement} */ (document.querySelector('article-cleaner-reader'));
    const root = /** @type {HTMLElement} */ (host.shadowRoot.querySelector('.ac-root'));
    const rect = host.getBoundingClientRect();
    const p = root.querySelector('.ac-content p');
    const wrap = /** @type {HTMLElement} */ (root.querySelector('.ac-table-wrap'));
    const img = /** @type {HTMLElement} */ (root.querySelector('.ac-content img'));
    const content = /** @type {HTMLElement} */ (root.querySelector('.ac-content')).getBoundingClientRect();
    const visible = [...root.querySelectorAll('.ac-toolbar button')].filter((b) => b.getClientRects().length);
    return {
      scale: vv.scale,
      // the view covers the visual viewport
      host: { left: rect.left - vv.offsetLeft, top: rect.top - vv.offsetTop, width: rect.width / vv.width, height: rect.height / vv.height },
      horizontalScroll: root.scrollWidth - root.clientWidth,
      // CSS px of the text × the view's own zoom (where it follows the visual viewport) × the page's zoom
      textSeen: parseFloat(getComputedStyle(/** @type {Element} */ (p)).fontSize) * (parseFloat(getComputedStyle(root).zoom) || 1) * vv.scale,
      toolbarOutside: visible.filter((b) => b.getBoundingClientRect().right > vv.width + 0.5).map((b) => b.getAttribute('aria-label')),
      toolbarButtons: visible.map((b) => b.getAttribute('data-action')),
      table: { width: wrap.getBoundingClientRect().width, scrolls: wrap.scrollWidth > wrap.clientWidth, overflowX: getComputedStyle(wrap).overflowX },
      image: img.getBoundingClientRect().width,
      contentWidth: content.width,
    };
  });
}

describe('on a phone (390 px, device emulation)', () => {
  /** Page scripts run before the view opens, to make the page's viewport harder. */
  const zoomedIn = () => {
    /** @type {HTMLMetaElement} */ (document.querySelector('meta[name=viewport]')).content = 'width=device-width, initial-scale=2';
  };
  const stubborn = () => {
    // a page that puts its own viewport meta back whenever it changes
    const meta = document.createElement('meta');
    meta.name = 'viewport';
    meta.content = 'width=980';
    document.head.append(meta);
    new MutationObserver(() => {
      if (meta.getAttribute('content') !== 'width=980') meta.setAttribute('content', 'width=980');
    }).observe(meta, { attributes: true });
  };
  /** @type {[string, string, (() => void) | null][]} */
  const cases = [
    ['a page with a 728 px banner', 'mobile-banner.html', null],
    ['a page without a viewport meta (laid out 980 px wide)', 'mobile-no-viewport.html', null],
    ['a page zoomed in by its meta (initial-scale=2)', 'mobile-banner.html', zoomedIn],
    ['a page that puts its viewport meta back (980 px wide)', 'mobile-no-viewport.html', stubborn],
  ];
  for (const [kind, file, script] of cases) {
    test(`${kind}: the view fills the screen, text at least 16 px as seen, everything restored on close`, async () => {
      const page = await env.newPage(PHONE);
      await page.goto(`${env.base}_fixtures/${file}`);
      if (script) await page.evaluate(script);
      await page.fill('#search', 'lighthouse');
      await page.evaluate(() => {
        document.body.style.paddingBottom = '3000px'; // room to scroll at any zoom
        window.scrollTo(0, 400);
      });
      await page.focus('#search');
      const before = await pageState(page);
      assert.equal(before.scrollY, 400);
      await loadShim(page, env.base);
      const r = await openReader(page);
      assert.equal(r.shown, 'article', r.error || '');
      const v = await phoneView(page);
      if (!script || script === zoomedIn) assert.ok(Math.abs(v.scale - 1) < 0.01, `neither zoomed out nor in: scale ${v.scale}`);
      const covers = Object.fromEntries(Object.entries(v.host).map(([k, x]) => [k, Math.round(x * 100) / 100]));
      assert.deepEqual(covers, { left: 0, top: 0, width: 1, height: 1 }, `the view covers the visual viewport exactly: ${JSON.stringify(v.host)}`);
      assert.ok(v.horizontalScroll <= 0, `no horizontal scroll (${v.horizontalScroll} px)`);
      assert.ok(v.textSeen >= 16, `body text seen at ${v.textSeen} px`);
      assert.deepEqual(v.toolbarOutside, [], 'every toolbar button on screen');
      assert.ok(v.toolbarButtons.includes('menu') && !v.toolbarButtons.includes('theme'), `settings behind the menu: ${v.toolbarButtons}`);
      assert.ok(v.image <= v.contentWidth + 0.5 && v.image > 100, `image fits: ${v.image} of ${v.contentWidth}`);
      assert.ok(v.table.width <= v.contentWidth + 0.5, `table box fits: ${v.table.width} of ${v.contentWidth}`);
      assert.ok(v.table.scrolls && v.table.overflowX === 'auto', 'the table scrolls inside itself');
      await page.screenshot({ path: path.join(RESULTS, `reader-phone-${file.replace('.html', '')}${script ? `-${script.name}` : ''}.png`) });

      // the settings menu: opens on a tap, its buttons on screen, a choice applies
      await page.tap('article-cleaner-reader [data-action="menu"]');
      const menu = await page.evaluate(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('article-cleaner-reader')?.shadowRoot);
        const buttons = [...root.querySelectorAll('.ac-settings button')].map((b) => b.getBoundingClientRect());
        return { shown: buttons.filter((b) => b.width > 0).length, outside: buttons.filter((b) => b.right > visualViewport.width || b.left < 0).length };
      });
      assert.ok(menu.shown >= 7 && menu.outside === 0, JSON.stringify(menu));
      await page.tap('article-cleaner-reader [data-action="theme"][data-value="dark"]');
      assert.equal(await page.evaluate(() => document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-root')?.getAttribute('data-theme')), 'dark');
      await page.keyboard.press('Escape');
      assert.notEqual(await page.$('article-cleaner-reader'), null, 'Escape closes the menu first');

      await page.tap('article-cleaner-reader [data-action="close"]');
      const after = await pageState(page);
      assert.deepEqual(after, before, 'zoom, layout width, viewport meta, scroll, focus and typed text as they were');
      await page.evaluate(() => localStorage.clear());
      assert.deepEqual(page.errors, []);
    });
  }
});

/** Prose of `n` sentences, for articles given to the view directly. */
const prose = (n, topic) => Array.from({ length: n }, (_, i) => `Sentence ${i + 1} about ${topic} goes on long enough to fill a line of the reader view.`).join(' ');

/**
 * An Article as the engine gives it, content in the engine's id contract: ids kept as
 * `id="ac-<original>"`, same-document links as `href="#ac-<original>"`.
 */
const FOOTNOTED = {
  title: 'Notes from the tide tables',
  byline: 'R. Quill',
  lang: 'en',
  dir: 'ltr',
  readerable: true,
  removed: [],
  readingTimeMinutes: 3,
  pageType: 'article',
  content: [
    '<div><nav><ul><li><a href="#ac-method">How the tables were read</a></li></ul></nav>',
    `<p>The almanac<sup id="ac-fnref-1"><a href="#ac-fn-1">1</a></sup> predicts every tide of the year. ${prose(12, 'the almanac')}</p>`,
    ...Array.from({ length: 6 }, (_, i) => `<p>${prose(8, `the harbour, part ${i + 1}`)}</p>`),
    `<h2 id="ac-method">How the tables were read</h2><p>${prose(10, 'the method')}</p>`,
    ...Array.from({ length: 6 }, (_, i) => `<p>${prose(8, `the moon, part ${i + 1}`)}</p>`),
    '<ol><li id="ac-fn-1"><p>Printed each winter by the harbour office. <a href="#ac-fnref-1" aria-label="Back to the text">↩</a></p></li></ol></div>',
  ].join(''),
};
FOOTNOTED.textContent = FOOTNOTED.content.replace(/<[^>]+>/g, ' ');

/** Opens the view on `article` (no engine) in a blank page of the test server. */
async function openWithArticle(page, article, url = `${env.base}_fixtures/blank.html`) {
  await page.goto(url);
  await loadShim(page, env.base);
  return page.evaluate((a) => window.__ac.openReader({ article: a }).then((r) => r.shown), article);
}

/** Where an element of the content is, relative to the view's toolbar; the view's and the page's scroll; the focus. */
function whereIs(page, selector) {
  return page.evaluate((sel) => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('article-cleaner-reader')?.shadowRoot);
    const el = /** @type {Element} */ (root.querySelector(sel));
    const bar = /** @type {Element} */ (root.querySelector('.ac-toolbar')).getBoundingClientRect();
    const rect = el.getBoundingClientRect();
    return {
      belowToolbar: Math.round(rect.top - bar.bottom),
      visible: rect.top >= bar.bottom - 1 && rect.bottom <= innerHeight,
      viewScroll: /** @type {Element} */ (root.querySelector('.ac-root')).scrollTop,
      pageScroll: window.scrollY,
      hash: location.hash,
      focused: root.activeElement === el,
    };
  }, selector);
}

describe('links inside the article', () => {
  test('footnotes, their back-links and section links scroll the view, by click and by keyboard; the URL stays', async () => {
    const page = await env.newPage({ viewport: { width: 1000, height: 700 } });
    assert.equal(await openWithArticle(page, FOOTNOTED), 'article');
    const url = page.url();
    await page.click('article-cleaner-reader a[href="#ac-fn-1"]');
    const note = await whereIs(page, '#ac-fn-1');
    assert.ok(note.viewScroll > 1000, `the view scrolled down to the note (${note.viewScroll})`);
    assert.ok(note.visible, `the note is in view (${note.belowToolbar} px below the toolbar)`);
    assert.deepEqual([note.pageScroll, note.hash, note.focused], [0, '', true], 'page not scrolled, URL hash unchanged, focus on the note');

    // back to the text: the back-link, from the keyboard
    await page.focus('article-cleaner-reader a[href="#ac-fnref-1"]');
    await page.keyboard.press('Enter');
    const ref = await whereIs(page, '#ac-fnref-1');
    assert.ok(ref.viewScroll < note.viewScroll, 'scrolled back up');
    assert.ok(ref.belowToolbar >= -30 && ref.belowToolbar < 40, `the reference is in view (${ref.belowToolbar} px)`);
    assert.deepEqual([ref.pageScroll, ref.hash, ref.focused], [0, '', true]);

    // a link to a section (a table of contents)
    await page.click('article-cleaner-reader a[href="#ac-method"]');
    const section = await whereIs(page, '#ac-method');
    assert.ok(section.belowToolbar >= 0 && section.belowToolbar < 40, `the section heading is just below the toolbar (${section.belowToolbar} px)`);
    assert.equal(page.url(), url, 'the page URL never changed');
    assert.deepEqual(page.errors, []);
  });
});

describe('links and headlines in Firefox', { skip: FIREFOX_SKIP }, () => {
  test('headlines are not hyphenated; a footnote and its back-link scroll the view, by click and by keyboard; the URL stays', async () => {
    const ff = await launchFirefox();
    try {
      const page = await ff.newPage();
      await page.setViewport({ width: 1000, height: 700 });
      assert.equal(await openWithArticle(page, FOOTNOTED), 'article');
      const url = page.url();
      // Firefox hyphenated headlines ("instabil-/ity"): not any more
      const hyphens = await page.evaluate(() => {
        const root = /** @type {ShadowRoot} */ (document.querySelector('article-cleaner-reader')?.shadowRoot);
        return ['.ac-title', '.ac-content h2', '.ac-content p'].map((sel) => getComputedStyle(/** @type {Element} */ (root.querySelector(sel))).hyphens);
      });
      assert.deepEqual(hyphens, ['manual', 'manual', 'auto']);
      await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('a[href="#ac-fn-1"]'))?.click());
      const note = await whereIs(page, '#ac-fn-1');
      assert.ok(note.viewScroll > 1000 && note.visible, JSON.stringify(note));
      assert.deepEqual([note.pageScroll, note.hash, note.focused], [0, '', true]);
      await page.evaluate(() => /** @type {HTMLElement} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('a[href="#ac-fnref-1"]'))?.focus());
      await page.keyboard.press('Enter');
      const ref = await whereIs(page, '#ac-fnref-1');
      assert.ok(ref.viewScroll < note.viewScroll && ref.belowToolbar >= -30 && ref.belowToolbar < 40, JSON.stringify(ref));
      assert.deepEqual([ref.pageScroll, ref.hash, ref.focused], [0, '', true]);
      assert.equal(page.url(), url);
      assert.deepEqual(page.errors, []);
    } finally {
      await ff.close();
    }
  });
});

/** Computed styles of the view's parts. */
function styles(page) {
  return page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('article-cleaner-reader')?.shadowRoot);
    const cs = (/** @type {string} */ sel) => getComputedStyle(/** @type {Element} */ (root.querySelector(sel)));
    const link = cs('.ac-content p a[href^="http"]');
    return {
      background: cs('.ac-root').backgroundColor,
      color: cs('.ac-root').color,
      font: cs('.ac-content p').fontFamily,
      lineHeight: parseFloat(cs('.ac-content p').lineHeight) / parseFloat(cs('.ac-content p').fontSize),
      align: cs('.ac-content p').textAlign,
      hyphens: { title: cs('.ac-title').hyphens, h2: cs('.ac-content h2').hyphens, p: cs('.ac-content p').hyphens },
      link: { color: link.color, after: getComputedStyle(/** @type {Element} */ (root.querySelector('.ac-content p a[href^="http"]')), '::after').content },
      lead: /** @type {HTMLImageElement | null} */ (root.querySelector('.ac-lead img'))?.getAttribute('src') ?? null,
    };
  });
}

describe('typography and comfort', () => {
  const SOURCE = 'https://example.org/tide-tables';
  const article = (leadImage, extra = '') => ({
    ...FOOTNOTED,
    leadImage,
    content: FOOTNOTED.content.replace('<h2 ', `${extra}<p>See <a href="${SOURCE}">the harbour office</a> for the full tables.</p><h2 `),
  });

  test('line spacing, alignment, a high-contrast theme and a dyslexia-friendly font apply and persist; headlines unhyphenated', async () => {
    const page = await env.newPage();
    await page.goto(`${env.base}_fixtures/blank.html`);
    await page.evaluate(() => localStorage.clear());
    assert.equal(await openWithArticle(page, article(null)), 'article');
    const base = await styles(page);
    assert.deepEqual(base.hyphens, { title: 'manual', h2: 'manual', p: 'auto' });
    assert.equal(base.align, 'start');
    const host = 'article-cleaner-reader';
    await page.click(`${host} [data-action="lineHeight"][data-value="loose"]`);
    const loose = await styles(page);
    await page.click(`${host} [data-action="lineHeight"][data-value="compact"]`);
    const compact = await styles(page);
    assert.ok(loose.lineHeight > base.lineHeight + 0.2 && compact.lineHeight < base.lineHeight - 0.1, `${compact.lineHeight} < ${base.lineHeight} < ${loose.lineHeight}`);
    await page.click(`${host} [data-action="align"][data-value="justify"]`);
    await page.click(`${host} [data-action="theme"][data-value="contrast"]`);
    await page.click(`${host} [data-action="font"][data-value="dyslexic"]`);
    const s = await styles(page);
    assert.equal(s.align, 'justify');
    assert.deepEqual([s.background, s.color], ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    assert.match(s.font, /OpenDyslexic.*Comic Sans MS/);
    await page.screenshot({ path: path.join(RESULTS, 'reader-contrast-dyslexic.png') });
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('article-cleaner:settings') || 'null'));
    assert.deepEqual(saved, { theme: 'contrast', fontSize: 19, font: 'dyslexic', width: 'medium', lineHeight: 'compact', align: 'justify' });
    // the next view has them
    await page.evaluate(() => window.__ac.closeReader());
    await page.evaluate((a) => window.__ac.openReader({ article: a }), article(null));
    const again = await styles(page);
    assert.deepEqual([again.align, again.background, again.font, again.lineHeight], [s.align, s.background, s.font, compact.lineHeight]);

    // print: black on white whatever the theme, link targets written out
    await page.emulateMedia({ media: 'print' });
    const printed = await styles(page);
    assert.deepEqual([printed.background, printed.color, printed.link.color], ['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
    assert.ok(printed.link.after.includes(SOURCE), `the link's address is printed: ${printed.link.after}`);
    await page.evaluate(() => localStorage.clear());
    assert.deepEqual(page.errors, []);
  });

  test('the lead image is shown above the text unless the text has it already', async () => {
    const page = await env.newPage();
    const lead = `${env.base}samples/tide-mill.svg?w=1200`;
    assert.equal(await openWithArticle(page, article(lead)), 'article');
    assert.equal((await styles(page)).lead, lead);
    const shown = await page.evaluate(async () => {
      const img = /** @type {HTMLImageElement} */ (document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-lead img'));
      await img.decode();
      const header = /** @type {Element} */ (img.closest('article')?.querySelector('.ac-header'));
      return { width: img.naturalWidth, afterHeader: img.getBoundingClientRect().top >= header.getBoundingClientRect().bottom };
    });
    assert.ok(shown.width > 0 && shown.afterHeader, JSON.stringify(shown));
    await page.evaluate(() => window.__ac.closeReader());
    // the same picture in the text (another size of it): no second copy on top
    const inText = `<figure><img src="${env.base}samples/tide-mill.svg?w=640" alt="The mill"></figure>`;
    await page.evaluate((a) => window.__ac.openReader({ article: a }), article(lead, inText));
    assert.equal((await styles(page)).lead, null);
  });

  test('closing gives the focus back to what opened the view, also a button inside a web component', async () => {
    const page = await env.newPage();
    await page.goto(`${env.base}_fixtures/blank.html`);
    await loadShim(page, env.base);
    await page.evaluate((a) => {
      const host = document.createElement('reader-button');
      const button = document.createElement('button');
      button.textContent = 'Reader view';
      button.addEventListener('click', () => window.__ac.openReader({ article: a }));
      host.attachShadow({ mode: 'open' }).append(button);
      document.body.append(host);
    }, article(null));
    await page.click('reader-button button');
    await page.waitForFunction(() => document.querySelector('article-cleaner-reader')?.shadowRoot?.querySelector('.ac-root:not([aria-busy])'));
    await page.keyboard.press('Escape');
    const focused = await page.evaluate(() => document.querySelector('reader-button')?.shadowRoot?.activeElement?.textContent ?? null);
    assert.equal(focused, 'Reader view');
    // an opener given by the caller
    await page.evaluate(async (a) => {
      const b = document.createElement('button');
      b.id = 'opener';
      document.body.append(b);
      await window.__ac.openReader({ article: a, opener: b });
      window.__ac.closeReader();
    }, article(null));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'opener');
  });
});

describe('the view adapts to the page type', () => {
  const post = (who, when, text) => `<article><p><strong>${who}</strong> · <time>${when}</time></p><div><p>${text} ${prose(3, who)}</p></div></article>`;
  const base = { ...FOOTNOTED, leadImage: null };
  const THREAD = { ...base, pageType: 'thread', content: `<div>${post('harbourmaster', '2 March 2025', 'Does anyone know when the tide tables for next year come out?')}${post('quill', '3 March 2025', 'The office prints them in the first week of December.')}${post('ferryman', '3 March 2025', 'They are on the noticeboard by the slipway too.')}</div>` };
  const DOCS = {
    ...base,
    pageType: 'documentation',
    content: `<div><p>${prose(6, 'the command')}</p><pre><code>tides --port "Port Ellery" --from 2025-01-01 --to 2025-12-31 --format csv --output tables.csv</code></pre><table><tr><th>Option</th><th>What it does</th></tr><tr><td><code>--port</code></td><td>${prose(1, 'ports')}</td></tr></table></div>`,
  };
  const items = Array.from({ length: 6 }, (_, i) => `<li><img src="/samples/tide-mill.svg" width="400" height="200" alt=""><p>Mill number ${i + 1}. ${prose(1, 'mills')}</p></li>`).join('');
  const COLLECTION = { ...base, pageType: 'collection', content: `<div><p>${prose(6, 'mills')}</p><ul>${items}</ul></div>` };

  /** The view's page type and the styles that depend on it. */
  function typed(page) {
    return page.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (document.querySelector('article-cleaner-reader')?.shadowRoot);
      const cs = (/** @type {string} */ sel) => {
        const el = root.querySelector(sel);
        return el ? getComputedStyle(el) : null;
      };
      return {
        type: root.querySelector('.ac-article')?.getAttribute('data-page-type') ?? null,
        pageWidth: parseFloat(/** @type {CSSStyleDeclaration} */ (cs('.ac-page')).maxWidth),
        postRule: cs('.ac-content article + article')?.borderTopWidth ?? null,
        postLineSize: parseFloat(cs('.ac-content article > p:first-child')?.fontSize ?? 'NaN'),
        bodySize: parseFloat(/** @type {CSSStyleDeclaration} */ (cs('.ac-page')).fontSize),
        preHyphens: cs('.ac-content pre')?.hyphens ?? null,
        pHyphens: cs('.ac-content p')?.hyphens ?? null,
        list: cs('.ac-content ul')?.display ?? null,
      };
    });
  }

  test('threads, documentation and collections each get their layout; without pageType, an article', async () => {
    const page = await env.newPage();
    assert.equal(await openWithArticle(page, { ...base, pageType: undefined }), 'article');
    const plain = await typed(page);
    assert.equal(plain.type, null);
    const show = async (a) => {
      await page.evaluate(() => window.__ac.closeReader());
      await page.evaluate((x) => window.__ac.openReader({ article: x }), a);
      return typed(page);
    };
    const thread = await show(THREAD);
    assert.equal(thread.type, 'thread');
    assert.equal(thread.postRule, '1px', 'posts separated by a rule');
    assert.ok(thread.postLineSize < thread.bodySize, `author and date line smaller (${thread.postLineSize} < ${thread.bodySize})`);
    await page.screenshot({ path: path.join(RESULTS, 'reader-thread.png') });
    const docs = await show(DOCS);
    assert.equal(docs.type, 'documentation');
    assert.ok(docs.pageWidth > plain.pageWidth, `wider measure (${docs.pageWidth} > ${plain.pageWidth})`);
    assert.ok(docs.preHyphens !== 'auto' && docs.pHyphens === 'manual' && plain.pHyphens === 'auto', `nothing hyphenated: ${docs.preHyphens}, ${docs.pHyphens}`);
    const collection = await show(COLLECTION);
    assert.equal(collection.type, 'collection');
    assert.equal(collection.list, 'grid', 'pictured items in a grid');
    assert.equal((await show({ ...COLLECTION, pageType: undefined })).list, 'block', 'the same list without the type: a list');
    const unknown = await show({ ...base, pageType: 'spaceship' });
    assert.equal(unknown.type, null, 'an unknown type is ignored');
    assert.deepEqual(page.errors, []);
  });
});
