// 撤销 / 重做 in the header (issue 15): the current screen's history, with its keys in the tooltip and what
// the step would undo or redo, so the keyboard's Ctrl+Z is discoverable and never a surprise.
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useT } from '../i18n.js';
import type { ScreenHistory } from '../useEditHistory.js';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const UNDO_KEYS = isMac ? '⌘Z' : 'Ctrl+Z';
export const REDO_KEYS = isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z / Ctrl+Y';

export function HistoryButtons({ history }: { history: ScreenHistory }) {
  const { t } = useT();
  const { undo, redo } = history.top;
  const tip = (action: string, keys: string, what: string | undefined) =>
    t('hist_tip', { action, keys }) + (what ? t('hist_tipWhat', { what }) : '');
  return (
    <Space.Compact className="history-buttons">
      <Tooltip title={tip(t('undo'), UNDO_KEYS, undo?.label)}>
        <Button
          type="text"
          icon={<UndoOutlined />}
          aria-label={t('hist_undoLabel', { keys: UNDO_KEYS })}
          aria-keyshortcuts="Control+Z"
          disabled={!undo}
          onClick={history.undo}
          data-testid="history-undo"
        />
      </Tooltip>
      <Tooltip title={tip(t('redo'), REDO_KEYS, redo?.label)}>
        <Button
          type="text"
          icon={<RedoOutlined />}
          aria-label={t('hist_redoLabel', { keys: REDO_KEYS })}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          disabled={!redo}
          onClick={history.redo}
          data-testid="history-redo"
        />
      </Tooltip>
    </Space.Compact>
  );
}
