// 签名密钥 (issue 6): the applicant's SM2 key, made once and protected by a passphrase that nobody can
// recover (browser mode) or by the OS keychain (desktop, when available). Its fingerprint is printed on F-1 and the pledge, so the paper signed by hand vouches for the
// key. The encrypted key file can be saved elsewhere (导出密钥备份) and brought back on another computer
// (导入密钥备份, with its passphrase). The card says the truth about it (issue 19, item 8): the key is not in
// the workspace backups, and when it is lost — or its passphrase forgotten, when 换用新密钥 keeps the old file
// aside and makes a new one — the way forward is a new key, a new export and the unit's officer, who
// confirms the person and accepts the new key.
import { DownloadOutlined, ImportOutlined, KeyOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Typography, type ButtonProps } from 'antd';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiError, KeyStatus } from '../../../shared/api/contract.js';
import { ApiFailure, call } from '../api.js';
import { LabelledField } from '../components/LabelledField.js';
import { downloadText } from '../download.js';
import { errorText } from '../errors.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { Fingerprint, groupHex } from './fingerprint.js';
import './keyAdvice.css';

export const MIN_PASSPHRASE = 8;
const isPassphraseError = (e: ApiError) => /passphrase/.test(e.code);

/** Whose key: the applicant's (printed on F-1 and the pledge), the unit's or the desk's (on its opinion page, stamped). */
export type KeyHolder = 'applicant' | 'unit' | 'desk';

/** What each holder's key is printed on and signs (the applicant's F-1, the unit's and the desk's opinion page). */
const HOLDER_TEXT = {
  applicant: { printed: 'pkg_keyPrinted', passphrase: 'pkg_keyProtectedPassphrase', create: 'pkg_keyCreateText' },
  unit: { printed: 'unit_keyPrinted', passphrase: 'unit_keyProtectedPassphrase', create: 'unit_keyCreateText' },
  desk: { printed: 'desk_keyPrinted', passphrase: 'desk_keyProtectedPassphrase', create: 'desk_keyCreateText' },
} as const satisfies Record<KeyHolder, Record<string, TextKey>>;

export function KeyCard({
  status,
  onChange,
  holder = 'applicant',
}: {
  status: KeyStatus;
  onChange: (status: KeyStatus) => void;
  holder?: KeyHolder;
}) {
  const { t } = useT();
  return (
    <Card
      className="pkg-card"
      data-testid="key-card"
      title={
        <span className="pkg-card-title">
          <KeyOutlined aria-hidden /> {t('pkg_keyHeading')}
        </span>
      }
    >
      {status.exists && status.fingerprint ? (
        <KeyDetails status={status} fingerprint={status.fingerprint} holder={holder} onReplaced={onChange} />
      ) : (
        <>
          {holder === 'applicant' && status.previousFingerprint && (
            <PreviousKeyNotice fingerprint={status.previousFingerprint} />
          )}
          <CreateKeyForm onCreated={onChange} osKeychain={status.osKeychainAvailable} holder={holder} />
          <ImportKeyForm onImported={onChange} />
        </>
      )}
    </Card>
  );
}

/** The first groups of a fingerprint, enough to tell two keys apart when read aloud. */
const fingerprintStart = (hex: string) => groupHex(hex).slice(0, 19);

/** No key here, but this workspace's last package was signed by one: say which, and the two ways on. */
function PreviousKeyNotice({ fingerprint }: { fingerprint: string }) {
  const { t } = useT();
  return (
    <Alert
      type="warning"
      showIcon
      className="pkg-key-warning"
      data-testid="key-previous"
      title={t('pkg_keyPrevious', { fp: fingerprintStart(fingerprint) })}
      description={
        <>
          <Typography.Paragraph className="pkg-key-text">{t('pkg_keyPreviousBackup')}</Typography.Paragraph>
          <Typography.Paragraph className="pkg-key-text">{t('pkg_keyLost')}</Typography.Paragraph>
          <Typography.Paragraph className="pkg-key-text">{t('pkg_keyNotInBackup')}</Typography.Paragraph>
        </>
      }
    />
  );
}

