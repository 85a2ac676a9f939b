// The sample applicant as a workspace folder or an exported archive file, for the CLI tests; `edit` changes
// the archive first (also into shapes the schema refuses).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { importArchiveJson } from '../../electron/core/archiveService.js';
import { closeWorkspace, openWorkspace, readSampleJson } from '../../electron/core/workspace.js';
import { tempDir } from './workspace.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test documents are edited into any shape
export type Doc = any;

/** A workspace folder holding the sample applicant. */
export function sampleWorkspace(edit?: (doc: Doc) => void): string {
  const dir = path.join(tempDir(), 'ws');
  const doc = JSON.parse(readSampleJson());
  edit?.(doc);
  const w = openWorkspace(dir);
  try {
    importArchiveJson(w.db, JSON.stringify(doc));
  } finally {
    closeWorkspace(w);
  }
  return dir;
}

/** The sample as an exported archive file. */
export function sampleFile(edit?: (doc: Doc) => void): string {
  const doc = JSON.parse(readSampleJson());
  edit?.(doc);
  const file = path.join(tempDir(), 'archive.json');
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
}
