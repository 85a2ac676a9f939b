// The forms feature (issue 5) behind the contract: which forms and material PDFs an applicant has, and a
// job that makes them — each kept in the attachment store (so previews, the package and the CLI read it
// like any stored file) and recorded in generated_file. A file is written whole or not at all.
import { rm } from 'node:fs/promises';
import type { FormEntry, GeneratedFile, Localized, MaterialPdfEntry } from '../../../shared/api/contract.js';
import { applicability, FORM_IDS, FORMS, formFileName, whyBlocks, type FormId } from '../../../shared/forms/catalog.js';
import { postInfoEntered, postInfoProblems } from '../../../shared/forms/postInfo.js';
import { computeMaterials, MATERIAL_IDS, MATERIAL_LABELS } from '../../../shared/materials/requirements.js';
import { commit, stage, storedPath } from '../attachments/store.js';
import { DossierError } from '../errors.js';
import { startJob, throwIfCancelled, type JobContext } from '../jobs.js';
import type { Workspace } from '../workspace.js';
import { BUILDERS } from './builders.js';
import { formContext, sha256Hex } from './context.js';
import { isStoredHashUsed, listGenerated, putGenerated } from './generatedRepo.js';
import { materialParts, mergeMaterial, partsOf, type MaterialPart } from './materialPdf.js';
import { listAttachments } from '../attachments/attachmentService.js';
import { publicityTooShort } from './publicity.js';
import { SUMMARY_MISSING, summaryParagraphs } from './summary.js';
import type { FormContext } from './types.js';

type OutputKey = FormId | `material:${string}`;

/**
 * What each form prints, by name: the archive (its fingerprint is in every footer, its data in the fields)
 * and what else the form reads. A file is out of date exactly when one of these changed since it was made —
 * when its bytes would change (issue 15: creating the signing key marked every form out of date, though
 * only F-1 and the pledge print the key). The rule pack's parameters are taken whole by the forms that
 * read any (F-1: the CE limits and the discipline bar; the pledge: the bar; F-3 and F-4: the as-of date).
 */
function formInputs(id: FormId, ctx: FormContext): Record<string, unknown> {
  const archive = ctx.fingerprint;
  switch (id) {
    case 'F-1':
    case 'M-2':
      return { archive, params: ctx.params, signer: ctx.signerFingerprint };
    case 'F-3':
      return { archive, params: ctx.params };
    case 'F-4':
      return { archive, params: ctx.params, postInfo: ctx.postInfo };
    case 'M-3':
      return { archive, params: ctx.params };
    case 'M-8':
      return { archive };
    case 'index':
      return { archive, index: ctx.index };
  }
}

/** What changed, named for each input other than the archive (staleWhy). */
const INPUT_NAMES: Record<string, Localized> = {
  params: { zh: '评审参数', en: 'the rule parameters' },
  signer: { zh: '签名密钥', en: 'the signing key' },
  postInfo: { zh: '岗位信息表', en: 'the post information' },
  index: { zh: '附件或其他表格', en: 'the scans or the other forms' },
};

/** Hashes what a form is made from (formInputs): a change in any of it marks its file out of date. */
function formInput(id: FormId, ctx: FormContext): string {
  return sha256Hex(JSON.stringify([id, formInputs(id, ctx)]));
}

/**
 * Why a form's file is out of date: the archive changed (its fingerprint is kept with the file), or else one
 * of the form's other inputs — named all, since only their joint hash is kept.
 */
function staleWhy(id: FormId, ctx: FormContext, file: GeneratedFile): Localized {
  if (file.archiveSha256 !== ctx.fingerprint) {
    return { zh: '生成后档案已修改', en: 'the archive changed since it was made' };
  }
  const names = Object.keys(formInputs(id, ctx)).flatMap((k) => INPUT_NAMES[k] ?? []);
  if (names.length === 0) return { zh: '生成后所依据的数据已更改', en: 'what it was made from changed since' };
  return {
    zh: `生成后${names.map((n) => n.zh).join('或')}已更改`,
    en: `${names.map((n) => n.en).join(' or ')} changed since it was made`,
  };
}

const SCANS_CHANGED: Localized = { zh: '生成后附件已修改', en: 'the scans changed since it was made' };

