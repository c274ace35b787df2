// Types of the Node entry (export condition "node").
export * from './types-common.js';
import type { Article, CleanOptions, InitOptions, InitResult, WarmUpOptions } from './types-common.js';

/** Loads the engine; the first clean() does it for you (the wasm is read from the package folder). */
export function init(options?: InitOptions | string | URL): Promise<InitResult>;
/** Gets the engine ready for a fast first clean: loads it and cleans a small made-up page a few times. */
export function warmUp(options?: WarmUpOptions): Promise<InitResult>;
/** Cleans an HTML string. Async: `const article = await clean(html, { url })`. */
export function clean(html: string, options?: CleanOptions): Promise<Article>;
/** Whether an HTML string looks like an article. */
export function isProbablyReaderable(html: string): Promise<boolean>;
/** The engine's version. */
export function version(): Promise<string>;
