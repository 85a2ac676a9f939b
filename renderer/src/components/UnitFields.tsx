// The fields of the archive's Unit section. The applicant's 单位 screen and the unit's own 单位信息 edit the
// same schema, so they show the same fields in the same layout; the unit's screen adds hints for the officer.
import { Col, Row } from 'antd';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import type { Unit } from '../../../shared/archive/schema.js';
import { useT } from '../i18n.js';
import { SelectField, TextField } from './fields.js';

export interface UnitFieldsProps {
  value: Unit;
  onChange: (patch: Partial<Unit>) => void;
  hints?: { creditCode?: string; type?: string };
}

export function UnitFields({ value, onChange, hints = {} }: UnitFieldsProps) {
  const { t } = useT();
  return (
    <Row gutter={24}>
      <Col span={24}>
        <TextField
          path="unit.name"
          label={t('f_unitName')}
          value={value.name}
          onChange={(name) => onChange({ name })}
          maxLength={200}
        />
      </Col>
      <Col span={12}>
        <TextField
          path="unit.creditCode"
          label={t('f_creditCode')}
          {...(hints.creditCode ? { hint: hints.creditCode } : {})}
          value={value.creditCode}
          onChange={(creditCode) => onChange({ creditCode })}
          maxLength={40}
        />
      </Col>
      <Col span={12}>
        <SelectField
          path="unit.type"
          label={t('f_unitType')}
          {...(hints.type ? { hint: hints.type } : {})}
          labels={UNIT_TYPE_LABELS}
          value={value.type}
          onChange={(type) => onChange({ type })}
        />
      </Col>
      <Col span={12}>
        <TextField
          path="unit.competentDepartment"
          label={t('f_competentDepartment')}
          value={value.competentDepartment}
          onChange={(competentDepartment) => onChange({ competentDepartment })}
          maxLength={200}
        />
      </Col>
      <Col span={12}>
        <TextField
          path="unit.personnelAgency"
          label={t('f_personnelAgency')}
          hint={t('f_personnelAgencyHint')}
          value={value.personnelAgency}
          onChange={(personnelAgency) => onChange({ personnelAgency })}
          maxLength={200}
        />
      </Col>
      <Col span={12}>
        <TextField
          path="unit.city"
          label={t('f_city')}
          value={value.city}
          onChange={(city) => onChange({ city })}
          maxLength={200}
        />
      </Col>
    </Row>
  );
}
