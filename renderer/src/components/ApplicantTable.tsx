// The virtualised table of applicants the unit's and the desk's 申报人一览 share (issue 7, issue 17 item 3):
// smooth at thousands of rows, and to assistive technology one table (issue 20) — rows of cells under their
// column headers, the name a button that opens the applicant (a click anywhere on the row does too). The
// names are one Tab stop: the arrow keys, Home and End move between them; Enter opens.
import { Alert, Button, Spin, Table, Tag, Tooltip, type SpinProps } from 'antd';
import type { TableRef } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import {
  useLayoutEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type ThHTMLAttributes,
} from 'react';
import type { ApiError, Localized } from '../../../shared/api/contract.js';
import type { Verdict } from '../../../shared/rules/types.js';
import { verdictWords } from '../../../shared/rules/verdict.js';
import { useT } from '../i18n.js';

// The virtual table draws its header as a <table> of its own and its rows as <div>s: the header table steps
// aside (its rows and headers keep explicit roles) so that one role=table, the wrapper, holds header and rows.
const TABLE_PARTS = {
  header: {
    table: (props: HTMLAttributes<HTMLTableElement>) => <table {...props} role="presentation" />,
    wrapper: (props: HTMLAttributes<HTMLTableSectionElement>) => <thead {...props} role="rowgroup" />,
    row: (props: HTMLAttributes<HTMLTableRowElement>) => <tr {...props} role="row" aria-rowindex={1} />,
    cell: (props: ThHTMLAttributes<HTMLTableCellElement>) => <th {...props} role="columnheader" />,
  },
};

/**
 * antd wraps every table in its Spin, whose div carries aria-live and aria-busy even when nothing loads: inside
 * role=table that div is a child a table may not have (axe: aria-required-children), and a live region around
 * the whole table would read every re-sort aloud. The screens show their own loading state, so both go.
 */
const NO_SPIN = { spinning: false, 'aria-busy': undefined, 'aria-live': undefined } as SpinProps;

/** Draws a row's name as the row's button: `children` is what the button shows. */
export type NameButton<R> = (row: R, index: number, children: ReactNode) => ReactNode;

export interface ApplicantColumn<R> {
  key: string;
  width: number;
  title: ReactNode;
  render: (value: unknown, row: R, index: number) => ReactNode;
  [more: string]: unknown;
}

export interface ApplicantTableProps<R extends { applicantId: string }> {
  /** The rows shown, filtered and sorted. */
  rows: R[];
  /** The columns, given the name button the first column draws. */
  columns: (nameButton: NameButton<R>) => ApplicantColumn<R>[];
  /** unit / desk: the prefix of the test ids (…-table, …-row-ID, …-open-ID). */
  prefix: string;
  label: string;
  className: string;
  /** The applicant opened last: their name is the Tab stop when the table comes back. */
  lastOpened: string | null;
  /** Words after the name for the reader: what the button does. */
  openWords: string;
  onOpen: (applicantId: string) => void;
  onSort: (key: string, order: SortOrder) => void;
  emptyText: ReactNode;
}

