// `dossier post-info`: the unit's figures for F-4 《事业单位人员职称申报岗位信息表》 (附件4, N-14, M-12) on the
// command line — the same store as the 岗位信息表 screen (forms/context.ts) and the same checks
// (shared/forms/postInfo.ts postInfoProblems, through postInfoCheck). Without --set: the figures saved (or
// the empty ones) with their problems, as JSON on stdout. `--set FILE.json`: the file's figures (the shape
// of the output's "postInfo"; fields left out are empty) read by PostInfo's schema, then checked; any
// problem refuses the whole file, each named by its field — exit 2, nothing changed. (The screen keeps a
// draft with problems while it is being typed; a file is complete or refused.)
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Issue, Localized } from '../shared/api/contract.js';
import { emptyPostInfo, PostInfo } from '../shared/forms/postInfo.js';
import { DossierError } from './core/errors.js';
import { getPostInfo, postInfoCheck, setPostInfo } from './core/forms/context.js';
import { toIssues } from './core/zodIssues.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';
import { readJsonObjectFile } from './jsonFileArg.js';

export interface PostInfoOptions {
  dataDir: string;
  /** The `--set FILE.json` argument. */
  set: string | undefined;
  /** Positional arguments after `post-info` (none are expected). */
  extra: readonly string[];
  say: (text: Localized) => string;
}

/** `dossier post-info` on stdout: what postInfo:get gives the screen. */
export interface PostInfoJson {
  postInfo: PostInfo;
  problems: Issue[];
  saved: boolean;
}

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

/** Objects merged field by field over the empty figures, so that a file names only what it fills in. */
function over(base: unknown, value: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(base) || !isObject(value)) return value;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(value)) merged[key] = key in base ? over(base[key], v) : v;
  return merged;
}

/** The figures of FILE.json, or a refusal naming the file (unreadable, not JSON) or each bad field. */
function readFigures(file: string): PostInfo {
  const value = readJsonObjectFile(file, { zh: '岗位信息的各字段', en: 'the post figures' });
  const parsed = PostInfo.safeParse(over(emptyPostInfo(), value));
  if (!parsed.success) throw refused(toIssues(parsed.error));
  return parsed.data;
}

const refused = (issues: Issue[]) =>
  new DossierError(
    'wrong_post_info',
    {
      zh: `岗位信息有 ${issues.length} 处问题，未作修改：`,
      en: `The post figures have ${issues.length} problem(s); nothing was changed:`,
    },
    issues,
  );

export function runPostInfo({ dataDir, set, extra, say }: PostInfoOptions): number {
  if (extra.length > 0) {
    throw usage(
      `post-info 不接受参数：${extra.join(' ')}（用法：dossier post-info [--data 目录] [--set 文件.json]）`,
      `post-info takes no arguments: ${extra.join(' ')} (usage: dossier post-info [--data DIR] [--set FILE.json])`,
    );
  }
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    throw new DossierError('wrong_workspace', {
      zh: `${dataDir} 中没有工作区。`,
      en: `There is no workspace in ${dataDir}.`,
    });
  }
  // The file is read and its shape checked before the workspace is opened for writing.
  const figures = set === undefined ? null : readFigures(set);
  const w = openWorkspace(dataDir, { readOnly: figures === null });
  try {
    if (figures === null) {
      const saved = getPostInfo(w.db);
      const postInfo = saved ?? emptyPostInfo();
      const out: PostInfoJson = { postInfo, problems: postInfoCheck(w, postInfo), saved: saved !== null };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      return 0;
    }
    const problems = postInfoCheck(w, figures);
    if (problems.length > 0) throw refused(problems);
    setPostInfo(w.db, figures);
    console.log(say({ zh: `已保存岗位信息：${dataDir}`, en: `Post figures saved: ${dataDir}` }));
    return 0;
  } finally {
    closeWorkspace(w);
  }
}
