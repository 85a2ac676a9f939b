// `dossier materials`: the materials view (材料清单, issue 3) on the command line — for each of the notice's
// twelve materials M-1 … M-12, what the archive asks for, what is attached and what is missing, computed by
// the same computeMaterials as the app's screen (shared/materials/requirements.ts). On a workspace: its
// current applicant's archive, attachments and parameters (the years of the yearly proofs). On an exported
// archive JSON: no attachments are known (`attachmentsKnown: false`; every proof that needs a scan is then
// listed as missing) and the default parameters apply, unless --data also names a workspace: then its own.
// It reports, it does not judge: exit 0 whenever it ran, 2 on invalid input (check's conventions); with
// --json every outcome is JSON on stdout, `{ ok: false, error }` when it cannot run. Reading never creates
// a workspace.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiError, Localized } from '../shared/api/contract.js';
import type { ArchiveDocument } from '../shared/archive/schema.js';
import type { AttachmentView } from '../shared/attachments/schema.js';
import {
  computeMaterials,
  yearsOf,
  type ItemStatus,
  type MaterialState,
  type MaterialStatus,
  type ProofWindow,
  type YearlyKind,
} from '../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../shared/rules/pack2020/params.js';
import { reportFailure, reportThrown } from './checkCommand.js';
import { parseArchiveJson, readArchive } from './core/archiveService.js';
import { listAttachments } from './core/attachments/attachmentService.js';
import { DossierError, exitCodeOf } from './core/errors.js';
import { getParams } from './core/rulesService.js';
import { closeWorkspace, currentApplicantId, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

export interface MaterialsOptions {
  /** An exported archive JSON, or undefined for the workspace's archive. */
  file: string | undefined;
  /** The workspace, or null for a file read with the default parameters. */
  dataDir: string | null;
  json: boolean;
  /** Positional arguments after the file (none are expected). */
  extra: readonly string[];
  lang: Lang;
}

/** One attached file of an item. */
export interface MaterialFileJson {
  id: string;
  fileName: string;
  sha256: string;
  pages: number;
}

export interface MaterialItemJson {
  label: Localized;
  year: number | null;
  recordId: string | null;
  slot: string;
  status: ItemStatus;
  message: Localized | null;
  /** Handed in on paper instead of a scan (status `paper`): why. */
  paperReason: string | null;
  files: MaterialFileJson[];
}

export interface MaterialJson {
  id: string;
  label: Localized;
  status: MaterialState;
  items: MaterialItemJson[];
}

/** `dossier materials --json`. */
export interface MaterialsJson {
  materials: MaterialJson[];
  /** Materials whose state is not 'incomplete'. */
  complete: number;
  total: number;
  /** Items missing, over all materials. */
  missing: number;
  /** False for an exported file: its attachments are not known, so its scans count as missing. */
  attachmentsKnown: boolean;
}

const L = (zh: string, en: string): Localized => ({ zh, en });

const MARK: Record<ItemStatus, string> = {
  attached: '✓',
  missing: '✗',
  paper: '□',
  'not-needed': '–',
  generated: '⚙',
  'unit-provides': '◇',
  attention: '!',
};

const YEARLY: { kind: YearlyKind; label: Localized }[] = [
  { kind: 'ce', label: L('继续教育', 'continuing education') },
  { kind: 'pension', label: L('养老保险', 'pension insurance') },
  { kind: 'assessment', label: L('年度考核', 'annual assessment') },
];

const missingCount = (m: MaterialStatus) => m.items.filter((i) => i.status === 'missing').length;

function stateText(m: MaterialStatus): Localized {
  switch (m.state) {
    case 'complete':
      return L('齐全', 'complete');
    case 'incomplete':
      return L(`缺 ${missingCount(m)} 项`, `${missingCount(m)} missing`);
    case 'unit-provides':
      return L('由单位提供', 'provided by the unit');
    case 'not-needed':
      return L('无需提供', 'not needed');
    case 'generated':
      return L('将生成', 'will be generated');
  }
}

/** The view as JSON: items with their attached files resolved (id, name, hash, pages). */
export function materialsJson(
  materials: readonly MaterialStatus[],
  attachments: readonly AttachmentView[],
  attachmentsKnown: boolean,
): MaterialsJson {
  const byId = new Map(attachments.map((a) => [a.id, a]));
  return {
    materials: materials.map((m) => ({
      id: m.id,
      label: m.label,
      status: m.state,
      items: m.items.map((i) => ({
        label: i.label,
        year: i.year,
        recordId: i.recordId,
        slot: i.slot,
        status: i.status,
        message: i.message,
        paperReason: i.paperReason,
        files: i.attachmentIds.flatMap((id) => {
          const a = byId.get(id);
          return a ? [{ id: a.id, fileName: a.fileName, sha256: a.sha256, pages: a.pages }] : [];
        }),
      })),
    })),
    complete: materials.filter((m) => m.state !== 'incomplete').length,
    total: materials.length,
    missing: materials.reduce((n, m) => n + missingCount(m), 0),
    attachmentsKnown,
  };
}

interface Subject {
  /** What was read: the workspace or the file. */
  name: Localized;
  /** Where the years come from. */
  paramsFrom: Localized;
}

export function formatMaterials(
  view: MaterialsJson,
  materials: readonly MaterialStatus[],
  window: ProofWindow,
  subject: Subject,
  lang: Lang,
): string {
  const say = (t: Localized) => t[lang];
  const list = (years: number[]) => years.join(lang === 'zh' ? '、' : ', ');
  const years = YEARLY.map((y) => `${say(y.label)} ${list(yearsOf(window, y.kind))}`).join(lang === 'zh' ? '；' : '; ');
  const lines = [
    say(L(`材料清单：${subject.name.zh}`, `Materials: ${subject.name.en}`)),
    say(L(`核查年度：${years}（${subject.paramsFrom.zh}）`, `Years asked for: ${years} (${subject.paramsFrom.en})`)),
  ];
  if (!view.attachmentsKnown) {
    lines.push(
      say(
        L(
          '档案文件不含附件：需要扫描件的各项均按“缺”列出，是否已附无从得知。',
          'An archive file holds no attachments: every item that needs a scan is listed as missing, whether or not it has one.',
        ),
      ),
    );
  }
  materials.forEach((m, index) => {
    lines.push('', `${m.id} ${say(m.label)} — ${say(stateText(m))}`);
    if (m.note) lines.push(`  ${say(L('说明：', 'Note: '))}${say(m.note)}`);
    m.items.forEach((item, i) => {
      const files = view.materials[index]!.items[i]!.files.map((f) => f.fileName);
      const attached = files.length > 0 ? ` — ${files.join(lang === 'zh' ? '、' : ', ')}` : '';
      lines.push(`  ${MARK[item.status]} ${say(item.label)}${attached}`);
      if (item.status === 'attention' && item.message) lines.push(`      ${say(item.message)}`);
      if (item.status === 'paper') {
        lines.push(`      ${say(L('提交纸质件，理由：', 'Handed in on paper, reason: '))}${item.paperReason ?? ''}`);
      }
    });
  });
  const attention = materials.reduce((n, m) => n + m.items.filter((i) => i.status === 'attention').length, 0);
  lines.push(
    '',
    say(
      L(
        `齐全 ${view.complete} / ${view.total}，缺 ${view.missing} 项${attention ? `，需注意 ${attention} 项` : ''}`,
        `Complete ${view.complete} / ${view.total}, ${view.missing} item(s) missing${attention ? `, ${attention} to look at` : ''}`,
      ),
    ),
  );
  return lines.join('\n');
}

export function runMaterials(o: MaterialsOptions): number {
  try {
    return materials(o);
  } catch (e) {
    if (e instanceof DossierError) return reportFailure(o, readError(e), exitCodeOf(e));
    return reportThrown(o, e, { command: 'dossier materials', dataDir: o.dataDir ?? undefined });
  }
}

/** parseArchiveJson speaks of an import; here nothing is imported, so the refusal says only what is wrong. */
function readError(e: DossierError): ApiError {
  const error = e.toApiError();
  if (e.code !== 'invalid_archive' || !e.issues) return error;
  const n = e.issues.length;
  return {
    ...error,
    message: L(`档案不符合格式，共 ${n} 处问题：`, `The archive does not fit the format: ${n} problem(s):`),
  };
}

function materials(o: MaterialsOptions): number {
  const fail = (code: string, message: Localized) => reportFailure(o, { code, message }, 2);
  if (o.extra.length > 0) {
    return fail(
      'wrong_usage',
      L(
        `多余的参数：${o.extra.join(' ')}（只能给一个档案文件）`,
        `Unexpected argument: ${o.extra.join(' ')} (one archive file at most)`,
      ),
    );
  }
  if (o.dataDir !== null && !existsSync(path.join(o.dataDir, DATABASE_FILE))) {
    return fail('no_workspace', {
      zh: `不是工作区（没有 ${DATABASE_FILE}）：${o.dataDir}`,
      en: `Not a workspace (no ${DATABASE_FILE}): ${o.dataDir}`,
    });
  }
  let archive: ArchiveDocument;
  let attachments: AttachmentView[] = [];
  let window: ProofWindow = DEFAULT_PARAMS_2020;
  let subject: Subject;
  if (o.file !== undefined) {
    let text: string;
    try {
      text = readFileSync(o.file, 'utf8');
    } catch (e) {
      return fail('cannot_read', L(`无法读取文件 ${o.file}：${String(e)}`, `Cannot read ${o.file}: ${String(e)}`));
    }
    archive = parseArchiveJson(text); // DossierError naming every problem → exit 2
    subject = {
      name: L(`档案文件 ${o.file}（未含附件）`, `archive file ${o.file} (no attachments)`),
      paramsFrom: L('默认参数', 'the default parameters'),
    };
    if (o.dataDir !== null) {
      const workspace = openWorkspace(o.dataDir, { readOnly: true });
      try {
        window = getParams(workspace.db);
      } finally {
        closeWorkspace(workspace);
      }
      subject.paramsFrom = L(
        `工作区 ${o.dataDir} 的规则包参数`,
        `the rule pack parameters of the workspace ${o.dataDir}`,
      );
    }
  } else {
    const workspace = openWorkspace(o.dataDir!, { readOnly: true });
    try {
      const applicantId = currentApplicantId(workspace);
      if (!applicantId) return fail('no_archive', L('工作区中没有档案。', 'The workspace holds no archive.'));
      archive = readArchive(workspace.db, applicantId);
      attachments = listAttachments(workspace, { applicantId }).attachments;
      window = getParams(workspace.db);
      subject = {
        name: L(`工作区 ${o.dataDir}`, `workspace ${o.dataDir}`),
        paramsFrom: L(
          '工作区的规则包参数，可用 dossier params 修改',
          "the workspace's parameters; dossier params changes them",
        ),
      };
    } finally {
      closeWorkspace(workspace);
    }
  }
  const view = computeMaterials(archive, attachments, window);
  const json = materialsJson(view, attachments, o.file === undefined);
  if (o.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else console.log(formatMaterials(json, view, window, subject, o.lang));
  return 0;
}
