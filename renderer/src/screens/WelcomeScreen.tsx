// The first screen of an empty workspace: what the app is, and the ways to begin — a blank archive, the
// sample, an archive JSON, or a signed package (verified, then imported; also where a package opened with
// the desktop app is shown while the workspace is empty).
import {
  ArrowLeftOutlined,
  FileAddOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Typography } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { ApiFailure, call } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import '../package/package.css';
import { useOpenedPackage } from '../package/openedPackages.js';
import { PackageVerify } from '../package/PackageVerify.js';
import { UnitStart } from '../unit/UnitStart.js';
import { DeskStart } from '../desk/DeskStart.js';

type Action = 'create' | 'sample' | 'import';

function ActionButton(props: {
  icon: ReactNode;
  title: string;
  hint: string;
  testId: string;
  loading: boolean;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      className="welcome-action"
      icon={props.icon}
      loading={props.loading}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      <span className="welcome-action-text">
        <span className="welcome-action-title">{props.title}</span>
        <span className="welcome-action-hint">{props.hint}</span>
      </span>
    </Button>
  );
}

export interface WelcomeScreenProps {
  onOpened: (applicantId: string) => void;
  /** Opens the archive a package import made. */
  onOpenArchive: (applicantId: string) => void;
  /** The workspace became the unit's (issue 7). */
  onUnit: () => void;
  /** The workspace became a reviewing desk's (issue 17). */
  onDesk: () => void;
}

export function WelcomeScreen({ onOpened, onOpenArchive, onUnit, onDesk }: WelcomeScreenProps) {
  const { t, lang, pick } = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Action | null>(null);
  const [importError, setImportError] = useState<ApiError | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [showPackage, setShowPackage] = useState(false);
  const opened = useOpenedPackage();
  // Stays on the package view once the verify screen has taken the opened package off the queue.
  useEffect(() => {
    if (opened) setShowPackage(true);
  }, [opened]);

  if (showPackage || opened !== null) {
    return (
      <main className="welcome welcome-package">
        <div className="welcome-inner welcome-package-inner">
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => setShowPackage(false)}
            className="welcome-back"
            data-testid="welcome-back"
          >
            {t('welcomeBack')}
          </Button>
          <Typography.Title level={1} className="welcome-title">
            {t('nav_verifyPackage')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('intro_verifyPackage')}</Typography.Paragraph>
          <PackageVerify onOpenArchive={onOpenArchive} />
        </div>
      </main>
    );
  }

  const run = async (action: Action, open: () => Promise<{ applicantId: string }>) => {
    setBusy(action);
    setImportError(null);
    try {
      onOpened((await open()).applicantId);
    } catch (e) {
      if (action === 'import' && e instanceof ApiFailure) setImportError(e.error);
      else void message.error(t('actionFailed', { detail: errorText(e, lang) }));
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    let json: string;
    try {
      json = await file.text();
    } catch (e) {
      void message.error(t('importReadFailed', { detail: errorText(e, lang) }));
      return;
    }
    await run('import', () => call('archive:importJson', { json }));
  };

  return (
    <main className="welcome">
      <div className="welcome-inner">
        <Typography.Title level={1} className="welcome-title">
          {t('appName')}
        </Typography.Title>
        <Typography.Paragraph className="welcome-lead">{t('appTagline')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('appOffline')}</Typography.Paragraph>
        <div className="welcome-actions">
          <ActionButton
            icon={<FileAddOutlined />}
            title={t('welcomeCreate')}
            hint={t('welcomeCreateHint')}
            testId="welcome-create"
            loading={busy === 'create'}
            disabled={busy !== null}
            onClick={() => void run('create', () => call('archive:create', {}))}
          />
          <ActionButton
            icon={<UserOutlined />}
            title={t('welcomeSample')}
            hint={t('welcomeSampleHint')}
            testId="welcome-sample"
            loading={busy === 'sample'}
            disabled={busy !== null}
            onClick={() => void run('sample', () => call('archive:loadSample', {}))}
          />
          <ActionButton
            icon={<ImportOutlined />}
            title={t('welcomeImport')}
            hint={t('welcomeImportHint')}
            testId="welcome-import"
            loading={busy === 'import'}
            disabled={busy !== null}
            onClick={() => fileRef.current?.click()}
          />
          <ActionButton
            icon={<SafetyCertificateOutlined />}
            title={t('welcomePackage')}
            hint={t('welcomePackageHint')}
            testId="welcome-package"
            loading={false}
            disabled={busy !== null}
            onClick={() => setShowPackage(true)}
          />
          <UnitStart disabled={busy !== null} onStarted={onUnit} />
          <DeskStart disabled={busy !== null} onStarted={onDesk} />
        </div>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // picking the same file again must fire onChange again
            if (file) void importFile(file);
          }}
        />
        {importError && (
          <Alert
            type="error"
            showIcon
            className="import-error"
            data-testid="import-error"
            title={`${t('importFailed')}${pick(importError.message)}`}
            description={
              importError.issues?.length ? (
                <ul className="issue-list">
                  {importError.issues.map((issue, i) => (
                    <li key={i}>
                      <code>{issue.path || '/'}</code>: {pick(issue.message)}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </div>
    </main>
  );
}
