// The attachment operations of the 附件 screen as calls to the core, each followed by a reload (an edit
// makes a new version and moves the links) and reported in the UI language. A delete asks first when the scan
// proves something (its links), and is undone by its message, Ctrl+Z (the screen's history) or 回收站.
import { App, Button } from 'antd';
import { createElement, useState } from 'react';
import type { AttachmentView, FitResult } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { errorText } from '../errors.js';
import { DependentList } from '../components/RecordList.js';
import { UNDO_KEYS } from '../components/HistoryButtons.js';
import { useEditor } from '../editorContext.js';
import type { HistoryEntry } from '../history.js';
import { useT } from '../i18n.js';
import { linkText } from './linkText.js';

export function useAttachmentActions(reload: () => Promise<void>) {
  const { t, lang } = useT();
  const { message, modal } = App.useApp();
  const { archive, history } = useEditor();
  const [busyId, setBusyId] = useState<string | null>(null);

  /** Run one call for one attachment; null when it failed (the failure is shown). */
  async function run<T>(id: string, action: () => Promise<T>): Promise<T | null> {
    setBusyId(id);
    try {
      const value = await action();
      await reload();
      return value;
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
      return null;
    } finally {
      setBusyId(null);
    }
  }

  const restore = (a: AttachmentView) => run(a.id, () => call('attachments:restore', { attachmentId: a.id }));

  // Asked only when records or material items depend on the scan (its links, kept while it is deleted).
  const confirmRemove = async (a: AttachmentView): Promise<boolean> => {
    if (a.links.length === 0) return true;
    const items = [...new Set(a.links.map((link) => linkText(link, archive, lang)))];
    return await modal.confirm({
      title: t('del_confirmTitle', { name: a.fileName }),
      content: createElement(DependentList, {
        intro: t('del_confirmScanIntro'),
        items,
        outro: t('del_confirmOutro'),
      }),
      okText: t('remove'),
      okButtonProps: { danger: true, autoInsertSpace: false, 'data-testid': 'confirm-delete' },
      cancelButtonProps: { autoInsertSpace: false },
      cancelText: t('cancel'),
    });
  };

  const remove = async (a: AttachmentView) => {
    if (!(await confirmRemove(a))) return;
    if (!(await run(a.id, () => call('attachments:delete', { attachmentId: a.id })))) return;
    const key = `undo-att-${a.id}`;
    const entry: HistoryEntry = {
      label: t('del_step', { name: a.fileName }),
      undo: () => {
        message.destroy(key);
        void restore(a);
      },
      redo: () => void run(a.id, () => call('attachments:delete', { attachmentId: a.id })),
    };
    history?.push(entry);
    void message.open({
      key,
      type: 'info',
      duration: 8,
      content: createElement(
        'span',
        null,
        t('deleted', { name: a.fileName }),
        t('del_canUndo', { keys: UNDO_KEYS }),
        createElement(
          Button,
          {
            size: 'small',
            type: 'link',
            'data-testid': 'undo-delete-attachment',
            onClick: () => (history ? history.undoEntry(entry) : entry.undo()),
          },
          t('undo'),
        ),
      ),
    });
  };

  return {
    busyId,
    rotate: (a: AttachmentView) => run(a.id, () => call('attachments:rotate', { attachmentId: a.id, degrees: 90 })),
    split: async (a: AttachmentView) => {
      const result = await run(a.id, () => call('attachments:split', { attachmentId: a.id }));
      if (result) void message.success(t('att_splitDone', { n: result.attachments.length }));
    },
    merge: async (list: AttachmentView[]) => {
      const result = await run('merge', () => call('attachments:merge', { attachmentIds: list.map((a) => a.id) }));
      if (result) void message.success(t('att_mergeDone', { name: result.attachment.fileName }));
      return result !== null;
    },
    fit: (a: AttachmentView): Promise<FitResult | null> =>
      run(a.id, () => call('attachments:fit', { attachmentId: a.id })),
    crop: (a: AttachmentView): Promise<FitResult | null> =>
      run(a.id, () => call('attachments:cropPhoto', { attachmentId: a.id })),
    rename: (a: AttachmentView, fileName: string) =>
      run(a.id, () => call('attachments:rename', { attachmentId: a.id, fileName })),
    unlink: (linkId: string) => run(linkId, () => call('attachments:unlink', { linkId })),
    /** Undo a fit: delete the fitted version, which hands its links back to the original. */
    discard: (a: AttachmentView) => run(a.id, () => call('attachments:delete', { attachmentId: a.id })),
    remove,
  };
}
