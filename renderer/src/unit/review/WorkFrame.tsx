// The frame of the unit's review, publicity and submission screens: the heading (focused when the screen
// opens, so keyboard and screen-reader users land on it), a line on what the screen is for, an optional
// tool area beside the heading, and the body.
import { Button, Result, Spin, Typography } from 'antd';
import type { ApiError } from '../../../../shared/api/contract.js';
import { useT } from '../../i18n.js';
import { useEffect, useRef, type ReactNode } from 'react';
import '../work.css';

export interface WorkFrameProps {
  id: string;
  title: ReactNode;
  intro?: ReactNode;
  tools?: ReactNode;
  /** A change of this value (another applicant) takes the focus to the heading again. */
  focusKey?: string | null;
  children: ReactNode;
}

export function WorkFrame({ id, title, intro, tools, focusKey, children }: WorkFrameProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), [focusKey]);
  return (
    <article className="screen uw-screen" aria-labelledby={`${id}-title`} data-testid={`${id}-screen`}>
      <header className="screen-header uw-screen-header">
        <div className="uw-screen-heading">
          <Typography.Title level={1} id={`${id}-title`} className="screen-title" ref={titleRef} tabIndex={-1}>
            {title}
          </Typography.Title>
          {tools && <div className="uw-screen-tools">{tools}</div>}
        </div>
        {intro && (
          <Typography.Paragraph type="secondary" className="screen-intro">
            {intro}
          </Typography.Paragraph>
        )}
      </header>
      {children}
    </article>
  );
}

/** A review screen's frame while its data loads, or after loading failed (tried again from here). */
export function LoadingFrame({
  frame,
  error,
  onRetry,
  failedTestId,
}: {
  frame: Omit<WorkFrameProps, 'children' | 'intro'>;
  /** null while loading. */
  error: ApiError | null;
  onRetry: () => void;
  failedTestId: string;
}) {
  const { t, pick } = useT();
  return (
    <WorkFrame {...frame}>
      {error === null ? (
        <div className="center-fill uw-loading">
          <Spin description={t('loading')} />
        </div>
      ) : (
        <Result
          status="error"
          title={t('loadFailed')}
          subTitle={pick(error.message)}
          extra={<Button onClick={onRetry}>{t('tryAgain')}</Button>}
          data-testid={failedTestId}
        />
      )}
    </WorkFrame>
  );
}
