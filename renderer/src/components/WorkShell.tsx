// The shell of a workspace that holds many applicants (the unit's, the reviewing desk's): a header naming the
// workspace and its holder, the side navigation, and one screen in the main region (#main, the skip link's
// target) under the store-health banner. The workspaces differ only in their screens and words.
import { Layout, Menu, Tag, type MenuProps } from 'antd';
import type { ReactNode, RefObject } from 'react';
import { StoreHealthBanner, StoreHealthContext, type StoreHealthValue } from '../attachments/storeHealth.js';
import { useT, type Lang } from '../i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export interface WorkShellProps {
  testId: string;
  /** The workspace's kind, as a tag beside the app's name (单位审核, 审查机构). */
  mode: string;
  /** Who holds it (the unit's or desk's name), with its test id; nothing before it is known. */
  holder: ReactNode;
  holderTestId: string;
  navLabel: string;
  items: MenuProps['items'];
  screen: string | null;
  onNavigate: (key: string) => void;
  /** The screen needs the whole width (tables of many applicants, the review beside the archive). */
  wide: boolean;
  contentRef: RefObject<HTMLElement | null>;
  storeHealth: StoreHealthValue;
  onFullCheck: () => void;
  onLangChange: (lang: Lang) => void;
  children: ReactNode;
}

export function WorkShell(props: WorkShellProps) {
  const { t } = useT();
  return (
    <Layout className="app-layout" data-testid={props.testId}>
      <Layout.Header className="app-header">
        <div className="app-title">
          <span className="app-name">{t('appName')}</span>
          <Tag color="blue" className="unit-mode-tag">
            {props.mode}
          </Tag>
          {props.holder && (
            <span className="app-applicant" data-testid={props.holderTestId}>
              {props.holder}
            </span>
          )}
        </div>
        <div className="app-header-tools">
          <LanguageSwitch onChange={props.onLangChange} />
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={224} theme="light" className="app-sider">
          <nav aria-label={props.navLabel}>
            <Menu
              mode="inline"
              style={{ borderInlineEnd: 'none' }}
              selectedKeys={props.screen ? [props.screen] : []}
              items={props.items}
              onClick={({ key }) => props.onNavigate(key)}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content" ref={props.contentRef} id="main" tabIndex={-1}>
          <div className={`app-content-inner${props.wide ? ' unit-content-wide' : ''}`}>
            <StoreHealthContext.Provider value={props.storeHealth}>
              {/* Issue 13: an applicant's scan whose stored file is missing or damaged, and its repair. */}
              <StoreHealthBanner onFullCheck={props.onFullCheck} />
              {props.children}
            </StoreHealthContext.Provider>
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
