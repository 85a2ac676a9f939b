// One form or material PDF of 打印表格: whether it applies (or why not), the state of its file (未生成 /
// 已生成 with date, pages and size / 已过期), a warning about what it prints (M-3: a publicity period shorter
// than N-8 asks), characters printed as 〓 (each with its code point, as an invisible or look-alike one
// cannot be found otherwise), remarks, the error that stopped it with a link to where it is fixed, and its
// actions: 生成, 预览, 打印, 保存 PDF.
import {
  DownloadOutlined,
  EyeOutlined,
  LoadingOutlined,
  PrinterOutlined,
  SyncOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ApiError, GeneratedFile } from '../../../shared/api/contract.js';
import type { Fix } from '../../../shared/rules/types.js';
import { fileUrl } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { screenOfFix } from '../eligibility/fixTarget.js';
import { useT, type TextKey } from '../i18n.js';
import { characterCode, shortFingerprint, warningOf, type OutputRow, type RowState } from './outputs.js';

const STATE_TAG: Record<RowState, { color: string; text: TextKey }> = {
  na: { color: 'default', text: 'forms_stateNa' },
  blocked: { color: 'warning', text: 'forms_stateBlocked' },
  empty: { color: 'default', text: 'forms_stateEmpty' },
  queued: { color: 'processing', text: 'forms_stateQueued' },
  generated: { color: 'success', text: 'forms_stateGenerated' },
  stale: { color: 'warning', text: 'forms_stateStale' },
  missing: { color: 'default', text: 'forms_stateMissing' },
};

export interface OutputRowItemProps {
  row: OutputRow;
  state: RowState;
  file: GeneratedFile | null;
  /** The error that stopped this row in the last run, if any. */
  error: ApiError | null;
  /** Where what the row needs is entered. */
  fix: Fix | null;
  /** A job is running: nothing else can be started. */
  isBusy: boolean;
  onGenerate: (row: OutputRow) => void;
  onPreview: (row: OutputRow, file: GeneratedFile) => void;
  onPrint: (row: OutputRow, file: GeneratedFile) => void;
  onFollow: (fix: Fix) => void;
}

/** The row's name as read aloud and shown in the preview's title: "F-1 专业技术资格评审表". */
export function rowName(row: OutputRow, pick: (text: { zh: string; en: string }) => string, indexLabel: string) {
  return `${row.key === 'index' ? indexLabel : row.label} ${pick(row.title)}`;
}

