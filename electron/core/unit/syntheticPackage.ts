// An applicant's level-1 package written straight from an archive document and scan files, in the
// export's content format (package/content.ts) but without the generated forms — for the bench and the
// tests, which need many applicants' packages (a real export makes every form first and takes seconds).
// It is read by the very same import as an exported package.
import { createHash, randomFillSync } from 'node:crypto';
import sharp from 'sharp';
import { ArchiveDocument } from '../../../shared/archive/schema.js';
import { idCheckCharacter } from '../../../shared/checks/idNumber.js';
import type { MediaType } from '../../../shared/attachments/schema.js';
import { hashFile } from '../attachments/store.js';
import {
  attachmentPath,
  CONTENT_PATHS,
  jsonBytes,
  ROLES,
  type AttachmentsDoc,
  type FormsDoc,
} from '../package/content.js';
import type { SigningKey } from '../package/keyStore.js';
import type { Manifest } from '../package/manifest.js';
import { writePackage, type ContentFile } from '../package/writePackage.js';
import { readSampleJson } from '../workspace.js';

/** A valid resident ID number on the sample's birth date, distinct per n < 450 (odd sequence: male, as the sample). */
export function idNumberOf(n: number): string {
  const first17 = `33080219780516${String(2 * n + 101).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

/** Person n: the sample applicant under another name and ID number, with works of their own (titles numbered). */
export function personArchive(n: number, edit: (a: ArchiveDocument) => void = () => {}): ArchiveDocument {
  const a = JSON.parse(readSampleJson()) as ArchiveDocument;
  a.profile.name = `申报人${n}`;
  a.profile.idNumber = idNumberOf(n);
  for (const work of a.works) work.title = `${work.title}（${n}）`;
  edit(a);
  return a;
}

let baseJpeg: Promise<Buffer> | null = null;

/**
 * A real JPEG of about `bytes` bytes that no other call returns: a small grey image carrying random comment
 * segments. What the bench and the footprint tests import must pass the scan content check import runs
 * (issue 13) — noise named .jpg is refused — and must not dedupe in the store.
 */
export async function syntheticJpeg(bytes: number): Promise<Buffer> {
  baseJpeg ??= sharp({ create: { width: 40, height: 30, channels: 3, background: '#888888' } })
    .jpeg()
    .toBuffer();
  const base = await baseJpeg;
  const parts = [base.subarray(0, 2)];
  // A COM segment holds at most 65,533 bytes after its marker and length.
  for (let left = Math.max(8, bytes - base.length); left > 0;) {
    const size = Math.min(65_533, Math.max(4, left - 4));
    const segment = Buffer.alloc(4 + size);
    segment.writeUInt16BE(0xfffe, 0);
    segment.writeUInt16BE(size + 2, 2);
    randomFillSync(segment, 4);
    parts.push(segment);
    left -= size + 4;
  }
  parts.push(base.subarray(2));
  return Buffer.concat(parts);
}

export interface SyntheticScan {
  /** The bytes, or a file holding them (large scans). */
  source: { kind: 'bytes'; bytes: Buffer } | { kind: 'file'; path: string };
  fileName: string;
  mediaType: MediaType;
  /** What it proves: a material slot (M-4/diploma …) and/or a record of the archive. */
  slot: string | null;
  recordId: string | null;
}

export interface SyntheticPackageInput {
  out: string;
  archive: ArchiveDocument;
  scans: SyntheticScan[];
  key: SigningKey;
  packageId: string;
  revision: number;
  supersedes?: Manifest['supersedes'];
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function writeSyntheticPackage(
  input: SyntheticPackageInput,
): Promise<{ manifestSha256: string; manifest: Manifest }> {
  const archive = ArchiveDocument.parse(input.archive);
  const files: ContentFile[] = [
    {
      path: CONTENT_PATHS.archive,
      source: { kind: 'bytes', bytes: Buffer.from(`${JSON.stringify(archive, null, 2)}\n`) },
      mediaType: 'application/json',
      role: ROLES.archive,
    },
  ];
  const doc: AttachmentsDoc = { format: 'dossier.attachments', version: 1, attachments: [] };
  const seen = new Set<string>();
  for (const [i, scan] of input.scans.entries()) {
    const sha256 =
      scan.source.kind === 'bytes' ? sha256Of(scan.source.bytes) : (await hashFile(scan.source.path)).sha256;
    const p = attachmentPath(sha256, scan.mediaType);
    // One file per content, as the export writes it; several attachments may name it.
    if (!seen.has(p)) files.push({ path: p, source: scan.source, mediaType: scan.mediaType, role: ROLES.attachment });
    seen.add(p);
    doc.attachments.push({
      // The same ids in every package, as two applicants' workspaces may well produce.
      id: `att-${i + 1}`,
      fileName: scan.fileName,
      mediaType: scan.mediaType,
      pages: 1,
      width: null,
      height: null,
      createdAt: `2020-08-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
      path: p,
      sha256,
      links:
        scan.slot === null && scan.recordId === null ? [] : [{ slot: scan.slot, recordId: scan.recordId, page: null }],
    });
  }
  files.push({
    path: CONTENT_PATHS.attachments,
    source: { kind: 'bytes', bytes: jsonBytes(doc) },
    mediaType: 'application/json',
    role: ROLES.attachmentIndex,
  });
  const forms: FormsDoc = { format: 'dossier.forms', version: 1, files: [] };
  files.push({
    path: CONTENT_PATHS.forms,
    source: { kind: 'bytes', bytes: jsonBytes(forms) },
    mediaType: 'application/json',
    role: ROLES.formIndex,
  });
  const written = await writePackage({
    out: input.out,
    files,
    level1: {
      packageId: input.packageId,
      revision: input.revision,
      createdBy: { app: 'dossier', version: 'synthetic' },
      ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    },
    key: input.key,
  });
  return { manifestSha256: written.manifestSha256, manifest: written.manifest };
}
