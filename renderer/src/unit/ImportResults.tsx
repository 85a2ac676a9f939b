// What each file of a batch import came to: a summary line in the colour of the outcome (all taken in:
// success; some refused or held: warning; all refused: error; nothing new: info — importOutcome), then the
// files — refused ones first and in red with their reason (what the officer must act on), held ones with
// theirs, then those taken in, each with its applicant.
import { Alert, Button, Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import type { UnitImportResult } from '../../../shared/unit/schema.js';
import { useT, type TextKey } from '../i18n.js';
import { importOutcome } from './importBatch.js';
import './review/keyChange.css';

const STATUS_COLOR: Record<UnitImportResult['status'], string> = {
  imported: 'green',
  replaced: 'blue',
  unchanged: 'default',
  // Its own colours (keyChange.css .unit-tag-held): the gold preset's text is too faint for WCAG AA.
  held: 'default',
  desk_returned: 'orange',
  refused: 'red',
};

/** Refused files first (what the officer must act on), then held ones (to confirm), then the rest. */
const ORDER: Record<UnitImportResult['status'], number> = {
  refused: 0,
  held: 1,
  desk_returned: 1,
  imported: 2,
  replaced: 2,
  unchanged: 2,
};

type Row = UnitImportResult & { key: number };

export const importStatusKey = (status: UnitImportResult['status']): TextKey => `unit_importStatus_${status}`;

export interface ImportResultsProps {
  results: readonly UnitImportResult[];
  skipped: readonly string[];
  /** The job was cancelled or failed: these are the files it got to. */
  partial: boolean;
  onOpenApplicant: (applicantId: string) => void;
}

export function ImportResults({ results, skipped, partial, onOpenApplicant }: ImportResultsProps) {
  const { t, pick } = useT();
  const count = (status: UnitImportResult['status']) => results.filter((r) => r.status === status).length;
  const refused = count('refused');
  const rows: Row[] = results
    .map((r, i) => ({ ...r, key: i }))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.key - b.key);
  const held = count('held');
  const summary =
    t('unit_importSummary', {
      n: results.length,
      imported: count('imported'),
      replaced: count('replaced'),
      unchanged: count('unchanged'),
      refused,
    }) +
    (held > 0 ? t('kc_summaryHeld', { n: held }) : '') +
    (count('desk_returned') > 0 ? t('unit_importSummaryDesk', { n: count('desk_returned') }) : '');
  return (
    <section
      className="unit-import-results"
      aria-labelledby="unit-import-results-title"
      data-testid="unit-import-results"
    >
      <Typography.Title level={2} id="unit-import-results-title" className="pkg-subheading">
        {t('unit_importResultsHeading')}
      </Typography.Title>
      <Alert
        type={importOutcome(results)}
        showIcon
        className="unit-import-summary"
        data-testid="unit-import-summary"
        title={summary}
        description={partial ? t('unit_importPartial') : undefined}
      />
      {skipped.length > 0 && (
        <Typography.Paragraph type="secondary" className="unit-import-skipped" data-testid="unit-import-skipped">
          {t('unit_importSkipped', { n: skipped.length, names: skipped.slice(0, 10).join(t('listSep')) })}
          {skipped.length > 10 && t('unit_importSkippedMore', { n: skipped.length - 10 })}
        </Typography.Paragraph>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        data-testid="unit-import-result-list"
        rowClassName={(r) => (r.status === 'refused' ? 'unit-import-refused' : '')}
        onRow={(r) => ({ 'data-status': r.status, 'data-file': r.file }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'file',
            title: t('unit_importFile'),
            render: (_, r) => (
              <Typography.Text className="unit-import-file" ellipsis={{ tooltip: r.file }}>
                {r.file}
              </Typography.Text>
            ),
          },
          {
            key: 'status',
            title: t('unit_importOutcome'),
            width: 110,
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} className={r.status === 'held' ? 'unit-tag-held' : undefined}>
                {t(importStatusKey(r.status))}
              </Tag>
            ),
          },
          {
            key: 'what',
            title: t('unit_importWhat'),
            render: (_, r) =>
              r.status === 'refused' ? (
                <Typography.Text type="danger" data-testid="unit-import-reason">
                  {r.reason ? pick(r.reason) : t('unit_importNoReason')}
                </Typography.Text>
              ) : r.status === 'held' && r.reason ? (
                // A new applicant key: why, and the way to the review page where the officer decides.
                <span className="unit-import-held">
                  <Typography.Text data-testid="unit-import-reason">{pick(r.reason)}</Typography.Text>
                  {r.applicantId && (
                    <Button
                      type="link"
                      size="small"
                      className="unit-link-button"
                      onClick={() => onOpenApplicant(r.applicantId!)}
                      data-testid="unit-import-held-open"
                    >
                      {t('kc_openReview', { name: r.name ?? r.file })}
                    </Button>
                  )}
                </span>
              ) : r.applicantId ? (
                <Button
                  type="link"
                  size="small"
                  className="unit-link-button"
                  onClick={() => onOpenApplicant(r.applicantId!)}
                  aria-label={t('unit_openReviewOf', { name: r.name ?? r.file })}
                >
                  {t('unit_importApplicant', { name: r.name ?? '', n: r.revision ?? '' })}
                </Button>
              ) : (
                <Typography.Text>
                  {t('unit_importApplicant', { name: r.name ?? '', n: r.revision ?? '' })}
                </Typography.Text>
              ),
          },
        ]}
      />
    </section>
  );
}
