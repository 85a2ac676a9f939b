// The frame of the desk's own screens: the heading and intro line of the unit's (UnitFrame), with the desk's
// words. The heading takes the focus when the screen is shown.
import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT, type TextKey } from '../i18n.js';
import type { DeskScreenKey } from './deskScreens.js';

export function DeskFrame({ screen, children }: { screen: DeskScreenKey; children: ReactNode }) {
  const { t } = useT();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), [screen]);
  return (
    <article className="screen" aria-labelledby={`screen-title-${screen}`}>
      <header className="screen-header">
        <Typography.Title level={1} id={`screen-title-${screen}`} className="screen-title" ref={titleRef} tabIndex={-1}>
          {t(`desk_nav_${screen}` as TextKey)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="screen-intro">
          {t(`desk_intro_${screen}` as TextKey)}
        </Typography.Paragraph>
      </header>
      {children}
    </article>
  );
}
