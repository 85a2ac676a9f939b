// 学历学位: each period of education (M-4); graduation before 2001 and foreign degrees need extra
// documents (N-12), which the problem list points out.
import { Col, Row } from 'antd';
import { DEGREE_ORIGIN_LABELS, EDUCATION_LEVEL_LABELS, labelOf } from '../../../shared/archive/labels.js';
import type { Education } from '../../../shared/archive/schema.js';
import { DateField, SelectField, SwitchField, TextField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const FIELDS: readonly (keyof Education)[] = [
  'level',
  'school',
  'major',
  'startDate',
  'graduationDate',
  'degree',
  'diplomaNumber',
  'degreeCertificateNumber',
  'fullTime',
  'origin',
];

export function EducationsScreen() {
  const { t, lang } = useT();
  return (
    <ScreenFrame screen="educations" kinds={['educations']}>
      <RecordList
        kind="educations"
        describe={(r) => [r.school, labelOf(EDUCATION_LEVEL_LABELS, r.level, lang)].filter(Boolean).join(' · ')}
        shownFields={() => FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof Education) => `educations.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={8}>
                <SelectField
                  path={path('level')}
                  label={t('f_level')}
                  labels={EDUCATION_LEVEL_LABELS}
                  value={r.level}
                  onChange={(level) => set({ level })}
                />
              </Col>
              <Col span={16}>
                <TextField
                  path={path('school')}
                  label={t('f_school')}
                  value={r.school}
                  onChange={(school) => set({ school })}
                  maxLength={200}
                />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('major')}
                  label={t('f_major')}
                  value={r.major}
                  onChange={(major) => set({ major })}
                  maxLength={200}
                />
              </Col>
              <Col span={6}>
                <DateField
                  path={path('startDate')}
                  label={t('f_startDate')}
                  value={r.startDate}
                  onChange={(startDate) => set({ startDate })}
                />
              </Col>
              <Col span={6}>
                <DateField
                  path={path('graduationDate')}
                  label={t('f_graduationDate')}
                  value={r.graduationDate}
                  onChange={(graduationDate) => set({ graduationDate })}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('degree')}
                  label={t('f_degree')}
                  placeholder={t('f_degreeHint')}
                  value={r.degree}
                  onChange={(degree) => set({ degree })}
                  maxLength={200}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('diplomaNumber')}
                  label={t('f_diplomaNumber')}
                  value={r.diplomaNumber}
                  onChange={(diplomaNumber) => set({ diplomaNumber })}
                  maxLength={60}
                />
              </Col>
              <Col span={8}>
                <TextField
                  path={path('degreeCertificateNumber')}
                  label={t('f_degreeCertificateNumber')}
                  value={r.degreeCertificateNumber}
                  onChange={(degreeCertificateNumber) => set({ degreeCertificateNumber })}
                  maxLength={60}
                />
              </Col>
              <Col span={8}>
                <SelectField
                  path={path('origin')}
                  label={t('f_origin')}
                  labels={DEGREE_ORIGIN_LABELS}
                  allowClear={false}
                  value={r.origin}
                  onChange={(origin) => origin !== '' && set({ origin })}
                />
              </Col>
              <Col span={8}>
                <SwitchField
                  path={path('fullTime')}
                  label={t('f_fullTime')}
                  value={r.fullTime}
                  onChange={(fullTime) => set({ fullTime })}
                />
              </Col>
            </Row>
          );
        }}
      />
    </ScreenFrame>
  );
}
