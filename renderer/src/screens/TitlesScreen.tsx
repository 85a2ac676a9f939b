// 职称与聘任: the professional titles held and the unit's appointments (M-4), two lists on one screen.
import { Col, Divider, Row } from 'antd';
import { labelOf, TITLE_LEVEL_LABELS } from '../../../shared/archive/labels.js';
import type { Appointment, Title } from '../../../shared/archive/schema.js';
import { DateField, PeriodFields, SelectField, TextField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const TITLE_FIELDS: readonly (keyof Title)[] = ['level', 'name', 'obtainedDate', 'certificateNumber', 'issuingBody'];
const APPOINTMENT_FIELDS: readonly (keyof Appointment)[] = ['post', 'grade', 'startDate', 'endDate'];

export function TitlesScreen() {
  const { t, lang } = useT();
  return (
    <ScreenFrame screen="titles" kinds={['titles', 'appointments']}>
      <RecordList
        kind="titles"
        heading={t('titlesHeading')}
        describe={(r) => [r.name, labelOf(TITLE_LEVEL_LABELS, r.level, lang)].filter(Boolean).join(' · ')}
        shownFields={() => TITLE_FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof Title) => `titles.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={8}>
                <SelectField
                  path={path('level')}
                  label={t('f_titleLevel')}
                  labels={TITLE_LEVEL_LABELS}
                  value={r.level}
                  onChange={(level) => set({ level })}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('name')}
                  label={t('f_titleName')}
                  placeholder={t('f_titleNameHint')}
                  value={r.name}
                  onChange={(name) => set({ name })}
                  maxLength={200}
                />
              </Col>
              <Col span={8}>
                <DateField
                  path={path('obtainedDate')}
                  label={t('f_obtainedDate')}
                  value={r.obtainedDate}
                  onChange={(obtainedDate) => set({ obtainedDate })}
                />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('certificateNumber')}
                  label={t('f_certificateNumber')}
                  value={r.certificateNumber}
                  onChange={(certificateNumber) => set({ certificateNumber })}
                  maxLength={60}
                />
              </Col>
              <Col span={12}>
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
