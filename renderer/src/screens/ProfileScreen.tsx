// 基本信息: the applicant's personal data (M-4; ID number, names ), and the administrative
// post printed on F-3 (行政职务).
import { Button, Col, Form, Row, Space } from 'antd';
import { SEX_LABELS } from '../../../shared/archive/labels.js';
import { checkIdNumber } from '../../../shared/checks/idNumber.js';
import { DateField, SelectField, TextField } from '../components/fields.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { useSection } from '../useSection.js';

const FIELDS = ['name', 'sex', 'birthDate', 'idNumber', 'phone', 'email', 'administrativePost'] as const;

export function ProfileScreen() {
  const { t, pick } = useT();
  const [profile, set] = useSection('profile');
  // A valid ID number states the birth date and sex: they are filled from it while still empty, and
  // where they were entered otherwise, one click sets them to what it says (issue 15).
  const setIdNumber = (idNumber: string) => {
    const check = checkIdNumber(idNumber);
    set({
      idNumber,
      ...(check.ok && profile.birthDate === '' ? { birthDate: check.birthDate } : {}),
      ...(check.ok && profile.sex === '' ? { sex: check.sex } : {}),
    });
  };
  const stated = checkIdNumber(profile.idNumber);
  const fixes = stated.ok
    ? [
        profile.birthDate !== '' && profile.birthDate !== stated.birthDate
          ? {
              key: 'birthDate',
              text: t('profile_fixBirthDate', { date: stated.birthDate }),
              patch: { birthDate: stated.birthDate },
            }
          : null,
        profile.sex !== '' && profile.sex !== stated.sex
          ? { key: 'sex', text: t('profile_fixSex', { sex: pick(SEX_LABELS[stated.sex]) }), patch: { sex: stated.sex } }
          : null,
      ].filter((f) => f !== null)
    : [];
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
              onChange={setIdNumber}
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
        {fixes.length > 0 && (
          <Space wrap className="profile-fixes" data-testid="profile-fixes">
            {fixes.map((f) => (
              <Button key={f.key} size="small" onClick={() => set(f.patch)} data-testid={`profile-fix-${f.key}`}>
                {f.text}
              </Button>
            ))}
          </Space>
        )}
      </Form>
    </ScreenFrame>
  );
}
