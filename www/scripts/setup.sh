#!/usr/bin/env bash
# Installs what the browser build and its tests need; skips whatever is already there.
#   - the rustup target wasm32-unknown-unknown
#   - wasm-bindgen-cli, the exact version of the wasm-bindgen crate in Cargo.lock
#   - Debian's chromium (for the tests, driven by npm playwright-core) and binaryen (wasm-opt)
#   - Debian's firefox-esr (for the Firefox tests, driven by npm puppeteer-core over WebDriver BiDi)
#   - www/node_modules (npm ci from www/package-lock.json; PUPPETEER_SKIP_DOWNLOAD set)
# Only package registries are used: no browser or binary downloads.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
www="$(cd "$here/.." && pwd)"
say() { echo "[setup] $*"; }

# 1. Rust target
if ! command -v rustup >/dev/null 2>&1; then
  say "rustup not found: install Rust (https://rustup.rs) first" >&2
  exit 1
fi
if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen CLI, same version as the crate in Cargo.lock
if ! command -v node >/dev/null 2>&1; then
  say "node not found: install Node.js 20 or later first" >&2
  exit 1
fi
want="$(node "$here/versions.mjs" wasm-bindgen)"
export PATH="$HOME/.cargo/bin:$PATH"
have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
if [ "$have" = "$want" ]; then
  say "wasm-bindgen $want: present"
else
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes"
  # no --locked: a locked dependency of the CLI is missing from the registry mirror
  cargo install wasm-bindgen-cli --version "$want" --force
fi

# 3. chromium, firefox-esr and wasm-opt from Debian
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
command -v wasm-opt >/dev/null 2>&1 || missing+=(binaryen)
if [ ${#missing[@]} -eq 0 ]; then
  say "chromium, firefox-esr and wasm-opt: present"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  say "installing ${missing[*]} with apt-get"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# 4. npm packages (playwright-core and puppeteer-core download no browser; the variable
#    below is a second guard, in case a future version of either grows a postinstall)
export PUPPETEER_SKIP_DOWNLOAD=1
stamp="$www/node_modules/.package-lock.sha"
lock_sum="$( (sha256sum "$www/package-lock.json" 2>/dev/null || echo none) | awk '{ print $1 }')"
if [ -d "$www/node_modules" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  say "www/node_modules: up to date"
else
  say "installing npm packages in www/"
  if [ -f "$www/package-lock.json" ]; then
    (cd "$www" && npm ci --no-audit --no-fund)
  else
    (cd "$www" && npm install --no-audit --no-fund)
    lock_sum="$(sha256sum "$www/package-lock.json" | awk '{ print $1 }')"
  fi
  echo "$lock_sum" >"$stamp"
fi
say "done"
