// @ts-check
// Page-side probe of the time-to-view benchmark (www/bench/open.mjs). Added to every page as
// an init script (main world, before the page's own code), it only observes:
//   - long tasks and Long Animation Frames on the page's main thread (PerformanceObserver);
//   - after `__benchOpen.arm(spec)` (called just before the trigger, whose time it returns):
//     a MutationObserver on <html> sees the reader's overlay element (an open shadow root)
//     appear, one on that shadow root sees `spec.content` get text (or `spec.notice` appear);
//     one requestAnimationFrame later the open is over. `__benchOpen.wait()` gives the times
//     (performance.now(), the page's clock) and the main-thread entries of the open.
// Content scripts run in another JS world but share the DOM and the clock, so an extension's
// overlay is seen here the same way as an in-page one.
(() => {
  /** @typedef {{start: number, duration: number}} LongTask */
  /** @typedef {{start: number, duration: number, blocking: number}} Frame */
  /** @type {LongTask[]} */
  const longTasks = [];
  /** @type {Frame[]} */
  const frames = [];

  /**
   * @param {string} type
   * @param {(e: PerformanceEntry) => void} fn
   */
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* entry type not supported: the figures stay empty */
    }
  };
  observe('longtask', (e) => longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) =>
    frames.push({
      start: e.startTime,
      duration: e.duration,
      blocking: /** @type {{blockingDuration?: number}} */ (e).blockingDuration || 0,
    }),
  );

  /**
   * @typedef {object} Spec
   * @property {string} content selector, in the overlay's shadow root, of the article (done when it has text)
   * @property {string} notice selector of a "not an article" / error notice (done, as a notice)
   * @property {number} timeoutMs give up after this long
   */
  /**
   * @typedef {object} Outcome
   * @property {'article'|'notice'|'timeout'} outcome
   * @property {number} t0 the trigger
   * @property {number|null} tHost the overlay element in the document
   * @property {number|null} tText the article's text (or the notice) in its shadow root
   * @property {number|null} tFrame one requestAnimationFrame after tText
   * @property {string|null} hostTag
   * @property {number} textLength characters of text in the content element
   * @property {Record<string, number>|null} phases the overlay's own `data-bench-phases`, if any
   * @property {Record<string, number>} marks times noted by the trigger code (`__benchOpen.mark`)
   * @property {LongTask[]} longTasks the long tasks that started between t0 and tFrame
   * @property {Frame[]} frames the Long Animation Frames that overlap [t0, tFrame]
   */

  /** @type {Promise<Outcome>|null} */
  let pending = null;
  /** @type {Record<string, number>} */
  let marks = {};

  /**
   * Starts watching for the reader view; returns the trigger time.
   * @param {Spec} spec
   * @returns {number}
   */
  function arm(spec) {
    const t0 = performance.now();
    marks = {};
    pending = new Promise((resolve) => {
      /** @type {Element|null} */
      let host = null;
      /** @type {number|null} */
      let tHost = null;
      let done = false;
      const before = new Set(document.documentElement.children); // only a new element counts
      const observers = [new MutationObserver(check)];
      const timer = setTimeout(() => finish('timeout', null, 0), spec.timeoutMs);

      function check() {
        if (done) return;
        if (!host) {
          for (const el of document.documentElement.children) {
            if (el.shadowRoot && !before.has(el)) {
              host = el;
              tHost = performance.now();
              const o = new MutationObserver(check);
              o.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
              observers.push(o);
              break;
            }
          }
          if (!host || !host.shadowRoot) return;
        }
        const root = /** @type {ShadowRoot} */ (host.shadowRoot);
        const content = root.querySelector(spec.content);
        const text = content ? (content.textContent || '').trim().length : 0;
        if (text > 0) finish('article', performance.now(), text);
        else if (root.querySelector(spec.notice)) finish('notice', performance.now(), 0);
      }

      /**
       * @param {'article'|'notice'|'timeout'} outcome
       * @param {number|null} tText
       * @param {number} textLength
       */
      function finish(outcome, tText, textLength) {
        done = true;
        clearTimeout(timer);
        for (const o of observers) o.disconnect();
        const hostEl = /** @type {Element|null} */ (host);
        const end = (/** @type {number|null} */ tFrame) => {
          // LoAF entries arrive after their frame: give them two frames and a moment
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                const last = tFrame ?? performance.now();
                let phases = null;
                try {
                  const raw = hostEl instanceof HTMLElement ? hostEl.dataset.benchPhases : undefined;
                  phases = raw ? JSON.parse(raw) : null;
                } catch {
                  phases = null;
                }
                resolve({
                  outcome,
                  t0,
                  tHost,
                  tText,
                  tFrame,
                  hostTag: hostEl ? hostEl.localName : null,
                  textLength,
                  phases,
                  marks: { ...marks },
                  longTasks: longTasks.filter((t) => t.start >= t0 && t.start < last),
                  frames: frames.filter((f) => f.start < last && f.start + f.duration > t0),
                });
              }, 50),
            ),
          );
        };
        if (outcome === 'timeout') end(null);
        else requestAnimationFrame(() => end(performance.now()));
      }

      observers[0].observe(document.documentElement, { childList: true });
      check();
    });
    return t0;
  }

  /** Notes a time (the page's clock) under `name`, e.g. when the trigger code's import resolved. */
  function mark(/** @type {string} */ name) {
    marks[name] = performance.now();
  }

  /** @returns {Promise<Outcome>} */
  function wait() {
    if (!pending) return Promise.reject(new Error('__benchOpen.wait() before arm()'));
    return pending;
  }

  Object.defineProperty(window, '__benchOpen', { value: Object.freeze({ arm, mark, wait }) });
})();
