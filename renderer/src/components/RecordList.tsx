// An ordered list of records of one kind: a card per record with its form, move up / down, delete (asked
// first when scans or paper copies depend on the record; undone by its message, Ctrl+Z, or 回收站), an add
// button, and an empty state. The cards' forms come from the screen (`renderForm`).
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Space, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { RecordKind, RecordOf } from '../../../shared/archive/schema.js';
import { useEditor } from '../editorContext.js';
import { useT, type TextKey } from '../i18n.js';
import { slotText } from '../attachments/linkText.js';
import type { HistoryEntry } from '../history.js';
import { listOf } from '../useArchive.js';
import { focusRecord } from '../useEditHistory.js';
import { UNDO_KEYS } from './HistoryButtons.js';
import { ProblemList } from './ProblemList.js';

export interface RecordListProps<K extends RecordKind> {
  kind: K;
  /** A heading above the list, for screens with two lists. */
  heading?: string;
  /** The card's title: what tells this record apart ("浙江大学 · 大学本科"); '' falls back to 未命名. */
  describe: (record: RecordOf<K>) => string;
  /** Extra marks beside the title (代表作). */
  tags?: (record: RecordOf<K>) => ReactNode;
  /** The fields of the card; `set` saves a change of this record. */
  renderForm: (record: RecordOf<K>, set: (patch: Partial<RecordOf<K>>) => void) => ReactNode;
  /** The fields the form shows, so problems about any other field of the record are listed in the card. */
  shownFields: (record: RecordOf<K>) => readonly string[];
}

/** From this many records on, the add button is also above the list. */
const TOP_ADD_FROM = 3;

export function RecordList<K extends RecordKind>(props: RecordListProps<K>) {
  const { kind, heading } = props;
  const { t, lang } = useT();
  const { archive, ops, history } = useEditor();
  const { message, modal } = App.useApp();
  const records = listOf(archive, kind);
  const [focusId, setFocusId] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const kindName = t(`kind_${kind}` as TextKey);

  const add = () => setFocusId(ops.addRecord(kind));

  /** What depends on the record, in words. A record not saved yet has nothing linked: no answer is "none". */
  const dependentsOf = async (id: string): Promise<string[]> => {
    try {
      const found = await ops.recordDependents(kind, id);
      return [
        ...found.attachments.map((a) => t('del_depScan', { name: a.fileName })),
        ...found.paperCopies.map((p) => t('del_depPaper', { item: slotText(p.slot, lang) })),
      ];
    } catch {
      return [];
    }
  };

  // The card and its buttons are gone: keep the keyboard in the list — on the card that took its place, else
  // the one before, else the add button. A card (not a field) so that Ctrl+Z there undoes the delete.
  const focusAfterDelete = (index: number) =>
    requestAnimationFrame(() => {
      const cards = listRef.current?.querySelectorAll<HTMLElement>('[data-record-id]') ?? [];
      (cards[index] ?? cards[index - 1] ?? addRef.current)?.focus();
    });

  const remove = async (record: RecordOf<K>) => {
    const name = props.describe(record) || t('untitled');
    // Asked only when something depends on it: every delete can be undone and restored from 回收站.
    const dependents = await dependentsOf(record.id);
    if (dependents.length > 0) {
      const confirmed = await modal.confirm({
        title: t('del_confirmTitle', { name }),
        content: <DependentList intro={t('del_confirmIntro')} items={dependents} outro={t('del_confirmOutro')} />,
        okText: t('remove'),
        okButtonProps: { danger: true, autoInsertSpace: false, 'data-testid': 'confirm-delete' },
        cancelButtonProps: { autoInsertSpace: false },
        cancelText: t('cancel'),
      });
      if (!confirmed) return;
    }
    const removed = ops.deleteRecord(kind, record.id);
    if (!removed) return;
    const key = `undo-${record.id}`;
    const entry: HistoryEntry = {
      label: t('del_step', { name }),
      undo: () => {
        message.destroy(key);
        ops.restoreRecord(removed);
        focusRecord(record.id);
      },
      redo: () => {
        ops.deleteRecord(kind, record.id);
        focusAfterDelete(removed.index);
      },
    };
    history?.push(entry);
    void message.open({
      key,
      type: 'info',
      duration: 8,
      content: (
        <span>
          {t('deleted', { name })}
          {t('del_canUndo', { keys: UNDO_KEYS })}
          <Button
            type="link"
            size="small"
            data-testid="undo-delete"
            onClick={() => (history ? history.undoEntry(entry) : entry.undo())}
          >
            {t('undo')}
          </Button>
        </span>
      ),
    });
    focusAfterDelete(removed.index);
  };

  const addButton = (
    <Button ref={addRef} icon={<PlusOutlined />} onClick={add} data-testid={`add-${kind}`}>
      {t('addRecord', { kind: kindName })}
    </Button>
  );

  return (
    <section className="record-list" aria-label={heading ?? kindName} ref={listRef}>
      {heading && (
        <Typography.Title level={2} className="list-heading">
          {heading}
        </Typography.Title>
      )}
      {records.length === 0 ? (
        <Empty
          className="list-empty"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            <>
              <div>{t('emptyList')}</div>
              <Typography.Text type="secondary">{t(`empty_${kind}` as TextKey)}</Typography.Text>
            </>
          }
        >
          {addButton}
        </Empty>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {/* A long list also has its add button first: reached without crossing every record (issue 20). */}
          {records.length >= TOP_ADD_FROM && (
            <div>
              <Button icon={<PlusOutlined />} onClick={add} data-testid={`add-${kind}-top`}>
                {t('addRecord', { kind: kindName })}
              </Button>
            </div>
          )}
          {records.map((record, index) => (
            <RecordCard
              key={record.id}
              {...props}
              record={record}
              index={index}
              count={records.length}
              autoFocus={record.id === focusId}
              onFocused={() => setFocusId(null)}
              onRemove={() => void remove(record)}
            />
          ))}
          <div>{addButton}</div>
        </Space>
      )}
    </section>
  );
}

