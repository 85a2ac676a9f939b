// The unit key's passphrase for one signature (退回, 报送): asked only when the key is sealed by a
// passphrase (keys:status protection), never stored; a wrong one is named here, beside the field.
import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { call } from '../../api.js';
import type { ApiError, KeyStatus } from '../../../../shared/api/contract.js';
import { LabelledField } from '../../components/LabelledField.js';
import { useT } from '../../i18n.js';
import { MIN_PASSPHRASE } from '../../package/KeyCard.js';

/** The workspace key's status, read once per screen (null until read, or when it cannot be read). */
export function useKeyStatus(): KeyStatus | null {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  useEffect(() => {
    call('keys:status', {})
      .then(setStatus)
      .catch(() => setStatus(null));
  }, []);
  return status;
}

export const isPassphraseError = (e: ApiError | null): boolean => e !== null && /passphrase/.test(e.code);

/** The key needs a passphrase typed for each signature. */
export const needsPassphrase = (key: KeyStatus | null): boolean =>
  key !== null && key.exists && key.protection !== 'os';

/** A passphrase long enough to try, or none needed. */
export const passphraseReady = (key: KeyStatus | null, passphrase: string): boolean =>
  !needsPassphrase(key) || passphrase.length >= MIN_PASSPHRASE;

export interface PassphraseFieldProps {
  id: string;
  /** Whose key (the unit's unless said: the desk's pass-on says its own). */
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error: ApiError | null;
}

export function PassphraseField({ id, label, value, onChange, error }: PassphraseFieldProps) {
  const { t, pick } = useT();
  return (
    <Form layout="vertical" component={false}>
      <LabelledField
        id={id}
        label={label ?? t('uw_unitPassphrase')}
        hint={t('pkg_exportPassphraseHint')}
        error={isPassphraseError(error) && error ? pick(error.message) : null}
        className="uw-passphrase"
      >
        {(control) => (
          <Input.Password
            {...control}
            value={value}
            autoComplete="current-password"
            maxLength={1024}
            onChange={(e) => onChange(e.target.value)}
            data-testid={id}
          />
        )}
      </LabelledField>
    </Form>
  );
}
