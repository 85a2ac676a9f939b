// 材料清单: the notice's twelve materials M-1 … M-12 in order, each with what the archive says is needed,
// what is attached and what is missing (shared/materials/requirements.ts), and the bytes linked against
// the upload profile's per-material limit. A missing item is one click from adding: the file picker
// opens and every added file is linked to that item's slot and record. Or it is handed in on paper
// (提交纸质件, issue 19) with a written reason, kept in the archive's materials section: the check then no longer
// counts it missing, and the unit reads the reason.
import { Card, Empty, Progress, Result, Spin, Statistic, Tag, Typography, Button } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AddResult, UploadProfile } from '../../../shared/attachments/schema.js';
import {
  computeMaterials,
  type MaterialItem,
  type MaterialState,
  type MaterialStatus,
} from '../../../shared/materials/requirements.js';
import { call } from '../api.js';
import { FilePicker, type FilePickerHandle } from '../attachments/FilePicker.js';
import { formatBytes } from '../attachments/linkText.js';
import { MaterialItemRow } from '../attachments/MaterialItemRow.js';
import { UploadProgress } from '../attachments/UploadProgress.js';
import { useAttachments } from '../attachments/useAttachments.js';
import { useUploads, useUploadState } from '../attachments/useUploads.js';
import '../attachments/attachments.css';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { useEligibility } from '../eligibility/context.js';
import { PaperCopyModal } from '../attachments/PaperCopyModal.js';
import { useT, type TextKey } from '../i18n.js';

const STATE_TAG: Record<MaterialState, { color: string; text: TextKey }> = {
  complete: { color: 'success', text: 'mat_complete' },
  incomplete: { color: 'error', text: 'mat_incomplete' },
  'not-needed': { color: 'default', text: 'mat_stateNotNeeded' },
  generated: { color: 'processing', text: 'mat_stateGenerated' },
  // Issued by the unit after its publicity (M-3, N-8): complete for the applicant.
  'unit-provides': { color: 'blue', text: 'mat_stateUnitProvides' },
};

