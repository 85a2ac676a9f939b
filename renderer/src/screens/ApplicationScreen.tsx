// 申报: specialty and the one committee it belongs to (N-1), the title applied for, exceptional promotion
// (破格, M-11) with its reason as printed on F-3, and the COVID-19 frontline policy (N-4, R-3) whose reach
// is unconfirmed.
import { Alert, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { codePointLength } from '../../../shared/checks/text.js';
import { COMMITTEE_LIST } from '../../../shared/archive/committees.js';
import { FieldItem } from '../components/FieldItem.js';
import { SwitchField, TextField } from '../components/fields.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { useSection } from '../useSection.js';

const FIELDS = [
  'specialty',
  'committee',
  'titleApplied',
  'exceptional',
  'exceptionalReason',
  'covidFrontline',
] as const;
/** The schema's bound for long text (UTF-16 units, as the textarea counts them). */
const REASON_MAX = 20_000;

export function ApplicationScreen() {
  const { t, lang, pick } = useT();
  const [application, set] = useSection('application');
  return (
    <ScreenFrame screen="application" section={{ name: 'application', fields: FIELDS }}>
      <Form layout="vertical" component="div" className="section-form">
        <Row gutter={24}>
          <Col span={12}>
            <TextField
              path="application.specialty"
              label={t('f_specialty')}
              placeholder={t('f_specialtyHint')}
              value={application.specialty}
              onChange={(specialty) => set({ specialty })}
              maxLength={200}
            />
          </Col>
          <Col span={12}>
            <TextField
              path="application.titleApplied"
              label={t('f_titleApplied')}
              value={application.titleApplied}
              onChange={(titleApplied) => set({ titleApplied })}
              maxLength={200}
            />
          </Col>
        </Row>
        <FieldItem path="application.committee" label={t('f_committee')} group>
          {(control) => (
            <Radio.Group
              {...control}
              className="committee-group"
              value={application.committee === '' ? undefined : application.committee}
              onChange={(e) => set({ committee: e.target.value as typeof application.committee })}
            >
              {COMMITTEE_LIST.map((committee) => (
                <Radio
                  key={committee.id}
                  value={committee.id}
                  className="committee-card"
                  data-testid={`committee-${committee.id}`}
                >
                  <span className="committee-name">
                    {committee.no}. {t('committeeName', { name: pick(committee.shortName) })}
                    {/* The full name is the Chinese one printed in 附件1; English shows the translated short name. */}
                    {lang === 'zh' && <span className="committee-full">{committee.fullName}</span>}
                  </span>
                  <span className="committee-scope">{pick(committee.scope)}</span>
                </Radio>
              ))}
            </Radio.Group>
          )}
        </FieldItem>
        <Row gutter={24}>
          <Col span={12}>
            <SwitchField
              path="application.exceptional"
              label={t('f_exceptional')}
              value={application.exceptional}
              onChange={(exceptional) => set({ exceptional })}
            />
          </Col>
          <Col span={12}>
            <SwitchField
              path="application.covidFrontline"
              label={t('f_covidFrontline')}
              value={application.covidFrontline}
              onChange={(covidFrontline) => set({ covidFrontline })}
            />
          </Col>
        </Row>
        {/* Only an exceptional application has a reason; a reason typed before unticking is kept, not shown. */}
        {application.exceptional && (
          <>
            <FieldItem
              path="application.exceptionalReason"
              label={t('f_exceptionalReason')}
              hint={t('f_exceptionalReasonHint')}
            >
              {(control) => (
                <Input.TextArea
                  {...control}
                  value={application.exceptionalReason}
                  maxLength={REASON_MAX}
                  autoSize={{ minRows: 5, maxRows: 16 }}
                  placeholder={t('f_exceptionalReasonPlaceholder')}
                  onChange={(e) => set({ exceptionalReason: e.target.value })}
                />
              )}
            </FieldItem>
            <Typography.Text
              type="secondary"
              className="summary-count"
              style={{ marginTop: -16, marginBottom: 16 }}
              data-testid="exceptional-reason-count"
            >
              {t('summaryCount', { n: codePointLength(application.exceptionalReason) })}
            </Typography.Text>
          </>
        )}
      </Form>
      <div className="notes">
        {application.exceptional && <Alert type="info" showIcon title={t('exceptionalNote')} />}
        <Alert
          type={application.covidFrontline ? 'warning' : 'info'}
          showIcon
          title={t('covidCaution')}
          data-testid="covid-caution"
        />
      </div>
    </ScreenFrame>
  );
}
