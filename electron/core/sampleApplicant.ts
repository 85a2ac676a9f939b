// The sample applicant (issue 15): the archive of resources/sample/applicant.json together with its scans
// (resources/sample/scans/, made by scripts/sampleScans.mjs), each linked to the record and material slot
// that resources/sample/scans.json names — so that the one example a newcomer opens is a finished one.
//
// The scans go the way a user's add goes (stage → sniff → rename into the content-addressed store), and the
// rows (archive, attachments, links) are written in ONE transaction after every file is stored: a failure
// anywhere leaves no archive behind, and files this load had newly stored that no row names are removed again.
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Slot } from '../../shared/attachments/slots.js';
import { importArchiveJson } from './archiveService.js';
import * as repo from './attachments/attachmentRepo.js';
import { ADD_CONCURRENCY, linkAttachment } from './attachments/attachmentService.js';
import { getUploadProfile } from './attachments/profile.js';
import type { Inspection } from './attachments/sniff.js';
import { commit, discard, stage, storedPath, type Staged } from './attachments/store.js';
import { DossierError } from './errors.js';
import { resourcesDir } from './paths.js';
import { currentApplicantId, readSampleJson, type Workspace } from './workspace.js';

const SampleScans = z.strictObject({
  format: z.literal('dossier.sample-scans'),
  version: z.literal(1),
  scans: z.array(
    z.strictObject({
      // A plain name inside resources/sample/scans/: the manifest never points elsewhere.
      file: z.string().regex(/^[a-z0-9][a-z0-9.-]*\.(jpg|pdf)$/),
      name: z.string().min(1),
      links: z
        .array(
          z.strictObject({
            recordId: z.string().min(1).optional(),
            slot: Slot,
            page: z.number().int().positive().optional(),
          }),
        )
        .min(1),
    }),
  ),
});
export type SampleScans = z.infer<typeof SampleScans>;

const sampleDir = () => path.join(resourcesDir(), 'sample');

export function readSampleScans(): SampleScans {
  return SampleScans.parse(JSON.parse(readFileSync(path.join(sampleDir(), 'scans.json'), 'utf8')));
}

/** The sample is a whole applicant: it goes only into a workspace that holds none (checked again when writing). */
function refuseNotEmpty(w: Workspace): void {
  if (currentApplicantId(w) !== null) {
    throw new DossierError('workspace_not_empty', {
      zh: `此工作区已有档案，示例申报人只能载入空的工作区（${w.dataDir}）。请换一个新的文件夹，或先在“导入导出”中删除现有档案。`,
      en: `This workspace already holds an archive; the sample applicant goes only into an empty one (${w.dataDir}). Use a new folder, or delete the archive first under Import/Export.`,
    });
  }
}

export interface SampleLoaded {
  applicantId: string;
  attachments: number;
  links: number;
}

export async function loadSample(w: Workspace, scans: SampleScans = readSampleScans()): Promise<SampleLoaded> {
  refuseNotEmpty(w);
  const json = readSampleJson();
  const profile = getUploadProfile(w.db);
  const { inspect } = await import('./attachments/sniff.js');
  const newlyStored: string[] = [];
  try {
    type Ready = { scan: SampleScans['scans'][number]; staged: Staged; inspection: Inspection };
    const files: Ready[] = new Array<Ready>(scans.scans.length);
    const prepare = async (index: number) => {
      const scan = scans.scans[index]!;
      // Small files, read whole: a stream opened before the temp file would throw its error unheard.
      const bytes = await readFile(path.join(sampleDir(), 'scans', scan.file));
      const staged = await stage(w.store, [bytes], { fileName: scan.name, maxBytes: profile.intake.maxBytes });
      let inspection;
      try {
        inspection = await inspect(staged.tempPath, scan.name, staged.bytes, profile.intake);
      } catch (e) {
        await discard(staged);
        throw e;
      }
      const stored = await commit(w.store, staged);
      if (stored.isNew) newlyStored.push(staged.sha256);
      files[index] = { scan, staged, inspection };
    };
    // As many at once as a user's add runs (one file hashes while another's fsync waits); order is kept.
    let next = 0;
    const worker = async () => {
      while (next < scans.scans.length) await prepare(next++);
    };
    const workers = Array.from({ length: ADD_CONCURRENCY }, worker);
    const settled = await Promise.allSettled(workers);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return w.db.transaction(() => {
      refuseNotEmpty(w);
      const applicantId = importArchiveJson(w.db, json);
      const createdAt = new Date().toISOString();
      let links = 0;
      for (const { scan, staged, inspection } of files) {
        const id = randomUUID();
        repo.insertAttachment(w.db, {
          id,
          applicant_id: applicantId,
          sha256: staged.sha256,
          file_name: scan.name,
          media_type: inspection.mediaType,
          bytes: staged.bytes,
          pages: inspection.pages,
          width: inspection.width,
          height: inspection.height,
          scan_dpi: inspection.scanDpi,
          derived_from: null,
          operation: null,
          created_at: createdAt,
        });
        // The user's own path: the record must exist and be of the slot's kind, the page must exist.
        for (const link of scan.links) linkAttachment(w, { attachmentId: id, ...link });
        links += scan.links.length;
      }
      return { applicantId, attachments: files.length, links };
    })();
  } catch (e) {
    for (const sha256 of newlyStored) {
      if (!repo.mediaTypeOfSha(w.db, sha256)) await rm(storedPath(w.store, sha256), { force: true });
    }
    throw e;
  }
}