/** Where the key is, how to keep a copy; for an applicant, what to do when it is lost or its passphrase forgotten. */
function KeyAdvice({ holder, onReplace }: { holder: KeyHolder; onReplace: () => void }) {
  const { t } = useT();
  return (
    <section className="pkg-key-advice" aria-labelledby="key-advice-heading" data-testid="key-advice">
      <Typography.Paragraph className="pkg-key-text">
        {t('pkg_keyNotInBackup')} {t('pkg_keyKeepCopy')}
      </Typography.Paragraph>
      {holder === 'applicant' && (
        <>
          <Typography.Title level={2} id="key-advice-heading" className="pkg-subheading">
            {t('pkg_keyLostHeading')}
          </Typography.Title>
          <Typography.Paragraph className="pkg-key-text" data-testid="key-lost">
            {t('pkg_keyLost')}
          </Typography.Paragraph>
          <Button onClick={onReplace} data-testid="key-replace">
            {t('pkg_keyReplace')}
          </Button>
        </>
      )}
    </section>
  );
}

function KeyDetails({
  status,
  fingerprint,
  holder,
  onReplaced,
}: {
  status: KeyStatus;
  fingerprint: string;
  holder: KeyHolder;
  onReplaced: (status: KeyStatus) => void;
}) {
  const { t, lang } = useT();
  const { message, modal } = App.useApp();
  // 换用新密钥: asked once in a dialog, then the create form in place of the details.
  const [isReplacing, setReplacing] = useState(false);
  const askReplace = () =>
    void modal.confirm({
      title: t('pkg_keyReplaceTitle'),
      content: t('pkg_keyReplaceText'),
      okText: t('pkg_keyReplaceOk'),
      cancelText: t('pkg_keyReplaceCancel'),
      okButtonProps: { danger: true, 'data-testid': 'key-replace-ok' } satisfies ButtonProps,
      onOk: () => setReplacing(true),
    });
  const [isSaving, setSaving] = useState(false);
  // A key sealed by the OS keychain gets a backup passphrase of its own (the backup must open elsewhere).
  const [backupPass, setBackupPass] = useState<string | null>(null);
  const needsPass = status.protection === 'os';
  const exportBackup = async () => {
    if (needsPass && (backupPass === null || backupPass.length < MIN_PASSPHRASE)) {
      setBackupPass(backupPass ?? '');
      return document.getElementById('key-backup-passphrase')?.focus();
    }
    setSaving(true);
    try {
      const { fileName, json } = await call('keys:exportBackup', needsPass ? { passphrase: backupPass! } : {});
      downloadText(fileName, json);
      void message.success(t('pkg_keyBackupSaved', { file: fileName }));
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setSaving(false);
    }
  };
  if (isReplacing) {
    return (
      <div className="pkg-key" data-testid="key-replacing">
        <CreateKeyForm
          onCreated={(next) => {
            setReplacing(false);
            void message.success(t('pkg_keyReplaced'));
            onReplaced(next);
          }}
          osKeychain={status.osKeychainAvailable}
          holder={holder}
          replace
        />
        <Button type="link" onClick={() => setReplacing(false)} data-testid="key-replace-back">
          {t('pkg_keyReplaceBack')}
        </Button>
      </div>
    );
  }
  return (
    <div className="pkg-key" data-testid="key-ready">
      <div className="pkg-key-line">
        <SafetyCertificateOutlined className="pkg-key-icon" aria-hidden />
        <Typography.Text strong>{t('pkg_keyFingerprint')}</Typography.Text>
      </div>
      <Fingerprint hex={fingerprint} testId="key-fingerprint" />
      <Typography.Paragraph type="secondary" className="pkg-key-text">
        {t(HOLDER_TEXT[holder].printed)}{' '}
        {status.protection === 'os' ? t('pkg_keyProtectedOs') : t(HOLDER_TEXT[holder].passphrase)}
      </Typography.Paragraph>
      {needsPass && backupPass !== null && (
        <LabelledField
          id="key-backup-passphrase"
          label={t('pkg_backupPassphrase')}
          hint={t('pkg_backupPassphraseHint', { n: MIN_PASSPHRASE })}
          required
        >
          {(control) => (
            <Input.Password
              {...control}
              value={backupPass}
              autoComplete="new-password"
              maxLength={1024}
              onChange={(e) => setBackupPass(e.target.value)}
              className="pkg-pass-input"
            />
          )}
        </LabelledField>
      )}
      <Space wrap>
        <Button
          icon={<DownloadOutlined />}
          loading={isSaving}
          onClick={() => void exportBackup()}
          data-testid="key-export"
        >
          {t('pkg_keyExport')}
        </Button>
        <Typography.Text type="secondary">{t('pkg_keyExportHint')}</Typography.Text>
      </Space>
      <KeyAdvice holder={holder} onReplace={askReplace} />
    </div>
  );
}

