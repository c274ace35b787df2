// Fixing the pick by hand, in Chromium: "Not the article?" lets the reader point at the part
// of the page that holds the article (mouse or keyboard) and cleans the page again inside
// it; a block removed by the cleaner can be put back from the removal report, where it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadShim, norm, openReader, readerText, setUp } from './harness.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

const AD_PAGE = 'samples/ad-article.html';
const HOST = 'article-cleaner-reader';

/** The page as the reader left it: its body's HTML and every attribute of its elements. */
function pageState(page) {
  return page.evaluate(() => ({
    body: document.body.outerHTML,
    marked: document.querySelectorAll('[data-article-cleaner-region]').length,
  }));
}

async function openOn(page, file) {
  await page.goto(env.base + file);
  await loadShim(page, env.base);
  const r = await openReader(page);
  assert.equal(r.shown, 'article', r.error || '');
}

/** Whether the view is on screen (it steps aside while the reader chooses). */
function viewVisible(page) {
  return page.evaluate((tag) => getComputedStyle(document.querySelector(tag)).visibility === 'visible', HOST);
}

/** The picker's outline box and the rect of `selector` in the page. */
function outlineAndTarget(page, selector) {
  return page.evaluate((sel) => {
    const host = document.querySelector('article-cleaner-picker');
    const box = host && /** @type {HTMLElement} */ (host.shadowRoot.querySelector('.ac-outline')).getBoundingClientRect();
    const el = document.querySelector(sel).getBoundingClientRect();
    const r = (/** @type {DOMRect} */ b) => b && [b.left, b.top, b.width, b.height].map(Math.round);
    return { box: r(box), target: r(el) };
  }, selector);
}

describe('"Not the article?": the reader chooses the region', () => {
  test('by mouse: the outline follows the pointer, a click cleans the page again inside the region', async () => {
    const page = await env.newPage();
    await page.goto(env.base + AD_PAGE);
    const before = await pageState(page);
    await loadShim(page, env.base);
    assert.equal((await openReader(page)).shown, 'article');
    assert.match(norm(await readerText(page)), /tide mill has not turned/);

    await page.click(`${HOST} .ac-fix [data-action="pick"]`);
    assert.equal(await viewVisible(page), false, 'the view steps aside');
    const banner = await page.evaluate(() => document.querySelector('article-cleaner-picker')?.shadowRoot.querySelector('.ac-banner')?.textContent);
    assert.match(banner, /Click the article/);

    await page.hover('.recommended h2');
    const o = await outlineAndTarget(page, '.recommended h2');
    assert.deepEqual(o.box, o.target, 'the hovered block is outlined');
    await page.keyboard.press('ArrowUp'); // the larger block around it
    const up = await outlineAndTarget(page, '.recommended');
    assert.deepEqual(up.box, up.target, '↑ outlines the section around it');
    // a click chooses the block under the pointer: the link's list item (and follows no link)
    await page.click('.recommended li:nth-child(2) a');
    await page.waitForFunction((tag) => {
      const root = document.querySelector(tag)?.shadowRoot;
      return root && !root.querySelector('.ac-root[aria-busy]') && /Lifeboat crew/.test(root.querySelector('.ac-content')?.textContent || '');
    }, HOST);
    assert.equal(page.url(), env.base + AD_PAGE, 'the click did not follow the link');
    assert.equal(await viewVisible(page), true);
    assert.equal(await page.$('article-cleaner-picker'), null, 'the picker is gone');
    const text = norm(await readerText(page));
    assert.match(text, /Lifeboat crew honoured for night rescue/, 'the chosen list is the article');
    assert.doesNotMatch(text, /tide mill has not turned/, 'the automatic pick is gone');
    assert.match(text, /Port Ellery votes to bring its tidal mill back to life/, 'the title still comes from the page');
    await page.keyboard.press('Escape');
    assert.equal(await page.$(HOST), null);
    assert.deepEqual(await pageState(page), before, 'the page is as it was: no marker left');
    assert.deepEqual(page.errors, []);
  });

  test('by keyboard: arrows move the outline up and down the tree, Enter chooses, Escape cancels', async () => {
    const page = await env.newPage();
    await openOn(page, AD_PAGE);
    await page.click(`${HOST} .ac-fix [data-action="pick"]`);
    // it starts on the page's main block
    let o = await outlineAndTarget(page, 'main');
    assert.deepEqual(o.box, o.target);
    await page.keyboard.press('Escape');
    assert.equal(await page.$('article-cleaner-picker'), null, 'Escape cancels choosing…');
    assert.notEqual(await page.$(HOST), null, '…and leaves the reader open');
    assert.equal(await viewVisible(page), true);

    await page.click(`${HOST} .ac-fix [data-action="pick"]`);
    await page.keyboard.press('ArrowDown'); // main → its largest child: the article
    o = await outlineAndTarget(page, 'article.post-article');
    assert.deepEqual(o.box, o.target);
    await page.keyboard.press('ArrowDown'); // → the entry content
    await page.keyboard.press('ArrowUp');
    o = await outlineAndTarget(page, 'article.post-article');
    assert.deepEqual(o.box, o.target, '↑ goes back up');
    await page.keyboard.press('ArrowDown');
    o = await outlineAndTarget(page, '.entry-content');
    assert.deepEqual(o.box, o.target, '↓ goes down the same way');
    await page.keyboard.press('Enter');
    await page.waitForFunction((tag) => !document.querySelector('article-cleaner-picker') && !document.querySelector(tag).shadowRoot.querySelector('[aria-busy]'), HOST);
    const text = norm(await readerText(page));
    assert.match(text, /tide mill has not turned/);
    assert.doesNotMatch(text, /Publicité|Advertisement/, 'the clutter inside the region is still removed');
    assert.deepEqual(page.errors, []);
  });

  test('"Not the article?" is offered where "Show anyway" is', async () => {
    const page = await env.newPage();
    await page.goto(`${env.base}samples/not-an-article.html`);
    await loadShim(page, env.base);
    assert.equal((await openReader(page)).shown, 'not-article');
    const actions = await page.$$eval(`${HOST} .ac-notice-actions button`, (bs) => bs.map((b) => b.dataset.action));
    assert.deepEqual(actions, ['show-anyway', 'pick', 'close']);
  });
});