export function ApplicantTable<R extends { applicantId: string }>({
  rows,
  columns,
  prefix,
  label,
  className,
  lastOpened,
  openWords,
  onOpen,
  onSort,
  emptyText,
}: ApplicantTableProps<R>) {
  const tableRef = useRef<TableRef>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(480);
  // The row whose name button is the table's one Tab stop: the last one focused, or the applicant last
  // opened, so that Tab leads back to where the officer left the table.
  const [active, setActive] = useState<number | null>(null);
  const openTestId = (applicantId: string) => `${prefix}-open-${applicantId}`;

  // The virtual table needs a height in pixels: what is left of the window below the toolbar.
  useLayoutEffect(() => {
    const measure = () => {
      const top = wrapRef.current?.getBoundingClientRect().top ?? 260;
      setHeight(Math.max(240, Math.floor(window.innerHeight - top - 56 - 24)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    setActive(index);
    tableRef.current?.scrollTo({ index, align: 'nearest' });
    requestAnimationFrame(() =>
      tableRef.current?.nativeElement
        .querySelector<HTMLElement>(`[data-testid="${CSS.escape(openTestId(row.applicantId))}"]`)
        ?.focus(),
    );
  };
  // Enter and Space are the button's own; the arrows move to the next name.
  const onOpenKey = (e: KeyboardEvent<HTMLElement>, index: number) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(index + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 0 : rows.length - 1);
    }
  };

  // The first row is the Tab stop until another is focused, and again when the filter leaves fewer rows.
  const reopened = active === null ? rows.findIndex((r) => r.applicantId === lastOpened) : -1;
  const tabStop = active !== null && active < rows.length ? active : Math.max(reopened, 0);
  const nameButton: NameButton<R> = (r, index, children) => (
    <button
      type="button"
      className="unit-open"
      tabIndex={index === tabStop ? 0 : -1}
      data-testid={openTestId(r.applicantId)}
      onFocus={() => setActive(index)}
      onClick={(e) => {
        // The row's own click would open it a second time.
        e.stopPropagation();
        onOpen(r.applicantId);
      }}
      onKeyDown={(e) => onOpenKey(e, index)}
    >
      {children}
      <span className="sr-only">{openWords}</span>
    </button>
  );
  const cols = columns(nameButton);
  const tableWidth = cols.reduce((sum, c) => sum + c.width, 0);

  return (
    <div
      ref={wrapRef}
      role="table"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      className="unit-table-wrap"
      // A sort header reached by Tab scrolls the header alone into view: the rows follow it sideways.
      onFocusCapture={(e) => {
        const header = (e.target as HTMLElement).closest('.ant-table-header');
        // antd's type omits `left`, which its virtual list (rc-virtual-list's scrollTo) takes.
        const scrollTo = tableRef.current?.scrollTo as ((config: { left: number }) => void) | undefined;
        if (header) requestAnimationFrame(() => scrollTo?.({ left: header.scrollLeft }));
      }}
    >
      <Table<R>
        virtual
        size="small"
        className={className}
        rowKey="applicantId"
        ref={tableRef}
        dataSource={rows}
        columns={cols}
        pagination={false}
        scroll={{ x: tableWidth, y: height }}
        data-testid={`${prefix}-table`}
        components={TABLE_PARTS}
        loading={NO_SPIN}
        showSorterTooltip={false}
        locale={{ emptyText }}
        onChange={(_pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = one?.columnKey;
          if (typeof key === 'string') onSort(key, one?.order ?? 'ascend');
        }}
        onRow={(r, index) =>
          ({
            role: 'row',
            'aria-rowindex': (index ?? 0) + 2,
            'data-testid': `${prefix}-row-${r.applicantId}`,
            // A pointer may hit anywhere on the row; the keyboard's way in is the name button.
            onClick: () => onOpen(r.applicantId),
          }) as HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}

const VERDICT_COLOR: Record<Verdict, string> = { pass: 'green', review: 'orange', fail: 'red' };

/**
 * The verdict of a row in the verdict's own words (shared/rules/verdict.ts), with the failures and points to
 * judge named in its tooltip, where the officer looks (the review page links each).
 */
export function VerdictTag({
  prefix,
  verdict,
  counts,
  points,
  whyTitle,
}: {
  prefix: string;
  verdict: Verdict;
  counts: { fail: number; toJudge: number };
  points: readonly { findingId: string; status: 'fail' | 'review'; message: Localized }[];
  whyTitle: string;
}) {
  const { pick } = useT();
  const tag = (
    <Tag color={VERDICT_COLOR[verdict]} data-testid={`${prefix}-cell-verdict`} data-verdict={verdict}>
      {pick(verdictWords(verdict, counts))}
    </Tag>
  );
  if (points.length === 0) return tag;
  return (
    <Tooltip
      title={
        <div data-testid={`${prefix}-why`}>
          <div className="unit-why-title">{whyTitle}</div>
          <ul className="unit-why-list">
            {points.map((p) => (
              <li key={p.findingId}>
                {p.status === 'fail' ? '✗ ' : '? '}
                {pick(p.message)}
              </li>
            ))}
          </ul>
        </div>
      }
    >
      {tag}
    </Tooltip>
  );
}

/** What a table screen shows before its rows: the wait, or why they could not be read with a retry. */
export function TableLoadState({
  prefix,
  error,
  loadingText,
  failedText,
  retryText,
  onRetry,
}: {
  prefix: string;
  /** null while loading. */
  error: ApiError | null;
  loadingText: string;
  failedText: (detail: string) => string;
  retryText: string;
  onRetry: () => void;
}) {
  const { pick } = useT();
  if (!error) {
    return (
      <div className="center-fill">
        <Spin size="large" description={loadingText} />
      </div>
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={`${prefix}-table-failed`}
      title={failedText(pick(error.message))}
      action={
        <Button size="small" onClick={onRetry}>
          {retryText}
        </Button>
      }
    />
  );
}
