// 已有申报包: every package this workspace wrote or took in (package:list, files in <data>/packages/):
// exported or imported, revision, the highest level signed, date, size, and a download link; an exported one
// made before later edits marked 已过期 with what changed since (package:staleness, issue 15).
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, PackageFile, PackageStaleness } from '../../../shared/api/contract.js';
import { call, packageUrl } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { screenOfPart } from '../screens/screens.js';

type ListState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; packages: PackageFile[] };

export const levelKey = (level: number) => `pkg_level${Math.min(3, Math.max(1, level))}` as TextKey;

/** What changed since a package was made, in one line: 业绩成果（新增 1、修改 2）；附件（删除 1）. */
function useStaleText() {
  const { t, pick, lang } = useT();
  const sep = lang === 'zh' ? { parts: '；', changes: '、' } : { parts: '; ', changes: ', ' };
  const counts = (c: Partial<Record<'added' | 'removed' | 'changed' | 'replaced', number>>) =>
    (['added', 'removed', 'changed', 'replaced'] as const)
      .filter((k) => (c[k] ?? 0) > 0)
      .map((k) => t(`stale_${k}`, { n: c[k] ?? 0 }))
      .join(sep.changes);
  return (s: PackageStaleness): string => {
    if (s.unreadable) return t('stale_unreadable', { detail: pick(s.unreadable) });
    const parts = s.parts.map((p) => {
      const screen = screenOfPart(p.part);
      return t('stale_part', { where: screen ? t(`nav_${screen}` as TextKey) : p.part, changes: counts(p) });
    });
    if (s.scans.added + s.scans.removed + s.scans.replaced > 0) {
      parts.push(t('stale_part', { where: t('stale_scans'), changes: counts(s.scans) }));
    }
    return t('stale_since', { what: parts.join(sep.parts) });
  };
}

/**
 * `generation`: bumped by the screen after an export or import, to read the list again. `applicantId`: the
 * applicant's own workspace, whose exported packages made before later edits are marked 已过期 (issue 15).
 */
export function PackageList({ generation, applicantId }: { generation: number; applicantId?: string }) {
  const { t, pick } = useT();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [stale, setStale] = useState<ReadonlyMap<string, PackageStaleness>>(new Map());
  const staleText = useStaleText();

  const load = useCallback(async () => {
    try {
      const { packages } = await call('package:list', {});
      setState({ kind: 'ready', packages });
    } catch (e) {
      setState({ kind: 'failed', error: asApiError(e) });
      return;
    }
    if (!applicantId) return;
    // After the list: comparing reads each package file, and the list is useful without it.
    try {
      const { packages } = await call('package:staleness', { applicantId });
      setStale(new Map(packages.map((p) => [p.fileName, p])));
    } catch {
      // Not knowing is not "out of date": the list stays as it is.
      setStale(new Map());
    }
  }, [applicantId]);
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
          render: (_, p) => {
            const outOfDate = p.direction === 'exported' ? stale.get(p.fileName) : undefined;
            return (
              <span className="pkg-list-name">
                <span>
                  <Typography.Text strong>{p.fileName}</Typography.Text>
                  {outOfDate && (
                    <Tooltip title={t('stale_hint')}>
                      <Tag color="warning" className="pkg-stale-tag" data-testid={`package-stale-${p.fileName}`}>
                        {t('stale_tag')}
                      </Tag>
                    </Tooltip>
                  )}
                </span>
                <Typography.Text type="secondary" className="pkg-list-sha" title={p.manifestSha256}>
                  {t('pkg_listFingerprint', { value: p.manifestSha256.slice(0, 8).toUpperCase() })}
                </Typography.Text>
                {outOfDate && (
                  <Typography.Text type="warning" className="pkg-stale-what" data-testid="package-stale-what">
                    {staleText(outOfDate)}
                  </Typography.Text>
                )}
              </span>
            );
          },
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
