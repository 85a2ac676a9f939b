// Scans whose stored file is missing or damaged (issue 13): the workspace opens all the same, and each such
// scan is named where the user meets it — a banner over every screen (with the way to repair), its card on
// 附件, its item in 材料清单. What the core knows (store:health) is read again on every screen change and
// after every upload batch, so that adding the same file again (which repairs it) clears the marks.
import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Localized } from '../../../shared/api/contract.js';
import type { StoreHealth } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import type { UploadState, UploadStore } from './useUploads.js';
import './attachments.css';

export type FileState = 'missing' | 'damaged';

export interface StoreHealthValue {
  health: StoreHealth;
  /** How the file of this hash stands; null when nothing is known against it. */
  stateOf: (sha256: string) => FileState | null;
  refresh: () => void;
}

const NONE: StoreHealth = { missing: [], damaged: [] };

export const StoreHealthContext = createContext<StoreHealthValue>({
  health: NONE,
  stateOf: () => null,
  refresh: () => undefined,
});

export const useStoreHealth = (): StoreHealthValue => useContext(StoreHealthContext);

/** Where no upload batch exists (the unit's workspace): nothing to follow. */
const noUploads = {
  subscribe: (_listener: () => void) => () => undefined,
  getSnapshot: (): UploadState | null => null,
};

/** The editor's value: read on mount, on every screen change (`screen`) and when an upload batch ends. */
export function useStoreHealthValue(screen: string, uploads: UploadStore | null): StoreHealthValue {
  const [health, setHealth] = useState<StoreHealth>(NONE);
  const [asked, setAsked] = useState(0);
  const source = uploads ?? noUploads;
  const settled = useSyncExternalStore(source.subscribe, () => source.getSnapshot()?.settled ?? 0);
  useEffect(() => {
    let isCurrent = true;
    call('store:health', {}).then(
      (value) => isCurrent && setHealth(value),
      // Not knowing is not a problem to show: the marks stay as they were until the next read.
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [screen, settled, asked]);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return useMemo(() => {
    const states = new Map<string, FileState>();
    for (const d of health.missing) states.set(d.sha256, 'missing');
    for (const d of health.damaged) states.set(d.sha256, 'damaged');
    return { health, stateOf: (sha256: string) => states.get(sha256) ?? null, refresh };
  }, [health, refresh]);
}

export interface StoreHealthBannerProps {
  /** To 附件, where each card says what to do (the applicant's workspace; a unit adds no scan by hand). */
  onRepair?: () => void;
  /** To 备份与检查, where every file can be checked. */
  onFullCheck: () => void;
}

/** The banner over every screen while any scan's file is missing or damaged; nothing otherwise. */
export function StoreHealthBanner({ onRepair, onFullCheck }: StoreHealthBannerProps) {
  const { t, pick } = useT();
  const { message } = App.useApp();
  const { health, refresh } = useStoreHealth();
  const [repairing, setRepairing] = useState(false);
  // What the last repair from the kept packages could not put back, said until the banner goes.
  const [outcome, setOutcome] = useState<Localized | null>(null);
  const repairFromPackages = async () => {
    setRepairing(true);
    try {
      const result = await call('store:repair', {});
      if (result.remaining.length === 0) void message.success(pick(result.message));
      setOutcome(result.remaining.length === 0 ? null : result.message);
    } catch (e) {
      setOutcome(asApiError(e).message);
    } finally {
      setRepairing(false);
      refresh();
    }
  };
  const files = [
    ...health.missing.map((d) => ({ ...d, state: 'missing' as const })),
    ...health.damaged.map((d) => ({ ...d, state: 'damaged' as const })),
  ];
  const names = files.flatMap((f) =>
    [...new Set(f.attachments.map((a) => a.fileName))].map((name) => ({ name, state: f.state, key: f.sha256 })),
  );
  if (names.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      icon={<WarningOutlined />}
      className="store-health-banner"
      data-testid="store-health-banner"
      title={t('health_bannerTitle', { n: names.length })}
      description={
        <>
          <ul className="store-health-list">
            {names.map((n) => (
              <li key={`${n.key}/${n.name}`} data-testid="store-health-file" data-state={n.state}>
                {t('health_item', {
                  name: n.name,
                  state: t(n.state === 'missing' ? 'health_missing' : 'health_damaged'),
                })}
              </li>
            ))}
          </ul>
          <p className="store-health-text">{t(onRepair ? 'health_bannerText' : 'health_bannerTextUnit')}</p>
          {outcome && (
            <p className="store-health-text" role="status" data-testid="store-health-outcome">
              {pick(outcome)}
            </p>
          )}
          <Space wrap>
            <Button
              size="small"
              type="primary"
              loading={repairing}
              onClick={() => void repairFromPackages()}
              data-testid="store-health-from-packages"
            >
              {t('health_fromPackages')}
            </Button>
            {onRepair && (
              <Button size="small" onClick={onRepair} data-testid="store-health-repair">
                {t('health_repair')}
              </Button>
            )}
            <Button size="small" onClick={onFullCheck} data-testid="store-health-check">
              {t('health_fullCheck')}
            </Button>
          </Space>
        </>
      }
    />
  );
}
