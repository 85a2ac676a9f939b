// Start-up: read the workspace status (language, whether it holds an archive), then show the welcome
// screen or the editor. Owns the UI language: antd's and dayjs's locales follow it.
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../shared/api/contract.js';
import { ApiFailure, call } from './api.js';
import { Editor, openArchiveOn } from './Editor.js';
import { DeskWorkspace } from './desk/DeskWorkspace.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { LangContext, langOf, localeOf, translate, type Lang } from './i18n.js';
import { listenForOpenedPackages } from './package/openedPackages.js';
import { WelcomeScreen } from './screens/WelcomeScreen.js';
import { THEME } from './theme.js';
import { UnitWorkspace } from './unit/UnitWorkspace.js';
import { useSingleTab } from './useSingleTab.js';

type Boot =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; applicantId: string | null }
  // Issue 7: a unit's workspace holds many applicants; its shell is the unit's, whatever applicantId says.
  | { kind: 'unit' }
  // Issue 17: a reviewing desk's workspace (city bureau, competent department, personnel agency route): its own
  // shell, whatever applicantId says; the applicant's editor must never open its archives.
  | { kind: 'desk' };

/**
 * The skip link's target: the open screen's heading (it takes the focus, as after navigation), else the
 * workspace's main region (#main, which both shells draw).
 */
function focusMain() {
  const main = document.getElementById('main');
  (main?.querySelector<HTMLElement>('.screen-title') ?? main)?.focus();
}

function applyLang(lang: Lang) {
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = translate(lang, 'appName');
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const [lang, setLang] = useState<Lang>('zh');
  // Bumped to open an archive afresh (a package import replaced what the editor holds).
  const [generation, setGeneration] = useState(0);
  const { isPaused, takeOver } = useSingleTab();

  // Desktop: a package file opened with the app (double-click, second launch) goes to its verify screen.
  useEffect(() => listenForOpenedPackages(), []);

  const openArchive = useCallback((applicantId: string) => {
    openArchiveOn(applicantId, 'profile');
    setGeneration((n) => n + 1);
    setBoot({ kind: 'ready', applicantId });
  }, []);

  const start = useCallback(async () => {
    setBoot({ kind: 'loading' });
    try {
      const status = await call('workspace:status', {});
      setLang(langOf(status.locale));
      setBoot(
        status.mode === 'unit' || status.mode === 'desk'
          ? { kind: status.mode }
          : { kind: 'ready', applicantId: status.applicantId },
      );
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setBoot({
        kind: 'failed',
        error: e instanceof ApiFailure ? e.error : { code: 'internal', message: { zh: detail, en: detail } },
      });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => applyLang(lang), [lang]);

  const changeLang = (next: Lang) => {
    setLang(next);
    // A failure to remember the choice is not worth interrupting the user for; it applies to this run.
    call('workspace:setLocale', { locale: localeOf(next) }).catch(() => undefined);
  };

  // Paused, the editor stays mounted (its pending saves still go out) but cannot be used.
  const pausedOverlay = isPaused && (
    <div className="paused-overlay" role="alertdialog" aria-modal="true" aria-labelledby="paused-title">
      <Result
        status="warning"
        title={<span id="paused-title">{translate(lang, 'pausedTitle')}</span>}
        subTitle={translate(lang, 'pausedText')}
        extra={
          <Button type="primary" onClick={takeOver} data-testid="take-over" autoFocus>
            {translate(lang, 'pausedTakeOver')}
          </Button>
        }
      />
    </div>
  );

  let body;
  if (boot.kind === 'loading') {
    body = (
      <div className="center-fill">
        <Spin size="large" />
      </div>
    );
  } else if (boot.kind === 'failed') {
    body = (
      <Result
        status="error"
        title={translate(lang, 'loadFailed')}
        subTitle={boot.error.message[lang]}
        extra={<Button onClick={() => void start()}>{translate(lang, 'tryAgain')}</Button>}
      />
    );
  } else if (boot.kind === 'unit') {
    body = <UnitWorkspace onLangChange={changeLang} />;
  } else if (boot.kind === 'desk') {
    body = <DeskWorkspace onLangChange={changeLang} />;
  } else if (boot.applicantId === null) {
    body = (
      <>
        <header className="welcome-lang">
          <LanguageSwitch onChange={changeLang} />
        </header>
        <WelcomeScreen
          onOpened={(applicantId) => setBoot({ kind: 'ready', applicantId })}
          onOpenArchive={openArchive}
          onUnit={() => setBoot({ kind: 'unit' })}
          onDesk={() => setBoot({ kind: 'desk' })}
        />
      </>
    );
  } else {
    body = (
      <Editor
        key={`${boot.applicantId}#${generation}`}
        applicantId={boot.applicantId}
        onDeleted={() => setBoot({ kind: 'ready', applicantId: null })}
        onOpenArchive={openArchive}
        onLangChange={changeLang}
      />
    );
  }

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp className="app-root">
        <LangContext.Provider value={lang}>
          <div className="app-body" inert={isPaused}>
            {/* The first Tab stop of a workspace (issue 20): past the header and the navigation, seen when focused. */}
            {(boot.kind === 'unit' || boot.kind === 'desk' || (boot.kind === 'ready' && boot.applicantId !== null)) && (
              <a
                href="#main"
                className="skip-link"
                data-testid="skip-link"
                onClick={(e) => {
                  e.preventDefault();
                  focusMain();
                }}
              >
                {translate(lang, 'skipToMain')}
              </a>
            )}
            {body}
          </div>
          {pausedOverlay}
        </LangContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
