// 申报人一览: every applicant whose package the unit holds, in one virtualised table (smooth at 1,000
// rows): name, committee, specialty, where they stand on the line of steps, the verdict recomputed here
// with the applicant's own rules (hover: the failures and points to judge), the proofs missing, publicity, the same scan or paper claimed by another applicant, and the
// revision. Each column sorts; the status, committee, publicity and duplicates filters and the search box
// (name, ID number, specialty) narrow it. To assistive technology it is a table (issue 20): rows of cells under
// their column headers, the name a button that opens the review (a click anywhere on the row does too). The
// names are one Tab stop: the arrow keys, Home and End move between them.
import { ClearOutlined, ImportOutlined, ReloadOutlined, SearchOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Empty, Input, Select, Tag, Tooltip, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useCallback, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { COMMITTEE_INFO, type CommitteeId } from '../../../shared/archive/committees.js';
import { COMMITTEES } from '../../../shared/archive/schema.js';
import type { Localized } from '../../../shared/api/contract.js';
import { VERDICTS, type Verdict } from '../../../shared/rules/types.js';
import { verdictWords } from '../../../shared/rules/verdict.js';
import { PIPELINE_STAGES, STAGE_LABELS, type PipelineStage } from '../../../shared/unit/pipeline.js';
import {
  PublicityState as PublicityStates,
  type PublicityState,
  type UnitApplicantRow,
} from '../../../shared/unit/schema.js';
import { call } from '../api.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError, useJob } from '../jobs/tracker.js';
import {
  COMPARE,
  filterApplicants,
  isFiltered,
  NO_FILTER,
  type ApplicantFilter,
  type SortKey,
} from './applicantFilter.js';
import { UNIT_IMPORT_JOB } from './importBatch.js';
import { UnitFrame } from './UnitFrame.js';
import {
  ApplicantTable,
  TableLoadState,
  VerdictTag,
  type ApplicantColumn,
  type NameButton,
} from '../components/ApplicantTable.js';
import { REVIEWED_KEY } from './unitScreens.js';

type Load = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; rows: UnitApplicantRow[] };

// The filter and order outlive the screen: coming back from a review finds the table as it was left.
let lastFilter: ApplicantFilter = NO_FILTER;
let lastSort: { key: SortKey; order: SortOrder } = { key: 'name', order: 'ascend' };

const STAGE_COLOR: Record<PipelineStage, string> = {
  pending: 'gold',
  in_review: 'gold',
  returned: 'volcano',
  corrected: 'cyan',
  accepted: 'green',
  publicity: 'processing',
  objection: 'red',
  no_objection: 'green',
  countersigned: 'geekblue',
  submitted: 'geekblue',
};
/** The filter names the verdict without its count (the words of shared/rules/verdict.ts, one per kind). */
const VERDICT_FILTER_LABELS: Record<Verdict, Localized> = {
  pass: verdictWords('pass', { fail: 0, toJudge: 0 }),
  review: { zh: '需人工确认', en: 'Points to confirm' },
  fail: { zh: '暂不符合', en: 'Not met' },
};
const PUBLICITY_COLOR: Record<PublicityState, string> = {
  none: 'default',
  planned: 'blue',
  running: 'processing',
  ended: 'cyan',
  no_objection: 'green',
  objection: 'red',
};

const isCommittee = (c: string): c is CommitteeId => c in COMMITTEE_INFO;

/** The applicant whose review was opened last (UnitWorkspace keeps it for the reload). */
const lastReviewed = () => sessionStorage.getItem(REVIEWED_KEY);

export interface UnitApplicantsScreenProps {
  onOpenApplicant: (applicantId: string) => void;
  onImport: () => void;
}

