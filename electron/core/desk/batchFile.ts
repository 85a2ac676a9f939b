// A unit's batch file as the desk reads it (issue 17; docs/batch-format.md): read where it lies — the ZIP
// checked as strictly as a package (the same reader, zipRead.ts), then batch.json read and matched against
// the entries (nothing missing, nothing else) — before a byte is copied. Each package is then streamed into
// the desk's incoming/ as an upload of its own, its size and SHA-256 checked against batch.json, for the one
// import pipeline. A file that is no batch — junk, truncated, a package renamed — is refused whole, said why.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Localized } from '../../../shared/api/contract.js';
import { DossierError } from '../errors.js';
import { runInPackageWorker } from '../package/packagePool.js';
import { forgetUpload, receiveUpload, requireUpload, type Upload } from '../package/uploads.js';
import { openPackage, type OpenedPackage, type PackageEntry } from '../package/zipRead.js';
import { BATCH_JSON, BatchDoc, SUMMARY_PDF, SUMMARY_XLSX } from '../unit/batch.js';
import type { Workspace } from '../workspace.js';

/** batch.json is small; a bigger one is not a unit's. */
const MAX_BATCH_JSON = 16 * 2 ** 20;

export interface OpenedBatch {
  file: string;
  fileName: string;
  sha256: string;
  doc: BatchDoc;
  /** Each listed package with its entry, in batch.json's order. */
  items: { listed: BatchDoc['packages'][number]; entry: PackageEntry }[];
}

function notABatch(fileName: string, why: Localized, code = 'not_a_batch'): DossierError {
  return new DossierError(code, {
    zh: `“${fileName}”不是可接收的报送批次：${why.zh} 未接收其中任何内容。`,
    en: `"${fileName}" is not a batch this desk can receive: ${why.en} Nothing of it was received.`,
  });
}

export async function readBatch(file: string, signal?: AbortSignal): Promise<OpenedBatch> {
  const fileName = path.basename(file);
  let pkg: OpenedPackage;
  try {
    pkg = await openPackage(file);
  } catch (e) {
    if (!(e instanceof DossierError)) throw e;
    // The reader speaks of packages; the cause (junk, truncated, not a ZIP) is the same for a batch.
    throw notABatch(
      fileName,
      { zh: `不是完整的报送批次压缩包（${e.localized.zh}）`, en: `not a whole batch ZIP (${e.localized.en})` },
      e.code,
    );
  }
  try {
    const json = pkg.entry(BATCH_JSON);
    if (!json) {
      if (pkg.entry('mimetype')) {
        throw notABatch(
          fileName,
          {
            zh: '这是一个申报包（被改了文件名），不是单位的报送批次。单独的申报包请以 .zcpkg 文件接收。',
            en: "it is a package (renamed), not a unit's batch. Receive a loose package as a .zcpkg file.",
          },
          'batch_is_package',
        );
      }
      throw notABatch(fileName, { zh: `缺少 ${BATCH_JSON}。`, en: `it has no ${BATCH_JSON}.` });
    }
    if (json.size > MAX_BATCH_JSON)
      throw notABatch(fileName, { zh: `${BATCH_JSON} 过大。`, en: `${BATCH_JSON} is too large.` });
    const read = await pkg.readBytes(json, MAX_BATCH_JSON);
    if (!read.crcOk) throw notABatch(fileName, { zh: `${BATCH_JSON} 已损坏。`, en: `${BATCH_JSON} is damaged.` });
    let parsed: unknown;
    try {
      parsed = JSON.parse(read.bytes.toString('utf8'));
    } catch {
      throw notABatch(fileName, { zh: `${BATCH_JSON} 不是 JSON。`, en: `${BATCH_JSON} is not JSON.` });
    }
    const doc = BatchDoc.safeParse(parsed);
    if (!doc.success) {
      const first = doc.error.issues[0];
      const where = first ? `${first.path.join('.')}: ${first.message}` : '';
      throw notABatch(fileName, {
        zh: `${BATCH_JSON} 不符合报送批次格式（${where}）。`,
        en: `${BATCH_JSON} does not fit the batch format (${where}).`,
      });
    }
    const items: OpenedBatch['items'] = [];
    const expected = new Set([BATCH_JSON, SUMMARY_PDF, SUMMARY_XLSX]);
    for (const listed of doc.data.packages) {
      const entry = pkg.entry(listed.path);
      if (!entry) {
        throw notABatch(fileName, {
          zh: `${BATCH_JSON} 列出的“${listed.path}”不在批次中。`,
          en: `"${listed.path}", listed by ${BATCH_JSON}, is not in the batch.`,
        });
      }
      expected.add(listed.path);
      items.push({ listed, entry });
    }
    const extra = pkg.entries.filter((e) => !expected.has(e.path)).map((e) => e.path);
    if (extra.length > 0) {
      throw notABatch(fileName, {
        zh: `含有 ${BATCH_JSON} 未列出的文件：${extra.slice(0, 5).join('、')}。`,
        en: `it holds files ${BATCH_JSON} does not list: ${extra.slice(0, 5).join(', ')}.`,
      });
    }
    const { sha256 } = await runInPackageWorker({ kind: 'hash', file }, { ...(signal ? { signal } : {}) });
    return { file, fileName, sha256, doc: doc.data, items };
  } finally {
    await pkg.close();
  }
}

/**
 * One package of the batch, streamed into incoming/ as an upload of the desk's own (its bytes are the
 * entry's: stored, uncompressed), refused unless its size and SHA-256 are batch.json's.
 */
export async function packageUpload(
  w: Workspace,
  batch: OpenedBatch,
  item: OpenedBatch['items'][number],
): Promise<Upload> {
  const hash = createHash('sha256');
  const { entry, listed } = item;
  async function* bytes() {
    if (entry.size === 0) return;
    for await (const chunk of createReadStream(batch.file, {
      start: entry.dataStart,
      end: entry.dataStart + entry.size - 1,
    })) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  const info = await receiveUpload(w, bytes(), { fileName: listed.fileName });
  const upload = await requireUpload(w, info.uploadId);
  const sha256 = hash.digest('hex');
  if (info.size !== listed.size || sha256 !== listed.sha256) {
    await forgetUpload(upload);
    throw new DossierError('batch_package_changed', {
      zh: `批次中的“${listed.fileName}”与 ${BATCH_JSON} 记录的大小或 SHA-256 不符：文件被改动或损坏。未接收此申报包。`,
      en: `"${listed.fileName}" in the batch does not match the size or SHA-256 ${BATCH_JSON} records: it was altered or damaged. This package was not received.`,
    });
  }
  return upload;
}
