// 附件: add scans (drop or picker, file by file with progress, cancellable), see them as thumbnails, open
// one large, edit (rotate, pages, split, merge, fit to the upload profile R-9 — each a new version, the
// original kept), rename, delete with undo, and link each to what it proves (record + material slot).
// Below: the upload profile and the store's integrity check. Issue 3; docs/attachments.md.
import { MergeCellsOutlined } from '@ant-design/icons';
import { Button, Collapse, Empty, Result, Space, Spin, Typography } from 'antd';
import { Fragment, useMemo, useRef, useState } from 'react';
import type { AttachmentView, FitResult } from '../../../shared/attachments/schema.js';
import { AttachmentCard, type CardAction } from '../attachments/AttachmentCard.js';
import { DropZone } from '../attachments/DropZone.js';
import { FitResultModal } from '../attachments/FitResultModal.js';
import { LinkModal } from '../attachments/LinkModal.js';
import { gridOrder, selectedInOrder, toggleSelected } from '../attachments/order.js';
import { PhotoCropModal } from '../attachments/PhotoCropModal.js';
import { PreviewModal } from '../attachments/PreviewModal.js';
import { ProfileEditor } from '../attachments/ProfileEditor.js';
import { RenameModal } from '../attachments/RenameModal.js';
import { UploadProgress } from '../attachments/UploadProgress.js';
import { useAttachmentActions } from '../attachments/useAttachmentActions.js';
import { useAttachments, visibleAttachments } from '../attachments/useAttachments.js';
import { useUploads, useUploadState } from '../attachments/useUploads.js';
import { VerifyPanel } from '../attachments/VerifyPanel.js';
import '../attachments/attachments.css';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { AttachmentComments } from '../review/UnitComments.js';
import { useT } from '../i18n.js';

