// 工作经历: experience in engineering work or engineering management (M-6), counted to 2020-12-31 (N-7).
import { Col, Row } from 'antd';
import type { WorkPeriod } from '../../../shared/archive/schema.js';
import { DateField, TextAreaField, TextField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const FIELDS: readonly (keyof WorkPeriod)[] = ['unit', 'post', 'startDate', 'endDate', 'description'];

export function WorkPeriodsScreen() {
  const { t } = useT();
  return (
    <ScreenFrame screen="workPeriods" kinds={['workPeriods']}>
      <RecordList
        kind="workPeriods"
        describe={(r) => [r.unit, r.post].filter(Boolean).join(' · ')}
        shownFields={() => FIELDS}
        renderForm={(r, set) => {
          const path = (field: keyof WorkPeriod) => `workPeriods.${r.id}.${field}`;
          return (
            <Row gutter={24}>
              <Col span={12}>
                <TextField
                  path={path('unit')}
                  label={t('f_workUnit')}
                  value={r.unit}
                  onChange={(unit) => set({ unit })}
                  maxLength={200}
                />
              </Col>
              <Col span={12}>
                <TextField
                  path={path('post')}
                  label={t('f_workPost')}
                  value={r.post}
                  onChange={(post) => set({ post })}
                  maxLength={200}
                />
              </Col>
              <Col span={12}>
                <DateField
                  path={path('startDate')}
                  label={t('f_periodStart')}
                  value={r.startDate}
                  onChange={(startDate) => set({ startDate })}
                />
              </Col>
              <Col span={12}>
                <DateField
                  path={path('endDate')}
                  label={t('f_periodEnd')}
                  hint={t('untilNow')}
                  value={r.endDate}
                  onChange={(endDate) => set({ endDate })}
                />
              </Col>
              <Col span={24}>
                <TextAreaField
                  path={path('description')}
                  label={t('f_description')}
                  value={r.description}
                  onChange={(description) => set({ description })}
                  maxLength={20_000}
                />
              </Col>
            </Row>
          );
        }}
      />
    </ScreenFrame>
  );
}
