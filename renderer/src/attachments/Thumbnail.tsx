// A thumbnail of an attachment: an image's JPEG thumbnail from the core (GET /files/<sha>?thumb=1), or
// the first page of a PDF drawn by pdf.js.
import { FileImageOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { fileUrl } from '../api.js';
import { PdfCanvas } from './PdfCanvas.js';

export function Thumbnail({
  attachment,
  width = 160,
}: {
  attachment: Pick<AttachmentView, 'sha256' | 'fileName' | 'mediaType'>;
  width?: number;
}) {
  const [isBroken, setBroken] = useState(false);
  if (attachment.mediaType === 'application/pdf') {
    return <PdfCanvas sha256={attachment.sha256} page={1} width={width} label={attachment.fileName} />;
  }
  if (isBroken) return <FileImageOutlined className="thumb-icon" aria-label={attachment.fileName} />;
  return (
    <img
      className="thumb-img"
      src={fileUrl(attachment.sha256, { thumb: true })}
      alt={attachment.fileName}
      loading="lazy"
      style={{ maxWidth: width }}
      onError={() => setBroken(true)}
    />
  );
}