const partsInput = (key: string, parts: MaterialPart[]) =>
  sha256Hex(JSON.stringify([key, parts.map((p) => [p.sha256, p.bookmark])]));

/**
 * What must be entered before a form that applies can be printed (F-4's figures, M-8's text); for M-3, a
 * warning it is printed with (a publicity period shorter than N-8 asks: catalog.ts whyBlocks).
 */
function blocker(id: FormId, ctx: FormContext): Localized | null {
  if (id === 'M-3') return publicityTooShort(ctx.params);
  if (id === 'M-8') return summaryParagraphs(ctx.archive).length === 0 ? SUMMARY_MISSING : null;
  if (id !== 'F-4') return null;
  if (!ctx.postInfo || !postInfoEntered(ctx.postInfo)) {
    return { zh: '请先填写“岗位信息表”', en: 'Enter the post information first' };
  }
  const problems = postInfoProblems(ctx.postInfo, ctx.archive.profile.idNumber);
  return problems.length
    ? { zh: `岗位信息表：${problems[0]!.message.zh}`, en: `Post information: ${problems[0]!.message.en}` }
    : null;
}

export function listForms(w: Workspace, applicantId: string) {
  const ctx = formContext(w, applicantId);
  const generated = new Map(listGenerated(w.db, applicantId).map((g) => [g.key, g]));
  const state = (key: string, input: string, why: (file: GeneratedFile) => Localized) => {
    const file = generated.get(key) ?? null;
    const stale = file !== null && file.inputSha256 !== input;
    return { file, stale, staleWhy: stale ? why(file) : null };
  };
  const forms: FormEntry[] = FORM_IDS.map((id) => {
    const a = applicability(id, ctx.archive);
    return {
      id,
      title: FORMS[id].title,
      copies: FORMS[id].copies,
      applies: a.applies,
      why: a.applies ? blocker(id, ctx) : a.why,
      ...state(id, formInput(id, ctx), (file) => staleWhy(id, ctx, file)),
    };
  });
  // Read once for all twelve materials (ctx.archive is the archive as just read).
  const { attachments } = listAttachments(w, { applicantId });
  const view = computeMaterials(ctx.archive, attachments, ctx.params);
  const materials: MaterialPdfEntry[] = MATERIAL_IDS.map((material) => {
    const key = `material:${material}`;
    const parts = partsOf(ctx.archive, attachments, view, material);
    return {
      key,
      material,
      title: MATERIAL_LABELS[material],
      attachments: parts.length,
      ...state(key, partsInput(key, parts), () => SCANS_CHANGED),
    };
  });
  return { fingerprint: ctx.fingerprint, forms, materials };
}

/** A form that is not made: it does not apply, or what it needs is not entered yet (its `why` says which). */
const isSkipped = (f: FormEntry) => !f.applies || (f.why !== null && whyBlocks(f.id));

/** Everything that applies: the forms (the index last: it counts the others' pages) and non-empty materials. */
export function allOutputKeys(w: Workspace, applicantId: string): OutputKey[] {
  const { forms, materials } = listForms(w, applicantId);
  return [
    ...forms.filter((f) => !isSkipped(f) && f.id !== 'index').map((f) => f.id),
    ...materials.filter((m) => m.attachments > 0).map((m) => m.key as OutputKey),
    'index',
  ];
}

/** The forms allOutputKeys leaves out, each with why (`dossier forms` names them: issue 15). */
export function skippedForms(w: Workspace, applicantId: string): { id: FormId; title: Localized; why: Localized }[] {
  return listForms(w, applicantId)
    .forms.filter(isSkipped)
    .map((f) => ({ id: f.id, title: f.title, why: f.why ?? { zh: '不适用', en: 'Does not apply' } }));
}

export function startForms(w: Workspace, input: { applicantId: string; keys: string[] }): { jobId: string } {
  const keys = orderKeys(input.keys as OutputKey[]);
  return { jobId: startJob((job) => generate(w, input.applicantId, keys, job)) };
}

/** Each key once; the index after everything else, so that its page counts are the new ones. */
function orderKeys(keys: OutputKey[]): OutputKey[] {
  const unique = [...new Set(keys)];
  return [...unique.filter((k) => k !== 'index'), ...unique.filter((k) => k === 'index')];
}