function CreateKeyForm({
  onCreated,
  osKeychain,
  holder,
  replace = false,
}: {
  onCreated: (status: KeyStatus) => void;
  osKeychain: boolean;
  holder: KeyHolder;
  /** The key here is unusable (passphrase forgotten): the core keeps its file aside and makes a new one. */
  replace?: boolean;
}) {
  const { t, pick } = useT();
  const { message } = App.useApp();
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  // Messages appear once a field is left (or on 创建), never while it is being typed into.
  const [touched, setTouched] = useState({ passphrase: false, confirm: false });
  const [isCreating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const tooShort = passphrase.length < MIN_PASSPHRASE;
  const mismatch = confirm !== passphrase;
  const passphraseError =
    touched.passphrase && tooShort
      ? t('pkg_passTooShort', { n: MIN_PASSPHRASE })
      : error && isPassphraseError(error)
        ? pick(error.message)
        : null;
  const confirmError = touched.confirm && mismatch ? t('pkg_passMismatch') : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!osKeychain) {
      setTouched({ passphrase: true, confirm: true });
      if (tooShort) return document.getElementById('key-passphrase')?.focus();
      if (mismatch) return document.getElementById('key-confirm')?.focus();
    }
    setCreating(true);
    setError(null);
    try {
      // The desktop app seals the key with the OS keychain: no passphrase to choose or to forget.
      const status = await call('keys:create', {
        ...(osKeychain ? {} : { passphrase }),
        ...(replace ? { replace: true as const } : {}),
      });
      if (!replace) void message.success(t('pkg_keyCreated'));
      onCreated(status);
    } catch (err) {
      setError(asApiError(err));
      setCreating(false);
    }
  };

  return (
    <section aria-labelledby="key-create-heading" className="pkg-key-create">
      <Typography.Title level={2} id="key-create-heading" className="pkg-subheading">
        {t(replace ? 'pkg_keyReplaceHeading' : 'pkg_keyCreateHeading')}
      </Typography.Title>
      <Typography.Paragraph>{t(HOLDER_TEXT[holder].create)}</Typography.Paragraph>
      {osKeychain ? (
        <Alert type="info" showIcon className="pkg-key-warning" title={t('pkg_keyOsKeychain')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          className="pkg-key-warning"
          title={t('pkg_keyNoRecovery')}
          description={t('pkg_keyNoRecoveryText')}
        />
      )}
      <Form layout="vertical" component={false}>
        <form onSubmit={(e) => void submit(e)} noValidate className="pkg-form" data-testid="key-create-form">
          {!osKeychain && (
            <>
              <LabelledField
                id="key-passphrase"
                label={t('pkg_passphrase')}
                hint={t('pkg_passHint', { n: MIN_PASSPHRASE })}
                error={passphraseError}
                required
              >
                {(control) => (
                  <Input.Password
                    {...control}
                    value={passphrase}
                    autoComplete="new-password"
                    maxLength={1024}
                    onChange={(e) => setPassphrase(e.target.value)}
                    onBlur={() =>
                      setTouched((old) => ({ ...old, passphrase: passphrase.length > 0 || old.passphrase }))
                    }
                    className="pkg-pass-input"
                  />
                )}
              </LabelledField>
              <LabelledField id="key-confirm" label={t('pkg_passConfirm')} error={confirmError} required>
                {(control) => (
                  <Input.Password
                    {...control}
                    value={confirm}
                    autoComplete="new-password"
                    maxLength={1024}
                    onChange={(e) => setConfirm(e.target.value)}
                    onBlur={() => setTouched((old) => ({ ...old, confirm: confirm.length > 0 || old.confirm }))}
                    className="pkg-pass-input"
                  />
                )}
              </LabelledField>
            </>
          )}
          {error && !isPassphraseError(error) && (
            <Alert type="error" showIcon role="alert" className="pkg-inline-alert" title={pick(error.message)} />
          )}
          <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={isCreating} data-testid="key-create">
            {t('pkg_keyCreate')}
          </Button>
        </form>
      </Form>
    </section>
  );
}

