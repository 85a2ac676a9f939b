// 社保: years of basic pension insurance, the last three at least (M-5).
import { Col, Row } from 'antd';
import type { PensionYear } from '../../../shared/archive/schema.js';
import { TextField, YearField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const FIELDS: readonly (keyof PensionYear)[] = ['year', 'payer'];

export function PensionScreen() {
  const { t } = useT();
  return (
    <ScreenFrame screen="pension" kinds={['pensionYears']}>
      <RecordList
        kind="pensionYears"
        describe={(r) => [r.year === null ? '' : String(r.year), r.payer].filter(Boolean).join(' · ')}
        shownFields={() => FIELDS}
        renderForm={(r, set) => (
          <Row gutter={24}>
            <Col span={8}>
              <YearField
                path={`pensionYears.${r.id}.year`}
                label={t('f_year')}
                value={r.year}
                onChange={(year) => set({ year })}
              />
            </Col>
            <Col span={16}>
              <TextField
                path={`pensionYears.${r.id}.payer`}
                label={t('f_payer')}
                value={r.payer}
                onChange={(payer) => set({ payer })}
                maxLength={200}
              />
            </Col>
          </Row>
        )}
      />
    </ScreenFrame>
  );
}
