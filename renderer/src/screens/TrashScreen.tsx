// 回收站 (issue 15): every record and scan the applicant deleted, newest first — what it was, the screen it
// belongs to, when it was deleted — each with 恢复, at any time. A record goes back to its place in its list
// with the scans still linked to it; a scan with its links (electron/core/trash.ts). A restore is a step of
// this screen's history: Ctrl+Z deletes it again.
import { DeleteOutlined, FileOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, DeletedRecord, TrashView } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import { UNDO_KEYS } from '../components/HistoryButtons.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { errorText } from '../errors.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { screenOfKind } from './screens.js';

type Row =
  | { type: 'record'; key: string; deletedAt: string; item: DeletedRecord }
  | { type: 'attachment'; key: string; deletedAt: string; item: TrashView['attachments'][number] };

type ListState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; rows: Row[] };

/** The kinds' words are mid-sentence nouns ("Add education"); a tag starts with a capital. */
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function toRows(trash: TrashView): Row[] {
  const rows: Row[] = [
    ...trash.records.map((item) => ({
      type: 'record' as const,
      key: `r:${item.record.id}`,
      deletedAt: item.deletedAt,
      item,
    })),
    ...trash.attachments.map((item) => ({
      type: 'attachment' as const,
      key: `a:${item.id}`,
      deletedAt: item.deletedAt,
      item,
    })),
  ];
  return rows.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

export function TrashScreen({ applicantId }: { applicantId: string }) {
  const { t, pick, lang } = useT();
  const { message } = App.useApp();
  const { ops, history } = useEditor();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // Deletes still in the save queue are in the list too.
      await ops.drain();
      setState({ kind: 'ready', rows: toRows(await call('trash:list', { applicantId })) });
    } catch (e) {
      setState({ kind: 'failed', error: asApiError(e) });
    }
    // Not on ops: it is remade on every render of the editor, while drain is the save queue's, always the same.
  }, [applicantId]);
  useEffect(() => void load(), [load]);

  const nameOf = (row: Row): string => {
    if (row.type === 'attachment') return row.item.fileName;
    return row.item.name ? pick(row.item.name) : capitalize(t(`kind_${row.item.kind}` as TextKey));
  };
  const screenOf = (row: Row): string =>
    t(`nav_${row.type === 'attachment' ? 'attachments' : screenOfKind(row.item.kind)}` as TextKey);

  const restore = async (row: Row) => {
    const name = nameOf(row);
    const where = screenOf(row);
    setBusy(row.key);
    try {
      if (row.type === 'record') {
        const { kind, record, index } = row.item;
        ops.restoreRecord({ kind, record, index });
        history?.push({
          label: t('trash_restoredStep', { name }),
          undo: () => {
            ops.deleteRecord(kind, record.id);
            void load();
          },
          redo: () => {
            ops.restoreRecord({ kind, record, index });
            void load();
          },
        });
      } else {
        const attachmentId = row.item.id;
        await call('attachments:restore', { attachmentId });
        history?.push({
          label: t('trash_restoredStep', { name }),
          undo: () => void call('attachments:delete', { attachmentId }).finally(() => void load()),
          redo: () => void call('attachments:restore', { attachmentId }).finally(() => void load()),
        });
      }
      void message.success({ content: t('trash_restored', { name, where }), key: 'trash' });
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setBusy(null);
      await load();
    }
  };

  let body;
  if (state.kind === 'failed') {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('trash_listFailed', { detail: pick(state.error.message) })}
        action={
          <Button size="small" onClick={() => void load()}>
            {t('tryAgain')}
          </Button>
        }
      />
    );
  } else {
    body = (
      <Table<Row>
        size="middle"
        rowKey="key"
        loading={state.kind === 'loading'}
        dataSource={state.kind === 'ready' ? state.rows : []}
        pagination={false}
        data-testid="trash-list"
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{t('trash_empty')}</div>
                  <Typography.Text type="secondary">{t('trash_emptyHint')}</Typography.Text>
                </>
              }
            />
          ),
        }}
        columns={[
          {
            key: 'what',
            title: t('trash_what'),
            render: (_, row) => (
              <span className="trash-what" data-testid={`trash-item-${row.key}`}>
                {row.type === 'record' ? (
                  <Tag>{capitalize(t(`kind_${row.item.kind}` as TextKey))}</Tag>
                ) : (
                  <Tag icon={<FileOutlined />}>{t('trash_scan')}</Tag>
                )}
                <Typography.Text strong>{nameOf(row)}</Typography.Text>
                {row.type === 'attachment' && row.item.links > 0 && (
                  <Typography.Text type="secondary"> · {t('trash_links', { n: row.item.links })}</Typography.Text>
                )}
              </span>
            ),
          },
          { key: 'screen', title: t('trash_screen'), render: (_, row) => screenOf(row) },
          {
            key: 'when',
            title: t('trash_when'),
            render: (_, row) => dayjs(row.deletedAt).format('YYYY-MM-DD HH:mm'),
          },
          {
            key: 'restore',
            title: <span className="sr-only">{t('trash_restore')}</span>,
            render: (_, row) => (
              <Button
                size="small"
                icon={<RollbackOutlined />}
                loading={busy === row.key}
                disabled={busy !== null && busy !== row.key}
                onClick={() => void restore(row)}
                aria-label={t('trash_restoreOf', { name: nameOf(row) })}
                data-testid="trash-restore"
              >
                {t('trash_restore')}
              </Button>
            ),
          },
        ]}
      />
    );
  }

  return (
    <ScreenFrame screen="trash">
      <Typography.Paragraph type="secondary" className="trash-note">
        <DeleteOutlined /> {t('trash_note', { keys: UNDO_KEYS })}
      </Typography.Paragraph>
      {body}
    </ScreenFrame>
  );
}