export function AttachmentsScreen({ applicantId }: { applicantId: string }) {
  const { t, pick } = useT();
  const uploads = useUploads();
  const isAdding = useUploadState((s) => s.isRunning);
  // Reloaded when a batch ends, even one started before this screen was (re)opened.
  const settled = useUploadState((s) => s.settled);
  const { state, reload } = useAttachments(applicantId, settled);
  const actions = useAttachmentActions(reload);
  // In the order the boxes were ticked: the merge follows it.
  const [selected, setSelected] = useState<readonly string[]>([]);
  // The previewed attachment itself (not its id): a page operation returns the new version before the
  // list is reloaded, and the preview must stay open on it.
  const [preview, setPreview] = useState<{ attachment: AttachmentView; opened: number } | null>(null);
  const [linkId, setLinkId] = useState<string | null>(null);
  const [renameId, setRenameId] = useState<string | null>(null);
  const [fitResult, setFitResult] = useState<FitResult | null>(null);
  const [cropId, setCropId] = useState<string | null>(null);
  // The card button that opened the preview (its test id), to give focus back to it on close — on the
  // card of the version shown last, since an edit in the preview replaces the card.
  const previewOpener = useRef<string>('att-thumb');

  const all = useMemo(() => (state.kind === 'ready' ? state.attachments : []), [state]);
  const shown = useMemo(() => gridOrder(visibleAttachments(all), all), [all]);
  const selectedList = useMemo(() => selectedInOrder(selected, shown), [selected, shown]);
  const byId = (id: string | null): AttachmentView | null => (id ? (all.find((a) => a.id === id) ?? null) : null);
  const cropping = byId(cropId);

  const onAction = async (a: AttachmentView, action: CardAction) => {
    switch (action) {
      case 'preview': {
        const opener = document.activeElement?.getAttribute('data-testid');
        previewOpener.current = opener === 'att-preview' ? 'att-preview' : 'att-thumb';
        return setPreview({ attachment: a, opened: Date.now() });
      }
      case 'link':
        return setLinkId(a.id);
      case 'rename':
        return setRenameId(a.id);
      case 'rotate':
        return void (await actions.rotate(a));
      case 'split':
        return void (await actions.split(a));
      case 'delete':
        setSelected((s) => toggleSelected(s, a.id, false));
        return void (await actions.remove(a));
      case 'fit':
        return setFitResult(await actions.fit(a));
      case 'crop':
        // An image is framed in the area picker (issue 15); anything else gets the core's refusal at once.
        if (a.mediaType === 'application/pdf' || a.width === null) return setFitResult(await actions.crop(a));
        return setCropId(a.id);
    }
  };

  const mergeSelected = async () => {
    if (await actions.merge(selectedList)) setSelected([]);
  };

  const closePreview = () => {
    const id = preview?.attachment.id;
    setPreview(null);
    // After the dialog is gone: focus the opening button of that attachment's card (the same element when
    // nothing was edited, the new version's card otherwise).
    setTimeout(() => {
      const cardEl = id ? document.querySelector(`[data-testid="attachment"][data-id="${CSS.escape(id)}"]`) : null;
      const button = cardEl?.querySelector<HTMLElement>(`[data-testid="${previewOpener.current}"]`);
      button?.focus();
    }, 0);
  };

  let grid;
  if (state.kind === 'loading') {
    grid = (
      <div className="center-fill">
        <Spin description={t('loading')} />
      </div>
    );
  } else if (state.kind === 'failed') {
    grid = (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(state.error.message)}
        extra={<Button onClick={() => void reload()}>{t('tryAgain')}</Button>}
      />
    );
  } else if (shown.length === 0) {
    grid = <Empty description={t('att_empty')} data-testid="attachments-empty" />;
  } else {
    grid = (
      <ul className="att-grid" aria-label={t('att_gridLabel')} data-testid="attachments-grid">
        {shown.map((a) => (
          <Fragment key={a.id}>
            <AttachmentCard
              attachment={a}
              all={all}
              isSelected={selected.includes(a.id)}
              selectionIndex={selectedList.indexOf(a) + 1}
              isBusy={actions.busyId === a.id}
              onSelect={(on) => setSelected((s) => toggleSelected(s, a.id, on))}
              onAction={(action) => void onAction(a, action)}
              onUnlink={(linkId) => void actions.unlink(linkId)}
            />
            {/* Issue 7: the unit's comments on these bytes (退回), in the grid cell beside the card. */}
            <AttachmentComments sha256={a.sha256} fileName={a.fileName} />
          </Fragment>
        ))}
      </ul>
    );
  }

  return (
    <ScreenFrame screen="attachments">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <DropZone onFiles={(files) => void uploads.start(files)} disabled={isAdding} />
        <UploadProgress />
        {shown.length > 0 && (
          <div
            className={`att-mergebar${selectedList.length > 0 ? ' att-mergebar-active' : ''}`}
            role="status"
            data-testid="merge-bar"
          >
            <Typography.Text
              className="att-mergebar-text"
              type={selectedList.length > 0 ? undefined : 'secondary'}
              ellipsis={{ tooltip: true }}
            >
              {selectedList.length > 0 ? t('att_selected', { n: selectedList.length }) : t('att_selectHint')}
            </Typography.Text>
            {selectedList.length > 0 && (
              <Button
                size="small"
                type="primary"
                icon={<MergeCellsOutlined />}
                onClick={() => void mergeSelected()}
                loading={actions.busyId === 'merge'}
                data-testid="merge-selected"
              >
                {t('att_merge')}
              </Button>
            )}
          </div>
        )}
        {grid}
        <Collapse
          items={[
            {
              key: 'profile',
              label: t('att_profileHeading'),
              children: <ProfileEditor onSaved={() => void reload()} />,
            },
            { key: 'verify', label: t('att_verifyHeading'), children: <VerifyPanel /> },
          ]}
        />
        <Typography.Paragraph type="secondary" className="att-footnote">
          {t('att_footnote')}
        </Typography.Paragraph>
      </Space>

      {preview && (
        <PreviewModal
          key={preview.opened}
          attachment={preview.attachment}
          onClose={closePreview}
          onChanged={(next) => {
            void reload();
            setPreview({ ...preview, attachment: next });
          }}
        />
      )}
      <LinkModal
        key={`link-${linkId ?? ''}`}
        attachment={byId(linkId)}
        attachments={all}
        onClose={() => setLinkId(null)}
        onLinked={() => {
          setLinkId(null);
          void reload();
        }}
      />
      {renameId && (
        <RenameModal
          key={renameId}
          attachment={byId(renameId)}
          onClose={() => setRenameId(null)}
          onRename={async (name) => {
            const a = byId(renameId);
            if (a && (await actions.rename(a, name))) setRenameId(null);
          }}
        />
      )}
      <FitResultModal
        result={fitResult}
        onClose={() => setFitResult(null)}
        onUndo={() => {
          if (fitResult) void actions.discard(fitResult.attachment);
          setFitResult(null);
        }}
      />
      {cropping && (
        <PhotoCropModal
          key={cropping.id}
          attachment={cropping}
          onClose={() => setCropId(null)}
          onApplied={(result) => {
            setCropId(null);
            setFitResult(result);
            void reload();
          }}
        />
      )}
    </ScreenFrame>
  );
}
