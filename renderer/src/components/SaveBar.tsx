// The save bar under a data form (the unit's and the desk's): the refusal if the last save was refused,
// 保存 and 撤销修改 (enabled while there are unsaved changes), and a live line saying unsaved, or saved (with
// how many fields are still missing).
import { SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useT } from '../i18n.js';

export interface SaveBarProps {
  /** The refusal of the last save, in the UI language, or null. */
  refused: string | null;
  unsaved: boolean;
  saving: boolean;
  justSaved: boolean;
  saveLabel: string;
  /** What a save left to fix: the line after it. */
  savedText: string;
  left: number;
  onSave: () => void;
  onDiscard: () => void;
  /** Test ids `<prefix>-actions`, `-error`, `-save`, `-discard`, `-unsaved`, `-saved`. */
  testIdPrefix: string;
}

export function SaveBar(p: SaveBarProps) {
  const { t } = useT();
  const id = (what: string) => `${p.testIdPrefix}-${what}`;
  return (
    <div className="unit-save-bar" data-testid={id('actions')}>
      {p.refused && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="unit-save-error"
          data-testid={id('error')}
          title={p.refused}
        />
      )}
      <Space wrap>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={!p.unsaved}
          loading={p.saving}
          onClick={p.onSave}
          data-testid={id('save')}
        >
          {p.saveLabel}
        </Button>
        <Button disabled={!p.unsaved || p.saving} onClick={p.onDiscard} data-testid={id('discard')}>
          {t('paramsDiscard')}
        </Button>
        <span aria-live="polite">
          {p.unsaved ? (
            <Typography.Text type="warning" strong data-testid={id('unsaved')}>
              {t('paramsUnsaved')}
            </Typography.Text>
          ) : (
            p.justSaved && (
              <Typography.Text type={p.left > 0 ? 'warning' : 'success'} data-testid={id('saved')}>
                {p.savedText}
              </Typography.Text>
            )
          )}
        </span>
      </Space>
    </div>
  );
}
