// 纪律: recorded falsification findings, each barring applications for three years (N-15).
import { Col, Row } from 'antd';
import type { DisciplineRecord } from '../../../shared/archive/schema.js';
import { TextAreaField, YearField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const FIELDS: readonly (keyof DisciplineRecord)[] = ['year', 'description'];

export function DisciplineScreen() {
  const { t } = useT();
  return (
    <ScreenFrame screen="discipline" kinds={['disciplineRecords']}>
      <RecordList
        kind="disciplineRecords"
        describe={(r) => (r.year === null ? '' : String(r.year))}
        shownFields={() => FIELDS}
        renderForm={(r, set) => (
          <Row gutter={24}>
            <Col span={8}>
              <YearField
                path={`disciplineRecords.${r.id}.year`}
                label={t('f_disciplineYear')}
                value={r.year}
                onChange={(year) => set({ year })}
              />
            </Col>
            <Col span={24}>
              <TextAreaField
                path={`disciplineRecords.${r.id}.description`}
                label={t('f_disciplineDescription')}
                value={r.description}
                onChange={(description) => set({ description })}
                maxLength={20_000}
              />
            </Col>
          </Row>
        )}
      />
    </ScreenFrame>
  );
}