export function OutputRowItem(props: OutputRowItemProps) {
  const { row, state, file, error, fix, isBusy } = props;
  const { t, pick } = useT();
  const name = rowName(row, pick, t('forms_indexTag'));
  const tag = STATE_TAG[state];
  const target = fix ? screenOfFix(fix) : null;
  const isInactive = state === 'na' || state === 'empty';
  const warning = warningOf(row);
  const testKey = row.key;

  const fixLink = (text: TextKey) =>
    fix &&
    target && (
      <Button
        type="link"
        size="small"
        className="forms-fix"
        data-testid={`forms-fix-${testKey}`}
        onClick={() => props.onFollow(fix)}
      >
        {t(text, { screen: t(`nav_${target}` as TextKey) })}
      </Button>
    );

  const details = file && (
    <Typography.Text type="secondary" className="forms-details" data-testid={`forms-details-${testKey}`}>
      {t('forms_fileDetails', {
        date: dayjs(file.createdAt).format('YYYY-MM-DD HH:mm'),
        n: file.pages,
        size: formatBytes(file.size),
      })}
    </Typography.Text>
  );

  return (
    <li
      className={`forms-row${isInactive ? ' forms-row-inactive' : ''}`}
      data-testid={`forms-row-${testKey}`}
      data-state={state}
      aria-labelledby={`forms-row-title-${testKey}`}
    >
      <div className="forms-row-main">
        <div className="forms-row-head">
          <span className="forms-row-id">{row.key === 'index' ? t('forms_indexTag') : row.label}</span>
          <Typography.Text strong id={`forms-row-title-${testKey}`} className="forms-row-title">
            <span className="sr-only">{row.key === 'index' ? t('forms_indexTag') : row.label} </span>
            {pick(row.title)}
          </Typography.Text>
          {row.copies > 1 && <Tag color="blue">{t('forms_copies', { n: row.copies })}</Tag>}
          {row.attachments !== null && row.attachments > 0 && (
            <Typography.Text type="secondary">{t('forms_attachments', { n: row.attachments })}</Typography.Text>
          )}
          <Tag
            color={tag.color}
            icon={state === 'queued' ? <LoadingOutlined /> : undefined}
            data-testid={`forms-state-${testKey}`}
          >
            {t(tag.text)}
          </Tag>
        </div>

        {state === 'na' && (
          <div className="forms-why">
            <Typography.Text type="secondary">
              {t('forms_notApplicable', { why: row.why ? pick(row.why) : '' })}
            </Typography.Text>
            {/* F-4 can still be looked at: its screen says why it is not needed here. */}
            {row.key === 'F-4' && fixLink('forms_openScreen')}
          </div>
        )}
        {state === 'empty' && (
          <div className="forms-why">
            <Typography.Text type="secondary">{t('forms_noAttachments')}</Typography.Text>
            {fixLink('forms_addLink')}
          </div>
        )}
        {state === 'blocked' && row.why && (
          <Alert
            type="warning"
            showIcon
            className="forms-alert"
            data-testid={`forms-why-${testKey}`}
            title={pick(row.why)}
            action={fixLink('forms_fixLink')}
          />
        )}

        {warning && state !== 'na' && state !== 'blocked' && (
          <Alert
            type="warning"
            showIcon
            className="forms-alert"
            data-testid={`forms-warn-${testKey}`}
            title={pick(warning)}
            action={fixLink('forms_warnFix')}
          />
        )}

        {details}
        {state === 'stale' && file && (
          <Alert
            type="warning"
            showIcon
            className="forms-alert"
            data-testid={`forms-stale-${testKey}`}
            title={t('forms_staleText', {
              why: row.staleWhy ? pick(row.staleWhy) : '',
              fingerprint: shortFingerprint(file.archiveSha256),
            })}
          />
        )}
        {file && file.missingCharacters.length > 0 && (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            className="forms-alert"
            data-testid={`forms-missing-${testKey}`}
            title={t('forms_missingTitle', { n: file.missingCharacters.length })}
            description={
              <>
                <span className="forms-missing-chars" lang="zh-CN">
                  {file.missingCharacters
                    .map((ch) => t('forms_missingChar', { ch, code: characterCode(ch) }))
                    .join(t('listSep'))}
                </span>
                <div>{t('forms_missingHelp')}</div>
              </>
            }
          />
        )}
        {file && file.notes.length > 0 && (
          <ul className="forms-notes" data-testid={`forms-notes-${testKey}`}>
            {file.notes.map((note, i) => (
              <li key={i}>
                <Typography.Text type="secondary">{pick(note)}</Typography.Text>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="forms-alert"
            data-testid={`forms-error-${testKey}`}
            title={pick(error.message)}
            description={
              error.issues && error.issues.length > 0 ? (
                <ul className="forms-issues">
                  {error.issues.map((issue, i) => (
                    <li key={i}>{pick(issue.message)}</li>
                  ))}
                </ul>
              ) : undefined
            }
            action={fixLink('forms_fixLink')}
          />
        )}
        {row.copies > 1 && file && (
          <Typography.Text type="secondary" className="forms-copies-hint">
            {t('forms_copiesHint', { n: row.copies })}
          </Typography.Text>
        )}
      </div>

      <Space className="forms-row-actions" wrap size={[8, 8]}>
        {!isInactive && (
          <Button
            icon={<SyncOutlined />}
            disabled={isBusy || state === 'blocked'}
            onClick={() => props.onGenerate(row)}
            aria-label={t('forms_actionOf', { action: t(file ? 'forms_regenerate' : 'forms_generate'), name })}
            data-testid={`forms-generate-${testKey}`}
            type={state === 'stale' || state === 'missing' ? 'primary' : 'default'}
            ghost={state === 'stale' || state === 'missing'}
          >
            {t(file ? 'forms_regenerate' : 'forms_generate')}
          </Button>
        )}
        {file && (
          <>
            <Button
              icon={<EyeOutlined />}
              onClick={() => props.onPreview(row, file)}
              aria-label={t('forms_actionOf', { action: t('forms_preview'), name })}
              data-testid={`forms-preview-${testKey}`}
            >
              {t('forms_preview')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => props.onPrint(row, file)}
              aria-label={t('forms_actionOf', { action: t('forms_print'), name })}
              data-testid={`forms-print-${testKey}`}
            >
              {t('forms_print')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={fileUrl(file.sha256)}
              download={file.fileName}
              aria-label={t('forms_actionOf', { action: t('forms_save'), name })}
              data-testid={`forms-save-${testKey}`}
            >
              {t('forms_save')}
            </Button>
          </>
        )}
      </Space>
    </li>
  );
}
