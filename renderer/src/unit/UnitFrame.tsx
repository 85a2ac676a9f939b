// The frame of the unit's own screens: the same heading and intro line as the applicant's editor
// (components/ScreenFrame.tsx), without the archive's problems and findings, which a unit does not have.
// The reviewing desk's screens (desk/DeskFrame.tsx) use the same frame with their own words.
import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT, type TextKey } from '../i18n.js';
import type { UnitScreenKey } from './unitScreens.js';

export interface WorkFrameProps {
  screen: string;
  title: string;
  intro: string;
  children: ReactNode;
}

/** A screen of a workspace without an archive of its own: its heading (focused when shown) and intro line. */
export function WorkScreenFrame({ screen, title, intro, children }: WorkFrameProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  // A new screen takes the focus to its heading, so keyboard and screen-reader users land on it.
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), [screen]);
  return (
    <article className="screen" aria-labelledby={`screen-title-${screen}`}>
      <header className="screen-header">
        <Typography.Title level={1} id={`screen-title-${screen}`} className="screen-title" ref={titleRef} tabIndex={-1}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="screen-intro">
          {intro}
        </Typography.Paragraph>
      </header>
      {children}
    </article>
  );
}

export function UnitFrame({ screen, children }: { screen: UnitScreenKey; children: ReactNode }) {
  const { t } = useT();
  return (
    <WorkScreenFrame
      screen={screen}
      title={t(`unit_nav_${screen}` as TextKey)}
      intro={t(`unit_intro_${screen}` as TextKey)}
    >
      {children}
    </WorkScreenFrame>
  );
}
