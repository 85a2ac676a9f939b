// Reading stored files back for previews (browser mode: GET /files/<sha256>; desktop: app://…/files/).
// Only a well-formed hash that an attachment (or generated form) row names is served, from inside the store, with the media
// type recorded when it was sniffed — never one guessed from a name.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Workspace } from '../workspace.js';
import { mediaTypeOfSha } from './attachmentRepo.js';
import { storedPath } from './store.js';

export const THUMBNAIL_PX = 320;

export interface StoredFile {
  stream: Readable;
  mediaType: string;
  size?: number;
  fileName: string;
}

/** An image's JPEG thumbnail (from its file or its bytes), at most THUMBNAIL_PX on each side. */
export function imageThumbnail(input: string | Buffer): Readable {
  return sharp(input, { limitInputPixels: false })
    .autoOrient()
    .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 });
}

/** The stored file, or its thumbnail (images only: a PDF's pages are drawn by the viewer); null if none. */
export async function openStoredFile(
  w: Workspace,
  sha256: string,
  options: { thumbnail?: boolean } = {},
): Promise<StoredFile | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const row = mediaTypeOfSha(w.db, sha256);
  if (!row) return null;
  const file = storedPath(w.store, sha256);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  if (options.thumbnail) {
    if (row.media_type === 'application/pdf') return null;
    return { stream: imageThumbnail(file), mediaType: 'image/jpeg', fileName: row.file_name };
  }
  return { stream: createReadStream(file), mediaType: row.media_type, size: info.size, fileName: row.file_name };
}
