// `dossier forms`: every form that applies to the workspace's archive (issue 5) and the merged PDF of every
// material with scans, written to a folder — the same files the forms screen makes. Each file is written
// whole (temp file, fsync, rename). Ctrl+C stops after the file in progress. Exit codes: 0 all written,
// 1 something could not be made (the others are still written), 2 invalid input.
// In a unit's workspace the one form of the unit's own is F-4 (issue 19): a public institution's sheet,
// as its 岗位信息表 screen prints it (草稿 until complete, said on stdout); an enterprise is told why it has
// none and nothing is written. The applicants' forms are theirs to make; the unit's publicity PDFs are
// made on 公示.
import { mkdirPrivateSync, writeFileAtomic } from './core/durable.js';
import { writeNoted } from './core/leftovers.js';
import path from 'node:path';
import type { GeneratedFile, Localized } from '../shared/api/contract.js';
import { OutputKey } from '../shared/api/contract.js';
import { DossierError } from './core/errors.js';
import { allOutputKeys, makeOutput, skippedForms } from './core/forms/formsService.js';
import { makeUnitF4, unitForF4 } from './core/forms/unitF4.js';
import { isUnitWorkspace } from './core/unit/mode.js';
import { closeWorkspace, currentApplicantId, openWorkspace, type Workspace } from './core/workspace.js';

export interface FormsOptions {
  dataDir: string;
  out: string | undefined;
  only: string | undefined;
  say: (text: Localized) => string;
}

export async function runForms({ dataDir, out, only, say }: FormsOptions): Promise<number> {
  if (!out) throw new DossierError('wrong_usage', { zh: 'forms 需要 --out 文件夹', en: 'forms needs --out DIR' });
  const keys = only?.split(',').map((k) => k.trim());
  for (const key of keys ?? []) {
    if (!OutputKey.safeParse(key).success) {
      throw new DossierError('wrong_output', {
        zh: `--only 中无法识别：${key}（可用 F-1、F-3、F-4、M-2、M-3、index、material:M-4 …）`,
        en: `--only: unknown output ${key} (use F-1, F-3, F-4, M-2, M-3, index, material:M-4 …)`,
      });
    }
  }
  // A reading command (issue 13): the forms go to --out only, never into the workspace, whose database is
  // opened read-only — the app's forms screen keeps its own.
  const w = openWorkspace(dataDir, { readOnly: true });
  if (isUnitWorkspace(w)) {
    try {
      return await runUnitForms(w, { out, keys, say });
    } finally {
      closeWorkspace(w);
    }
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const applicantId = currentApplicantId(w);
    if (!applicantId) {
      throw new DossierError('no_archive', { zh: '工作区中没有档案。', en: 'The workspace holds no archive.' });
    }
    mkdirPrivateSync(out);
    const asked = (keys as Parameters<typeof makeOutput>[2][] | undefined) ?? allOutputKeys(w, applicantId);
    // Every form left out is named with why (F-4 before the unit's figures, F-3 without 破格, M-8 before the
    // summary), never silently: the applicant then knows what to enter, or that nothing is missing.
    if (!keys) {
      for (const f of skippedForms(w, applicantId)) {
        console.error(
          say({ zh: `未生成 ${f.id} ${f.title.zh}：${f.why.zh}`, en: `Not made: ${f.id} ${f.title.en}: ${f.why.en}` }),
        );
      }
    }
    // The index counts the others' pages: made last.
    const todo = [...asked.filter((k) => k !== 'index'), ...asked.filter((k) => k === 'index')];
    const made: GeneratedFile[] = [];
    let failed = 0;
    for (const [i, key] of todo.entries()) {
      if (controller.signal.aborted) {
        console.error(say({ zh: '已取消：已写出的文件保留。', en: 'Cancelled: the files written so far are kept.' }));
        return 1;
      }
      const counter = `[${i + 1}/${todo.length}]`;
      try {
        const output = await makeOutput(w, applicantId, key, { signal: controller.signal }, made);
        made.push(output.file);
        writeOut(w, output, out, counter, say);
      } catch (e) {
        if (!(e instanceof DossierError)) throw e;
        if (e.code === 'cancelled') continue;
        failed += 1;
        console.error(`${counter} ${key}: ${say(e.localized)}`);
      }
    }
    console.error(say({ zh: `输出文件夹：${path.resolve(out)}`, en: `Output folder: ${path.resolve(out)}` }));
    return failed ? 1 : 0;
  } finally {
    process.off('SIGINT', stop);
    closeWorkspace(w);
  }
}

/**
 * Writes an output into the folder (whole: temp file, fsync, rename) and says so on stderr: its pages and
 * size, characters no font has, and its notes. Returns the path written.
 */
function writeOut(
  w: Workspace,
  { file, bytes }: { file: GeneratedFile; bytes: Uint8Array },
  out: string,
  counter: string,
  say: FormsOptions['say'],
): string {
  const target = path.join(out, file.fileName);
  writeNoted(w.dataDir, target, () => writeFileAtomic(target, bytes));
  const kb = Math.ceil(file.size / 1024);
  console.error(
    `${counter} ${file.fileName} — ${say({ zh: `${file.pages} 页，${kb} KB`, en: `${file.pages} pages, ${kb} KB` })}`,
  );
  if (file.missingCharacters.length) {
    const chars = file.missingCharacters.join(' ');
    console.error(
      say({ zh: `  注意：字库缺字，已印为 〓：${chars}`, en: `  Note: no font has ${chars}; printed as 〓` }),
    );
  }
  for (const note of file.notes) console.error(`  ${say(note)}`);
  return target;
}

/**
 * A unit's workspace: its F-4 (asked for by --only F-4, or by default), refused before the folder is made
 * when the unit is no public institution or another output is asked for. The file is written whole;
 * stdout says whether it is a draft and why, or that it is the sheet to be sealed.
 */
async function runUnitForms(
  w: Workspace,
  { out, keys, say }: { out: string; keys: string[] | undefined; say: FormsOptions['say'] },
): Promise<number> {
  const others = (keys ?? []).filter((k) => k !== 'F-4');
  if (others.length > 0) {
    throw new DossierError('wrong_output', {
      zh: `单位工作区只生成本单位的 F-4（岗位信息表），不能生成：${others.join('、')}。申报人的表格由申报人在自己的工作区生成；公示材料在“公示”中生成。`,
      en: `A unit's workspace makes only the unit's F-4 (post information), not: ${others.join(', ')}. The applicants make their own forms in their workspaces; the publicity PDFs are made under Publicity.`,
    });
  }
  // Refused (an enterprise, no profile) before anything is written, the output folder included.
  unitForF4(w);
  mkdirPrivateSync(out);
  const { file, draft, bytes } = await makeUnitF4(w, { keep: false });
  const target = writeOut(w, { file, bytes }, out, '[1/1]', say);
  console.log(
    say(
      draft
        ? {
            zh: `草稿：${path.resolve(target)}\n岗位信息尚未完成（${draft.zh}），每页标有“草稿”，仅供核对，请勿盖章报送。`,
            en: `Draft: ${path.resolve(target)}\nThe post information is not complete (${draft.en}); every page is marked 草稿 (draft): for checking only, not for the seal.`,
          }
        : {
            zh: `已完成：${path.resolve(target)}\n岗位信息填写完整，可打印后交主管部门（或人力社保部门）签署意见并盖章。`,
            en: `Complete: ${path.resolve(target)}\nThe post information is complete: print it for the competent (or HR) department's opinion and seal.`,
          },
    ),
  );
  return 0;
}
