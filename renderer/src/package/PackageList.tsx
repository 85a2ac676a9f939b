// 已有申报包: every package this workspace wrote or took in (package:list, files in <data>/packages/):
// exported or imported, revision, the highest level signed, date, size, and a download link.
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, PackageFile } from '../../../shared/api/contract.js';
import { call, packageUrl } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';

type ListState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; packages: PackageFile[] };

export const levelKey = (level: number) => `pkg_level${Math.min(3, Math.max(1, level))}` as TextKey;

/** `generation`: bumped by the screen after an export or import, to read the list again. */
export function PackageList({ generation }: { generation: number }) {
  const { t, pick } = useT();
  const [state, setState] = useState<ListState>({ kind: 'loading' });

  const load = useCallback(async () => {
    try {
      const { packages } = await call('package:list', {});
      setState({ kind: 'ready', packages });
    } catch (e) {
      setState({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load, generation]);

  if (state.kind === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('pkg_listFailed', { detail: pick(state.error.message) })}
        action={
          <Button size="small" onClick={() => void load()}>
            {t('tryAgain')}
          </Button>
        }
      />
    );
  }
  return (
    <Table<PackageFile>
      size="middle"
      rowKey={(p) => `${p.direction}:${p.fileName}`}
      loading={state.kind === 'loading'}
      dataSource={state.kind === 'ready' ? state.packages : []}
      pagination={false}
      data-testid="package-list"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pkg_listEmpty')} /> }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'file',
          title: t('pkg_fileName'),
          render: (_, p) => (
            <span className="pkg-list-name">
              <Typography.Text strong>{p.fileName}</Typography.Text>
              <Typography.Text type="secondary" className="pkg-list-sha" title={p.manifestSha256}>
                {t('pkg_listFingerprint', { value: p.manifestSha256.slice(0, 8).toUpperCase() })}
              </Typography.Text>
            </span>
          ),
        },
        {
          key: 'direction',
          title: t('pkg_direction'),
          render: (_, p) =>
            p.direction === 'exported' ? (
              <Tag color="blue">{t('pkg_exported')}</Tag>
            ) : (
              <Tag color="purple">{t('pkg_imported')}</Tag>
            ),
        },
        { key: 'revision', title: t('pkg_revision'), render: (_, p) => t('pkg_revisionN', { n: p.revision }) },
        { key: 'level', title: t('pkg_level'), render: (_, p) => t(levelKey(p.level)) },
        {
          key: 'date',
          title: t('pkg_date'),
          render: (_, p) => dayjs(p.createdAt).format('YYYY-MM-DD HH:mm'),
        },
        { key: 'size', title: t('pkg_size'), align: 'right', render: (_, p) => formatBytes(p.size) },
        {
          key: 'download',
          title: <span className="sr-only">{t('pkg_download')}</span>,
          render: (_, p) => (
            <Button
              size="small"
              icon={<CloudDownloadOutlined />}
              href={packageUrl(p.fileName)}
              download={p.fileName}
              aria-label={t('pkg_downloadOf', { name: p.fileName })}
              data-testid={`package-download-${p.fileName}`}
            >
              {t('pkg_download')}
            </Button>
          ),
        },
      ]}
    />
  );
}
