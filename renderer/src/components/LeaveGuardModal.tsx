// A form with unsaved changes (the unit's and the desk's data) is asked about before its screen is left
// (the workspace's leave guard) or the tab closed: stay, discard, or save and go on (only if the save held).
import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT } from '../i18n.js';

export interface LeaveGuardOptions {
  unsaved: boolean;
  setLeaveGuard: (guard: LeaveGuard | null) => void;
  discard: () => void;
  /** Resolves true when saved. */
  save: () => Promise<boolean>;
  /** Test ids `<prefix>-leave-discard`, `<prefix>-leave-save`. */
  testIdPrefix: string;
}

/** Installs the guard while the form is shown; returns the question to render. */
export function useLeaveGuardModal({
  unsaved,
  setLeaveGuard,
  discard,
  save,
  testIdPrefix,
}: LeaveGuardOptions): ReactNode {
  const { t } = useT();
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useEffect(() => {
    setLeaveGuard((proceed) => {
      if (!unsavedRef.current) return false;
      setLeaving(() => proceed);
      return true;
    });
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsavedRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [setLeaveGuard]);

  return (
    <Modal
      open={leaving !== null}
      title={t('unit_leaveTitle')}
      onCancel={() => setLeaving(null)}
      footer={[
        <Button key="stay" onClick={() => setLeaving(null)}>
          {t('paramsLeaveStay')}
        </Button>,
        <Button
          key="discard"
          danger
          data-testid={`${testIdPrefix}-leave-discard`}
          onClick={() => {
            const proceed = leaving;
            setLeaving(null);
            discard();
            unsavedRef.current = false;
            proceed?.();
          }}
        >
          {t('paramsLeaveDiscard')}
        </Button>,
        <Button
          key="save"
          type="primary"
          data-testid={`${testIdPrefix}-leave-save`}
          onClick={() => {
            const proceed = leaving;
            setLeaving(null);
            void save().then((ok) => {
              if (!ok) return;
              unsavedRef.current = false;
              proceed?.();
            });
          }}
        >
          {t('paramsLeaveSave')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{t('unit_leaveBody')}</Typography.Paragraph>
    </Modal>
  );
}
