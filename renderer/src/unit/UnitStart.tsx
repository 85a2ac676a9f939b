// The welcome screen's way into the unit's workspace (issue 7): an HR officer makes this empty workspace
// the unit's (workspace:setMode, allowed only while it is empty), once and for good.
import { AuditOutlined } from '@ant-design/icons';
import { Alert, App, Button } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import './unit.css';

export interface UnitStartProps {
  disabled: boolean;
  onStarted: () => void;
}

export function UnitStart({ disabled, onStarted }: UnitStartProps) {
  const { t, pick } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const { modal } = App.useApp();
  const start = async () => {
    // Once a unit's, always a unit's (an applicant's archive cannot live here afterwards): asked first.
    const go = await modal.confirm({
      title: t('unit_startConfirmTitle'),
      content: t('unit_startConfirmText'),
      okText: t('unit_startConfirmOk'),
      cancelText: t('cancel'),
      okButtonProps: { 'data-testid': 'welcome-unit-confirm' } as Record<string, string>,
    });
    if (!go) return;
    setBusy(true);
    setError(null);
    try {
      await call('workspace:setMode', { mode: 'unit' });
      onStarted();
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  };
  return (
    <div className="welcome-unit">
      <Button
        className="welcome-action welcome-action-unit"
        icon={<AuditOutlined />}
        loading={busy}
        disabled={disabled || busy}
        onClick={() => void start()}
        data-testid="welcome-unit"
        aria-describedby={error ? 'welcome-unit-error' : undefined}
      >
        <span className="welcome-action-text">
          <span className="welcome-action-title">{t('unit_welcomeTitle')}</span>
          <span className="welcome-action-hint">{t('unit_welcomeHint')}</span>
        </span>
      </Button>
      {error && (
        <Alert
          id="welcome-unit-error"
          type="error"
          showIcon
          role="alert"
          className="welcome-unit-error"
          data-testid="welcome-unit-error"
          title={pick(error.message)}
        />
      )}
    </div>
  );
}
