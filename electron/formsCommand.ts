// `dossier forms`: every form that applies to the workspace's archive (issue 5) and the merged PDF of every
// material with scans, written to a folder — the same files the forms screen makes. Each file is written
// whole (temp file, fsync, rename). Ctrl+C stops after the file in progress. Exit codes: 0 all written,
// 1 something could not be made (the others are still written), 2 invalid input.
import { mkdirSync } from 'node:fs';
import { copyFileAtomic } from './core/durable.js';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { OutputKey } from '../shared/api/contract.js';
import { storedPath } from './core/attachments/store.js';
import { DossierError } from './core/errors.js';
import { allOutputKeys, generateOne } from './core/forms/formsService.js';
import { closeWorkspace, currentApplicantId, openWorkspace } from './core/workspace.js';

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
  const w = openWorkspace(dataDir);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const applicantId = currentApplicantId(w);
    if (!applicantId) {
      throw new DossierError('no_archive', { zh: '工作区中没有档案。', en: 'The workspace holds no archive.' });
    }
    mkdirSync(out, { recursive: true });
    const todo = (keys as Parameters<typeof generateOne>[2][] | undefined) ?? allOutputKeys(w, applicantId);
    let failed = 0;
    for (const [i, key] of todo.entries()) {
      if (controller.signal.aborted) {
        console.error(say({ zh: '已取消：已写出的文件保留。', en: 'Cancelled: the files written so far are kept.' }));
        return 1;
      }
      const counter = `[${i + 1}/${todo.length}]`;
      try {
        const file = await generateOne(w, applicantId, key, { signal: controller.signal });
        copyFileAtomic(storedPath(w.store, file.sha256), path.join(out, file.fileName));
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
