// The reader view speaks the reader's language (navigator.languages, English by default), and
// its removal report is in plain words grouped by kind, with samples, the technical reasons
// behind a toggle. In Chromium, with the browser's locale set per context.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WWW, loadShim, setUp } from './harness.mjs';

const i18n = await import(pathToFileURL(path.join(WWW, 'src', 'reader-i18n.js')).href);

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

/** An Article given to the view (no engine): `n` ads and the other kinds once. */
function article(ads) {
  const para = 'A paragraph of the given article, long enough to be read as one. ';
  return {
    title: 'Given article',
    byline: null,
    dir: null,
    lang: 'en',
    content: `<p>${para.repeat(6)}</p><p>${para.repeat(6)}</p>`,
    textContent: para.repeat(12),
    markdown: para,
    length: 800,
    excerpt: null,
    siteName: null,
    publishedTime: null,
    leadImage: null,
    readingTimeMinutes: 1,
    removed: [
      ...Array.from({ length: ads }, (_, i) => ({ kind: 'ad', reason: 'class "ad-slot"', sample: i < 2 ? `Sponsored offer ${i}` : '' })),
      { kind: 'related', reason: 'class "related"', sample: 'Read also: the harbour' },
      { kind: 'comments', reason: 'id "comments"', sample: '12 comments' },
      { kind: 'social', reason: 'share links', sample: '' },
      { kind: 'social', reason: 'share links', sample: '' },
      { kind: 'navigation', reason: '<nav>', sample: 'Home News' },
    ],
    readerable: true,
  };
}

/** Opens the view on a blank page of a context in `locale`; returns what it shows. */
async function openIn(locale, ads) {
  const page = await env.newPage({ locale });
  await page.goto(`${env.base}samples/not-an-article.html`);
  await loadShim(page, env.base);
  return page.evaluate(async (a) => {
    await window.__ac.openReader({ article: a });
    const root = document.querySelector('article-cleaner-reader').shadowRoot;
    const q = (s) => /** @type {HTMLElement} */ (root.querySelector(s));
    const details = /** @type {HTMLDetailsElement} */ (q('.ac-removed'));
    const out = {
      lang: q('.ac-root').lang,
      dialog: q('.ac-root').getAttribute('aria-label'),
      close: q('[data-action="close"]').getAttribute('aria-label'),
      summary: q('.ac-removed summary').textContent,
      groups: [...root.querySelectorAll('.ac-removal-group')].map((g) => ({
        kind: /** @type {HTMLElement} */ (g).dataset.kind,
        head: g.querySelector('.ac-removal-head .ac-kind').textContent,
        samples: [...g.querySelectorAll('.ac-removal-head .ac-sample')].map((s) => s.textContent),
      })),
      reasonsHidden: !q('.ac-reason').checkVisibility(),
    };
    details.open = true;
    const why = /** @type {HTMLDetailsElement} */ (q('.ac-removal-group[data-kind="ad"] .ac-why'));
    out.groupsShown = q('.ac-removal-group').checkVisibility();
    out.reasonsStillHidden = !q('.ac-reason').checkVisibility();
    why.open = true;
    out.adRows = [...why.querySelectorAll('.ac-why-list li')].map((li) => /** @type {HTMLElement} */ (li).innerText.replace(/\s+/g, ' ').trim());
    return out;
  }, article(ads));
}

describe('the reader view in the reader’s language', () => {
  test('English by default: plain words grouped by kind, samples, reasons behind Details', async () => {
    const r = await openIn('en-US', 7);
    assert.equal(r.lang, 'en');
    assert.equal(r.close, 'Close reader view (Escape)');
    assert.equal(r.summary, 'Removed 7 ads, 1 “Read also” block, comments, 2 share bars, 1 other block');
    assert.deepEqual(
      r.groups.map((g) => [g.kind, g.head]),
      [
        ['ad', '7 ads'],
        ['related', '1 “Read also” block'],
        ['comments', 'comments'],
        ['social', '2 share bars'],
        ['navigation', '1 menu'],
      ],
    );
    assert.deepEqual(r.groups[0].samples, ['Sponsored offer 0', 'Sponsored offer 1'], 'a sample of each kind, blanks left out');
    assert.deepEqual([r.reasonsHidden, r.groupsShown, r.reasonsStillHidden], [true, true, true], 'the technical reasons only behind their toggle');
    // 7 identical rules: one row per distinct (rule, sample), counted; each can be restored (the shim has an engine)
    assert.deepEqual(r.adRows, ['class "ad-slot" Sponsored offer 0 Restore', 'class "ad-slot" Sponsored offer 1 Restore', 'class "ad-slot" ×5 Restore']);
  });

  test('French, German, Japanese and Polish from navigator.languages, with their plural rules', async () => {
    const fr = await openIn('fr-FR', 1);
    assert.equal(fr.lang, 'fr');
    assert.equal(fr.close, 'Fermer le mode lecture (Échap)');
    assert.equal(fr.dialog, 'Mode lecture : Given article');
    assert.equal(fr.summary, 'Retiré : 1 publicité, 1 bloc « À lire aussi », les commentaires, 2 barres de partage et 1 autre bloc');
    const de = await openIn('de-AT', 3);
    assert.equal(de.groups[0].head, '3 Anzeigen');
    assert.equal(de.close, 'Leseansicht schließen (Esc)');
    const ja = await openIn('ja-JP', 3);
    assert.equal(ja.groups[0].head, '広告 3 件');
    const pl2 = await openIn('pl-PL', 2);
    const pl5 = await openIn('pl-PL', 5);
    assert.equal(pl2.groups[0].head, '2 reklamy');
    assert.equal(pl5.groups[0].head, '5 reklam');
    assert.equal(pl5.close, 'Zamknij widok czytania (Esc)');
  });

  test('a language without a catalog falls back to English; a regional variant finds its language', async () => {
    assert.equal(i18n.pickLanguage(['ko-KR', 'pt-BR', 'en']), 'pt');
    assert.equal(i18n.pickLanguage(['ko-KR']), 'en');
    assert.equal(i18n.pickLanguage([]), 'en');
    const ko = await openIn('ko-KR', 1);
    assert.equal(ko.lang, 'en');
    assert.equal(ko.close, 'Close reader view (Escape)');
  });

  test('every language has every string the view uses', () => {
    // the strings passed to t('…') / t(`…`) in the view's modules, and the counted kinds
    const used = new Set();
    for (const f of fs.readdirSync(path.join(WWW, 'src')).filter((f) => /^reader.*\.js$/.test(f))) {
      const src = fs.readFileSync(path.join(WWW, 'src', f), 'utf8');
      for (const m of src.matchAll(/\bt\((['"])((?:(?!\1).)+)\1/g)) used.add(m[2]);
    }
    for (const theme of ['Light', 'Sepia', 'Dark']) used.add(`${theme} theme`);
    for (const w of ['Narrow', 'Medium', 'Wide']) used.add(`${w} lines`);
    assert.ok(used.size > 30, `found ${used.size} strings`);
    const kinds = Object.keys(i18n.MESSAGES.en);
    const langs = Object.keys(i18n.MESSAGES);
    for (const want of ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ja']) assert.ok(langs.includes(want), want);
    for (const lang of langs.filter((l) => l !== 'en')) {
      const catalog = i18n.MESSAGES[lang];
      const missing = [...used, ...kinds].filter((k) => !Object.hasOwn(catalog, k));
      assert.deepEqual(missing, [], `${lang} lacks these strings`);
    }
  });
});
