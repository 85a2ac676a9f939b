// What the form-builder tests start from: the sample archive, and a context without a workspace (a fixed
// archive fingerprint, no F-4 figures, the default parameters, an empty index, a key only when given).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FormContext } from '../../electron/core/forms/types.js';
import { packageRoot } from '../../electron/core/paths.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/params.js';

export const sampleArchive = (): ArchiveDocument =>
  ArchiveDocument.parse(JSON.parse(readFileSync(path.join(packageRoot(), 'resources/sample/applicant.json'), 'utf8')));

export const plainContext = (archive: ArchiveDocument, signerFingerprint: string | null = null): FormContext => ({
  archive,
  fingerprint: 'c0ffee'.repeat(10) + '0123',
  postInfo: null,
  params: DEFAULT_PARAMS_2020,
  index: [],
  signerFingerprint,
});
