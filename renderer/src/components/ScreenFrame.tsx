// The frame of every editor screen: its heading, a line on what it is for (with the clauses it serves),
// and the problems of the screen that no field or card below shows.
import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Problem } from '../../../shared/archive/problems.js';
import type { ArchiveDocument, RecordKind, SectionName } from '../../../shared/archive/schema.js';
import { useEditor } from '../editorContext.js';
import { useT, type TextKey } from '../i18n.js';
import type { ScreenKey } from '../screens/screens.js';
import { ProblemList } from './ProblemList.js';
import { ScreenFindings } from '../eligibility/ScreenFindings.js';

export interface ScreenFrameProps {
  screen: ScreenKey;
  /** The lists on this screen; problems of their existing records are shown in the cards. */
  kinds?: readonly RecordKind[];
  /** The section on this screen and the fields its form shows. */
  section?: { name: SectionName; fields: readonly string[] };
  children: ReactNode;
}

/** Problems of the screen that are not about a shown section field nor about an existing record. */
export function leftoverProblems(
  problems: readonly Problem[],
  archive: ArchiveDocument,
  kinds: readonly RecordKind[],
  section: ScreenFrameProps['section'],
): Problem[] {
  const ids = new Map(kinds.map((kind) => [kind, new Set(archive[kind].map((r) => r.id))]));
  const shown = new Set(section?.fields ?? []);
  return problems.filter((p) => {
    const [head = '', second] = p.path.split('.');
    const recordIds = ids.get(head as RecordKind);
    if (recordIds) return second === undefined || !recordIds.has(second);
    if (section && head === section.name) return second === undefined || !shown.has(second);
    return false;
  });
}

export function ScreenFrame({ screen, kinds = [], section, children }: ScreenFrameProps) {
  const { t } = useT();
  const { archive, problems } = useEditor();
  const leftovers = leftoverProblems(problems, archive, kinds, section);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // A new screen takes the focus to its heading, so keyboard and screen-reader users land on it rather
  // than on the page body.
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), [screen]);
  return (
    <article className="screen" aria-labelledby={`screen-title-${screen}`}>
      <header className="screen-header">
        <Typography.Title level={1} id={`screen-title-${screen}`} className="screen-title" ref={titleRef} tabIndex={-1}>
          {t(`nav_${screen}` as TextKey)}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="screen-intro">
          {t(`intro_${screen}` as TextKey)}
        </Typography.Paragraph>
      </header>
      <ProblemList problems={leftovers} />
      {children}
      {/* Below the form, not above it: findings change as the user types, and a box growing above the
          field being typed into would push it away. */}
      {screen !== 'eligibility' && <ScreenFindings screen={screen} />}
    </article>
  );
}
