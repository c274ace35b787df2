// One version for every channel: the checked-in extension manifest and npm package.json
// carry Cargo.toml's version (bump all three together), and scripts/versions.mjs reads the
// Cargo files as Cargo writes them. No browser, no build needed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { bindgenVersion, crateVersion } from '../scripts/versions.mjs';
import { WWW } from './harness.mjs';

const json = (/** @type {string} */ f) => JSON.parse(fs.readFileSync(path.join(WWW, f), 'utf8'));

test("the extension's and the npm package's versions are Cargo.toml's", () => {
  const version = crateVersion();
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.equal(json('extension/manifest.json').version, version, 'www/extension/manifest.json');
  assert.equal(json('npm/package.json').version, version, 'www/npm/package.json');
});

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ac-versions-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('versions.mjs takes [package] version and the wasm-bindgen lock entry, not look-alikes', () => {
  fs.writeFileSync(
    path.join(tmp, 'Cargo.toml'),
    ['[workspace]', 'version = "9.9.9"', '', '[package]', 'name = "x"', 'version = "1.2.3" # the one', '', '[dependencies]', 'y = "4"', 'version = "0.0.1"'].join('\n'),
  );
  fs.writeFileSync(
    path.join(tmp, 'Cargo.lock'),
    [
      'version = 4',
      '',
      '[[package]]',
      'name = "wasm-bindgen-backend"',
      'version = "0.2.1"',
      '',
      '[[package]]',
      'name = "wasm-bindgen"',
      'version = "0.2.130"',
      'dependencies = [',
      ' "cfg-if",',
      ']',
      '',
      '[[package]]',
      'name = "wasm-bindgen-macro"',
      'version = "0.2.7"',
    ].join('\n'),
  );
  assert.equal(crateVersion(tmp), '1.2.3');
  assert.equal(bindgenVersion(tmp), '0.2.130');
  assert.match(bindgenVersion(), /^\d+\.\d+\.\d+$/, "the repository's Cargo.lock");
});
