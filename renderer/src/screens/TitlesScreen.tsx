// 职称与聘任: the professional titles held and the unit's appointments (M-4), two lists on one screen. Each
// title carries its series (职称系列, R-1: only the engineering series' 工程师 starts the clock), filled from
// the name as it is typed when the name says it unambiguously, and never over one the user chose.
import { Col, Divider, Row } from 'antd';
import { useRef } from 'react';
import { labelOf, TITLE_LEVEL_LABELS } from '../../../shared/archive/labels.js';
import type { Appointment, Title } from '../../../shared/archive/schema.js';
import { deriveTitleSeries, TITLE_SERIES_LABELS } from '../../../shared/archive/titleSeries.js';
import { DateField, PeriodFields, SelectField, TextField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const TITLE_FIELDS: readonly (keyof Title)[] = [
  'level',
  'series',
  'name',
  'obtainedDate',
  'certificateNumber',
  'issuingBody',
];
const APPOINTMENT_FIELDS: readonly (keyof Appointment)[] = ['post', 'grade', 'startDate', 'endDate'];

export function TitlesScreen() {
  const { t, lang } = useT();
  // Titles whose series this screen filled from the name (not chosen by the user): a later change of the
  // name may change it again; a series the user picked is never touched.
  const derived = useRef(new Set<string>());
  /** The change of a title's name, with the series it states when the series is open or was derived. */
  const nameChange = (r: Title, name: string): Partial<Title> => {
    const isOpen = r.series === '' || (derived.current.has(r.id) && r.series === deriveTitleSeries(r.name));
    if (!isOpen) return { name };
    const series = deriveTitleSeries(name);
    if (series === '') {
      // Nothing certain in the new name: an open series stays open, a derived one is withdrawn.
      if (r.series === '') return { name };
      derived.current.delete(r.id);
      return { name, series: '' };
    }
    derived.current.add(r.id);
    return { name, series };
  };
  return (
    <ScreenFrame screen="titles" kinds={['titles', 'appointments']}>
      <RecordList
        kind="titles"
        heading={t('titlesHeading')}
        describe={(r) =>
          [r.name, labelOf(TITLE_LEVEL_LABELS, r.level, lang), labelOf(TITLE_SERIES_LABELS, r.series, lang)]
            .filter(Boolean)
            .join(' · ')
        }
        shownFields={() => TITLE_FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof Title) => `titles.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={6}>
                <SelectField
                  path={path('level')}
                  label={t('f_titleLevel')}
                  labels={TITLE_LEVEL_LABELS}
                  value={r.level}
                  onChange={(level) => set({ level })}
                />
              </Col>
              <Col span={6}>
                <SelectField
                  path={path('series')}
                  label={t('f_titleSeries')}
                  hint={r.series === '' ? t('f_titleSeriesHint') : undefined}
                  labels={TITLE_SERIES_LABELS}
                  value={r.series}
                  onChange={(series) => {
                    derived.current.delete(r.id);
                    set({ series });
                  }}
                />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('name')}
                  label={t('f_titleName')}
                  placeholder={t('f_titleNameHint')}
                  value={r.name}
                  onChange={(name) => set(nameChange(r, name))}
                  maxLength={200}
                />
              </Col>
              <Col span={6}>
                <DateField
                  path={path('obtainedDate')}
                  label={t('f_obtainedDate')}
                  value={r.obtainedDate}
                  onChange={(obtainedDate) => set({ obtainedDate })}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('certificateNumber')}
                  label={t('f_certificateNumber')}
                  value={r.certificateNumber}
                  onChange={(certificateNumber) => set({ certificateNumber })}
                  maxLength={60}
                />
              </Col>
              <Col span={10}>
                <TextField
                  path={path('issuingBody')}
                  label={t('f_issuingBody')}
                  value={r.issuingBody}
                  onChange={(issuingBody) => set({ issuingBody })}
                  maxLength={200}
                />
              </Col>
            </Row>
          );
        }}
      />
      <Divider />
      <RecordList
        kind="appointments"
        heading={t('appointmentsHeading')}
        describe={(r) => [r.post, r.grade].filter(Boolean).join(' · ')}
        shownFields={() => APPOINTMENT_FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof Appointment) => `appointments.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={12}>
                <TextField
                  path={path('post')}
                  label={t('f_post')}
                  value={r.post}
                  onChange={(post) => set({ post })}
                  maxLength={200}
                />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('grade')}
                  label={t('f_grade')}
                  placeholder={t('f_gradeHint')}
                  value={r.grade}
                  onChange={(grade) => set({ grade })}
                  maxLength={200}
                />
              </Col>
              <PeriodFields
                path={path}
                startLabel={t('f_appointStart')}
                endLabel={t('f_appointEnd')}
                startDate={r.startDate}
                endDate={r.endDate}
                onChange={set}
              />
            </Row>
          );
        }}
      />
    </ScreenFrame>
  );
}
