#!/usr/bin/env node
// The versions every JS consumer takes from the Rust side, read in one place:
//   crateVersion()    the [package] version in Cargo.toml (the extension's and the npm
//                     package's versions must equal it: tests/versions.test.mjs)
//   bindgenVersion()  the wasm-bindgen crate's version in Cargo.lock (the wasm-bindgen CLI
//                     must be exactly that version: scripts/setup.sh installs it)
// As a command: `node www/scripts/versions.mjs crate|wasm-bindgen` prints one of them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `key = "string"` pairs of each table of a TOML file, in order: enough for
 * Cargo.toml's [package] and Cargo.lock's [[package]] tables (no nested values needed).
 * @param {string} text
 * @returns {{header: string, values: Record<string, string>}[]}
 */
function tomlTables(text) {
  /** @type {{header: string, values: Record<string, string>}[]} */
  const tables = [{ header: '', values: {} }];
  for (const line of text.split(/\r?\n/)) {
    const header = line.match(/^\s*(\[\[?[^\]]+\]\]?)\s*(#.*)?$/);
    if (header) {
      tables.push({ header: header[1].replace(/\s+/g, ''), values: {} });
      continue;
    }
    const pair = line.match(/^\s*([A-Za-z0-9_.-]+)\s*=\s*"([^"]*)"/);
    if (pair) tables[tables.length - 1].values[pair[1]] = pair[2];
  }
  return tables;
}

/**
 * The crate's version: `version` of Cargo.toml's [package] table.
 * @param {string} [root] the repository root
 */
export function crateVersion(root = ROOT) {
  const file = path.join(root, 'Cargo.toml');
  const pkg = tomlTables(fs.readFileSync(file, 'utf8')).find((t) => t.header === '[package]');
  const version = pkg && pkg.values.version;
  if (!version) throw new Error(`${file}: no version in [package]`);
  return version;
}

/**
 * The version of the wasm-bindgen crate locked in Cargo.lock.
 * @param {string} [root] the repository root
 */
export function bindgenVersion(root = ROOT) {
  const file = path.join(root, 'Cargo.lock');
  const pkg = tomlTables(fs.readFileSync(file, 'utf8')).find(
    (t) => t.header === '[[package]]' && t.values.name === 'wasm-bindgen',
  );
  if (!pkg || !pkg.values.version) throw new Error(`${file}: no wasm-bindgen package (run 'cargo generate-lockfile')`);
  return pkg.values.version;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const which = process.argv[2];
  const read = { crate: crateVersion, 'wasm-bindgen': bindgenVersion }[which || ''];
  if (!read) {
    console.error('usage: versions.mjs crate|wasm-bindgen');
    process.exit(2);
  }
  try {
    console.log(read());
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
