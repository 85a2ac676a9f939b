// The unit's workspace (issue 7): the HR officer's shell, laid out like the applicant's editor (header,
// side navigation, one screen): 单位信息, 导入申报包, 申报人一览, 审核 (one applicant, opened from the table),
// 公示, 岗位信息表 (public institutions only, N-14), 报送, 备份与恢复. The unit's profile is read here once:
// the header names the unit, and the navigation lists F-4 by the unit's type.
import { Button, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { emptySections } from '../../../shared/archive/empty.js';
import { DEFAULT_PARAMS_2020, type Params2020 } from '../../../shared/rules/pack2020/params.js';
import type { Fix } from '../../../shared/rules/types.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import { call } from '../api.js';
import { useStoreHealthValue } from '../attachments/storeHealth.js';
import { fieldId } from '../components/FieldItem.js';
import { WorkShell } from '../components/WorkShell.js';
import type { LeaveGuard } from '../eligibility/context.js';
import { focusWhenShown } from '../eligibility/fixTarget.js';
import { useT, type Lang, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { useOpenedPackage } from '../package/openedPackages.js';
import { BackupsScreen } from '../screens/BackupsScreen.js';
import { PostInfoScreen } from '../screens/PostInfoScreen.js';
import { PublicityScreen } from './PublicityScreen.js';
import { ReviewScreen } from './ReviewScreen.js';
import { SubmitScreen } from './SubmitScreen.js';
import { UnitApplicantsScreen } from './UnitApplicantsScreen.js';
import { UnitContexts } from './UnitContexts.js';
import { UnitImportScreen } from './UnitImportScreen.js';
import { UnitProfileScreen } from './UnitProfileScreen.js';
import { isUnitScreenKey, isUnitScreenListed, REVIEWED_KEY, UNIT_SCREENS, type UnitScreenKey } from './unitScreens.js';
import './unit.css';

const SCREEN_KEY = 'dossier.unitScreen';
/** Screens that need the whole width (tables of many applicants, the review beside the archive). */
const WIDE: ReadonlySet<UnitScreenKey> = new Set(['unitApplicants', 'unitReview', 'unitPublicity', 'unitSubmit']);

type ProfileLoad = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; profile: UnitProfile };

export interface UnitWorkspaceProps {
  onLangChange: (lang: Lang) => void;
}

export function UnitWorkspace({ onLangChange }: UnitWorkspaceProps) {
  const { t, pick } = useT();
  const [profile, setProfile] = useState<ProfileLoad>({ kind: 'loading' });
  const [screen, setScreen] = useState<UnitScreenKey | null>(() => {
    const stored = sessionStorage.getItem(SCREEN_KEY) ?? '';
    return isUnitScreenKey(stored) ? stored : null;
  });
  const [reviewed, setReviewed] = useState<string | null>(() => sessionStorage.getItem(REVIEWED_KEY));
  const contentRef = useRef<HTMLElement>(null);
  const today = dayjs().format('YYYY-MM-DD');

  const loadProfile = useCallback(async () => {
    setProfile({ kind: 'loading' });
    try {
      const value = await call('unit:get', {});
      setProfile({ kind: 'ready', profile: value.profile ?? emptySections().unit });
      // A unit that has not described itself yet starts there; afterwards, at its applicants.
      setScreen((s) => s ?? (value.profile?.name.trim() ? 'unitApplicants' : 'unitProfile'));
    } catch (e) {
      setProfile({ kind: 'failed', error: asApiError(e) });
      setScreen((s) => s ?? 'unitProfile');
    }
  }, []);
  useEffect(() => void loadProfile(), [loadProfile]);
  // The rule pack's parameters (its as-of date for F-4); the defaults serve while they are read or if not.
  const [params, setParams] = useState<Params2020>(DEFAULT_PARAMS_2020);
  useEffect(() => {
    call('rules:getParams', {}).then(
      (value) => setParams(value.params),
      () => undefined,
    );
  }, []);

  // A screen with unsaved edits (单位信息, 岗位信息表) is asked before it is left: it calls `proceed` when it may.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    leaveGuard.current = guard;
  }, []);
  const pendingFocus = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const navigate = useCallback(
    (target: UnitScreenKey, focusId: string | null = null) => {
      const go = () => {
        pendingFocus.current = focusId;
        setScreen(target);
        setFocusRequest((n) => n + 1);
      };
      if (target !== screen && leaveGuard.current?.(go)) return;
      go();
    },
    [screen],
  );
  const follow = useCallback(
    (fix: Fix) => {
      if (fix.kind === 'field' && fix.target.startsWith('unit.')) navigate('unitProfile', fieldId(fix.target));
    },
    [navigate],
  );
  const openApplicant = useCallback(
    (applicantId: string) => {
      sessionStorage.setItem(REVIEWED_KEY, applicantId);
      setReviewed(applicantId);
      navigate('unitReview');
    },
    [navigate],
  );

  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    return focusWhenShown(id);
  }, [screen, focusRequest]);

  useEffect(() => {
    if (screen) sessionStorage.setItem(SCREEN_KEY, screen);
    contentRef.current?.scrollTo({ top: 0 });
  }, [screen]);

  // A package the desktop app was asked to open goes to 导入申报包, which takes it in.
  const opened = useOpenedPackage();
  const hasOpened = opened !== null;
  useEffect(() => {
    if (hasOpened) navigate('unitImport');
    // Once per arrival; navigate is remade when the screen changes.
  }, [hasOpened]);

  const storeHealth = useStoreHealthValue(screen ?? '', null);
  const saved = profile.kind === 'ready' ? profile.profile : emptySections().unit;
  const listed = UNIT_SCREENS.filter((key) => key === screen || isUnitScreenListed(key, saved.type));
  const items = listed.map((key) => ({
    key,
    label: (
      <span className="nav-item" data-testid={`nav-${key}`}>
        <span className="nav-label">{t(`unit_nav_${key}` as TextKey)}</span>
      </span>
    ),
  }));

  let body;
  if (screen === null || (profile.kind === 'loading' && screen === 'unitProfile')) {
    body = (
      <div className="center-fill">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  } else if (profile.kind === 'failed' && (screen === 'unitProfile' || screen === 'unitPostInfo')) {
    body = (
      <Result
        status="error"
        title={t('unit_profileLoadFailed')}
        subTitle={pick(profile.error.message)}
        extra={<Button onClick={() => void loadProfile()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    switch (screen) {
      case 'unitProfile':
        body = (
          <UnitProfileScreen
            saved={saved}
            today={today}
            onSaved={(next) => setProfile({ kind: 'ready', profile: next })}
            setLeaveGuard={setLeaveGuard}
            follow={follow}
          />
        );
        break;
      case 'unitImport':
        body = <UnitImportScreen onOpenApplicant={openApplicant} onShowTable={() => navigate('unitApplicants')} />;
        break;
      case 'unitApplicants':
        body = <UnitApplicantsScreen onOpenApplicant={openApplicant} onImport={() => navigate('unitImport')} />;
        break;
      case 'unitReview':
        body = <ReviewScreen key={reviewed ?? ''} applicantId={reviewed} onOpenApplicant={openApplicant} />;
        break;
      case 'unitPublicity':
        body = <PublicityScreen onOpenApplicant={openApplicant} />;
        break;
      case 'unitPostInfo':
        body = <PostInfoScreen unit />;
        break;
      case 'unitSubmit':
        body = <SubmitScreen onOpenApplicant={openApplicant} onOpenPostInfo={() => navigate('unitPostInfo')} />;
        break;
      case 'unitBackups':
        body = <BackupsScreen />;
        break;
    }
  }

  const unitName = saved.name.trim();
  return (
    <UnitContexts profile={saved} today={today} params={params} follow={follow} setLeaveGuard={setLeaveGuard}>
      <WorkShell
        testId="unit-workspace"
        mode={t('unit_workspace')}
        holder={unitName}
        holderTestId="unit-header-name"
        navLabel={t('unit_navLabel')}
        items={items}
        screen={screen}
        onNavigate={(key) => isUnitScreenKey(key) && navigate(key)}
        wide={screen !== null && WIDE.has(screen)}
        contentRef={contentRef}
        storeHealth={storeHealth}
        onFullCheck={() => navigate('unitBackups')}
        onLangChange={onLangChange}
      >
        {body}
      </WorkShell>
    </UnitContexts>
  );
}
