// Leaving a screen that edits a draft (parameters, F-4's post information, the unit's data, the desk's data)
// with unsaved changes: the shell asks the screen's guard before it changes screen, and the screen shows one
// dialog — stay, discard and leave, or save and leave (leaving only once the save went through). Closing the
// tab asks too (beforeunload), on every such screen.
import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT } from '../i18n.js';

export interface LeaveState {
  /** The navigation waiting for the user's answer (null: the dialog is closed). */
  leaving: (() => void) | null;
  setLeaving: (proceed: (() => void) | null) => void;
  /** Says the draft is saved or discarded, before the waiting navigation goes on (the guard lets it pass). */
  settle: () => void;
}

/** Registers the guard for as long as the screen is shown; `unsaved` is read when the user tries to leave. */
export function useLeaveGuard(unsaved: boolean, setLeaveGuard: (guard: LeaveGuard | null) => void): LeaveState {
  const [leaving, setLeavingState] = useState<(() => void) | null>(null);
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useEffect(() => {
    setLeaveGuard((proceed) => {
      if (!unsavedRef.current) return false;
      setLeavingState(() => proceed);
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
  return {
    leaving,
    setLeaving: (proceed) => setLeavingState(() => proceed),
    settle: () => {
      unsavedRef.current = false;
    },
  };
}

export interface UnsavedDialogProps {
  leave: LeaveState;
  title: string;
  body: ReactNode;
  /** data-testid prefix of the buttons: `<prefix>-leave-discard`, `<prefix>-leave-save`. */
  testId: string;
  onDiscard: () => void;
  /** Saves the draft; false when it did not validate or save (the user stays, the problems shown). */
  onSave: () => Promise<boolean>;
}

export function UnsavedDialog({ leave, title, body, testId, onDiscard, onSave }: UnsavedDialogProps) {
  const { t } = useT();
  const { leaving, setLeaving, settle } = leave;
  return (
    <Modal
      open={leaving !== null}
      title={title}
      onCancel={() => setLeaving(null)}
      footer={[
        <Button key="stay" onClick={() => setLeaving(null)}>
          {t('paramsLeaveStay')}
        </Button>,
        <Button
          key="discard"
          danger
          data-testid={`${testId}-leave-discard`}
          onClick={() => {
            setLeaving(null);
            onDiscard();
            settle();
            leaving?.();
          }}
        >
          {t('paramsLeaveDiscard')}
        </Button>,
        <Button
          key="save"
          type="primary"
          data-testid={`${testId}-leave-save`}
          onClick={() => {
            setLeaving(null);
            void onSave().then((ok) => {
              if (!ok) return;
              settle();
              leaving?.();
            });
          }}
        >
          {t('paramsLeaveSave')}
        </Button>,
      ]}
    >
      <Typography.Paragraph>{body}</Typography.Paragraph>
    </Modal>
  );
}