async function generate(w: Workspace, applicantId: string, keys: OutputKey[], job: JobContext): Promise<void> {
  for (const [i, key] of keys.entries()) {
    throwIfCancelled(job.signal);
    const title = key.startsWith('material:')
      ? MATERIAL_LABELS[key.slice(9) as keyof typeof MATERIAL_LABELS]
      : FORMS[key as FormId].title;
    const step = (detail = { zh: '', en: '' }) =>
      job.progress(i, keys.length, {
        zh: `正在生成：${title.zh}${detail.zh}`,
        en: `Generating: ${title.en}${detail.en}`,
      });
    step();
    const onParts = (done: number, total: number) =>
      step({ zh: `（第 ${done}/${total} 个文件）`, en: ` (file ${done} of ${total})` });
    job.produced(await generateOne(w, applicantId, key, { signal: job.signal, onProgress: onParts }));
  }
  job.progress(keys.length, keys.length, { zh: '完成', en: 'Done' });
}

/** Makes one output and stores it; returns its record. Throws (and stores nothing) when it cannot be made. */
export async function generateOne(
  w: Workspace,
  applicantId: string,
  key: OutputKey,
  job?: { signal: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<GeneratedFile> {
  const { file, bytes } = await makeOutput(w, applicantId, key, job);
  const staged = await stage(w.store, [bytes], { fileName: file.fileName, maxBytes: Number.MAX_SAFE_INTEGER });
  await commit(w.store, staged);
  const replaced = putGenerated(w.db, applicantId, file);
  // The previous version of this output goes, unless something else names the same bytes.
  if (replaced && !isStoredHashUsed(w.db, replaced)) await rm(storedPath(w.store, replaced), { force: true });
  return file;
}

/**
 * Makes one output without storing it: its record and its bytes. `dossier forms --out` writes them straight
 * to its folder (a reading command writes nothing in the workspace, issue 13); `earlier` are the outputs
 * made before it in that run, whose pages the index counts in place of the stored ones.
 */
export async function makeOutput(
  w: Workspace,
  applicantId: string,
  key: OutputKey,
  job?: { signal: AbortSignal; onProgress?: (done: number, total: number) => void },
  earlier: readonly GeneratedFile[] = [],
): Promise<{ file: GeneratedFile; bytes: Uint8Array }> {
  // The context is read per output: the index needs the pages of the forms made just before it.
  const ctx = formContext(w, applicantId, earlier);
  let made: { bytes: Uint8Array; pages: number; missing: string[]; notes: Localized[] };
  let fileName: string;
  let inputSha256: string;
  if (key.startsWith('material:')) {
    const material = key.slice('material:'.length);
    const parts = materialParts(w, applicantId, material);
    const label = MATERIAL_LABELS[material as keyof typeof MATERIAL_LABELS];
    fileName = `${material} ${label.zh.replace(/[《》]/g, '')}.pdf`;
    inputSha256 = partsInput(key, parts);
    const merged = await mergeMaterial(w, parts, {
      title: `${material} ${label.zh}`,
      signal: job?.signal,
      onProgress: job?.onProgress,
    });
    made = { ...merged, missing: [] };
  } else {
    const id = key as FormId;
    const a = applicability(id, ctx.archive);
    if (!a.applies) throw notApplicable(id, a.why);
    fileName = formFileName(id);
    inputSha256 = formInput(id, ctx);
    made = { ...(await BUILDERS[id](ctx)), notes: [] };
  }
  if (job) throwIfCancelled(job.signal);
  const file: GeneratedFile = {
    key,
    fileName,
    // The store names a file by this very hash (content-addressed): stored or not, the record is the same.
    sha256: sha256Hex(made.bytes),
    size: made.bytes.length,
    pages: made.pages,
    archiveSha256: ctx.fingerprint,
    inputSha256,
    createdAt: new Date().toISOString(),
    missingCharacters: made.missing,
    notes: made.notes,
  };
  return { file, bytes: made.bytes };
}

function notApplicable(id: FormId, why: Localized): DossierError {
  return new DossierError('form_not_applicable', {
    zh: `${FORMS[id].title.zh}：${why.zh}`,
    en: `${FORMS[id].title.en}: ${why.en}`,
  });
}