function ImportKeyForm({ onImported }: { onImported: (status: KeyStatus) => void }) {
  const { t, pick, lang } = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; json: string } | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [passError, setPassError] = useState<string | null>(null);
  const [isImporting, setImporting] = useState(false);

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    setFileError(null);
    try {
      setFile({ name: picked.name, json: await picked.text() });
    } catch (e) {
      setFile(null);
      setFileError(t('importReadFailed', { detail: errorText(e, lang) }));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('pkg_keyImportNoFile'));
      return input.current?.focus();
    }
    if (passphrase.length < MIN_PASSPHRASE) {
      setPassError(t('pkg_passTooShort', { n: MIN_PASSPHRASE }));
      return document.getElementById('key-import-passphrase')?.focus();
    }
    setImporting(true);
    setPassError(null);
    setFileError(null);
    try {
      const status = await call('keys:importBackup', { json: file.json, passphrase });
      void message.success(t('pkg_keyImported'));
      onImported(status);
    } catch (err) {
      const apiError = asApiError(err);
      // The reason goes beside what caused it: the passphrase, or the file.
      if (err instanceof ApiFailure && isPassphraseError(apiError)) setPassError(pick(apiError.message));
      else setFileError(pick(apiError.message));
      setImporting(false);
    }
  };

  return (
    <section aria-labelledby="key-import-heading" className="pkg-key-import">
      <Typography.Title level={2} id="key-import-heading" className="pkg-subheading">
        {t('pkg_keyImportHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('pkg_keyImportText')}</Typography.Paragraph>
      <Form layout="vertical" component={false}>
        <form onSubmit={(e) => void submit(e)} noValidate className="pkg-form" data-testid="key-import-form">
          <LabelledField
            id="key-import-file"
            label={t('pkg_keyImportFile')}
            error={fileError}
            hint={file ? t('pkg_keyImportChosen', { name: file.name }) : t('pkg_keyImportFileHint')}
          >
            {(control) => (
              <>
                <Button
                  {...control}
                  icon={<ImportOutlined />}
                  onClick={() => input.current?.click()}
                  data-testid="key-import-pick"
                >
                  {file ? t('pkg_keyImportOther') : t('pkg_keyImportPick')}
                </Button>
                <input
                  ref={input}
                  type="file"
                  accept=".json,application/json"
                  hidden
                  data-testid="key-import-input"
                  onChange={(ev) => {
                    const picked = ev.target.files?.[0];
                    ev.target.value = '';
                    void choose(picked);
                  }}
                />
              </>
            )}
          </LabelledField>
          <LabelledField id="key-import-passphrase" label={t('pkg_keyImportPassphrase')} error={passError}>
            {(control) => (
              <Input.Password
                {...control}
                value={passphrase}
                autoComplete="current-password"
                maxLength={1024}
                onChange={(ev) => setPassphrase(ev.target.value)}
                className="pkg-pass-input"
              />
            )}
          </LabelledField>
          <Button htmlType="submit" icon={<ImportOutlined />} loading={isImporting} data-testid="key-import">
            {t('pkg_keyImport')}
          </Button>
        </form>
      </Form>
    </section>
  );
}