interface RecordCardProps<K extends RecordKind> extends RecordListProps<K> {
  record: RecordOf<K>;
  index: number;
  count: number;
  autoFocus: boolean;
  onFocused: () => void;
  onRemove: () => void;
}

function RecordCard<K extends RecordKind>(props: RecordCardProps<K>) {
  const { kind, record, index, count, autoFocus, onFocused } = props;
  const { t } = useT();
  const { ops, problems } = useEditor();
  const cardRef = useRef<HTMLDivElement>(null);
  const n = index + 1;

  // A new (or restored) record: bring it into view and put the cursor in its first field.
  useEffect(() => {
    if (!autoFocus) return;
    const card = cardRef.current;
    card?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    card?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, button[role=switch]')?.focus();
    onFocused();
  }, [autoFocus, onFocused]);

  const move = (delta: -1 | 1) => {
    ops.moveRecord(kind, record.id, index + delta);
    // Reordering re-inserts the card's DOM node, which drops focus; give it back to the same button,
    // or to the other one when this one has just become disabled at an end of the list.
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-record-id="${record.id}"]`);
      const want = card?.querySelector<HTMLButtonElement>(`[data-move="${delta}"]:not(:disabled)`);
      (want ?? card?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
    });
  };

  const prefix = `${kind}.${record.id}`;
  const shown = new Set(props.shownFields(record));
  // Problems about the record as a whole, or about a field this form does not show.
  const cardProblems = problems.filter((p) => {
    if (p.path === prefix) return true;
    if (!p.path.startsWith(`${prefix}.`)) return false;
    return !shown.has(p.path.slice(prefix.length + 1).split('.')[0] ?? '');
  });

  const title = props.describe(record) || t('untitled');
  const action = (key: TextKey) => t('recordActions', { n, action: t(key) });
  return (
    <Card
      ref={cardRef}
      size="small"
      className="record-card"
      data-testid={`record-${kind}`}
      data-record-id={record.id}
      tabIndex={-1}
      aria-label={t('recordActions', { n, action: title })}
      title={
        <Space size={8} className="record-title">
          <span className="record-index">{n}</span>
          <span className="record-name">{title}</span>
          {props.tags?.(record)}
        </Space>
      }
      extra={
        <Space size={4}>
          <Tooltip title={t('moveUp')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={action('moveUp')}
              data-move="-1"
              disabled={index === 0}
              onClick={() => move(-1)}
            />
          </Tooltip>
          <Tooltip title={t('moveDown')}>
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={action('moveDown')}
              data-move="1"
              disabled={index === count - 1}
              onClick={() => move(1)}
            />
          </Tooltip>
          <Tooltip title={t('remove')}>
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={action('remove')}
              data-testid="delete-record"
              onClick={props.onRemove}
            />
          </Tooltip>
        </Space>
      }
    >
      <ProblemList problems={cardProblems} />
      <Form layout="vertical" component="div" className="record-form">
        {props.renderForm(record, (patch) => ops.setRecord(kind, record.id, patch))}
      </Form>
    </Card>
  );
}

/** A delete's question: what depends on the item, one line each. */
export function DependentList({ intro, items, outro }: { intro: string; items: readonly string[]; outro: string }) {
  return (
    <div data-testid="delete-dependents">
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <ul className="dependent-list">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <Typography.Paragraph type="secondary">{outro}</Typography.Paragraph>
    </div>
  );
}
