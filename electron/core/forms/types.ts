// What every form builder gets and gives. The service (formsService.ts) gathers the context once; the
// builders (one file per form) only lay out, so each can be tested from a plain archive.
import type { Localized } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import type { FormId } from '../../../shared/forms/catalog.js';
import type { PostInfo } from '../../../shared/forms/postInfo.js';
import type { Params2020 } from '../../../shared/rules/pack2020/params.js';

/** One line of the material index: a material and the files that make it up, in upload order. */
export interface IndexEntry {
  material: string;
  title: Localized;
  /**
   * Files in order, each named by what it is (「毕业证书 — 浙江大学 大学本科」, a form by its title), never by its
   * file name; a generated form appears as its file too.
   */
  files: { name: string; pages: number }[];
  /** What is still missing, where the material comes from, or why it is not needed (indexNote.ts). */
  note: Localized | null;
}

export interface FormContext {
  archive: ArchiveDocument;
  /** SHA-256 (hex) of the archive's export JSON, printed in every footer (text + QR). */
  fingerprint: string;
  /** The unit's F-4 figures; null when not entered. */
  postInfo: PostInfo | null;
  /** The rule pack's parameters: publicity dates and days for M-3. */
  params: Params2020;
  /** For the material index. */
  index: IndexEntry[];
  /** The applicant's signing-key fingerprint (issue 6), printed on F-1 and the pledge; null until a key exists. */
  signerFingerprint: string | null;
}

export interface BuiltForm {
  bytes: Uint8Array;
  pages: number;
  /** Characters no shipped font has (printed as 〓). */
  missing: string[];
}

export type FormBuilder = (ctx: FormContext) => Promise<BuiltForm>;
export type Builders = Record<FormId, FormBuilder>;
