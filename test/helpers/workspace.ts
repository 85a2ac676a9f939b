// A real workspace (real SQLite file) in a fresh temp folder per test; never a mocked database.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeWorkspace, openWorkspace, type Workspace } from '../../electron/core/workspace.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

export function tempDir(prefix = 'dossier-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function tempWorkspace(): Workspace {
  const workspace = openWorkspace(tempDir());
  cleanups.unshift(() => closeWorkspace(workspace));
  return workspace;
}