export function MaterialsScreen({ applicantId }: { applicantId: string }) {
  const { t, pick } = useT();
  const { archive, ops } = useEditor();
  // Read when an upload ends (after the render that started it): the paper copies as they are then.
  const archiveRef = useRef(archive);
  archiveRef.current = archive;
  const [paperItem, setPaperItem] = useState<MaterialItem | null>(null);
  // The proof years are the rule pack's parameters (假设与参数): one window for the rules and this view.
  const { params } = useEligibility();
  const uploads = useUploads();
  const isAdding = useUploadState((s) => s.isRunning);
  // Reloaded when a batch ends (its files linked to their item by then).
  const settled = useUploadState((s) => s.settled);
  const { state, reload } = useAttachments(applicantId, settled);
  const [profile, setProfile] = useState<UploadProfile | null>(null);
  const picker = useRef<FilePickerHandle>(null);
  // The item a picked file is for; read when each file has been added.
  const target = useRef<MaterialItem | null>(null);

  useEffect(() => {
    call('uploadProfile:get', {})
      .then((r) => setProfile(r.profile))
      .catch(() => setProfile(null));
  }, []);

  /** The paper copies with `item`'s replaced by `reason`, or taken away (null). */
  const setPaper = useCallback(
    (item: MaterialItem, reason: string | null) => {
      const others = archiveRef.current.materials.paperCopies.filter(
        (p) => p.slot !== item.slot || p.recordId !== item.recordId,
      );
      const paperCopies = reason === null ? others : [...others, { slot: item.slot, recordId: item.recordId, reason }];
      ops.setSection('materials', { paperCopies });
    },
    [ops],
  );

  const linkToTarget = useCallback(
    async (result: AddResult) => {
      const item = target.current;
      if (!item) return;
      await call('attachments:link', { attachmentId: result.attachment.id, slot: item.slot, recordId: item.recordId });
      // A scan after all: the paper copy it stood in for is no longer said.
      if (item.status === 'paper') setPaper(item, null);
    },
    [setPaper],
  );

  const attachments = useMemo(() => (state.kind === 'ready' ? state.attachments : []), [state]);
  const materials = useMemo(() => computeMaterials(archive, attachments, params), [archive, attachments, params]);

  const addFor = (item: MaterialItem) => {
    target.current = item;
    picker.current?.open();
  };
  const onFiles = async (files: File[]) => {
    await uploads.start(files, linkToTarget);
    target.current = null;
  };

  if (state.kind === 'loading') {
    return (
      <ScreenFrame screen="materials">
        <div className="center-fill">
          <Spin description={t('loading')} />
        </div>
      </ScreenFrame>
    );
  }
  if (state.kind === 'failed') {
    return (
      <ScreenFrame screen="materials">
        <Result
          status="error"
          title={t('loadFailed')}
          subTitle={pick(state.error.message)}
          extra={<Button onClick={() => void reload()}>{t('tryAgain')}</Button>}
        />
      </ScreenFrame>
    );
  }

  const items = materials.flatMap((m) => m.items);
  const missing = items.filter((i) => i.status === 'missing').length;
  const attention = items.filter((i) => i.status === 'attention').length;
  // Complete, generated, issued by the unit (M-3) or not needed: nothing for the applicant to add.
  const complete = materials.filter((m) => m.state !== 'incomplete').length;

  const sizeLine = (m: MaterialStatus) => {
    const total = state.materials.find((x) => x.material === m.id);
    if (!total || total.bytes === 0 || !profile) return null;
    const percent = Math.min(100, Math.round((total.bytes / profile.maxMaterialBytes) * 100));
    const text = t(total.isOverLimit ? 'mat_sizeOver' : 'mat_size', {
      size: formatBytes(total.bytes),
      limit: formatBytes(profile.maxMaterialBytes),
      n: total.attachments,
    });
    return (
      <div className="material-size" data-testid="material-size" data-over={total.isOverLimit}>
        <Typography.Text type={total.isOverLimit ? 'danger' : 'secondary'}>{text}</Typography.Text>
        {/* A progress bar is named (axe: aria-progressbar-name); the line above says the same. */}
        <Progress
          percent={percent}
          showInfo={false}
          size="small"
          status={total.isOverLimit ? 'exception' : 'normal'}
          aria-label={text}
        />
      </div>
    );
  };

  return (
    <ScreenFrame screen="materials">
      <FilePicker ref={picker} onFiles={(files) => void onFiles(files)} testId="materials-input" />
      {paperItem && (
        <PaperCopyModal
          key={paperItem.key}
          item={paperItem}
          onClose={() => setPaperItem(null)}
          onSave={(item, reason) => {
            setPaper(item, reason);
            setPaperItem(null);
          }}
        />
      )}
      <Card className="materials-summary-card" size="small">
        <div className="materials-summary">
          <Statistic title={t('mat_sumComplete')} value={`${complete} / 12`} />
          <Statistic
            title={t('mat_sumMissing')}
            value={missing}
            styles={{ content: { color: missing > 0 ? '#cf1322' : '#389e0d' } }}
          />
          {attention > 0 && (
            <Statistic
              title={t('mat_sumAttention')}
              value={attention}
              styles={{ content: { color: '#ad4e00' } }}
              data-testid="materials-attention"
            />
          )}
          <Statistic
            title={t('mat_sumFiles')}
            value={attachments.filter((a) => a.deletedAt === null && !a.hasNewerVersion).length}
          />
        </div>
      </Card>
      <UploadProgress />
      <ol className="material-list" aria-label={t('nav_materials')} style={{ marginTop: 16 }}>
        {materials.map((m) => {
          const tag = STATE_TAG[m.state];
          return (
            <li key={m.id} data-testid={`material-${m.id}`} data-state={m.state}>
              <Card
                size="small"
                className="material-card"
                title={
                  <span className="material-head">
                    <span className="material-id">{m.id}</span>
                    <span>{pick(m.label)}</span>
                    <Tag color={tag.color}>{t(tag.text)}</Tag>
                  </span>
                }
              >
                {sizeLine(m)}
                {m.note && <Typography.Paragraph type="secondary">{pick(m.note)}</Typography.Paragraph>}
                {m.items.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mat_nothing')} />
                ) : (
                  <ul className="material-items">
                    {m.items.map((item) => (
                      <MaterialItemRow
                        key={item.key}
                        item={item}
                        attachments={attachments}
                        isBusy={isAdding}
                        onAdd={addFor}
                        onPaper={setPaperItem}
                        onUnpaper={(i) => setPaper(i, null)}
                      />
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          );
        })}
      </ol>
    </ScreenFrame>
  );
}
