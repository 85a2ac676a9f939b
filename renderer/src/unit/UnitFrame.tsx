// The frame of the unit's own screens: the same heading and intro line as the applicant's editor
// (components/ScreenFrame.tsx), without the archive's problems and findings, which a unit does not have.
import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT, type TextKey } from '../i18n.js';
import type { UnitScreenKey } from './unitScreens.js';

export function UnitFrame({ screen, children }: { screen: UnitScreenKey; children: ReactNode }) {
  const { t } = useT();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // A new screen takes the focus to its heading, so keyboard and screen-reader users land on it.
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), [screen]);
  return (
    <article className="screen" aria-labelledby={`screen-title-${screen}`}>
      <header className="screen-header">
        <Typography.Title level={1} id={`screen-title-${screen}`} className="screen-title" ref={titleRef} tabIndex={-1}>
          {t(`unit_nav_${screen}` as TextKey)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="screen-intro">
          {t(`unit_intro_${screen}` as TextKey)}
        </Typography.Paragraph>
      </header>
      {children}
    </article>
  );
}
