// 工作经历: experience in engineering work or engineering management (M-6), counted to 2020-12-31 (N-7).
import { Col, Row } from 'antd';
import type { WorkPeriod } from '../../../shared/archive/schema.js';
import { PeriodFields, TextAreaField, TextField } from '../components/fields.js';
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
              <PeriodFields
                path={path}
                startLabel={t('f_periodStart')}
                endLabel={t('f_periodEnd')}
                startDate={r.startDate}
                endDate={r.endDate}
                onChange={set}
              />
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
