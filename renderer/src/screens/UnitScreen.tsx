// 单位: the employer that reviews the archive and passes it upwards (N-9, N-10); public institutions
// need form F-4 (N-14, M-12).
import { Alert, Form } from 'antd';
import { UnitFields } from '../components/UnitFields.js';
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
        <UnitFields value={unit} onChange={set} />
      </Form>
      {unit.type === 'public_institution' && <Alert type="info" showIcon title={t('publicInstitutionNote')} />}
    </ScreenFrame>
  );
}
