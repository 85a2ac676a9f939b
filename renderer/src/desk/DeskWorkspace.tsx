// The reviewing desk's workspace (issue 17): the officer's shell, laid out like the unit's (UnitWorkspace:
// header naming the desk and its kind, side navigation, one screen): 审查机构信息, 接收, 申报人一览, 审查 (one
// applicant, opened from the table), 报送, 备份与恢复. The desk's data is read here once (desk:get): the
// header names it, and a desk without it starts at its data (receiving needs it: the remit is read from it).
import { Button, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Issue } from '../../../shared/api/contract.js';
import { emptySections } from '../../../shared/archive/empty.js';
import { DESK_KIND_LABELS, type DeskProfile } from '../../../shared/desk/schema.js';
import { call } from '../api.js';
import { useStoreHealthValue } from '../attachments/storeHealth.js';
import { WorkShell } from '../components/WorkShell.js';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT, type Lang, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { BackupsScreen } from '../screens/BackupsScreen.js';
import { UnitContexts } from '../unit/UnitContexts.js';
import '../unit/unit.css';
import { DeskApplicantsScreen } from './DeskApplicantsScreen.js';
import { EMPTY_DESK } from './DeskFields.js';
import { DeskProfileScreen } from './DeskProfileScreen.js';
import { DeskReceiveScreen } from './DeskReceiveScreen.js';
import { DeskReviewScreen } from './DeskReviewScreen.js';
import { DeskSubmitScreen } from './DeskSubmitScreen.js';
import {
  DESK_REVIEWED_KEY,
  DESK_SCREEN_KEY,
  DESK_SCREENS,
  isDeskScreenKey,
  type DeskScreenKey,
} from './deskScreens.js';

/** Screens that need the whole width (tables of many applicants, the review beside the archive). */
const WIDE: ReadonlySet<DeskScreenKey> = new Set(['deskReceive', 'deskApplicants', 'deskReview', 'deskSubmit']);

type ProfileLoad =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; profile: DeskProfile; problems: Issue[] };

export interface DeskWorkspaceProps {
  onLangChange: (lang: Lang) => void;
}

export function DeskWorkspace({ onLangChange }: DeskWorkspaceProps) {
  const { t, pick } = useT();
  const [profile, setProfile] = useState<ProfileLoad>({ kind: 'loading' });
  const [screen, setScreen] = useState<DeskScreenKey | null>(() => {
    const stored = sessionStorage.getItem(DESK_SCREEN_KEY) ?? '';
    return isDeskScreenKey(stored) ? stored : null;
  });
  const [reviewed, setReviewed] = useState<string | null>(() => sessionStorage.getItem(DESK_REVIEWED_KEY));
  const contentRef = useRef<HTMLElement>(null);
  const today = dayjs().format('YYYY-MM-DD');

  const loadProfile = useCallback(async () => {
    setProfile({ kind: 'loading' });
    try {
      const value = await call('desk:get', {});
      setProfile({ kind: 'ready', profile: value.profile ?? EMPTY_DESK, problems: value.problems });
      // A desk whose data is incomplete starts there; afterwards, at its applicants.
      const complete = value.profile !== null && value.problems.length === 0;
      setScreen((s) => s ?? (complete ? 'deskApplicants' : 'deskProfile'));
    } catch (e) {
      setProfile({ kind: 'failed', error: asApiError(e) });
      setScreen((s) => s ?? 'deskProfile');
    }
  }, []);
  useEffect(() => void loadProfile(), [loadProfile]);

  // A screen with unsaved edits (审查机构信息) is asked before it is left: it calls `proceed` when it may.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    leaveGuard.current = guard;
  }, []);
  const navigate = useCallback(
    (target: DeskScreenKey) => {
      const go = () => setScreen(target);
      if (target !== screen && leaveGuard.current?.(go)) return;
      go();
    },
    [screen],
  );
  const openApplicant = useCallback(
    (applicantId: string) => {
      sessionStorage.setItem(DESK_REVIEWED_KEY, applicantId);
      setReviewed(applicantId);
      navigate('deskReview');
    },
    [navigate],
  );

  useEffect(() => {
    if (screen) sessionStorage.setItem(DESK_SCREEN_KEY, screen);
    contentRef.current?.scrollTo({ top: 0 });
  }, [screen]);

  const storeHealth = useStoreHealthValue(screen ?? '', null);
  const items = DESK_SCREENS.map((key) => ({
    key,
    label: (
      <span className="nav-item" data-testid={`nav-${key}`}>
        <span className="nav-label">{t(`desk_nav_${key}` as TextKey)}</span>
      </span>
    ),
  }));

  let body;
  if (screen === null || (profile.kind === 'loading' && screen === 'deskProfile')) {
    body = (
      <div className="center-fill">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  } else if (profile.kind === 'failed' && screen === 'deskProfile') {
    body = (
      <Result
        status="error"
        title={t('desk_profileLoadFailed')}
        subTitle={pick(profile.error.message)}
        extra={<Button onClick={() => void loadProfile()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    switch (screen) {
      case 'deskProfile':
        body = (
          <DeskProfileScreen
            saved={profile.kind === 'ready' ? profile.profile : EMPTY_DESK}
            savedProblems={profile.kind === 'ready' ? profile.problems : []}
            onSaved={(next, problems) => setProfile({ kind: 'ready', profile: next, problems })}
            setLeaveGuard={setLeaveGuard}
          />
        );
        break;
      case 'deskReceive':
        body = <DeskReceiveScreen onOpenApplicant={openApplicant} onShowTable={() => navigate('deskApplicants')} />;
        break;
      case 'deskApplicants':
        body = <DeskApplicantsScreen onOpenApplicant={openApplicant} onReceive={() => navigate('deskReceive')} />;
        break;
      case 'deskReview':
        body = (
          <DeskReviewScreen
            key={reviewed ?? ''}
            applicantId={reviewed}
            onOpenApplicant={openApplicant}
            onBack={() => navigate('deskApplicants')}
          />
        );
        break;
      case 'deskSubmit':
        body = <DeskSubmitScreen onOpenApplicant={openApplicant} />;
        break;
      case 'deskBackups':
        // The applicant's backups screen reads the editor's contexts: a desk has no archive, as a unit has none.
        body = (
          <UnitContexts
            profile={emptySections().unit}
            today={today}
            follow={() => undefined}
            setLeaveGuard={setLeaveGuard}
          >
            <BackupsScreen />
          </UnitContexts>
        );
        break;
    }
  }

  const saved = profile.kind === 'ready' ? profile.profile : null;
  const deskName = saved?.name.trim() ?? '';
  return (
    <WorkShell
      testId="desk-workspace"
      mode={t('desk_workspace')}
      holder={
        deskName && (
          <>
            {deskName}
            <span className="desk-header-kind"> · {pick(DESK_KIND_LABELS[saved!.kind])}</span>
          </>
        )
      }
      holderTestId="desk-header-name"
      navLabel={t('desk_navLabel')}
      items={items}
      screen={screen}
      onNavigate={(key) => isDeskScreenKey(key) && navigate(key)}
      wide={screen !== null && WIDE.has(screen)}
      contentRef={contentRef}
      storeHealth={storeHealth}
      onFullCheck={() => navigate('deskBackups')}
      onLangChange={onLangChange}
    >
      {body}
    </WorkShell>
  );
}
