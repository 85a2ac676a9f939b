// `dossier unit-list [--data DIR] [--json]` (issue 19): the unit's applicants table on the command line —
// the same rows as 申报人一览 (core/unit/table.ts): where each applicant stands on the line of steps, the
// verdict from the applicant's own rules with the unit's parameters, the materials complete or missing, the
// publicity. The text output masks ID numbers (a terminal is read over shoulders and pasted into chats);
// --json is for programs and carries what the table carries. Exit 0 when it ran, 1 when it could not,
// 2 on bad usage (check's conventions). Reading never creates a workspace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../shared/api/contract.js';
import { maskIdNumber } from '../shared/checks/idNumber.js';
import { verdictWords } from '../shared/rules/verdict.js';
import { STAGE_LABELS } from '../shared/unit/pipeline.js';
import type { UnitApplicantRow } from '../shared/unit/schema.js';
import { reportFailure, reportThrown } from './checkCommand.js';
import { DossierError } from './core/errors.js';
import { unitApplicants } from './core/unit/table.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

export interface UnitListOptions {
  dataDir: string;
  json: boolean;
  extra: readonly string[];
  lang: Lang;
}

/** What `--json` prints: one entry per applicant, in the table's order. */
export interface UnitListJson {
  applicants: {
    id: string;
    name: string;
    idNumber: string;
    revision: number;
    status: UnitApplicantRow['status'];
    stage: UnitApplicantRow['stage'];
    verdict: UnitApplicantRow['verdict'];
    counts: UnitApplicantRow['counts'];
    points: UnitApplicantRow['points'];
    materials: { complete: boolean; needed: number; done: number; missing: Localized[] };
    publicity: UnitApplicantRow['publicity'];
  }[];
}

export function unitListJson(rows: readonly UnitApplicantRow[]): UnitListJson {
  return {
    applicants: rows.map((r) => ({
      id: r.applicantId,
      name: r.name,
      idNumber: r.idNumber,
      revision: r.revision,
      status: r.status,
      stage: r.stage,
      verdict: r.verdict,
      counts: r.counts,
      points: r.points,
      materials: {
        complete: r.materials.missing.length === 0,
        needed: r.materials.needed,
        done: r.materials.complete,
        missing: r.materials.missing.map((m) => m.message),
      },
      publicity: r.publicity,
    })),
  };
}

function textOf(rows: readonly UnitApplicantRow[], lang: Lang): string {
  if (rows.length === 0) {
    return lang === 'zh'
      ? '工作区中还没有申报人。导入申报包：dossier unit-import 文件夹'
      : 'No applicants yet. Import packages: dossier unit-import FOLDER';
  }
  const lines: string[] = [];
  for (const r of rows) {
    const materials =
      r.materials.missing.length === 0
        ? lang === 'zh'
          ? '材料齐全'
          : 'materials complete'
        : lang === 'zh'
          ? `缺少材料 ${r.materials.missing.length} 项`
          : `${r.materials.missing.length} proof(s) missing`;
    lines.push(
      [
        r.name || r.applicantId,
        maskIdNumber(r.idNumber),
        lang === 'zh' ? `第 ${r.revision} 版` : `revision ${r.revision}`,
        STAGE_LABELS[r.stage][lang],
        verdictWords(r.verdict, r.counts)[lang],
        materials,
      ].join(' · '),
    );
    for (const p of r.points) lines.push(`    ${p.status === 'fail' ? '✗' : '?'} ${p.message[lang]}`);
    for (const m of r.materials.missing) lines.push(`    − ${m.message[lang]}`);
  }
  return lines.join('\n');
}

export function runUnitList(o: UnitListOptions): number {
  try {
    if (o.extra.length > 0) {
      throw new DossierError('wrong_usage', {
        zh: `unit-list 不接受参数：${o.extra.join(' ')}（用法：dossier unit-list [--data 目录] [--json]）`,
        en: `unit-list takes no arguments: ${o.extra.join(' ')} (usage: dossier unit-list [--data DIR] [--json])`,
      });
    }
    if (!existsSync(path.join(o.dataDir, DATABASE_FILE))) {
      return reportFailure(
        o,
        {
          code: 'wrong_workspace',
          message: {
            zh: `${o.dataDir} 中没有工作区（单位工作区可用 dossier unit-profile --set 单位信息.json 建立）。`,
            en: `There is no workspace in ${o.dataDir} (make a unit's with dossier unit-profile --set UNIT.json).`,
          },
        },
        1,
      );
    }
    const w = openWorkspace(o.dataDir, { readOnly: true });
    try {
      const { rows } = unitApplicants(w);
      if (o.json) process.stdout.write(`${JSON.stringify(unitListJson(rows), null, 2)}\n`);
      else console.log(textOf(rows, o.lang));
      return 0;
    } finally {
      closeWorkspace(w);
    }
  } catch (e) {
    if (e instanceof DossierError && e.code === 'wrong_usage') return reportFailure(o, e.toApiError(), 2);
    return reportThrown({ json: o.json, lang: o.lang }, e, { command: 'dossier unit-list', dataDir: o.dataDir });
  }
}
