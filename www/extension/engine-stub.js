// Replaces www/src/engine.js in the content-script bundle: the engine runs in the
// extension's background, never in the page. The reader view only calls these when it
// was opened without an Article, i.e. to show the background's error.
let engineError = 'the engine runs in the extension background';

export function setEngineError(message) {
  engineError = message;
}

export async function init() {
  throw new Error(engineError);
}

export async function cleanDocument() {
  throw new Error(engineError);
}
