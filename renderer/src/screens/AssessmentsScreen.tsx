// 年度考核: annual assessments for at least the last three years (M-9).
import { Col, Row } from 'antd';
import { ASSESSMENT_RESULT_LABELS, labelOf } from '../../../shared/archive/labels.js';
import type { Assessment } from '../../../shared/archive/schema.js';
import { SelectField, YearField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const FIELDS: readonly (keyof Assessment)[] = ['year', 'result'];

export function AssessmentsScreen() {
  const { t, lang } = useT();
  return (
    <ScreenFrame screen="assessments" kinds={['assessments']}>
      <RecordList
        kind="assessments"
        describe={(r) =>
          [r.year === null ? '' : String(r.year), labelOf(ASSESSMENT_RESULT_LABELS, r.result, lang)]
            .filter(Boolean)
            .join(' · ')
        }
        shownFields={() => FIELDS}
        renderForm={(r, set) => (
          <Row gutter={24}>
            <Col span={8}>
              <YearField
                path={`assessments.${r.id}.year`}
                label={t('f_year')}
                value={r.year}
                onChange={(year) => set({ year })}
              />
            </Col>
            <Col span={8}>
              <SelectField
                path={`assessments.${r.id}.result`}
                label={t('f_result')}
                labels={ASSESSMENT_RESULT_LABELS}
                value={r.result}
                onChange={(result) => set({ result })}
              />
            </Col>
          </Row>
        )}
      />
    </ScreenFrame>
  );
}
