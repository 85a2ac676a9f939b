// `npm run bench` (issue 5): merging 100 scan pages into one material PDF — time and peak memory. The scans
// are A4 at 300 dpi (2480×3508), greyscale-looking text pages in colour JPEG of about 300 KB, as a phone
// scanner app or an office scanner makes them; each file distinct (its own comment segment), all linked to
// one work of M-10, then added and merged through the real paths (store, database, PDF worker).
// For the merge's own peak RSS, make the workspace in one process (prepareMaterialBench) and merge in a
// fresh one (benchMergeMaterial with its dataDir), as scripts/bench.mjs does for adding attachments.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { emptyRecord } from '../../../shared/archive/empty.js';
import { createApplicant, putRecord } from '../archiveService.js';
import { addAttachmentFromStream, linkAttachment } from '../attachments/attachmentService.js';
import { storedPath } from '../attachments/store.js';
import { closeWorkspace, currentApplicantId, openWorkspace, type Workspace } from '../workspace.js';
import { materialParts, mergeMaterial } from './materialPdf.js';

const [WIDTH, HEIGHT] = [2480, 3508];

/** A scanned text page: off-white paper with grain, 40 lines of dark "words", a red stamp on some pages. */
async function scanPage(seed: number): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let x = seed * 2654435761 || 1;
  const random = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0xffffffff;
  };
  for (let i = 0; i < raw.length; i += 3) {
    const paper = 238 + Math.floor(random() * 6);
    raw[i] = paper;
    raw[i + 1] = paper;
    raw[i + 2] = paper - 4;
  }
  const fill = (left: number, top: number, w: number, h: number, rgb: [number, number, number]) => {
    for (let row = top; row < Math.min(top + h, HEIGHT); row++) {
      for (let col = left; col < Math.min(left + w, WIDTH); col++) {
        const at = (row * WIDTH + col) * 3;
        raw[at] = rgb[0];
        raw[at + 1] = rgb[1];
        raw[at + 2] = rgb[2];
      }
    }
  };
  for (let line = 0; line < 40; line++) {
    let left = 250;
    const top = 300 + line * 75;
    while (left < WIDTH - 300) {
      const word = 40 + Math.floor(random() * 160);
      fill(left, top, word, 34, [30, 30, 34]);
      left += word + 30;
    }
  }
  if (seed % 3 === 0) fill(1700, 3000, 380, 380, [200, 40, 40]);
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .blur(0.8)
    .jpeg({ quality: 75, chromaSubsampling: '4:2:0' })
    .withMetadata({ density: 300 })
    .toBuffer();
}

/** A distinct file of the same image: a JPEG comment segment (FF FE) after the SOI marker. */
function distinct(jpeg: Buffer, i: number): Buffer {
  const comment = Buffer.from(`dossier bench scan ${i}`);
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

export interface MaterialBenchResult {
  pages: number;
  /** Bytes of the scans merged. */
  inputBytes: number;
  /** Bytes of the merged PDF. */
  bytes: number;
  /** The merge alone (parts listed, worker already started). */
  ms: number;
  /** Highest resident set size sampled during the merge (the worker thread is in this process). */
  peakRssMB: number;
  /** Resident set size just before the merge. */
  rssBeforeMB: number;
  /** The process's high-water mark at the end (includes making the scans when they were made here). */
  maxRssMB: number;
}

const SLOT = 'M-10/work';
const RECORD = 'report1';

/** A workspace in `dataDir` with one applicant and `pages` one-page scans linked to one work of M-10. */
export async function prepareMaterialBench(dataDir: string, pages = 100): Promise<{ inputBytes: number }> {
  const w = openWorkspace(dataDir);
  try {
    const applicantId = createApplicant(w.db);
    putRecord(w.db, {
      applicantId,
      kind: 'works',
      record: {
        ...emptyRecord('works', RECORD),
        type: 'report',
        reportKind: 'feasibility',
        title: '某热电厂扩建工程可行性研究报告',
      },
    });
    const bases = await Promise.all([1, 2, 3, 4].map(scanPage));
    let inputBytes = 0;
    for (let i = 0; i < pages; i++) {
      const bytes = distinct(bases[i % bases.length]!, i);
      inputBytes += bytes.length;
      const fileName = `报告第${i + 1}页.jpg`;
      const { attachment } = await addAttachmentFromStream(w, [bytes], { fileName, applicantId });
      linkAttachment(w, { attachmentId: attachment.id, recordId: RECORD, slot: SLOT });
    }
    return { inputBytes };
  } finally {
    closeWorkspace(w);
  }
}

/**
 * Merges the M-10 scans of a workspace made by prepareMaterialBench (`dataDir`), or, without one, makes a
 * temp workspace of `pages` scans first (in this process: its peak RSS then includes making the scans).
 * `outFile` keeps the merged PDF, to look at it.
 */
export async function benchMergeMaterial(
  pages = 100,
  options: { dataDir?: string; outFile?: string } = {},
): Promise<MaterialBenchResult> {
  const temp = options.dataDir ? null : mkdtempSync(path.join(os.tmpdir(), 'dossier-bench-material-'));
  const dataDir = options.dataDir ?? temp!;
  try {
    if (temp) await prepareMaterialBench(dataDir, pages);
    const w = openWorkspace(dataDir);
    try {
      return await measure(w, pages, options.outFile);
    } finally {
      closeWorkspace(w);
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

async function measure(w: Workspace, pages: number, outFile: string | undefined): Promise<MaterialBenchResult> {
  const applicantId = currentApplicantId(w);
  if (applicantId === null) throw new Error('the bench workspace has no applicant');
  const parts = materialParts(w, applicantId, 'M-10');
  if (parts.length !== pages) throw new Error(`expected ${pages} parts, got ${parts.length}`);
  // Start the worker first: its start-up is not the merge's.
  await mergeMaterial(w, parts.slice(0, 1), { title: 'warm-up' });

  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const t = performance.now();
  let merged;
  try {
    merged = await mergeMaterial(w, parts, { title: 'M-10 论文、著作、报告等业绩成果' });
  } finally {
    clearInterval(sampler);
  }
  const ms = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().rss);
  if (merged.pages !== pages) throw new Error(`expected ${pages} pages, got ${merged.pages}`);
  if (outFile) writeFileSync(outFile, merged.bytes);
  const MB = 1024 * 1024;
  return {
    pages: merged.pages,
    inputBytes: parts.reduce((sum, p) => sum + statSync(storedPath(w.store, p.sha256)).size, 0),
    bytes: merged.bytes.length,
    ms,
    peakRssMB: peak / MB,
    rssBeforeMB: rssBefore / MB,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}