describe('restoring a removed block', () => {
  test('a block removed from the article goes back where it was; one from beside it, at the end', async () => {
    const page = await env.newPage();
    await openOn(page, AD_PAGE);
    const restore = async (sample) => {
      await page.evaluate((s) => {
        const root = document.querySelector('article-cleaner-reader').shadowRoot;
        /** @type {HTMLDetailsElement} */ (root.querySelector('.ac-removed')).open = true;
        for (const d of root.querySelectorAll('.ac-why')) /** @type {HTMLDetailsElement} */ (d).open = true;
        const row = [...root.querySelectorAll('.ac-why-list li')].find((li) => li.textContent.includes(s));
        if (!row) throw new Error(`no removal row with "${s}"`);
        /** @type {HTMLButtonElement} */ (row.querySelector('[data-action="restore"]')).click();
      }, sample);
      await page.waitForFunction(() => /Block restored|Couldn/.test(document.querySelector('article-cleaner-reader').shadowRoot.querySelector('.ac-status').textContent));
      return page.evaluate(() => {
        const root = document.querySelector('article-cleaner-reader').shadowRoot;
        const status = root.querySelector('.ac-status');
        const out = { status: status.textContent, blocks: [...root.querySelector('.ac-content').querySelectorAll('p, blockquote, .ac-restored, li')].map((e) => e.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)) };
        status.textContent = '';
        return out;
      });
    };
    const before = norm(await readerText(page));
    assert.doesNotMatch(before, /Harbour wall repairs/);

    const r1 = await restore('Read also');
    assert.equal(r1.status, 'Block restored');
    const i = r1.blocks.findIndex((b) => b.startsWith('Read also'));
    assert.ok(i > 0, JSON.stringify(r1.blocks));
    assert.match(r1.blocks[i - 1], /^We are not restoring a museum piece/, 'after the quote that came before it');
    assert.match(r1.blocks[i + 2] || r1.blocks[i + 1], /^The trust now has to find a miller/, 'before the paragraph after it');

    const r2 = await restore('Winter ferry timetable');
    assert.equal(r2.status, 'Block restored');
    const last = r2.blocks.slice(-8).join(' | ');
    assert.match(last, /Winter ferry timetable/, 'the recommended list at the end');
    assert.match(norm(await readerText(page)), /Harbour wall repairs[\s\S]*The trust now has to find a miller[\s\S]*Gig rowing regatta/);
    const disabled = await page.evaluate(() =>
      [...document.querySelector('article-cleaner-reader').shadowRoot.querySelectorAll('[data-action="restore"][disabled]')].length,
    );
    assert.equal(disabled, 2, 'a restored row cannot be restored twice');
    assert.deepEqual(page.errors, []);
  });
});

describe('removing a block by hand', () => {
  test('pointing at a block offers ✕; it removes the block, Undo and Ctrl+Z put it back', async () => {
    const page = await env.newPage();
    await openOn(page, AD_PAGE);
    const paragraphs = () =>
      page.evaluate(() => [...document.querySelector('article-cleaner-reader').shadowRoot.querySelectorAll('.ac-content p')].map((p) => p.textContent.slice(0, 30)));
    const all = await paragraphs();
    assert.ok(all.length >= 6, JSON.stringify(all));
    const second = `${HOST} .ac-content p >> nth=1`;
    await page.hover(second);
    const remover = `${HOST} .ac-block-remove`;
    assert.equal(await page.isVisible(remover), true, 'the ✕ shows beside the block pointed at');
    const beside = await page.evaluate(() => {
      const root = document.querySelector('article-cleaner-reader').shadowRoot;
      const b = root.querySelector('.ac-block-remove').getBoundingClientRect();
      const p = root.querySelectorAll('.ac-content p')[1].getBoundingClientRect();
      return Math.abs(b.top - p.top) < 2 && b.right <= p.left;
    });
    assert.ok(beside, 'at the top of the block, before its start');
    await page.click(remover);
    assert.deepEqual(await paragraphs(), all.filter((_, i) => i !== 1), 'that block is gone');
    assert.equal(await page.isVisible(`${HOST} .ac-undo`), true);
    assert.match(await page.textContent(`${HOST} .ac-undo`), /Block removed/);
    await page.click(`${HOST} .ac-undo button`);
    assert.deepEqual(await paragraphs(), all, 'Undo puts it back in its place');

    await page.hover(`${HOST} .ac-content p >> nth=3`);
    await page.click(remover);
    await page.hover(`${HOST} .ac-content p >> nth=0`);
    await page.click(remover);
    assert.deepEqual(await paragraphs(), all.filter((_, i) => i !== 3 && i !== 0));
    await page.keyboard.press('Control+z');
    assert.deepEqual(await paragraphs(), all.filter((_, i) => i !== 3), 'Ctrl+Z undoes the last removal');
    await page.keyboard.press('Control+z');
    assert.deepEqual(await paragraphs(), all, '…and the one before');
    assert.notEqual(await page.$(HOST), null);
    assert.deepEqual(page.errors, []);
  });
});
