// 基本信息: the applicant's personal data (M-4; ID number, names ), and the administrative
// post printed on F-3 (行政职务).
import { Col, Form, Row } from 'antd';
import { SEX_LABELS } from '../../../shared/archive/labels.js';
import { DateField, SelectField, TextField } from '../components/fields.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { useSection } from '../useSection.js';

const FIELDS = ['name', 'sex', 'birthDate', 'idNumber', 'phone', 'email', 'administrativePost'] as const;

export function ProfileScreen() {
  const { t } = useT();
  const [profile, set] = useSection('profile');
  return (
    <ScreenFrame screen="profile" section={{ name: 'profile', fields: FIELDS }}>
      <Form layout="vertical" component="div" className="section-form">
        <Row gutter={24}>
          <Col span={12}>
            <TextField
              path="profile.name"
              label={t('f_name')}
              value={profile.name}
              onChange={(name) => set({ name })}
              maxLength={100}
            />
          </Col>
          <Col span={12}>
            <SelectField
              path="profile.sex"
              label={t('f_sex')}
              labels={SEX_LABELS}
              value={profile.sex}
              onChange={(sex) => set({ sex })}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="profile.idNumber"
              label={t('f_idNumber')}
              value={profile.idNumber}
              onChange={(idNumber) => set({ idNumber })}
              maxLength={40}
            />
          </Col>
          <Col span={12}>
            <DateField
              path="profile.birthDate"
              label={t('f_birthDate')}
              value={profile.birthDate}
              onChange={(birthDate) => set({ birthDate })}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="profile.phone"
              label={t('f_phone')}
              value={profile.phone}
              onChange={(phone) => set({ phone })}
              maxLength={40}
              autoComplete="tel"
            />
          </Col>
          <Col span={12}>
            <TextField
              path="profile.email"
              label={t('f_email')}
              value={profile.email}
              onChange={(email) => set({ email })}
              maxLength={200}
              autoComplete="email"
            />
          </Col>
          <Col span={12}>
            <TextField
              path="profile.administrativePost"
              label={t('f_administrativePost')}
              hint={t('f_administrativePostHint')}
              value={profile.administrativePost}
              onChange={(administrativePost) => set({ administrativePost })}
              maxLength={200}
            />
          </Col>
        </Row>
      </Form>
    </ScreenFrame>
  );
}
