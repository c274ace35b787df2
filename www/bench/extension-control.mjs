// @ts-check
// Drives unpacked MV3 extensions in Chromium over CDP for the time-to-view benchmark
// (www/bench/open.mjs): clicks an extension's toolbar action on a tab, and stops its service
// worker so that the next click is a cold one, checking that it really stopped.
//
//   - click: `Extensions.triggerAction {id, targetId}` on the browser session, where targetId
//     is the *tab* target of the page (not its page target); it runs the action as a toolbar
//     click does (the worker wakes, activeTab is granted, action.onClicked fires).
//   - worker state: the ServiceWorker domain (enabled on the page's session: it reports the
//     profile's registrations, extensions' included) sends `workerVersionUpdated` with each
//     version's runningStatus (starting → running → stopping → stopped); every transition is
//     kept with the time it arrived (Node's performance.now()).
//   - stop: `ServiceWorker.stopWorker {versionId}` for each running version of the extension,
//     then wait for runningStatus "stopped" and check that `Target.getTargets` lists no
//     service_worker target of the extension any more.
import { performance } from 'node:perf_hooks';

/** @typedef {import('playwright-core').BrowserContext} BrowserContext */
/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @typedef {{status: string, at: number}} Transition */

export class ExtensionControl {
  /**
   * @param {CDPSession} browserSession
   * @param {CDPSession} pageSession
   */
  constructor(browserSession, pageSession) {
    this.browser = browserSession;
    this.pageSession = pageSession;
    /** @type {Map<string, {scriptURL: string, status: string, state: string, history: Transition[]}>} */
    this.versions = new Map();
    /** @type {WeakMap<Page, {url: string, targetId: string}>} */
    this.tabs = new WeakMap();
  }

  /**
   * Attaches to a persistent context (launched with the extensions) through one of its pages.
   * @param {BrowserContext} context
   * @param {Page} page
   */
  static async attach(context, page) {
    const browser = context.browser();
    if (!browser) throw new Error('no Browser behind this context');
    const control = new ExtensionControl(await browser.newBrowserCDPSession(), await context.newCDPSession(page));
    control.pageSession.on('ServiceWorker.workerVersionUpdated', (e) => {
      const at = performance.now();
      for (const v of e.versions) {
        const known = control.versions.get(v.versionId);
        if (!known) {
          control.versions.set(v.versionId, {
            scriptURL: v.scriptURL,
            status: v.runningStatus,
            state: v.status,
            history: [{ status: v.runningStatus, at }],
          });
          continue;
        }
        known.state = v.status;
        if (known.status !== v.runningStatus) {
          known.status = v.runningStatus;
          known.history.push({ status: v.runningStatus, at });
        }
      }
    });
    await control.pageSession.send('ServiceWorker.enable');
    return control;
  }

  /**
   * The id of the loaded extension whose service worker script is `workerFile`
   * (e.g. "background.js"); waits until that worker is activated and running.
   * @param {string} workerFile
   * @param {number} [timeoutMs]
   */
  async extensionId(workerFile, timeoutMs = 15000) {
    const until = performance.now() + timeoutMs;
    for (;;) {
      for (const v of this.versions.values()) {
        const u = new URL(v.scriptURL);
        const ready = v.state === 'activated' && v.status === 'running';
        if (u.protocol === 'chrome-extension:' && u.pathname === `/${workerFile}` && ready) return u.host;
      }
      if (performance.now() > until) throw new Error(`no extension service worker ${workerFile} running`);
      await sleep(50);
    }
  }

  /**
   * The running status of the extension's newest worker version ("stopped" when none).
   * @param {string} extId
   */
  status(extId) {
    const v = this.newest(extId);
    return v ? v.status : 'stopped';
  }

  /** @param {string} extId */
  newest(extId) {
    let best = null;
    let bestId = -1;
    for (const [id, v] of this.versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${extId}/`) && Number(id) > bestId) {
        best = v;
        bestId = Number(id);
      }
    }
    return best;
  }

  /**
   * When the extension's worker went to `status` after `since` (Node's clock), or null.
   * @param {string} extId
   * @param {string} status
   * @param {number} since
   */
  transitionAfter(extId, status, since) {
    const v = this.newest(extId);
    const t = v && v.history.find((h) => h.status === status && h.at >= since);
    return t ? t.at : null;
  }

  /**
   * Stops the extension's service worker and checks that it is stopped: runningStatus
   * "stopped" on every version and no service_worker target left. Returns how long it took.
   * @param {string} extId
   */
  async stopWorker(extId) {
    const t0 = performance.now();
    for (const [versionId, v] of this.versions) {
      if (v.scriptURL.startsWith(`chrome-extension://${extId}/`) && v.status !== 'stopped') {
        await this.pageSession.send('ServiceWorker.stopWorker', { versionId });
      }
    }
    const until = t0 + 10000;
    for (;;) {
      const running = [...this.versions.values()].some(
        (v) => v.scriptURL.startsWith(`chrome-extension://${extId}/`) && v.status !== 'stopped',
      );
      if (!running) {
        const { targetInfos } = await this.browser.send('Target.getTargets');
        const left = targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extId}/`));
        if (!left.length) return performance.now() - t0;
      }
      if (performance.now() > until) throw new Error(`the service worker of ${extId} did not stop`);
      await sleep(10);
    }
  }

  /**
   * The tab target id of a page (Extensions.triggerAction wants the tab, not the page target).
   * Found by the page's URL, so give each navigation a unique URL.
   * @param {Page} page
   */
  async tabTargetId(page) {
    const known = this.tabs.get(page);
    if (known) return known.targetId;
    const { targetInfos } = await this.browser.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const matches = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    if (matches.length !== 1) throw new Error(`${matches.length} tab targets have the URL ${page.url()}`);
    this.tabs.set(page, { url: page.url(), targetId: matches[0].targetId });
    return matches[0].targetId;
  }

  /**
   * Clicks the extension's toolbar action on the page's tab; returns Node's time when the
   * command was sent.
   * @param {string} extId
   * @param {Page} page
   */
  async click(extId, page) {
    const targetId = await this.tabTargetId(page);
    const sent = performance.now();
    await this.browser.send('Extensions.triggerAction', { id: extId, targetId });
    return sent;
  }

  async detach() {
    await this.pageSession.detach().catch(() => {});
    await this.browser.detach().catch(() => {});
  }
}

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
