// 继续教育: courses with their hours (N-6, M-7), and the per-year totals that N-6 / R-4 require.
import { Col, Row, Table, Tag, Typography } from 'antd';
import {
  CE_PLATFORM_LABELS,
  COURSE_CATEGORY_LABELS,
  COURSE_MODE_LABELS,
  labelOf,
} from '../../../shared/archive/labels.js';
import type { Course } from '../../../shared/archive/schema.js';
import { HoursField, SelectField, TextField, YearField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { useT } from '../i18n.js';
import { courseTotals, type YearTotals } from '../../../shared/archive/continuingEducation.js';

const FIELDS: readonly (keyof Course)[] = ['year', 'name', 'category', 'mode', 'hours', 'provider', 'platform'];

/** Hours as people write them: no float noise (0.1 + 0.2), no needless decimals. */
const hours = (n: number) => String(Math.round(n * 100) / 100);

function TotalsTable() {
  const { t } = useT();
  const { archive } = useEditor();
  const rows = courseTotals(archive.courses, archive.application.covidFrontline);
  const shortText = {
    total: t('totalsNeedTotal'),
    professional: t('totalsNeedProfessional'),
    public: t('totalsNeedPublic'),
  };
  return (
    <section className="totals" aria-labelledby="totals-heading">
      <Typography.Title level={2} id="totals-heading" className="list-heading">
        {t('totalsHeading')}
      </Typography.Title>
      <Table<YearTotals>
        data-testid="ce-totals"
        size="small"
        bordered
        pagination={false}
        rowKey="year"
        dataSource={rows}
        columns={[
          { title: t('totalsYear'), dataIndex: 'year', width: 90 },
          { title: t('totalsTotal'), dataIndex: 'total', align: 'right', width: 100, render: (n: number) => hours(n) },
          {
            title: t('totalsProfessional'),
            key: 'professional',
            align: 'right',
            width: 220,
            render: (_, row) => (
              <>
                {hours(row.professional)}
                {row.onlineProfessionalCounted < row.onlineProfessional && (
                  <div className="totals-note">
                    {t('totalsOnlineCapped', {
                      online: hours(row.onlineProfessional),
                      counted: hours(row.onlineProfessionalCounted),
                    })}
                  </div>
                )}
              </>
            ),
          },
          {
            title: t('totalsPublic'),
            dataIndex: 'public',
            align: 'right',
            width: 120,
            render: (n: number) => hours(n),
          },
          {
            title: t('totalsMet'),
            key: 'met',
            render: (_, row) =>
              row.deemedComplete ? (
                <Tag color="blue">{t('totalsCovid')}</Tag>
              ) : row.short.length === 0 ? (
                <Tag color="green">{t('totalsPass')}</Tag>
              ) : (
                <>
                  <Tag color="red">{t('totalsFail')}</Tag>
                  <span className="totals-note">{row.short.map((k) => shortText[k]).join(t('commaSep'))}</span>
                </>
              ),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="totals-explain">
        {t('totalsNote')}
      </Typography.Paragraph>
    </section>
  );
}

export function CoursesScreen() {
  const { t, lang } = useT();
  return (
    <ScreenFrame screen="courses" kinds={['courses']}>
      <TotalsTable />
      <RecordList
        kind="courses"
        describe={(r) =>
          [r.year === null ? '' : String(r.year), r.name, labelOf(COURSE_CATEGORY_LABELS, r.category, lang)]
            .filter(Boolean)
            .join(' · ')
        }
        shownFields={() => FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof Course) => `courses.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={4}>
                <YearField path={path('year')} label={t('f_year')} value={r.year} onChange={(year) => set({ year })} />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('name')}
                  label={t('f_courseName')}
                  value={r.name}
                  onChange={(name) => set({ name })}
                  maxLength={200}
                />
              </Col>
              <Col span={8}>
                <SelectField
                  path={path('category')}
                  label={t('f_category')}
                  labels={COURSE_CATEGORY_LABELS}
                  value={r.category}
                  onChange={(category) => set({ category })}
                />
              </Col>
              <Col span={6}>
                <SelectField
                  path={path('mode')}
                  label={t('f_mode')}
                  labels={COURSE_MODE_LABELS}
                  value={r.mode}
                  onChange={(mode) => set({ mode })}
                />
              </Col>
              <Col span={4}>
                <HoursField
                  path={path('hours')}
                  label={t('f_hours')}
                  value={r.hours}
                  onChange={(h) => set({ hours: h })}
                />
              </Col>
              <Col span={6}>
                <SelectField
                  path={path('platform')}
                  label={t('f_platform')}
                  labels={CE_PLATFORM_LABELS}
                  value={r.platform}
                  onChange={(platform) => set({ platform })}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('provider')}
                  label={t('f_provider')}
                  value={r.provider}
                  onChange={(provider) => set({ provider })}
                  maxLength={200}
                />
              </Col>
            </Row>
          );
        }}
      />
    </ScreenFrame>
  );
}
