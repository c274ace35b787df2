// Read aloud, with the Web Speech API: the article's title and blocks (paragraphs, headings,
// list items, quotes, captions) are spoken one utterance each, in the article's language and
// with a voice of that language when the system has one; the block being read is highlighted
// and kept in view. Play / pause / resume / stop and a speed; it stops when the view closes or
// shows another article. Not offered where speechSynthesis is missing.
import * as dom from './pristine.js';
import { button, h, icon } from './reader-dom.js';

/** @typedef {import('./reader-i18n.js').Translator} Translator */

/** What is read, in document order: the blocks of text that hold no other such block. */
const READ = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, figcaption, pre, th, td';
export const RATES = [0.75, 1, 1.25, 1.5, 2];

export const SPEECH_CSS = `
.ac-speech { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0.8em 0 0; font: 0.72em/1.5 var(--ui-font); }
.ac-speech .ac-button { min-height: 0; min-width: 0; padding: 0.25em 0.7em; gap: 0.3em; }
.ac-speech .ac-button svg { width: 1.2em; height: 1.2em; }
.ac-speech select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--rule); border-radius: 6px; padding: 0.2em 0.3em; }
.ac-speech [hidden] { display: none; }
.ac-speaking { background: var(--button-on); box-shadow: 0 0 0 0.25em var(--button-on); border-radius: 3px; }
@media print { .ac-speech { display: none !important; } .ac-speaking { background: none; box-shadow: none; } }
`;

/**
 * Whether the browser can read aloud.
 * @param {Window} win
 */
export function speechSupported(win) {
  const w = /** @type {Window & {SpeechSynthesisUtterance?: unknown}} */ (win);
  return Boolean(w.speechSynthesis && typeof w.SpeechSynthesisUtterance === 'function');
}

/**
 * The voice for `lang`: the system's default one if it speaks it, else the first of that
 * exact language, else of its primary language ("fr-CA" → a "fr-FR" voice); null if none.
 * @param {SpeechSynthesisVoice[]} voices
 * @param {string} lang
 * @returns {SpeechSynthesisVoice | null}
 */
export function voiceFor(voices, lang) {
  const want = lang.toLowerCase().replace('_', '-');
  const base = want.split('-')[0];
  const of = (/** @type {SpeechSynthesisVoice} */ v) => (v.lang || '').toLowerCase().replace('_', '-');
  const exact = voices.filter((v) => of(v) === want);
  const same = voices.filter((v) => of(v).split('-')[0] === base);
  const pick = (/** @type {SpeechSynthesisVoice[]} */ list) => list.find((v) => v.default) || list[0];
  return pick(exact) || pick(same) || null;
}

/**
 * The read-aloud controls for the article shown in `art` (its header and content).
 * @param {HTMLElement} art the view's <article>
 * @param {string} lang the article's language
 * @param {Translator} tr
 * @returns {{element: HTMLElement, stop(): void}}
 */
export function createSpeech(art, lang, tr) {
  const doc = art.ownerDocument;
  const win = /** @type {Window & typeof globalThis} */ (dom.defaultView(doc) || window);
  const synth = win.speechSynthesis;
  const { t } = tr;
  const play = button(doc, { 'data-speech': 'play', 'aria-label': t('Read aloud') }, [icon(doc, 'M8 5v14l11-7z'), h(doc, 'span', {}, [t('Read aloud')])]);
  const pause = button(doc, { 'data-speech': 'pause', 'aria-label': t('Pause'), hidden: '' }, [icon(doc, 'M7 5h3v14H7zM14 5h3v14h-3z'), h(doc, 'span', {}, [t('Pause')])]);
  const resume = button(doc, { 'data-speech': 'resume', 'aria-label': t('Resume'), hidden: '' }, [icon(doc, 'M8 5v14l11-7z'), h(doc, 'span', {}, [t('Resume')])]);
  const stopButton = button(doc, { 'data-speech': 'stop', 'aria-label': t('Stop'), hidden: '' }, [icon(doc, 'M6 6h12v12H6z')]);
  const speed = /** @type {HTMLSelectElement} */ (h(doc, 'select', { 'data-speech': 'rate', 'aria-label': t('Reading speed'), title: t('Reading speed') }));
  for (const r of RATES) speed.append(h(doc, 'option', { value: String(r) }, [`${r}×`]));
  speed.value = '1';
  const element = h(doc, 'div', { class: 'ac-speech', role: 'group', 'aria-label': t('Read aloud') }, [play, pause, resume, stopButton, speed]);

  /** @type {Element[]} */
  let blocks = [];
  let index = -1;
  /** a new one per start: the end of an utterance cancelled before is not the next one's cue */
  let run = 0;

  function texts() {
    const all = [...art.querySelectorAll(READ)].filter((el) => !el.closest('.ac-removed, .ac-speech, .ac-fix, .ac-meta, .ac-site'));
    return all.filter((el) => !el.querySelector(READ) && (el.textContent || '').trim());
  }

  function state(/** @type {'idle' | 'playing' | 'paused'} */ s) {
    play.hidden = s !== 'idle';
    pause.hidden = s !== 'playing';
    resume.hidden = s !== 'paused';
    stopButton.hidden = s === 'idle';
    element.dataset.state = s;
  }

  function mark(/** @type {Element | null} */ el) {
    for (const old of art.querySelectorAll('.ac-speaking')) old.classList.remove('ac-speaking');
    if (!el) return;
    el.classList.add('ac-speaking');
    const r = el.getBoundingClientRect();
    if (r.top < 80 || r.bottom > win.innerHeight) {
      const still = win.matchMedia && win.matchMedia('(prefers-reduced-motion: reduce)').matches;
      el.scrollIntoView({ block: 'center', behavior: still ? 'instant' : 'smooth' });
    }
  }

  /** Speaks blocks[i], then the next; the end of the blocks ends reading. */
  function speak(/** @type {number} */ i, /** @type {number} */ token) {
    if (token !== run) return;
    while (i < blocks.length && !blocks[i].isConnected) i++; // removed by hand meanwhile
    if (i >= blocks.length) {
      stop();
      return;
    }
    index = i;
    mark(blocks[i]);
    const u = new win.SpeechSynthesisUtterance((blocks[i].textContent || '').replace(/\s+/g, ' ').trim());
    u.lang = lang;
    const voice = voiceFor(synth.getVoices(), lang);
    if (voice) u.voice = voice;
    u.rate = Number(speed.value) || 1;
    u.onend = () => speak(i + 1, token);
    u.onerror = (e) => {
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      speak(i + 1, token);
    };
    synth.speak(u);
  }

  /** (Re)starts reading at block i. */
  function start(/** @type {number} */ i) {
    run++;
    synth.cancel();
    if (!blocks.length || i < 0) blocks = texts();
    state('playing');
    speak(Math.max(0, i), run);
  }

  function stop() {
    run++;
    synth.cancel();
    index = -1;
    blocks = [];
    mark(null);
    state('idle');
  }

  play.addEventListener('click', () => start(0));
  pause.addEventListener('click', () => {
    synth.pause();
    state('paused');
  });
  resume.addEventListener('click', () => {
    synth.resume();
    state('playing');
  });
  stopButton.addEventListener('click', stop);
  speed.addEventListener('change', () => {
    // the new speed from the block being read
    if (element.dataset.state === 'playing') start(index);
  });
  state('idle');
  return {
    element,
    stop() {
      if (element.dataset.state !== 'idle') stop();
    },
  };
}
