// 申报人一览 of the reviewing desk (issue 17 item 3): every applicant the desk holds, across units, in one
// virtualised table (smooth at 5,000 rows): unit and channel, the person (ID number masked), committee (with
// a flag where it is not the specialty's), the career facts, assessments and CE per year, the verdict checked
// with this desk's parameters, materials, the unit's publicity, status, where the file waits, the correction
// deadline, returns and duplicates across units. Built as the unit's table is (unit/UnitApplicantsScreen.tsx):
// one role=table, the names one Tab stop (arrows, Home, End move; Enter opens), each flag a word or a sign
// with its words for the reader — never colour alone.
import { ClearOutlined, ImportOutlined, ReloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, Select, Tag, Tooltip, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { ASSESSMENT_RESULT_LABELS, EDUCATION_LEVEL_LABELS } from '../../../shared/archive/labels.js';
import { COMMITTEE_INFO, type CommitteeId } from '../../../shared/archive/committees.js';
import { COMMITTEES } from '../../../shared/archive/schema.js';
import { maskIdNumber } from '../../../shared/checks/idNumber.js';
import { DESK_STATUSES, DESK_STATUS_LABELS, type DeskStatus } from '../../../shared/desk/pipeline.js';
import {
  CHANNEL_LABELS,
  COMMITTEE_FLAG_LABELS,
  COMMITTEE_FLAG_SHORT,
  DESK_DUPLICATE_LABELS,
  WAITS_AT_LABELS,
  type DeskApplicantRow,
  type DeskApplicantsTable,
  type WaitsAt,
} from '../../../shared/desk/table.js';
import { VERDICTS, type Status, type Verdict } from '../../../shared/rules/types.js';
import { verdictWords } from '../../../shared/rules/verdict.js';
import { call } from '../api.js';
import { asApiError } from '../jobs/tracker.js';
import {
  ApplicantTable,
  TableLoadState,
  VerdictTag,
  type ApplicantColumn,
  type NameButton,
} from '../components/ApplicantTable.js';
import {
  DESK_COMPARE,
  filterDeskRows,
  isDeskFiltered,
  isFlagged,
  NO_DESK_FILTER,
  type DeskFilter,
  type DeskSortKey,
} from './deskApplicantFilter.js';
import { useDeskTableText } from './tableText.js';
import '../unit/unit.css';
import './deskTable.css';

export interface DeskApplicantsScreenProps {
  onOpenApplicant: (applicantId: string) => void;
  onReceive: () => void;
}

type Load = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | ({ kind: 'ready' } & DeskApplicantsTable);

// The filter and order outlive the screen: coming back from a review finds the table as it was left.
let lastFilter: DeskFilter = NO_DESK_FILTER;
let lastSort: { key: DeskSortKey; order: SortOrder } = { key: 'unit', order: 'ascend' };
let lastOpened: string | null = null;

const STATUS_COLOR: Record<DeskStatus, string> = {
  awaiting: 'default',
  to_review: 'gold',
  in_review: 'gold',
  returned: 'volcano',
  corrected: 'cyan',
  passed: 'green',
  submitted: 'geekblue',
  not_recommended: 'red',
  withdrawn: 'default',
  lapsed: 'red',
};
const VERDICT_FILTER: Record<Verdict, { zh: string; en: string }> = {
  pass: verdictWords('pass', { fail: 0, toJudge: 0 }),
  review: { zh: '需人工确认', en: 'Points to confirm' },
  fail: { zh: '暂不符合', en: 'Not met' },
};
/** A year's flag as a sign that does not rely on colour; its words go to the reader and the tooltip. */
const YEAR_SIGN: Record<Status, string> = { pass: '✓', fail: '✗', review: '?', 'n/a': '·' };

const isCommittee = (c: string): c is CommitteeId => c in COMMITTEE_INFO;

export function DeskApplicantsScreen({ onOpenApplicant, onReceive }: DeskApplicantsScreenProps) {
  const { tt, pick } = useDeskTableText();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [filter, setFilterState] = useState<DeskFilter>(lastFilter);
  const [sort, setSortState] = useState(lastSort);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const setFilter = (change: Partial<DeskFilter>) =>
    setFilterState((f) => {
      lastFilter = { ...f, ...change };
      return lastFilter;
    });
  const setSort = (next: typeof lastSort) => {
    lastSort = next;
    setSortState(next);
  };
  const open = (applicantId: string) => {
    lastOpened = applicantId;
    onOpenApplicant(applicantId);
  };

  const fetchRows = useCallback(async (quiet = false) => {
    if (!quiet) setLoad({ kind: 'loading' });
    try {
      setLoad({ kind: 'ready', ...(await call('desk:applicants', {})) });
    } catch (e) {
      setLoad({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void fetchRows(), [fetchRows]);
  // A new screen takes the focus to its heading (as every screen's frame does).
  useEffect(() => titleRef.current?.focus({ preventScroll: true }), []);

  const rows = useMemo(() => (load.kind === 'ready' ? load.rows : []), [load]);
  const shown = useMemo(() => {
    const list = filterDeskRows(rows, filter);
    const compare = DESK_COMPARE[sort.key];
    list.sort(sort.order === 'descend' ? (a, b) => compare(b, a) : compare);
    return list;
  }, [rows, filter, sort]);

  const committeeName = (c: string) => (isCommittee(c) ? pick(COMMITTEE_INFO[c].shortName) : tt('noCommittee'));

  const sortable = (key: DeskSortKey) => ({
    key,
    sorter: true,
    sortOrder: sort.key === key ? sort.order : null,
    sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
  });
  const yearWords = (s: Status | null) =>
    s === 'pass' ? tt('yearPass') : s === 'fail' ? tt('yearFail') : s === 'review' ? tt('yearReview') : '';
  const yearChip = (key: string, year: number, value: string, status: Status | null) => {
    const words = `${year}：${value}${status ? `，${yearWords(status)}` : ''}`;
    return (
      <Tooltip key={key} title={words}>
        <span className={`desk-year desk-year-${status ?? 'none'}`}>
          <span aria-hidden>
            {String(year).slice(2)} {value} {status ? YEAR_SIGN[status] : ''}
          </span>
          <span className="sr-only">{words}</span>
        </span>
      </Tooltip>
    );
  };
  const dupText = (r: DeskApplicantRow) =>
    r.duplicates
      .map((d) => tt('dupWith', { what: pick(DESK_DUPLICATE_LABELS[d.what]), name: d.name, unit: d.unitName }))
      .join('；');

  const cell = () => ({ role: 'cell' }) as HTMLAttributes<HTMLElement>;
  const today = load.kind === 'ready' ? load.today : '';
  const columns = (nameButton: NameButton<DeskApplicantRow>): ApplicantColumn<DeskApplicantRow>[] => [
    {
      ...sortable('name'),
      title: tt('colName'),
      width: 136,
      fixed: 'start' as const,
      onCell: () => ({ role: 'rowheader' }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, r: DeskApplicantRow, index: number) => (
        <span className="unit-cell-name">
          {nameButton(
            r,
            index,
            <Typography.Text strong ellipsis={{ tooltip: r.name }}>
              {r.name || tt('noName')}
            </Typography.Text>,
          )}
          {r.exceptional && (
            <Tag color="purple" className="unit-tag-small">
              {tt('exceptional')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      ...sortable('status'),
      onCell: cell,
      title: tt('colStatus'),
      width: 112,
      fixed: 'start' as const,
      render: (_: unknown, r: DeskApplicantRow) => (
        <Tag color={STATUS_COLOR[r.status]} data-testid="desk-cell-status" data-status={r.status}>
          {pick(DESK_STATUS_LABELS[r.status])}
        </Tag>
      ),
    },
    {
      ...sortable('unit'),
      onCell: cell,
      title: tt('colUnit'),
      width: 180,
      render: (_: unknown, r: DeskApplicantRow) => (
        <span className="desk-two-lines">
          <Typography.Text ellipsis={{ tooltip: r.unitName }}>{r.unitName}</Typography.Text>
          <Typography.Text type="secondary" className="desk-small">
            {pick(CHANNEL_LABELS[r.channel])}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'id',
      onCell: cell,
      title: tt('colId'),
      width: 156,
      render: (_: unknown, r: DeskApplicantRow) => <span className="desk-mono">{maskIdNumber(r.idNumber) || '—'}</span>,
    },
    {
      ...sortable('committee'),
      onCell: cell,
      title: tt('colCommittee'),
      width: 150,
      render: (_: unknown, r: DeskApplicantRow) => {
        const flagged = r.committeeFlag !== 'ok';
        if (!flagged) return committeeName(r.committee);
        const belongs = r.specialtyCommittees.map((c) => pick(COMMITTEE_INFO[c].shortName)).join('、');
        const why = `${pick(COMMITTEE_FLAG_LABELS[r.committeeFlag])}${belongs ? `；${tt('specialtyBelongs', { names: belongs })}` : ''}`;
        return (
          <span className="desk-two-lines">
            <span>{committeeName(r.committee)}</span>
            <Tooltip title={why}>
              <Tag
                color="warning"
                icon={<WarningOutlined aria-hidden />}
                className="unit-tag-small"
                data-testid="desk-cell-committee-flag"
                data-flag={r.committeeFlag}
              >
                <span aria-hidden>{pick(COMMITTEE_FLAG_SHORT[r.committeeFlag])}</span>
                <span className="sr-only">{why}</span>
              </Tag>
            </Tooltip>
          </span>
        );
      },
    },
    {
      ...sortable('specialty'),
      onCell: cell,
      title: tt('colSpecialty'),
      width: 120,
      render: (_: unknown, r: DeskApplicantRow) => (
        <Typography.Text ellipsis={{ tooltip: r.specialty }}>{r.specialty || '—'}</Typography.Text>
      ),
    },
    {
      key: 'title',
      onCell: cell,
      title: tt('colTitle'),
      width: 150,
      render: (_: unknown, r: DeskApplicantRow) => {
        const education =
          r.education in EDUCATION_LEVEL_LABELS
            ? pick(EDUCATION_LEVEL_LABELS[r.education as keyof typeof EDUCATION_LEVEL_LABELS])
            : '—';
        return (
          <span className="desk-two-lines">
            <span>{education}</span>
            <Typography.Text type="secondary" className="desk-small">
              {r.title ? `${r.title.name || '—'} ${r.title.obtainedDate}` : '—'}
            </Typography.Text>
          </span>
        );
      },
    },
    {
      ...sortable('years'),
      onCell: cell,
      title: tt('colYears'),
      width: 124,
      render: (_: unknown, r: DeskApplicantRow) => (
        <Tooltip title={load.kind === 'ready' ? tt('asOf', { date: load.asOfDate }) : ''}>
          <span>{tt('years', { title: r.yearsInTitle ?? '—', work: r.yearsOfWork ?? '—' })}</span>
        </Tooltip>
      ),
    },
    {
      key: 'assessments',
      onCell: cell,
      title: tt('colAssessments'),
      width: 248,
      render: (_: unknown, r: DeskApplicantRow) => (
        <span className="desk-years">
          {r.assessments.map((a) =>
            yearChip(
              `a${a.year}`,
              a.year,
              a.result
                ? pick(ASSESSMENT_RESULT_LABELS[a.result as keyof typeof ASSESSMENT_RESULT_LABELS])
                : tt('yearNone'),
              a.status,
            ),
          )}
        </span>
      ),
    },
    {
      key: 'ce',
      onCell: cell,
      title: tt('colCe'),
      width: 180,
      render: (_: unknown, r: DeskApplicantRow) => (
        <span className="desk-years">{r.ce.map((c) => yearChip(`c${c.year}`, c.year, String(c.total), c.status))}</span>
      ),
    },
    {
      ...sortable('verdict'),
      onCell: cell,
      title: tt('colVerdict'),
      width: 156,
      render: (_: unknown, r: DeskApplicantRow) => {
        return (
          <VerdictTag prefix="desk" verdict={r.verdict} counts={r.counts} points={r.points} whyTitle={tt('whyTitle')} />
        );
      },
    },
    {
      ...sortable('materials'),
      onCell: cell,
      title: tt('colMaterials'),
      width: 112,
      render: (_: unknown, r: DeskApplicantRow) => (
        <Tag color={r.materials.complete === r.materials.needed ? 'green' : 'orange'}>
          {tt('materialsN', r.materials)}
        </Tag>
      ),
    },
    {
      ...sortable('publicity'),
      onCell: cell,
      title: tt('colPublicity'),
      width: 176,
      render: (_: unknown, r: DeskApplicantRow) =>
        r.publicity ? (
          <span className="desk-two-lines">
            <span className="desk-small">
              {r.publicity.startDate} ~ {r.publicity.endDate}
            </span>
            <span className="desk-small">
              {r.publicity.workingDays === null ? '' : `${tt('publicityDays', { days: r.publicity.workingDays })}，`}
              {r.publicity.outcome === 'objection' ? tt('objection') : tt('noObjection')}
            </span>
          </span>
        ) : (
          <Typography.Text type="secondary">{tt('noPublicity')}</Typography.Text>
        ),
    },
    {
      ...sortable('waitsAt'),
      onCell: cell,
      title: tt('colWaits'),
      width: 104,
      render: (_: unknown, r: DeskApplicantRow) => (
        <span data-testid="desk-cell-waits" data-waits={r.waitsAt}>
          {pick(WAITS_AT_LABELS[r.waitsAt])}
        </span>
      ),
    },
    {
      ...sortable('deadline'),
      onCell: cell,
      title: tt('colDeadline'),
      width: 112,
      render: (_: unknown, r: DeskApplicantRow) => {
        if (!r.deadline) return <Typography.Text type="secondary">—</Typography.Text>;
        const overdue = today !== '' && r.deadline < today;
        return (
          <span className="desk-two-lines">
            <span>{r.deadline}</span>
            {overdue && <span className="desk-small desk-overdue">{tt('overdue')}</span>}
          </span>
        );
      },
    },
    {
      ...sortable('returns'),
      onCell: cell,
      title: tt('colReturns'),
      width: 160,
      render: (_: unknown, r: DeskApplicantRow) =>
        r.returns === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span className="desk-two-lines">
            <span>{tt('returnsN', { n: r.returns })}</span>
            <Typography.Text type="secondary" className="desk-small" ellipsis={{ tooltip: r.lastReason }}>
              {tt('lastReason', { reason: r.lastReason })}
            </Typography.Text>
          </span>
        ),
    },
    {
      ...sortable('duplicates'),
      onCell: cell,
      title: tt('colDuplicates'),
      width: 176,
      render: (_: unknown, r: DeskApplicantRow) => {
        if (r.duplicates.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        const text = dupText(r);
        const names = [...new Set(r.duplicates.map((d) => d.name))];
        return (
          <Tooltip title={text}>
            <Tag
              color="warning"
              icon={<WarningOutlined aria-hidden />}
              className="unit-dup-tag"
              data-testid="desk-cell-duplicates"
            >
              <span aria-hidden>{names.join('、')}</span>
              <span className="sr-only">{text}</span>
            </Tag>
          </Tooltip>
        );
      },
    },
  ];

  let body;
  if (load.kind === 'loading' || load.kind === 'failed') {
    body = (
      <TableLoadState
        prefix="desk"
        error={load.kind === 'failed' ? load.error : null}
        loadingText={tt('loading')}
        failedText={(detail) => tt('failed', { detail })}
        retryText={tt('tryAgain')}
        onRetry={() => void fetchRows()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <Empty
        className="unit-empty"
        data-testid="desk-table-empty"
        description={
          <>
            <Typography.Paragraph strong>{tt('emptyTitle')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{tt('emptyText')}</Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" icon={<ImportOutlined />} onClick={onReceive} data-testid="desk-table-to-receive">
          {tt('receive')}
        </Button>
      </Empty>
    );
  } else {
    const units = [...new Set(rows.map((r) => r.unitName))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    const flagged = rows.filter(isFlagged).length;
    const multi = {
      mode: 'multiple' as const,
      allowClear: true,
      className: 'unit-filter',
      maxTagCount: 'responsive' as const,
    };
    body = (
      <>
        <div className="unit-toolbar" role="search" aria-label={tt('filters')}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={tt('search')}
            aria-label={tt('search')}
            value={filter.search}
            onChange={(e) => setFilter({ search: e.target.value })}
            className="unit-search"
            data-testid="desk-search"
          />
          <Select<string[]>
            {...multi}
            placeholder={tt('filterUnit')}
            aria-label={tt('filterUnit')}
            value={filter.unit}
            options={units.map((u) => ({ value: u, label: u }))}
            onChange={(unit) => setFilter({ unit })}
            data-testid="desk-filter-unit"
          />
          <Select<DeskStatus[]>
            {...multi}
            placeholder={tt('filterStatus')}
            aria-label={tt('filterStatus')}
            value={filter.status}
            options={DESK_STATUSES.map((s) => ({ value: s, label: pick(DESK_STATUS_LABELS[s]) }))}
            onChange={(status) => setFilter({ status })}
            data-testid="desk-filter-status"
          />
          <Select<string[]>
            {...multi}
            placeholder={tt('filterCommittee')}
            aria-label={tt('filterCommittee')}
            value={filter.committee}
            options={[
              ...COMMITTEES.map((c) => ({ value: c as string, label: pick(COMMITTEE_INFO[c].shortName) })),
              { value: '', label: tt('noCommittee') },
            ]}
            onChange={(committee) => setFilter({ committee })}
            data-testid="desk-filter-committee"
          />
          <Select<Verdict[]>
            {...multi}
            placeholder={tt('filterVerdict')}
            aria-label={tt('filterVerdict')}
            value={filter.verdict}
            options={VERDICTS.map((v) => ({ value: v, label: pick(VERDICT_FILTER[v]) }))}
            onChange={(verdict) => setFilter({ verdict })}
            data-testid="desk-filter-verdict"
          />
          <Select<WaitsAt[]>
            {...multi}
            placeholder={tt('filterWaits')}
            aria-label={tt('filterWaits')}
            value={filter.waitsAt}
            options={(['desk', 'unit', 'province', 'none'] as const).map((w) => ({
              value: w,
              label: w === 'none' ? tt('waitsNone') : pick(WAITS_AT_LABELS[w]),
            }))}
            onChange={(waitsAt) => setFilter({ waitsAt })}
            data-testid="desk-filter-waits"
          />
          <Checkbox
            checked={filter.flaggedOnly}
            onChange={(e) => setFilter({ flaggedOnly: e.target.checked })}
            data-testid="desk-filter-flagged"
          >
            {tt('filterFlagged', { n: flagged })}
          </Checkbox>
        </div>
        <div className="unit-table-count">
          <Typography.Text type="secondary" aria-live="polite" data-testid="desk-table-count">
            {isDeskFiltered(filter)
              ? tt('countFiltered', { shown: shown.length, n: rows.length })
              : tt('count', { n: rows.length })}
          </Typography.Text>
          <span className="unit-table-count-tools">
            {isDeskFiltered(filter) && (
              <Button size="small" icon={<ClearOutlined />} onClick={() => setFilter(NO_DESK_FILTER)}>
                {tt('clear')}
              </Button>
            )}
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void fetchRows(true)}
              data-testid="desk-table-reload"
            >
              {tt('reload')}
            </Button>
          </span>
        </div>
        <ApplicantTable<DeskApplicantRow>
          rows={shown}
          columns={columns}
          prefix="desk"
          label={tt('title')}
          className="unit-table desk-table"
          lastOpened={lastOpened}
          openWords={tt('open')}
          onOpen={open}
          onSort={(key, order) => {
            if (key in DESK_COMPARE) setSort({ key: key as DeskSortKey, order });
          }}
          emptyText={
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tt('noMatch')}>
              <Button onClick={() => setFilter(NO_DESK_FILTER)}>{tt('clear')}</Button>
            </Empty>
          }
        />
      </>
    );
  }

  return (
    <article className="screen" aria-labelledby="screen-title-deskApplicants" data-testid="desk-applicants">
      <header className="screen-header">
        <Typography.Title
          level={1}
          id="screen-title-deskApplicants"
          className="screen-title"
          ref={titleRef}
          tabIndex={-1}
        >
          {tt('title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="screen-intro">
          {tt('intro')}
        </Typography.Paragraph>
      </header>
      {body}
    </article>
  );
}
