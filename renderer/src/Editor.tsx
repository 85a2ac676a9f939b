// The editor of one archive: header (name, save status, language), navigation with a problem badge per
// screen, and the current screen. Problems are recomputed from the archive as typed; the computation
// runs on a deferred copy so that a keystroke is drawn before the checks run.
import { Badge, Button, Layout, Menu, Result, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { countBySection, findProblems } from '../../shared/archive/problems.js';
import { emptyArchive } from '../../shared/archive/empty.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { SaveStatus } from './components/SaveStatus.js';
import { EditorContext, indexProblems, type EditorValue } from './editorContext.js';
import { useT, type Lang, type TextKey } from './i18n.js';
import { renderScreen } from './screens/index.js';
import { SCREENS, isScreenKey, isScreenListed, type ScreenKey } from './screens/screens.js';
import { useArchive } from './useArchive.js';
import { useEditHistory } from './useEditHistory.js';
import { HistoryButtons } from './components/HistoryButtons.js';
import { EligibilityContext, type EligibilityValue, type LeaveGuard } from './eligibility/context.js';
import { focusIdOfFix, focusWhenShown, screenOfFix } from './eligibility/fixTarget.js';
import { useEligibilityState } from './eligibility/useEligibilityState.js';
import type { Fix } from '../../shared/rules/types.js';
import { UploadIndicator } from './attachments/UploadProgress.js';
import { UploadsContext, UploadStore } from './attachments/useUploads.js';
import { StoreHealthBanner, StoreHealthContext, useStoreHealthValue } from './attachments/storeHealth.js';
import { useOpenedPackage } from './package/openedPackages.js';
import { ReviewContext } from './review/context.js';
import { ReceivedBanner } from './review/ReceivedBanner.js';
import { useReceivedReview } from './review/useReceivedReview.js';
import { useReviewValue } from './review/useReviewValue.js';

/** The last screen, per archive and tab, so that a reload returns to it; a new archive starts at 基本信息. */
const screenKey = (applicantId: string) => `dossier.screen.${applicantId}`;

/** Sets the screen an archive opens on next (基本信息 after a package import replaced what was shown). */
export const openArchiveOn = (applicantId: string, screen: ScreenKey) =>
  sessionStorage.setItem(screenKey(applicantId), screen);
const EMPTY = emptyArchive();

export interface EditorProps {
  applicantId: string;
  onDeleted: () => void;
  /** Opens an archive afresh (after a package import changed this one or made another). */
  onOpenArchive: (applicantId: string) => void;
  onLangChange: (lang: Lang) => void;
}

export function Editor({ applicantId, onDeleted, onOpenArchive, onLangChange }: EditorProps) {
  const { t, pick } = useT();
  const { load, save, reload, ...archiveOps } = useArchive(applicantId);
  const [screen, setScreen] = useState<ScreenKey>(() => {
    const stored = sessionStorage.getItem(screenKey(applicantId)) ?? '';
    return isScreenKey(stored) ? stored : 'profile';
  });
  const contentRef = useRef<HTMLElement>(null);
  // Files being added outlive the screen they were chosen on (issue 3): the batch is the editor's.
  const [uploads] = useState(() => new UploadStore(applicantId));
  useEffect(() => () => uploads.dispose(), [uploads]);

  const archive = load.kind === 'ready' ? load.archive : EMPTY;
  const deferred = useDeferredValue(archive);
  const today = dayjs().format('YYYY-MM-DD');
  const problems = useMemo(() => findProblems(deferred, today), [deferred, today]);
  const counts = useMemo(() => countBySection(problems), [problems]);
  const problemsByPath = useMemo(() => indexProblems(problems), [problems]);
  // Issue 15: every edit and move is recorded on the screen's undo stack (Ctrl+Z / Ctrl+Shift+Z).
  const { ops, history } = useEditHistory(archiveOps, archiveOps.current, screen);
  const editor: EditorValue = { archive, ops, problems, problemsByPath, history };
  // Issue 4: the rule pack runs here too, on the same deferred archive, so findings follow the typing.
  const eligibilityState = useEligibilityState(applicantId, deferred, today, screen);
  const pendingFocus = useRef<string | null>(null);
  // Bumped by every followed link, so that a link to a field on the current screen focuses it too.
  const [focusRequest, setFocusRequest] = useState(0);
  // A screen with unsaved edits (假设与参数) is asked before it is left: it calls `proceed` when it may.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const setLeaveGuard = useCallback((guard: LeaveGuard | null) => {
    leaveGuard.current = guard;
  }, []);
  const navigate = (target: ScreenKey, focusId: string | null = null) => {
    const go = () => {
      pendingFocus.current = focusId;
      setScreen(target);
      setFocusRequest((n) => n + 1);
    };
    if (target !== screen && leaveGuard.current?.(go)) return;
    go();
  };
  const follow = (fix: Fix) => {
    const target = screenOfFix(fix);
    if (!target) return;
    navigate(target, focusIdOfFix(fix));
  };
  const eligibility: EligibilityValue = { ...eligibilityState, follow, setLeaveGuard };
  // Issue 7: a unit's review that came back (退回), read again on every screen change (an import or a new
  // export changes it); its comments are shown at their fields and followed like fix links.
  const received = useReceivedReview(applicantId, screen);
  // Issue 13: scans whose file is missing or damaged, named over every screen and where they are used.
  const storeHealth = useStoreHealthValue(screen, uploads);
  const review = useReviewValue(received, follow, navigate);
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    // After the new screen has rendered (and loaded): bring the field into view and put the cursor in it.
    return focusWhenShown(id);
  }, [screen, focusRequest]);

  // A package the desktop app was asked to open (double-click, second launch) is shown on 校验导入.
  const opened = useOpenedPackage();
  const hasOpened = opened !== null;
  useEffect(() => {
    // Through navigate, so that a screen with unsaved edits is asked first.
    if (hasOpened) navigate('verifyPackage');
    // Once per arrival; navigate is remade every render.
  }, [hasOpened]);

  useEffect(() => {
    sessionStorage.setItem(screenKey(applicantId), screen);
    contentRef.current?.scrollTo({ top: 0 });
  }, [applicantId, screen]);

  // A screen hidden for this archive (岗位信息表 outside public institutions) stays listed while it is open.
  const listed = SCREENS.filter(({ key }) => key === screen || isScreenListed(key, archive.unit.type));
  const items = listed.map(({ key, prefixes }) => {
    let errors = 0;
    let warnings = 0;
    if (key === 'eligibility') errors += eligibilityState.report.counts.fail;
    for (const prefix of prefixes) {
      const c = counts[prefix];
      errors += c?.error ?? 0;
      warnings += c?.warning ?? 0;
    }
    const n = errors + warnings;
    return {
      key,
      label: (
        <span className="nav-item" data-testid={`nav-${key}`}>
          <span className="nav-label">{t(`nav_${key}` as TextKey)}</span>
          {n > 0 && (
            <>
              <Badge
                count={n}
                size="small"
                color={errors > 0 ? 'red' : 'orange'}
                title={t('problemCount', { n })}
                data-testid={`nav-${key}-count`}
                aria-hidden
              />
              <span className="sr-only">{t('problemCount', { n })}</span>
            </>
          )}
        </span>
      ),
    };
  });

  let body;
  if (load.kind === 'loading') {
    body = (
      <div className="center-fill">
        <Spin size="large" description={t('loading')} />
      </div>
    );
  } else if (load.kind === 'failed') {
    body = (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(load.error.message)}
        extra={<Button onClick={() => void reload()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    body = renderScreen(screen, { applicantId, onDeleted, onOpenArchive });
  }

  const name = archive.profile.name.trim();
  return (
    <EditorContext.Provider value={editor}>
      <EligibilityContext.Provider value={eligibility}>
        <UploadsContext.Provider value={uploads}>
          <Layout className="app-layout">
            <Layout.Header className="app-header">
              <div className="app-title">
                <span className="app-name">{t('appName')}</span>
                {name && <span className="app-applicant">{name}</span>}
              </div>
              <div className="app-header-tools">
                {load.kind === 'ready' && <HistoryButtons history={history} />}
                <UploadIndicator />
                <SaveStatus state={save} onRetry={ops.retry} />
                <LanguageSwitch onChange={onLangChange} />
              </div>
            </Layout.Header>
            <Layout>
              <Layout.Sider width={224} theme="light" className="app-sider">
                <nav aria-label={t('navLabel')}>
                  <Menu
                    mode="inline"
                    style={{ borderInlineEnd: 'none' }}
                    selectedKeys={[screen]}
                    items={items}
                    onClick={({ key }) => isScreenKey(key) && navigate(key)}
                  />
                </nav>
              </Layout.Sider>
              <Layout.Content className="app-content" ref={contentRef} id="main" tabIndex={-1}>
                <div className="app-content-inner">
                  <ReviewContext.Provider value={review}>
                    <StoreHealthContext.Provider value={storeHealth}>
                      {load.kind === 'ready' && <ReceivedBanner state={received} />}
                      {load.kind === 'ready' && (
                        <StoreHealthBanner
                          onRepair={() => navigate('attachments')}
                          onFullCheck={() => navigate('backups')}
                        />
                      )}
                      {body}
                    </StoreHealthContext.Provider>
                  </ReviewContext.Provider>
                </div>
              </Layout.Content>
            </Layout>
          </Layout>
        </UploadsContext.Provider>
      </EligibilityContext.Provider>
    </EditorContext.Provider>
  );
}
