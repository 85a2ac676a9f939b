// 单位: the employer that reviews the archive and passes it upwards (N-9, N-10); public institutions
// need form F-4 (N-14, M-12).
import { Alert, Col, Form, Row } from 'antd';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import { SelectField, TextField } from '../components/fields.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { useSection } from '../useSection.js';

const FIELDS = ['name', 'creditCode', 'type', 'competentDepartment', 'personnelAgency', 'city'] as const;

export function UnitScreen() {
  const { t } = useT();
  const [unit, set] = useSection('unit');
  return (
    <ScreenFrame screen="unit" section={{ name: 'unit', fields: FIELDS }}>
      <Form layout="vertical" component="div" className="section-form">
        <Row gutter={24}>
          <Col span={24}>
            <TextField
              path="unit.name"
              label={t('f_unitName')}
              value={unit.name}
              onChange={(name) => set({ name })}
              maxLength={200}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="unit.creditCode"
              label={t('f_creditCode')}
              value={unit.creditCode}
              onChange={(creditCode) => set({ creditCode })}
              maxLength={40}
            />
          </Col>
          <Col span={12}>
            <SelectField
              path="unit.type"
              label={t('f_unitType')}
              labels={UNIT_TYPE_LABELS}
              value={unit.type}
              onChange={(type) => set({ type })}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="unit.competentDepartment"
              label={t('f_competentDepartment')}
              value={unit.competentDepartment}
              onChange={(competentDepartment) => set({ competentDepartment })}
              maxLength={200}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="unit.personnelAgency"
              label={t('f_personnelAgency')}
              hint={t('f_personnelAgencyHint')}
              value={unit.personnelAgency}
              onChange={(personnelAgency) => set({ personnelAgency })}
              maxLength={200}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="unit.city"
              label={t('f_city')}
              value={unit.city}
              onChange={(city) => set({ city })}
              maxLength={200}
            />
          </Col>
        </Row>
      </Form>
      {unit.type === 'public_institution' && <Alert type="info" showIcon title={t('publicInstitutionNote')} />}
    </ScreenFrame>
  );
}
