// `dossier start` finds the Electron runtime without asking the electron package for it: since Electron 42
// requiring the package with its runtime missing starts a download (issue 21), which an offline start must not.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findElectron } from '../../electron/launch.js';
import { tempDir } from '../helpers/workspace.js';

/** A project folder holding an electron package as npm installs it, with or without its runtime. */
function project(files: Record<string, string>): string {
  const root = tempDir('dossier-launch-');
  const pkg = path.join(root, 'node_modules', 'electron');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.6.1' }));
  // What require('electron') would run: it must never be run by findElectron.
  writeFileSync(path.join(pkg, 'index.js'), "throw new Error('the package was required (a download would start)');");
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(pkg, name), text);
  return pathToFileURL(path.join(root, 'main.js')).href;
}

describe('findElectron', () => {
  it('says how to download the runtime when the package has none, without requiring the package', () => {
    const found = findElectron(project({}));
    expect(found).toEqual({
      missing: expect.objectContaining({ zh: expect.stringContaining('npx install-electron') }),
    });
  });

  it('says the same when path.txt names a runtime that is not there', () => {
    expect(findElectron(project({ 'path.txt': 'electron' }))).toHaveProperty('missing');
  });

  it('returns the runtime named by path.txt when it is there', () => {
    const from = project({ 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    const found = findElectron(from);
    expect(found).toHaveProperty('binary');
    expect((found as { binary: string }).binary).toMatch(/node_modules[/\\]electron[/\\]dist[/\\]electron$/);
  });

  it('says the runtime is missing when there is no electron package at all (a production install)', () => {
    const root = tempDir('dossier-launch-');
    expect(findElectron(pathToFileURL(path.join(root, 'main.js')).href)).toHaveProperty('missing');
  });
});
