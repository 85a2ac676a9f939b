// The frame of the desk's own screens: the unit's (WorkScreenFrame) with the desk's words.
import type { ReactNode } from 'react';
import { useT, type TextKey } from '../i18n.js';
import { WorkScreenFrame } from '../unit/UnitFrame.js';
import type { DeskScreenKey } from './deskScreens.js';

export function DeskFrame({ screen, children }: { screen: DeskScreenKey; children: ReactNode }) {
  const { t } = useT();
  return (
    <WorkScreenFrame
      screen={screen}
      title={t(`desk_nav_${screen}` as TextKey)}
      intro={t(`desk_intro_${screen}` as TextKey)}
    >
      {children}
    </WorkScreenFrame>
  );
}
