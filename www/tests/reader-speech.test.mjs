// Read aloud, in Chromium with a stand-in speechSynthesis (headless Chromium has no voices):
// the utterances (text, language, voice, speed), the block being read highlighted, pause,
// resume, stop, speed changes, stop when the view closes, and no control without the API.
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

const HOST = 'article-cleaner-reader';

/** A speechSynthesis that records what it is asked and ends an utterance when told to. */
function stubSpeech() {
  const log = [];
  let current = null;
  const voices = [
    { name: 'US English', lang: 'en-US', default: true },
    { name: 'British English', lang: 'en-GB', default: false },
    { name: 'Français', lang: 'fr-FR', default: false },
  ];
  const synth = {
    speaking: false,
    paused: false,
    getVoices: () => voices,
    speak(u) {
      log.push({ op: 'speak', text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null, rate: u.rate });
      current = u;
    },
    cancel() {
      log.push({ op: 'cancel' });
      const u = current;
      current = null;
      if (u && u.onerror) u.onerror({ error: 'interrupted' });
    },
    pause() {
      log.push({ op: 'pause' });
    },
    resume() {
      log.push({ op: 'resume' });
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  /** @type {any} */ (window).SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
      this.rate = 1;
      this.onend = null;
      this.onerror = null;
    }
  };
  window.__speech = {
    log,
    finish() {
      const u = current;
      current = null;
      if (u && u.onend) u.onend({});
    },
  };
}

/** The log of the stub, and the text of the highlighted block. */
function speechState(page) {
  return page.evaluate((tag) => {
    const root = document.querySelector(tag)?.shadowRoot;
    const marked = root ? [...root.querySelectorAll('.ac-speaking')].map((e) => e.textContent.replace(/\s+/g, ' ').trim().slice(0, 40)) : [];
    const el = root?.querySelector('.ac-speaking');
    const r = el?.getBoundingClientRect();
    return { log: window.__speech.log.splice(0), marked, inView: r ? r.top >= 0 && r.bottom <= innerHeight : null, state: root?.querySelector('.ac-speech')?.dataset.state };
  }, HOST);
}

describe('read aloud', () => {
  test('reads the blocks in turn in the article’s language, highlights the one read; pause, speed, stop on close', async () => {
    const page = await env.newPage();
    await page.addInitScript(stubSpeech);
    await page.goto(`${env.base}samples/ad-article.html`);
    await loadShim(page, env.base);
    assert.equal((await openReader(page)).shown, 'article');
    await page.click(`${HOST} [data-speech="play"]`);
    let s = await speechState(page);
    assert.equal(s.state, 'playing');
    const spoken = s.log.filter((e) => e.op === 'speak');
    assert.equal(spoken.length, 1, 'one utterance at a time');
    assert.deepEqual(spoken[0], { op: 'speak', text: 'Port Ellery votes to bring its tidal mill back to life', lang: 'en-GB', voice: 'British English', rate: 1 });
    assert.deepEqual(s.marked, ['Port Ellery votes to bring its tidal mil']);

    await page.evaluate(() => window.__speech.finish());
    s = await speechState(page);
    assert.match(s.log[0].text, /^The wooden wheel of the Port Ellery tide mill/, 'then the first paragraph');
    assert.deepEqual(s.marked, ['The wooden wheel of the Port Ellery tide']);
    // on through the article: the highlighted block stays in view
    for (let i = 0; i < 6; i++) await page.evaluate(() => window.__speech.finish());
    s = await speechState(page);
    assert.equal(s.log.filter((e) => e.op === 'speak').length, 6);
    assert.equal(s.marked.length, 1);
    // (scrolled smoothly: wait for it to arrive)
    await page.waitForFunction((tag) => {
      const r = document.querySelector(tag).shadowRoot.querySelector('.ac-speaking').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, HOST, { timeout: 5000 });
    const reading = s.log.at(-1).text;

    await page.click(`${HOST} [data-speech="pause"]`);
    s = await speechState(page);
    assert.deepEqual(s.log, [{ op: 'pause' }]);
    assert.equal(s.state, 'paused');
    await page.click(`${HOST} [data-speech="resume"]`);
    assert.deepEqual((await speechState(page)).log, [{ op: 'resume' }]);

    await page.selectOption(`${HOST} [data-speech="rate"]`, '1.5');
    s = await speechState(page);
    assert.deepEqual(s.log.map((e) => e.op), ['cancel', 'speak'], 'the block read again at the new speed');
    assert.equal(s.log[1].text, reading);
    assert.equal(s.log[1].rate, 1.5);

    await page.keyboard.press('Escape');
    assert.equal(await page.$(HOST), null);
    s = await speechState(page);
    assert.deepEqual(s.log, [{ op: 'cancel' }], 'closing the view stops reading');
    await page.evaluate(() => window.__speech.finish());
    assert.deepEqual((await speechState(page)).log, [], 'and nothing more is read');
    assert.deepEqual(page.errors, []);
  });

  test('Stop ends reading and the highlight; a French article gets a French voice', async () => {
    const page = await env.newPage();
    await page.addInitScript(stubSpeech);
    await page.goto(`${env.base}samples/not-an-article.html`);
    await loadShim(page, env.base);
    const para = '<p>' + 'Un paragraphe de l’article, assez long pour être lu comme tel. '.repeat(8) + '</p>';
    await page.evaluate(async (content) => {
      await window.__ac.openReader({
        article: { title: 'Le moulin', byline: null, dir: null, lang: 'fr-CA', content: content + content, textContent: content.repeat(2), markdown: '', length: 900, excerpt: null, siteName: null, publishedTime: null, leadImage: null, readingTimeMinutes: 1, removed: [], readerable: true, pageType: 'article' },
      });
    }, para);
    await page.click(`${HOST} [data-speech="play"]`);
    let s = await speechState(page);
    assert.deepEqual([s.log[1].lang, s.log[1].voice], ['fr-CA', 'Français']);
    await page.click(`${HOST} [data-speech="stop"]`);
    s = await speechState(page);
    assert.deepEqual(s.log, [{ op: 'cancel' }]);
    assert.deepEqual(s.marked, []);
    assert.equal(s.state, 'idle');
  });

  test('no read-aloud control where the browser has no speechSynthesis', async () => {
    const page = await env.newPage();
    await page.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
    await page.goto(`${env.base}samples/ad-article.html`);
    await loadShim(page, env.base);
    assert.equal((await openReader(page)).shown, 'article');
    assert.equal(await page.$(`${HOST} .ac-speech`), null);
    assert.notEqual(await page.$(`${HOST} .ac-fix`), null, 'the rest of the header is there');
  });
});
