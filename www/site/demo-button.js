// Demo only: a floating "Reader view" button on the sample pages. It lives in its own
// shadow root on <html> (not <body>), so it adds no text to the page being cleaned.
const host = document.createElement('ac-demo-button');
const shadow = host.attachShadow({ mode: 'open' });
const style = new CSSStyleSheet();
style.replaceSync(`
  button { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; padding: 10px 16px;
    border: 0; border-radius: 999px; background: #1f5fbf; color: #fff; cursor: pointer;
    font: 600 14px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    box-shadow: 0 4px 14px rgba(0,0,0,.25); }
  button:hover { background: #174b98; }
  button:focus-visible { outline: 3px solid #8fb8ff; outline-offset: 2px; }`);
shadow.adoptedStyleSheets = [style];
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Reader view';
button.setAttribute('aria-label', 'Open the reader view');
const SHIM = new URL('./article-cleaner.js', import.meta.url).href;
// As we advise npm users: once the page has loaded and gone idle, load the engine and warm
// it up (in its worker where it can), so that the click shows the article at once.
const whenIdle = (/** @type {() => void} */ f) =>
  'requestIdleCallback' in globalThis ? requestIdleCallback(f, { timeout: 3000 }) : setTimeout(f, 200);
const warm = () => whenIdle(() => import(SHIM).then((shim) => shim.warmUp()).catch(() => {}));
if (document.readyState === 'complete') warm();
else addEventListener('load', warm, { once: true });
button.addEventListener('click', async () => {
  const shim = await import(SHIM);
  const result = await shim.toggleReader();
  if (result && result.timings && result.timings.cleanMs !== undefined) {
    console.info(`[article-cleaner] cleanDocument ${result.timings.cleanMs.toFixed(1)} ms`, result.timings);
  }
});
shadow.append(button);
document.documentElement.append(host);
