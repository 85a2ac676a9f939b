// Say what an attachment proves: a material slot (slots.ts), a record of the allowed kinds, and a page.
// For a paper (M-10) the four page tags — cover, ISSN/CN page, table of contents, article — are linked in
// one go, each to its page of the scan. A yearly proof (M-5, M-7, M-9) is filed under a year of the
// window set in 假设与参数; when it names a record of a year, the year IS that record's (never a default).
import { Alert, App, Checkbox, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import {
  PAPER_PAGE_LABELS,
  PAPER_PAGE_TAGS,
  SLOT_KINDS,
  type PaperPageTag,
  type SlotKind,
} from '../../../shared/attachments/slots.js';
import { currentLinks } from '../../../shared/attachments/current.js';
import {
  MATERIAL_LABELS,
  yearlySlotName,
  yearsOf,
  type MaterialId,
  type YearlyKind,
} from '../../../shared/materials/requirements.js';
import { call } from '../api.js';
import { useEditor } from '../editorContext.js';
import { useEligibility } from '../eligibility/context.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { recordOptions } from './linkText.js';

const KINDS: readonly SlotKind[] = SLOT_KINDS;
const kindKey = (k: SlotKind) => `${k.material}/${k.kind}`;

type PageTags = Record<PaperPageTag, { isOn: boolean; page: number }>;

function defaultTags(pages: number): PageTags {
  // A journal scan is usually in this order: cover, ISSN/CN page, contents, article.
  const entries = PAPER_PAGE_TAGS.map((tag, i) => [tag, { isOn: true, page: Math.min(i + 1, pages) }] as const);
  return Object.fromEntries(entries) as PageTags;
}

/** The record of a yearly proof and its year (pension years, assessments, courses all carry one). */
function recordYear(archive: ArchiveDocument, kind: SlotKind, recordId: string | null) {
  if (recordId === null || !kind.records) return null;
  for (const records of kind.records) {
    const found = (archive[records] as readonly { id: string; year?: number | null }[]).find((r) => r.id === recordId);
    if (found) return typeof found.year === 'number' ? found.year : null;
  }
  return null;
}

export interface LinkModalProps {
  attachment: AttachmentView | null;
  /** Every attachment of the applicant: which years of the window already have a scan. */
  attachments?: readonly AttachmentView[];
  onClose: () => void;
  onLinked: () => void;
}

export function LinkModal({ attachment, attachments = [], onClose, onLinked }: LinkModalProps) {
  const { t, lang } = useT();
  const { archive } = useEditor();
  const { params } = useEligibility();
  const { message } = App.useApp();
  const pages = attachment?.pages ?? 1;
  const [slotKey, setSlotKey] = useState<string | null>(null);
  const [recordId, setRecordId] = useState<string | null>(null);
  // The year the user picked for a yearly proof that names no record of a year (null: the default).
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [page, setPage] = useState<number | null>(null);
  const [tags, setTags] = useState<PageTags>(() => defaultTags(pages));
  const [isSaving, setSaving] = useState(false);
  // The screen remounts this dialog per attachment (its key), which ends antd's own return of the focus:
  // the button that opened it (focused while this first renders) gets it back when it closes (issue 20).
  const [opener] = useState(() => (attachment ? (document.activeElement as HTMLElement | null) : null));
  const isGone = useRef(false);
  useEffect(() => {
    isGone.current = false;
    return () => {
      // Only when gone for good (React's development mode unmounts and mounts again at once).
      isGone.current = true;
      requestAnimationFrame(() => {
        if (isGone.current && opener?.isConnected) opener.focus();
      });
    };
  }, [opener]);

  const kind = KINDS.find((k) => kindKey(k) === slotKey) ?? null;
  const records = useMemo(
    () => (kind?.records ? recordOptions(archive, kind.records, lang) : []),
    [archive, kind, lang],
  );
  const yearly = kind?.qualifier === 'year' ? (kind.kind as YearlyKind) : null;
  const windowYears = useMemo(() => (yearly ? yearsOf(params, yearly) : []), [params, yearly]);
  // The default: the first year of the window no scan is filed under yet, else the first.
  const defaultYear = useMemo(() => {
    if (!yearly) return null;
    const filed = new Set(currentLinks(attachments).map((l) => l.slot));
    return windowYears.find((y) => !filed.has(yearlySlotName(yearly, y))) ?? windowYears[0] ?? null;
  }, [attachments, windowYears, yearly]);
  const fixedYear = kind && yearly ? recordYear(archive, kind, recordId) : null;
  const year = fixedYear ?? chosenYear ?? defaultYear;

  const slotOptions = useMemo(
    () =>
      [...new Set(KINDS.map((k) => k.material))].map((material) => ({
        // Each group by the notice's own name for the material (附件2), not a bare "M-4" (issue 15).
        label: `${material} ${MATERIAL_LABELS[material as MaterialId][lang]}`,
        options: KINDS.filter((k) => k.material === material).map((k) => ({
          value: kindKey(k),
          label: `${k.material} ${k.label[lang]}`,
        })),
      })),
    [lang],
  );

  const reset = () => {
    setSlotKey(null);
    setRecordId(null);
    setChosenYear(null);
    setPage(null);
    setTags(defaultTags(pages));
  };

  const links = (): { slot: string; page: number | null }[] => {
    if (!kind) return [];
    const base = kindKey(kind);
    if (kind.qualifier === 'paperPage') {
      return PAPER_PAGE_TAGS.filter((tag) => tags[tag].isOn).map((tag) => ({
        slot: `${base}/${tag}`,
        page: tags[tag].page,
      }));
    }
    if (kind.qualifier === 'year') return year === null ? [] : [{ slot: `${base}/${year}`, page }];
    return [{ slot: base, page }];
  };

  const submit = async () => {
    if (!attachment) return;
    setSaving(true);
    try {
      for (const link of links()) {
        await call('attachments:link', { attachmentId: attachment.id, slot: link.slot, recordId, page: link.page });
      }
      void message.success(t('att_linked'));
      reset();
      onLinked();
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setSaving(false);
    }
  };

  const needsRecord = kind?.qualifier === 'paperPage';
  const canSubmit = kind !== null && links().length > 0 && (!needsRecord || recordId !== null);

  return (
    <Modal
      open={attachment !== null}
      title={t('att_linkTitle', { name: attachment?.fileName ?? '' })}
      okText={t('att_linkOk')}
      cancelText={t('cancel')}
      onOk={submit}
      onCancel={() => {
        reset();
        onClose();
      }}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: !canSubmit, 'data-testid': 'link-submit' } satisfies ButtonProps}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('att_linkSlot')} htmlFor="link-slot" required>
          <Select
            id="link-slot"
            aria-required
            showSearch={{ optionFilterProp: 'label' }}
            value={slotKey}
            onChange={(value: string) => {
              setSlotKey(value);
              setRecordId(null);
              setChosenYear(null);
            }}
            options={slotOptions}
            placeholder={t('select')}
            data-testid="link-slot"
          />
        </Form.Item>
        {kind?.records && (
          <Form.Item label={t('att_linkRecord')} htmlFor="link-record" required={needsRecord}>
            <Select
              id="link-record"
              aria-required={needsRecord}
              allowClear
              value={recordId}
              onChange={(value: string | undefined) => setRecordId(value ?? null)}
              options={records}
              placeholder={t('att_linkNoRecord')}
              notFoundContent={t('emptyList')}
              data-testid="link-record"
            />
          </Form.Item>
        )}
        {kind?.qualifier === 'year' &&
          (fixedYear !== null ? (
            // The record says the year: shown, not chosen (a scan is filed under its record's year).
            <Form.Item label={t('f_year')} htmlFor="link-year" extra={t('att_linkYearFromRecord')}>
              <Input
                id="link-year"
                value={String(fixedYear)}
                readOnly
                variant="filled"
                style={{ width: 160 }}
                data-testid="link-year"
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('f_year')} htmlFor="link-year" extra={t('att_linkYearWindow')}>
              <Select
                id="link-year"
                value={year}
                onChange={(value: number) => setChosenYear(value)}
                options={windowYears.map((y) => ({ value: y, label: String(y) }))}
                style={{ width: 160 }}
                data-testid="link-year"
              />
            </Form.Item>
          ))}
        {fixedYear !== null && !windowYears.includes(fixedYear) && (
          <Alert
            type="warning"
            showIcon
            className="link-year-outside"
            data-testid="link-year-outside"
            title={t('att_linkYearOutside', { year: fixedYear, years: windowYears.join(t('listSep')) })}
          />
        )}
        {kind?.qualifier === 'paperPage' ? (
          <fieldset className="link-tags">
            <legend>{t('att_linkTags')}</legend>
            {PAPER_PAGE_TAGS.map((tag) => (
              <div key={tag} className="link-tag-row">
                <Checkbox
                  checked={tags[tag].isOn}
                  onChange={(e) => setTags({ ...tags, [tag]: { ...tags[tag], isOn: e.target.checked } })}
                  data-testid={`link-tag-${tag}`}
                >
                  {PAPER_PAGE_LABELS[tag][lang]}
                </Checkbox>
                <InputNumber
                  aria-label={t('att_linkTagPage', { tag: PAPER_PAGE_LABELS[tag][lang] })}
                  min={1}
                  max={pages}
                  value={tags[tag].page}
                  disabled={!tags[tag].isOn}
                  onChange={(v) => v !== null && setTags({ ...tags, [tag]: { ...tags[tag], page: v } })}
                  data-testid={`link-page-${tag}`}
                  prefix={lang === 'zh' ? '第' : 'p.'}
                  suffix={lang === 'zh' ? '页' : undefined}
                />
              </div>
            ))}
          </fieldset>
        ) : (
          kind &&
          pages > 1 && (
            <Form.Item label={t('att_linkPage')} htmlFor="link-page" extra={t('att_linkPageHint', { n: pages })}>
              <InputNumber id="link-page" min={1} max={pages} value={page} onChange={(v) => setPage(v)} />
            </Form.Item>
          )
        )}
      </Form>
    </Modal>
  );
}