export function UnitApplicantsScreen({ onOpenApplicant, onImport }: UnitApplicantsScreenProps) {
  const { t, pick } = useT();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [filter, setFilterState] = useState<ApplicantFilter>(lastFilter);
  const [sort, setSortState] = useState(lastSort);

  const setFilter = (change: Partial<ApplicantFilter>) =>
    setFilterState((f) => {
      lastFilter = { ...f, ...change };
      return lastFilter;
    });
  const setSort = (next: typeof lastSort) => {
    lastSort = next;
    setSortState(next);
  };

  const fetchRows = useCallback(async (quiet = false) => {
    if (!quiet) setLoad({ kind: 'loading' });
    try {
      const { rows } = await call('unit:applicants', {});
      setLoad({ kind: 'ready', rows });
    } catch (e) {
      setLoad({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void fetchRows(), [fetchRows]);

  // An import that ends while the table is shown brings its applicants in.
  const { job } = useJob(UNIT_IMPORT_JOB);
  const jobState = job?.status?.state;
  const seenState = useRef(jobState);
  useEffect(() => {
    if (seenState.current === 'running' && jobState && jobState !== 'running') void fetchRows(true);
    seenState.current = jobState;
  }, [jobState, fetchRows]);

  const rows = load.kind === 'ready' ? load.rows : [];
  const shown = useMemo(() => {
    const list = filterApplicants(rows, filter);
    const compare = COMPARE[sort.key];
    list.sort(sort.order === 'descend' ? (a, b) => compare(b, a) : compare);
    return list;
  }, [rows, filter, sort]);

  const committeeName = (c: string) => (isCommittee(c) ? pick(COMMITTEE_INFO[c].shortName) : t('unit_noCommittee'));

  const sortable = (key: SortKey) => ({
    key,
    sorter: true,
    sortOrder: sort.key === key ? sort.order : null,
    sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
  });

  const duplicatesText = (r: UnitApplicantRow) =>
    r.duplicates
      .map((d) => t(d.what === 'scan' ? 'unit_dupScan' : 'unit_dupPaper', { name: d.name }))
      .join(t('listSep'));

  const cell = () => ({ role: 'cell' }) as HTMLAttributes<HTMLElement>;
  const columns = (nameButton: NameButton<UnitApplicantRow>): ApplicantColumn<UnitApplicantRow>[] => [
    {
      ...sortable('name'),
      title: t('unit_colName'),
      // Room for a name of four characters beside the 破格 / Exceptional tag.
      width: 136,
      fixed: 'start' as const,
      // The name says whose row it is when the reader moves along a row.
      onCell: () => ({ role: 'rowheader' }) as HTMLAttributes<HTMLElement>,
      render: (_: unknown, r: UnitApplicantRow, index: number) => (
        <span className="unit-cell-name">
          {nameButton(
            r,
            index,
            <Typography.Text strong ellipsis={{ tooltip: r.name }}>
              {r.name || t('unit_noName')}
            </Typography.Text>,
          )}
          {r.exceptional && (
            <Tag color="purple" className="unit-tag-small">
              {t('unit_exceptional')}
            </Tag>
          )}
          {r.deskReturn && (
            // A reviewing desk returned this revision (issue 17): the review page shows its points.
            <Tag className="unit-tag-small" color="orange" data-testid="unit-cell-desk-return">
              {t('unit_deskReturned', { deadline: r.deskReturn.deadline ?? '—' })}
            </Tag>
          )}
          {r.keyChangeHeld && (
            // A revision signed by a new key waits on the review page (issue 19, item 8).
            <Tooltip title={t('kc_importHint')}>
              <Tag className="unit-tag-small unit-tag-held" data-testid="unit-cell-keychange">
                {t('kc_flag')}
              </Tag>
            </Tooltip>
          )}
        </span>
      ),
    },
    {
      ...sortable('status'),
      onCell: cell,
      title: t('unit_colStatus'),
      width: 96,
      // Name and stage stay in view when a narrow window scrolls the rest sideways (issue 20).
      fixed: 'start' as const,
      render: (_: unknown, r: UnitApplicantRow) => (
        <Tag color={STAGE_COLOR[r.stage]} data-testid="unit-cell-status" data-stage={r.stage}>
          {pick(STAGE_LABELS[r.stage])}
        </Tag>
      ),
    },
    {
      ...sortable('committee'),
      onCell: cell,
      title: t('unit_colCommittee'),
      // Room for the English "Committee" beside its sort arrows, unbroken (test/e2e/unit-details.spec.ts).
      width: 112,
      render: (_: unknown, r: UnitApplicantRow) => committeeName(r.committee),
    },
    {
      ...sortable('specialty'),
      onCell: cell,
      title: t('unit_colSpecialty'),
      width: 120,
      render: (_: unknown, r: UnitApplicantRow) => (
        <Typography.Text ellipsis={{ tooltip: r.specialty }}>{r.specialty || '—'}</Typography.Text>
      ),
    },
    {
      ...sortable('eligibility'),
      onCell: cell,
      title: t('unit_colEligibility'),
      width: 156,
      render: (_: unknown, r: UnitApplicantRow) => {
        return (
          <VerdictTag
            prefix="unit"
            verdict={r.verdict}
            counts={r.counts}
            points={r.points}
            whyTitle={t('unit_whyTitle')}
          />
        );
      },
    },
    {
      ...sortable('materials'),
      onCell: cell,
      title: (
        <Tooltip title={t('unit_colMaterialsHint')}>
          <span>{t('unit_colMaterials')}</span>
        </Tooltip>
      ),
      width: 96,
      render: (_: unknown, r: UnitApplicantRow) => {
        const missing = r.materials.missing;
        if (missing.length === 0) {
          return (
            <Tag color="green" data-testid="unit-cell-materials">
              {t('unit_materialsComplete')}
            </Tag>
          );
        }
        return (
          <Tooltip
            title={
              <ul className="unit-why-list">
                {missing.map((m) => (
                  <li key={m.key}>{pick(m.message)}</li>
                ))}
              </ul>
            }
          >
            <Tag color="orange" data-testid="unit-cell-materials">
              {t('unit_materialsMissing', { n: missing.length })}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      ...sortable('publicity'),
      onCell: cell,
      title: t('unit_colPublicity'),
      width: 96,
      render: (_: unknown, r: UnitApplicantRow) => (
        <Tag color={PUBLICITY_COLOR[r.publicity]}>{t(`unit_publicity_${r.publicity}` as TextKey)}</Tag>
      ),
    },
    {
      ...sortable('duplicates'),
      onCell: cell,
      title: t('unit_colDuplicates'),
      width: 144,
      render: (_: unknown, r: UnitApplicantRow) => {
        if (r.duplicates.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        const names = [...new Set(r.duplicates.map((d) => d.name))];
        const text = duplicatesText(r);
        return (
          <Tooltip title={text}>
            <Tag
              color="warning"
              icon={<WarningOutlined aria-hidden />}
              className="unit-dup-tag"
              data-testid="unit-cell-duplicates"
            >
              {/* The column says what is shared; the tag names with whom (the tooltip and the reader say what). */}
              <span aria-hidden>{names.join(t('listSep'))}</span>
              <span className="sr-only">{text}</span>
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      ...sortable('revision'),
      onCell: cell,
      title: t('unit_colRevision'),
      width: 100,
      render: (_: unknown, r: UnitApplicantRow) => (
        <span className="unit-tags">
          {t('unit_revisionN', { n: r.revision })}
          {r.level >= 2 && (
            <Tag className="unit-tag-small" color="geekblue">
              {t('unit_level2')}
            </Tag>
          )}
        </span>
      ),
    },
  ];

  let body;
  if (load.kind === 'loading' || load.kind === 'failed') {
    body = (
      <TableLoadState
        prefix="unit"
        error={load.kind === 'failed' ? load.error : null}
        loadingText={t('loading')}
        failedText={(detail) => t('unit_tableFailed', { detail })}
        retryText={t('tryAgain')}
        onRetry={() => void fetchRows()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <Empty
        className="unit-empty"
        data-testid="unit-table-empty"
        description={
          <>
            <Typography.Paragraph strong>{t('unit_tableEmptyTitle')}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">{t('unit_tableEmptyText')}</Typography.Paragraph>
          </>
        }
      >
        <Button type="primary" icon={<ImportOutlined />} onClick={onImport} data-testid="unit-table-to-import">
          {t('unit_nav_unitImport')}
        </Button>
      </Empty>
    );
  } else {
    const stageOptions = PIPELINE_STAGES.map((s) => ({ value: s, label: pick(STAGE_LABELS[s]) }));
    const verdictOptions = VERDICTS.map((v) => ({ value: v, label: pick(VERDICT_FILTER_LABELS[v]) }));
    const publicityOptions = PublicityStates.options.map((s) => ({
      value: s,
      label: t(`unit_publicity_${s}` as TextKey),
    }));
    const committeeOptions = [
      ...COMMITTEES.map((c) => ({ value: c as string, label: pick(COMMITTEE_INFO[c].shortName) })),
      { value: '', label: t('unit_noCommittee') },
    ];
    const duplicates = rows.filter((r) => r.duplicates.length > 0).length;
    body = (
      <>
        <div className="unit-toolbar" role="search" aria-label={t('unit_filtersLabel')}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t('unit_searchPlaceholder')}
            aria-label={t('unit_searchLabel')}
            value={filter.search}
            onChange={(e) => setFilter({ search: e.target.value })}
            className="unit-search"
            data-testid="unit-search"
          />
          <Select<PipelineStage[]>
            mode="multiple"
            allowClear
            placeholder={t('unit_filterStatus')}
            aria-label={t('unit_filterStatus')}
            value={filter.stage}
            options={stageOptions}
            onChange={(stage) => setFilter({ stage })}
            className="unit-filter"
            data-testid="unit-filter-status"
            maxTagCount="responsive"
          />
          <Select<Verdict[]>
            mode="multiple"
            allowClear
            placeholder={t('unit_filterVerdict')}
            aria-label={t('unit_filterVerdict')}
            value={filter.verdict}
            options={verdictOptions}
            onChange={(verdict) => setFilter({ verdict })}
            className="unit-filter"
            data-testid="unit-filter-verdict"
            maxTagCount="responsive"
          />
          <Select<string[]>
            mode="multiple"
            allowClear
            placeholder={t('unit_filterCommittee')}
            aria-label={t('unit_filterCommittee')}
            value={filter.committee}
            options={committeeOptions}
            onChange={(committee) => setFilter({ committee })}
            className="unit-filter"
            data-testid="unit-filter-committee"
            maxTagCount="responsive"
          />
          <Select<PublicityState[]>
            mode="multiple"
            allowClear
            placeholder={t('unit_filterPublicity')}
            aria-label={t('unit_filterPublicity')}
            value={filter.publicity}
            options={publicityOptions}
            onChange={(publicity) => setFilter({ publicity })}
            className="unit-filter"
            data-testid="unit-filter-publicity"
            maxTagCount="responsive"
          />
          <Checkbox
            checked={filter.duplicatesOnly}
            onChange={(e) => setFilter({ duplicatesOnly: e.target.checked })}
            data-testid="unit-filter-duplicates"
          >
            {t('unit_filterDuplicates', { n: duplicates })}
          </Checkbox>
        </div>
        <div className="unit-table-count">
          <Typography.Text type="secondary" aria-live="polite" data-testid="unit-table-count">
            {isFiltered(filter)
              ? t('unit_countFiltered', { shown: shown.length, n: rows.length })
              : t('unit_count', { n: rows.length })}
          </Typography.Text>
          <span className="unit-table-count-tools">
            {isFiltered(filter) && (
              <Button
                size="small"
                icon={<ClearOutlined />}
                onClick={() => setFilter(NO_FILTER)}
                data-testid="unit-filter-clear"
              >
                {t('unit_filterClear')}
              </Button>
            )}
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void fetchRows(true)}
              data-testid="unit-table-reload"
            >
              {t('unit_reload')}
            </Button>
          </span>
        </div>
        <ApplicantTable<UnitApplicantRow>
          rows={shown}
          columns={columns}
          prefix="unit"
          label={t('unit_nav_unitApplicants')}
          className="unit-table"
          lastOpened={lastReviewed()}
          openWords={t('unit_openReview')}
          onOpen={onOpenApplicant}
          onSort={(key, order) => {
            if (key in COMPARE) setSort({ key: key as SortKey, order });
          }}
          emptyText={
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unit_noMatch')}>
              <Button onClick={() => setFilter(NO_FILTER)}>{t('unit_filterClear')}</Button>
            </Empty>
          }
        />
      </>
    );
  }

  return <UnitFrame screen="unitApplicants">{body}</UnitFrame>;
}
