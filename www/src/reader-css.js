// The reader view's style sheet, as a module: the view adopts it as a constructed sheet in
// its shadow root (no fetch, no <link>: fine under any page's CSP). The build also writes
// it out as dist/reader.css. (String.raw: a backslash in the CSS stays a backslash.)
export default String.raw`/* article-cleaner reader view. Lives in the open shadow root of
   <article-cleaner-reader>: page CSS cannot reach it, and it cannot reach the page. */

/* The element itself, pinned over the viewport. !important: in the cascade an important
   declaration of the shadow tree beats the page's own important ones. */
:host {
  all: initial;
  display: block !important;
  position: fixed !important;
  /* the variables: set by the view where it has to follow a phone's visual viewport */
  inset: var(--ac-inset, 0) !important;
  z-index: 2147483647 !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  width: var(--ac-width, auto) !important;
  height: var(--ac-height, auto) !important;
  min-width: 0 !important;
  min-height: 0 !important;
  /* never wider than the device's layout width: on a phone, a page wider than the screen
     (a 728 px banner) widens the viewport this element is pinned to */
  max-width: var(--ac-max-width, 100vw) !important;
  max-height: none !important;
  direction: ltr !important;
  transform: none !important;
  filter: none !important;
  opacity: 1 !important;
  visibility: visible !important;
  clip-path: none !important;
  overflow: hidden !important;
  float: none !important;
}

.ac-root {
  all: initial;
  display: block;
  position: absolute;
  inset: 0;
  overflow: auto;
  overscroll-behavior: contain;
  -webkit-overflow-scrolling: touch;
  scroll-padding-top: 64px; /* anchors and scrollIntoView clear the sticky toolbar */
  box-sizing: border-box;
  background: var(--bg);
  color: var(--fg);
  font-family: var(--ui-font);
  font-size: 15px;
  line-height: 1.4;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
  -moz-osx-font-smoothing: grayscale;
  --ui-font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Iowan Old Style", "Palatino Linotype", Georgia,
    "Noto Serif", "DejaVu Serif", serif;
  --sans: var(--ui-font);
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono",
    monospace;
  /* dyslexia-friendly faces the system may have (nothing is downloaded), then plain sans */
  --dyslexic: "OpenDyslexic", "OpenDyslexic3", "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", "Lexend",
    "Comic Neue", "Comic Sans MS", Verdana, Tahoma, var(--ui-font);
  --text-font: var(--serif);
  --measure: 38em;
  --leading: 1.6;
  /* "all" leaves direction alone: the page's dir="rtl" must not flip the toolbar */
  direction: ltr;
  unicode-bidi: isolate;
}

.ac-root:focus {
  outline: none;
}

.ac-root *,
.ac-root *::before,
.ac-root *::after {
  box-sizing: border-box;
}

/* Themes */
.ac-root,
.ac-root[data-theme="light"] {
  --bg: #fbfbf8;
  --fg: #1f1f22;
  --muted: #67676e;
  --link: #1f5fbf;
  --rule: #e2e2dc;
  --code-bg: #f0f0eb;
  --bar-bg: rgba(251, 251, 248, 0.94);
  --button-hover: rgba(0, 0, 0, 0.06);
  --button-on: rgba(31, 95, 191, 0.12);
  --focus: #1f5fbf;
  --mark: #fff1a8;
  color-scheme: light;
}

.ac-root[data-theme="sepia"] {
  --bg: #f5ecd9;
  --fg: #3f3122;
  --muted: #7c6a52;
  --link: #8c4a12;
  --rule: #e2d4b6;
  --code-bg: #ece0c5;
  --bar-bg: rgba(245, 236, 217, 0.94);
  --button-hover: rgba(80, 50, 10, 0.08);
  --button-on: rgba(140, 74, 18, 0.14);
  --focus: #8c4a12;
  --mark: #f0d98a;
  color-scheme: light;
}

.ac-root[data-theme="dark"] {
  --bg: #1b1c1f;
  --fg: #e3e3e6;
  --muted: #a0a0a8;
  --link: #8fb8ff;
  --rule: #34353a;
  --code-bg: #26272b;
  --bar-bg: rgba(27, 28, 31, 0.94);
  --button-hover: rgba(255, 255, 255, 0.08);
  --button-on: rgba(143, 184, 255, 0.18);
  --focus: #8fb8ff;
  --mark: #5c4b12;
  color-scheme: dark;
}

.ac-root[data-theme="contrast"] {
  --bg: #000000;
  --fg: #ffffff;
  --muted: #e6e6e6;
  --link: #ffeb3b;
  --rule: #9a9a9a;
  --code-bg: #1f1f1f;
  --bar-bg: #000000;
  --button-hover: rgba(255, 255, 255, 0.16);
  --button-on: rgba(255, 235, 59, 0.24);
  --focus: #ffeb3b;
  --mark: #5a4d00;
  color-scheme: dark;
}

.ac-root[data-theme="contrast"] .ac-content a {
  text-decoration-thickness: 2px;
}

.ac-root[data-font="sans"] {
  --text-font: var(--sans);
}

.ac-root[data-font="dyslexic"] {
  --text-font: var(--dyslexic);
}

.ac-root[data-font="dyslexic"] .ac-article {
  letter-spacing: 0.02em;
  word-spacing: 0.12em;
}

.ac-root[data-line-height="compact"] {
  --leading: 1.4;
}

.ac-root[data-line-height="loose"] {
  --leading: 1.9;
}

.ac-root[data-align="justify"] .ac-content :is(p, li, dd, blockquote) {
  text-align: justify;
}

.ac-root[data-width="narrow"] {
  --measure: 32em;
}

.ac-root[data-width="wide"] {
  --measure: 46em;
}

/* Toolbar */
.ac-toolbar {
  position: sticky;
  top: 0;
  z-index: 1;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 6px 12px;
  padding: 8px max(12px, env(safe-area-inset-right)) 8px max(12px, env(safe-area-inset-left));
  background: var(--bar-bg);
  border-bottom: 1px solid var(--rule);
  -webkit-backdrop-filter: saturate(1.4) blur(10px);
  backdrop-filter: saturate(1.4) blur(10px);
  font: 14px/1 var(--ui-font);
  container: ac-toolbar / inline-size;
}

/* The toolbar's buttons come after the first paint of the article: its height is kept meanwhile. */
.ac-toolbar:not(.ac-ready) {
  min-height: 49px;
}

.ac-tools {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: flex-end;
  gap: 6px 10px;
}

.ac-group {
  display: flex;
  align-items: center;
  gap: 2px;
}

/* The display settings: in the toolbar; a menu behind the "Aa" button on narrow screens */
.ac-settings {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: flex-end;
  gap: 6px 10px;
}

.ac-button.ac-menu-button {
  display: none;
}

.ac-menu-button[aria-expanded="true"] {
  background: var(--button-on);
  color: var(--link);
}

.ac-settings > .ac-group + .ac-group,
.ac-settings + .ac-group {
  padding-inline-start: 10px;
  border-inline-start: 1px solid var(--rule);
}

.ac-group + .ac-group {
  padding-inline-start: 10px;
  border-inline-start: 1px solid var(--rule);
}

.ac-button {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 6px;
  min-width: 32px;
  height: 32px;
  padding: 0 7px;
  border-radius: 8px;
  color: var(--fg);
  font: 500 14px/1 var(--ui-font);
  white-space: nowrap;
  cursor: pointer;
  user-select: none;
  -webkit-user-select: none;
  transition: background-color 0.12s ease;
}

.ac-button:hover {
  background: var(--button-hover);
}

.ac-button[aria-pressed="true"] {
  background: var(--button-on);
  color: var(--link);
}

.ac-button:focus-visible,
.ac-root summary:focus-visible,
.ac-root a:focus-visible,
.ac-notice-actions .ac-button:focus-visible {
  outline: 2px solid var(--focus);
  outline-offset: 2px;
}

.ac-button svg {
  width: 18px;
  height: 18px;
  fill: none;
  stroke: currentColor;
  stroke-width: 1.8;
  stroke-linecap: round;
  stroke-linejoin: round;
  flex: none;
}

.ac-close {
  font-weight: 600;
}

.ac-swatch {
  width: 18px;
  height: 18px;
  border-radius: 50%;
  border: 1px solid rgba(128, 128, 128, 0.55);
  flex: none;
}

.ac-swatch[data-for="light"] {
  background: #ffffff;
}

.ac-swatch[data-for="sepia"] {
  background: #f2e4c4;
}

.ac-swatch[data-for="dark"] {
  background: #2b2c30;
}

.ac-swatch[data-for="contrast"] {
  background: linear-gradient(135deg, #000 50%, #fff 50%);
  border-color: #000;
}

.ac-button[aria-pressed="true"] .ac-swatch {
  box-shadow: 0 0 0 2px var(--bg), 0 0 0 4px var(--link);
}

.ac-font-serif {
  font-family: var(--serif);
  font-size: 16px;
}

.ac-font-sans {
  font-family: var(--sans);
  font-size: 15px;
}

.ac-font-dyslexic {
  font-family: var(--dyslexic);
  font-size: 15px;
  font-weight: 700;
}

.ac-size-small {
  font-size: 12px;
}

.ac-size-large {
  font-size: 18px;
}

.ac-label {
  font-size: 13px;
}

.ac-status {
  position: fixed;
  left: 50%;
  bottom: 24px;
  transform: translateX(-50%);
  z-index: 2;
  max-width: calc(100% - 32px);
  padding: 8px 14px;
  border-radius: 999px;
  background: var(--fg);
  color: var(--bg);
  font: 500 14px/1.3 var(--ui-font);
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.2);
  opacity: 0;
  pointer-events: none;
  transition: opacity 0.2s ease;
}

.ac-status.ac-visible {
  opacity: 1;
}

/* Page */
.ac-page {
  display: block;
  max-width: calc(var(--measure) + 2.5rem);
  margin: 0 auto;
  padding: 2.25rem 1.25rem 6rem;
  font-size: var(--ac-font-size, 19px);
}

.ac-article {
  display: block;
  font-family: var(--text-font);
  line-height: var(--leading);
  overflow-wrap: break-word;
  hyphens: auto;
}

/* headlines are never hyphenated */
.ac-title,
.ac-content :is(h1, h2, h3, h4, h5, h6) {
  hyphens: manual;
}

.ac-lead {
  margin: 0 0 1.4em;
}

.ac-lead img {
  display: block;
  max-width: 100%;
  height: auto;
  margin: 0 auto;
  border-radius: 3px;
}

.ac-header {
  margin: 0 0 1.6em;
  padding-bottom: 1.1em;
  border-bottom: 1px solid var(--rule);
}

.ac-site {
  margin: 0 0 0.6em;
  color: var(--muted);
  font: 600 0.72em/1.3 var(--ui-font);
  letter-spacing: 0.06em;
  text-transform: uppercase;
}

.ac-title {
  margin: 0 0 0.45em;
  font-family: var(--text-font);
  font-size: 1.85em;
  font-weight: 700;
  line-height: 1.18;
  letter-spacing: -0.01em;
  text-wrap: balance;
}

.ac-meta {
  margin: 0;
  min-height: 1.5em; /* one line, also while the date and reading time are still to come */
  color: var(--muted);
  font: 0.8em/1.5 var(--ui-font);
}

.ac-meta > span + span::before {
  content: "·";
  margin: 0 0.5em;
}

.ac-reading-time {
  white-space: nowrap;
}

.ac-reading-time svg {
  width: 1.05em;
  height: 1.05em;
  margin-inline-end: 0.25em;
  vertical-align: -0.17em;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
}

.ac-byline {
  font-weight: 600;
  color: var(--fg);
}

.ac-removed {
  margin: 1em 0 0;
  color: var(--muted);
  font: 0.72em/1.5 var(--ui-font);
}

.ac-removed summary {
  cursor: pointer;
  width: fit-content;
  max-width: 100%;
  border-radius: 4px;
}

.ac-removed summary:hover {
  color: var(--fg);
}

.ac-removed ul {
  margin: 0.6em 0 0;
  padding: 0;
  list-style: none;
  max-height: 18em;
  overflow: auto;
}

.ac-removed li {
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.6em;
  padding: 0.35em 0;
  border-top: 1px solid var(--rule);
}

.ac-kind {
  flex: none;
  padding: 0 0.45em;
  border-radius: 4px;
  background: var(--code-bg);
  color: var(--fg);
  font-weight: 600;
}

.ac-reason {
  font-family: var(--mono);
  font-size: 0.95em;
}

.ac-sample {
  flex-basis: 100%;
  font-style: italic;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}

/* Article content (sanitized HTML from the engine) */
.ac-content {
  display: block;
}

.ac-content > :first-child {
  margin-top: 0;
}

.ac-content p,
.ac-content ul,
.ac-content ol,
.ac-content dl,
.ac-content table,
.ac-content figure,
.ac-content blockquote,
.ac-content pre,
.ac-content .ac-table-wrap {
  margin: 0 0 1.1em;
}

.ac-content h1,
.ac-content h2,
.ac-content h3,
.ac-content h4,
.ac-content h5,
.ac-content h6 {
  margin: 1.6em 0 0.5em;
  font-family: var(--text-font);
  font-weight: 700;
  line-height: 1.25;
  text-wrap: balance;
}

.ac-content h1 {
  font-size: 1.5em;
}

.ac-content h2 {
  font-size: 1.3em;
}

.ac-content h3 {
  font-size: 1.12em;
}

.ac-content h4,
.ac-content h5,
.ac-content h6 {
  font-size: 1em;
}

.ac-content a {
  color: var(--link);
  text-decoration: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.18em;
}

.ac-content a:hover {
  text-decoration-thickness: 2px;
}

.ac-content img,
.ac-content video,
.ac-content picture,
.ac-content svg,
.ac-content iframe {
  max-width: 100%;
  height: auto;
}

.ac-content img {
  display: block;
  margin: 0 auto;
  border-radius: 3px;
}

.ac-content img:not([src]):not([srcset]) {
  display: none;
}

.ac-content p img,
.ac-content li img {
  display: inline;
}

.ac-content figure {
  margin-inline: 0;
}

.ac-content figcaption {
  margin-top: 0.55em;
  color: var(--muted);
  font: 0.78em/1.45 var(--ui-font);
  text-align: start;
}

.ac-content blockquote {
  margin-inline: 0;
  padding: 0.1em 0 0.1em 1.1em;
  padding-inline: 1.1em 0;
  border-inline-start: 3px solid var(--rule);
  color: var(--fg);
  font-style: italic;
}

.ac-content blockquote > :last-child {
  margin-bottom: 0;
}

.ac-content ul,
.ac-content ol {
  padding-inline-start: 1.5em;
}

.ac-content li + li {
  margin-top: 0.3em;
}

.ac-content code,
.ac-content kbd,
.ac-content samp {
  padding: 0.1em 0.3em;
  border-radius: 4px;
  background: var(--code-bg);
  font-family: var(--mono);
  font-size: 0.84em;
}

.ac-content pre {
  padding: 0.9em 1em;
  overflow: auto;
  border-radius: 6px;
  background: var(--code-bg);
  font-family: var(--mono);
  font-size: 0.8em;
  line-height: 1.5;
  white-space: pre;
  tab-size: 4;
  hyphens: none;
  direction: ltr;
  text-align: left;
}

.ac-content pre code {
  padding: 0;
  background: none;
  font-size: 1em;
}

.ac-table-wrap {
  max-width: 100%;
  overflow-x: auto;
}

.ac-content table {
  border-collapse: collapse;
  font: 0.82em/1.45 var(--ui-font);
  min-width: 50%;
}

.ac-table-wrap > table {
  margin: 0;
}

.ac-content th,
.ac-content td {
  padding: 0.45em 0.7em;
  border-bottom: 1px solid var(--rule);
  text-align: start;
  vertical-align: top;
}

.ac-content td > :last-child,
.ac-content th > :last-child,
.ac-content li > :last-child,
.ac-content figure > :last-child {
  margin-bottom: 0;
}

.ac-content th {
  font-weight: 600;
  border-bottom-width: 2px;
}

.ac-content hr {
  margin: 2em auto;
  width: 30%;
  border: 0;
  border-top: 1px solid var(--rule);
}

/* where an in-article link led (the page's URL, hence :target, is left alone) */
.ac-content .ac-target {
  outline: none;
  animation: ac-target 2s ease-out;
}

@keyframes ac-target {
  from {
    background-color: var(--mark);
  }
}

.ac-content mark {
  background: var(--mark);
  color: inherit;
}

.ac-content sup,
.ac-content sub {
  line-height: 0;
}

.ac-content dt {
  font-weight: 700;
}

.ac-content dd {
  margin-inline-start: 1.5em;
}

/* Page types (the engine's pageType) */

/* a thread: each post a unit, its first line the author and the date */
.ac-article[data-page-type="thread"] .ac-content article {
  display: block;
  margin: 0;
  padding: 1.1em 0 0.3em;
  border-top: 1px solid var(--rule);
}

.ac-article[data-page-type="thread"] .ac-content article:first-of-type {
  padding-top: 0;
  border-top: 0;
}

.ac-article[data-page-type="thread"] .ac-content article > p:first-child:has(> strong, > time) {
  margin: 0 0 0.6em;
  color: var(--muted);
  font: 0.8em/1.45 var(--ui-font);
}

.ac-article[data-page-type="thread"] .ac-content article > p:first-child > strong {
  color: var(--fg);
  font-weight: 600;
}

/* documentation: a wider measure, code and tables comfortable, nothing hyphenated */
.ac-page:has(> .ac-article[data-page-type="documentation"]) {
  max-width: calc(var(--measure) * 1.25 + 2.5rem);
}

.ac-article[data-page-type="documentation"] {
  hyphens: manual;
}

.ac-article[data-page-type="documentation"] .ac-content pre {
  font-size: 0.78em;
  line-height: 1.55;
}

.ac-article[data-page-type="documentation"] .ac-content table {
  width: 100%;
}

.ac-article[data-page-type="documentation"] .ac-content :is(td, th) code {
  white-space: nowrap;
}

/* collections and products: lists of pictured items as a grid, pictures kept in view */
.ac-article:is([data-page-type="collection"], [data-page-type="product"]) .ac-content :is(ul, ol):has(> li img) {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 11rem), 1fr));
  gap: 1em;
  padding: 0;
  list-style: none;
}

.ac-article:is([data-page-type="collection"], [data-page-type="product"]) .ac-content :is(ul, ol):has(> li img) > li {
  margin: 0;
}

.ac-article:is([data-page-type="collection"], [data-page-type="product"]) .ac-content img {
  max-height: 70vh;
  width: auto;
  object-fit: contain;
}

/* Notices: not an article, engine errors, loading */
.ac-notice {
  max-width: 30em;
  margin: 12vh auto 0;
  text-align: center;
  font-family: var(--ui-font);
}

.ac-notice h1 {
  margin: 0 0 0.5em;
  font-size: 1.4em;
  line-height: 1.25;
}

.ac-notice p {
  margin: 0 0 1.2em;
  color: var(--muted);
  font-size: 0.9em;
  line-height: 1.5;
}

.ac-notice-actions {
  display: flex;
  flex-wrap: wrap;
  justify-content: center;
  gap: 10px;
}

.ac-notice-actions .ac-button {
  height: 38px;
  padding: 0 16px;
  border: 1px solid var(--rule);
}

.ac-notice-actions .ac-primary {
  background: var(--link);
  border-color: var(--link);
  color: var(--bg);
}

.ac-loading {
  margin: 20vh auto 0;
  color: var(--muted);
  text-align: center;
  font: 15px/1.4 var(--ui-font);
}

/* Narrower screens: the display settings in a menu (a container query: the toolbar's own
   width, also where the view is zoomed to follow a phone's visual viewport) */
@container ac-toolbar (max-width: 1040px) {
  .ac-button.ac-menu-button {
    display: inline-flex;
  }

  .ac-settings {
    display: none;
    position: absolute;
    top: 100%;
    left: 0;
    right: 0;
    max-height: calc(100vh - 64px);
    overflow: auto;
    flex-direction: column;
    align-items: stretch;
    gap: 0;
    padding: 4px max(12px, env(safe-area-inset-right)) 8px max(12px, env(safe-area-inset-left));
    background: var(--bg);
    border-bottom: 1px solid var(--rule);
    box-shadow: 0 8px 18px rgba(0, 0, 0, 0.12);
  }

  .ac-settings.ac-open {
    display: flex;
  }

  .ac-settings > .ac-group {
    justify-content: space-between;
    flex-wrap: wrap;
    min-height: 48px;
    padding: 4px 0;
  }

  .ac-settings > .ac-group + .ac-group {
    padding-inline-start: 0;
    border-inline-start: 0;
    border-top: 1px solid var(--rule);
  }

  /* each row named by its group's label */
  .ac-settings > .ac-group::before {
    content: attr(aria-label);
    flex: 1 0 auto;
    color: var(--muted);
    font: 14px/1.2 var(--ui-font);
  }

  .ac-settings .ac-button {
    min-width: 40px;
    height: 40px;
  }

  .ac-settings + .ac-group {
    padding-inline-start: 0;
    border: 0;
  }
}

/* Narrow screens */
@media (max-width: 640px) {
  .ac-group-width,
  .ac-label {
    display: none;
  }

  .ac-page {
    padding: 1.5rem 1rem 4rem;
  }

  .ac-title {
    font-size: 1.6em;
  }
}

/* Phones */
@media (max-width: 480px) {
  .ac-toolbar {
    padding: 6px max(8px, env(safe-area-inset-right)) 6px max(8px, env(safe-area-inset-left));
  }

  .ac-group + .ac-group,
  .ac-settings + .ac-group {
    padding-inline-start: 0;
    border: 0;
  }

  .ac-tools .ac-button {
    min-width: 40px;
    height: 40px;
  }
  .ac-toolbar:not(.ac-ready) {
    min-height: 53px;
  }
}

@media (prefers-reduced-motion: reduce) {
  .ac-button,
  .ac-status {
    transition: none;
  }

  .ac-content .ac-target {
    animation: none;
  }
}

/* Print: the article only */
@media print {
  :host {
    position: static !important;
    overflow: visible !important;
  }

  /* black on white whatever the theme */
  .ac-root,
  .ac-root[data-theme] {
    position: static;
    overflow: visible;
    background: #fff;
    color: #000;
    --bg: #fff;
    --fg: #000;
    --muted: #333;
    --link: #000;
    --rule: #999;
    --code-bg: #f2f2f2;
    --mark: #ddd;
    color-scheme: light;
  }

  .ac-toolbar,
  .ac-status,
  .ac-removed {
    display: none;
  }

  .ac-page {
    max-width: none;
    padding: 0;
  }

  .ac-content a {
    color: #000;
    text-decoration: underline;
  }

  /* where a link leads, readable on paper */
  .ac-content a[href^="http"]::after {
    content: " (" attr(href) ")";
    font: 0.8em/1.4 var(--ui-font);
    overflow-wrap: anywhere;
    text-decoration: none;
  }

  .ac-content img {
    break-inside: avoid;
  }

  .ac-content :is(h1, h2, h3, h4, h5, h6) {
    break-after: avoid;
  }

  .ac-content pre {
    white-space: pre-wrap;
  }
}
`;
