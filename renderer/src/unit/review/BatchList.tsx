// The batches for the city written so far (unit:batches): file, applicants, size, when, the file's
// fingerprint, and its download while it still waits in the workspace — what the officer hands to the city
// (N-9). Once downloaded whole, the file is removed from the workspace (issue 19: the packages are not kept
// a third time) and the row says so; the record stays.
import { CheckCircleOutlined, CloudDownloadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import type { BatchFile } from '../../../../shared/unit/schema.js';
import { formatBytes } from '../../attachments/linkText.js';
import { batchUrl } from '../../download.js';
import { useT } from '../../i18n.js';

export interface BatchDownloadProps {
  file: BatchFile;
  primary?: boolean;
  /** Told when the download starts: the list is read again once the file has gone out. */
  onDownload?: () => void;
}

export function BatchDownload({ file, primary = false, onDownload }: BatchDownloadProps) {
  const { t } = useT();
  if (!file.awaitingDownload) {
    return (
      <Tag
        icon={<CheckCircleOutlined aria-hidden />}
        color="success"
        title={t('uw_batchDeliveredHint')}
        data-testid="uw-batch-delivered"
      >
        {t('uw_batchDelivered')}
      </Tag>
    );
  }
  return (
    <Button
      type={primary ? 'primary' : 'default'}
      size={primary ? 'middle' : 'small'}
      icon={<CloudDownloadOutlined />}
      href={batchUrl(file.fileName)}
      download={file.fileName}
      onClick={onDownload}
      aria-label={t('pkg_downloadOf', { name: file.fileName })}
      data-testid="uw-batch-download"
    >
      {t('pkg_download')}
    </Button>
  );
}

export function BatchList({ batches, onDownload }: { batches: readonly BatchFile[]; onDownload?: () => void }) {
  const { t } = useT();
  if (batches.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('uw_batchesEmpty')} data-testid="uw-batches-empty" />
    );
  }
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="uw-batches-kept">
        {t('uw_batchesKept')}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="fileName"
        pagination={false}
        dataSource={[...batches]}
        data-testid="uw-batches"
        onRow={(b) =>
          ({
            'data-testid': 'uw-batch',
            'data-name': b.fileName,
            'data-awaiting': String(b.awaitingDownload),
          }) as HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'name',
            title: t('pkg_fileName'),
            render: (_, b) => <Typography.Text className="uw-mono">{b.fileName}</Typography.Text>,
          },
          { key: 'applicants', title: t('uw_batchApplicants'), width: 96, render: (_, b) => b.applicants },
          { key: 'size', title: t('pkg_size'), width: 96, render: (_, b) => formatBytes(b.size) },
          {
            key: 'created',
            title: t('uw_batchCreated'),
            width: 150,
            render: (_, b) => dayjs(b.createdAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'sha',
            title: t('uw_batchSha'),
            width: 120,
            render: (_, b) => (
              <Typography.Text className="uw-mono" copyable={{ text: b.sha256 }} title={b.sha256}>
                {b.sha256.slice(0, 8)}
              </Typography.Text>
            ),
          },
          {
            key: 'download',
            title: '',
            width: 110,
            render: (_, b) => <BatchDownload file={b} {...(onDownload ? { onDownload } : {})} />,
          },
        ]}
      />
    </>
  );
}
