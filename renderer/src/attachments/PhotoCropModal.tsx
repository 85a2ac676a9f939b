// 裁剪证件照 (issue 15): the photo with a frame locked to the profile's ratio, moved and resized with the mouse
// (drag it; drag its corner) or the keyboard (arrows move, Shift+arrows resize). Before applying, the core
// encodes the crop as it would store it (attachments:cropPreview) and the result's pixels and bytes are shown;
// applying sends the frame, which the core checks again (shared/attachments/cropRect.ts) and crops with sharp.
import { Alert, Descriptions, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import {
  centredFrame,
  cropRectProblems,
  minCropSize,
  moveFrame,
  resizeFrame,
  type CropRect,
  type PixelSize,
} from '../../../shared/attachments/cropRect.js';
import type { AttachmentView, FitResult } from '../../../shared/attachments/schema.js';
import { call, fileUrl } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { formatBytes } from './linkText.js';
import './crop.css';

/** The largest the photo is drawn in the dialog (CSS px); a 1366×768 screen keeps the result line in view. */
const VIEW = { width: 520, height: 380 };
/** The preview is asked for once the frame has stood still this long: a drag would otherwise ask per pixel. */
const PREVIEW_DELAY_MS = 250;

type Preview = { width: number; height: number; bytes: number; fitsLimit: boolean; maxBytes: number };
type Drag = { mode: 'move' | 'resize'; x: number; y: number; start: CropRect };

export function PhotoCropModal({
  attachment,
  onApplied,
  onClose,
}: {
  attachment: AttachmentView;
  onApplied: (result: FitResult) => void;
  onClose: () => void;
}) {
  const { t, lang } = useT();
  const image: PixelSize = { width: attachment.width ?? 0, height: attachment.height ?? 0 };
  const [photo, setPhoto] = useState<PixelSize | null>(null);
  const [frame, setFrame] = useState<CropRect | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isApplying, setApplying] = useState(false);
  const drag = useRef<Drag | null>(null);
  const asked = useRef(0);

  useEffect(() => {
    call('uploadProfile:get', {})
      .then(({ profile }) => {
        const size = { width: profile.photo.width, height: profile.photo.height };
        setPhoto(size);
        setFrame(centredFrame(image, size));
      })
      .catch((e: unknown) => setError(errorText(e, lang)));
    // Once per opening: the dialog is remounted for another attachment.
  }, []);

  // The result as the core would store it, for the frame as it stands.
  useEffect(() => {
    if (!frame || !photo || cropRectProblems(frame, image, photo).length > 0) return;
    const ticket = ++asked.current;
    setPreview(null);
    const timer = setTimeout(() => {
      call('attachments:cropPreview', { attachmentId: attachment.id, rect: frame })
        .then((p) => {
          if (ticket === asked.current) setPreview(p);
        })
        .catch((e: unknown) => {
          if (ticket === asked.current) setError(errorText(e, lang));
        });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [frame?.left, frame?.top, frame?.width, frame?.height, photo]);

  const scale = Math.min(VIEW.width / Math.max(1, image.width), VIEW.height / Math.max(1, image.height), 1);
  const min = photo ? minCropSize(photo) : null;
  const isTooSmall = min !== null && (image.width < min.width || image.height < min.height);
  const problems = frame && photo ? cropRectProblems(frame, image, photo) : [];

  const startDrag = (mode: Drag['mode']) => (e: PointerEvent<HTMLElement>) => {
    if (!frame) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { mode, x: e.clientX, y: e.clientY, start: frame };
  };
  const onPointerMove = (e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || !photo) return;
    const dx = (e.clientX - d.x) / scale;
    const dy = (e.clientY - d.y) / scale;
    if (d.mode === 'move') setFrame(moveFrame(d.start, dx, dy, image));
    // The corner follows whichever of the pointer's moves asks for the larger frame.
    else setFrame(resizeFrame(d.start, d.start.width + Math.max(dx, (dy * photo.width) / photo.height), image, photo));
  };
  const endDrag = () => {
    drag.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!frame || !photo) return;
    const step = Math.max(1, Math.round(Math.max(image.width, image.height) / 100));
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    if (e.shiftKey) {
      const grow = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? step : -step;
      setFrame(resizeFrame(frame, frame.width + grow, image, photo));
    } else {
      setFrame(moveFrame(frame, move[0], move[1], image));
    }
  };

  const apply = async () => {
    if (!frame) return;
    setApplying(true);
    setError(null);
    try {
      onApplied(await call('attachments:cropPhoto', { attachmentId: attachment.id, rect: frame }));
    } catch (e) {
      setError(errorText(e, lang));
      setApplying(false);
    }
  };

  const box = (r: CropRect) => ({
    left: r.left * scale,
    top: r.top * scale,
    width: r.width * scale,
    height: r.height * scale,
  });

  let result;
  if (!preview) result = <Typography.Text type="secondary">{t('crop_measuring')}</Typography.Text>;
  else {
    const vars = {
      w: preview.width,
      h: preview.height,
      size: formatBytes(preview.bytes),
      max: formatBytes(preview.maxBytes),
    };
    result = (
      <Typography.Text type={preview.fitsLimit ? undefined : 'danger'}>
        {t(preview.fitsLimit ? 'crop_resultValue' : 'crop_resultTooLarge', vars)}
      </Typography.Text>
    );
  }

  return (
    <Modal
      open
      width={VIEW.width + 48}
      title={t('crop_title')}
      onCancel={onClose}
      okText={t('crop_apply')}
      onOk={() => void apply()}
      okButtonProps={{
        disabled: !preview?.fitsLimit || problems.length > 0 || isTooSmall,
        loading: isApplying,
        'data-testid': 'crop-apply',
      }}
      data-testid="crop-modal"
    >
      {photo && (
        <Typography.Paragraph type="secondary">
          {t('crop_intro', { w: photo.width, h: photo.height })}
        </Typography.Paragraph>
      )}
      {isTooSmall && min && (
        <Alert
          type="error"
          className="fit-note"
          title={t('crop_tooSmallImage', { w: image.width, h: image.height, minW: min.width, minH: min.height })}
        />
      )}
      <div
        className="crop-stage"
        style={{ width: image.width * scale, height: image.height * scale }}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <img
          src={fileUrl(attachment.sha256)}
          alt={t('crop_imageAlt', { name: attachment.fileName })}
          draggable={false}
          data-testid="crop-image"
        />
        {frame && (
          <div
            className="crop-frame"
            style={box(frame)}
            role="group"
            tabIndex={0}
            aria-label={t('crop_frameLabel', { ...frame })}
            aria-describedby="crop-result"
            data-testid="crop-frame"
            data-rect={`${frame.left},${frame.top},${frame.width},${frame.height}`}
            onPointerDown={startDrag('move')}
            onKeyDown={onKeyDown}
          >
            <span
              className="crop-handle"
              role="presentation"
              aria-label={t('crop_handleLabel')}
              data-testid="crop-handle"
              onPointerDown={startDrag('resize')}
            />
          </div>
        )}
      </div>
      <Descriptions column={1} size="small" bordered className="crop-facts">
        {frame && (
          <Descriptions.Item label={t('crop_frameIs')}>
            <span data-testid="crop-rect">
              {frame.width}×{frame.height} @ ({frame.left}, {frame.top})
            </span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('crop_result')}>
          <span id="crop-result" data-testid="crop-result" aria-live="polite" data-bytes={preview?.bytes ?? ''}>
            {result}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {problems.map((p) => (
        <Alert key={`${p.path}-${p.message.en}`} type="warning" className="fit-note" title={p.message[lang]} />
      ))}
      {error && <Alert type="error" className="fit-note" title={error} data-testid="crop-error" />}
    </Modal>
  );
}
