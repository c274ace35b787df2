// Types for the type check only (not shipped): the part of the WebExtension API this
// extension uses, `browser` in Firefox and `chrome` in Chromium (both promise-based in
// MV3), and the globals the extension sets.

interface ExtTab {
  id?: number;
}

interface ExtEvent<Listener> {
  addListener(listener: Listener): void;
}

/** A content script's request to the background, and the answer. */
interface CleanRequest {
  type: 'article-cleaner:clean';
  html: string;
  url?: string;
}
type CleanReply = { article: import('../npm/types-common.js').Article } | { error: string };
/** A content script's request to the background when no engine answered. */
interface EngineRequest {
  type: 'article-cleaner:engine';
}

interface WebExtensionApi {
  action: {
    onClicked: ExtEvent<(tab: ExtTab) => void>;
    setBadgeText(details: { tabId: number; text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
    setTitle(details: { tabId: number; title: string }): Promise<void>;
    getBadgeText(details: { tabId: number }): Promise<string>;
    getTitle(details: { tabId: number }): Promise<string>;
  };
  runtime: {
    onMessage: ExtEvent<
      (
        message: Partial<CleanRequest | EngineRequest> | undefined,
        sender: { tab?: ExtTab },
        sendResponse: (reply: CleanReply | { ok: boolean }) => void,
      ) => boolean | void
    >;
    sendMessage(message: CleanRequest): Promise<CleanReply | undefined>;
    sendMessage(message: EngineRequest): Promise<{ ok: boolean } | undefined>;
    getManifest(): { commands: Record<string, { suggested_key?: { default?: string } }> };
    /** Chromium 116+ */
    getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
    onStartup: ExtEvent<() => void>;
    onInstalled: ExtEvent<() => void>;
  };
  /** Chromium only (feature-detected) */
  offscreen?: {
    createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
    hasDocument(): Promise<boolean>;
    closeDocument(): Promise<void>;
  };
  scripting: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<ExtTab[]>;
  };
}

declare var browser: WebExtensionApi | undefined;
declare var chrome: WebExtensionApi;

/** background.js: toggles the reader view in a tab (the tests call it). */
declare var toggleReaderInTab: (tabOrId?: ExtTab | number) => Promise<{ ok: boolean; error?: string }>;
/** content.js: the toggle of the view, kept on the content script's global between injections. */
declare var __articleCleanerExtension: (() => void) | undefined;
