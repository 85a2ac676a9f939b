// 申报材料目录: every material of the notice's list (附件2, M-1 … M-12) in its official order, with its files
// named by what each document is (as the material's merged PDF names them: materialPdf.ts partsOf) and their
// pages, a subtotal per material of several files and the total; the note column says what is still
// missing whenever a material is incomplete (even beside its files: M-3's printed form is listed, its
// stamped scan is not), where an extracted material comes from, and what does not apply.
import { MATERIAL_IDS } from '../../../shared/materials/requirements.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import { finishForm, startForm } from './formStart.js';
import { table, type Merge } from './pdf/blocks.js';
import type { Cell } from './pdf/formDoc.js';
import type { FormBuilder, IndexEntry } from './types.js';

/** Shares of the columns: 序号, 材料, 文件, 页数, 备注 — the documents' names get the room. */
const COLS = [7, 25, 40, 8, 20] as const;

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const cell = (text: string, i: number, align: 'left' | 'center' = 'left'): Cell => ({ text, span: COLS[i]!, align });

/** The entries in the notice's order (unknown materials last, in their given order). */
export function officialOrder(index: readonly IndexEntry[]): IndexEntry[] {
  const rank = (e: IndexEntry) => {
    const i = (MATERIAL_IDS as readonly string[]).indexOf(e.material);
    return i === -1 ? MATERIAL_IDS.length : i;
  };
  return index
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

/** 序号: the material's number in 附件2 (M-4 → 4). */
const numberOf = (material: string) => /^M-(\d+)$/.exec(material)?.[1] ?? material;

export const buildMaterialIndex: FormBuilder = async (ctx) => {
  const { profile, unit, application } = ctx.archive;
  const doc = await startForm('index', ctx);
  await doc.title(FORMS.index.title.zh);
  const titleApplied = application.specialty
    ? `${application.titleApplied}（${application.specialty}）`
    : application.titleApplied;
  // Whose materials: 申报人 and 申报职称 side by side, 工作单位 on its own row, each in its own cell.
  const head = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
  const value = (text: string, span: number): Cell => ({ text, span });
  await doc.row([head('申报人', 14), value(profile.name, 30), head('申报职称', 14), value(titleApplied, 42)], {
    minHeight: 26,
  });
  await doc.row([head('工作单位', 14), value(unit.name, 86)], { minHeight: 26 });
  doc.gap(10);

  const rows: Cell[][] = [['序号', '材　料', '文　件', '页数', '备　注'].map((h, i) => label(h, COLS[i]!))];
  const merges: Merge[] = [];
  let total = 0;
  for (const entry of officialOrder(ctx.index)) {
    const first = rows.length;
    const note = entry.note?.zh ?? '';
    const material = [cell(numberOf(entry.material), 0, 'center'), cell(entry.title.zh, 1)];
    if (entry.files.length === 0) {
      rows.push([...material, cell('—', 2, 'center'), cell('', 3), cell(note, 4)]);
      continue;
    }
    let subtotal = 0;
    for (const file of entry.files) {
      rows.push([...material, cell(file.name, 2), cell(String(file.pages), 3, 'center'), cell(note, 4)]);
      subtotal += file.pages;
    }
    // A subtotal only sums several files: under a single file it would repeat its count.
    if (entry.files.length > 1) {
      rows.push([...material, label('小计', COLS[2]), cell(String(subtotal), 3, 'center'), cell(note, 4)]);
    }
    total += subtotal;
    const count = rows.length - first;
    // The number, the material and its note stand once beside all its files.
    for (const col of [0, 1, 4]) merges.push({ row: first, rows: count, col, cell: rows[first]![col]! });
  }
  rows.push([
    label('合计', COLS[0] + COLS[1] + COLS[2]),
    { text: String(total), span: COLS[3], align: 'center', bold: true },
    cell('', 4),
  ]);
  await table(doc, rows, { merges, repeat: [0] });
  return finishForm(doc);
};
