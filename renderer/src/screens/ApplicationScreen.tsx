// 申报: specialty and the one committee it belongs to (N-1), the title applied for, exceptional promotion
// (破格, M-11) with its reason as printed on F-3, and the COVID-19 frontline policy (N-4, R-3) whose reach
// is unconfirmed. The specialty is picked from 附件1's scopes with search (free text still allowed), and the
// committee its words point to is proposed beside it, one click (采用) to take it (issue 12, R-8).
import { AutoComplete, Alert, Button, Col, Form, Input, Radio, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { codePointLength } from '../../../shared/checks/text.js';
import { COMMITTEE_INFO, COMMITTEE_LIST, type CommitteeId } from '../../../shared/archive/committees.js';
import { normalizeSpecialty, proposeCommittee, searchSpecialties } from '../../../shared/archive/specialties.js';
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

/** The catalogue's specialties matching what is typed, in the order of 附件1's committees, each naming its committee. */
function useSpecialtyOptions(query: string) {
  const { t, lang, pick } = useT();
  return useMemo(
    () =>
      searchSpecialties(query).map((s) => {
        const committee = t('committeeShort', { name: pick(COMMITTEE_INFO[s.committee].shortName) });
        return {
          value: s.name,
          label: (
            <span className="specialty-option">
              <span>{s.name}</span>
              <Typography.Text type="secondary" className="specialty-option-committee">
                {lang === 'en' ? `${s.en} · ${committee}` : committee}
              </Typography.Text>
            </span>
          ),
        };
      }),
    [query, t, lang, pick],
  );
}

export function ApplicationScreen() {
  const { t, lang, pick } = useT();
  const [application, set] = useSection('application');
  const specialtyOptions = useSpecialtyOptions(application.specialty);
  // The committee the specialty's words point to (one only), when it is not the one chosen.
  const proposal: CommitteeId | null = proposeCommittee(application.specialty);
  const suggest = proposal !== null && proposal !== application.committee ? proposal : null;
  const committeeText = (id: CommitteeId) => t('committeeShort', { name: pick(COMMITTEE_INFO[id].shortName) });
  const suggestion = suggest && (
    <span className="specialty-suggestion" data-testid="committee-suggestion" data-committee={suggest}>
      <span>
        {t(application.committee === '' ? 'committeeSuggestNone' : 'committeeSuggest', {
          specialty: normalizeSpecialty(application.specialty),
          committee: committeeText(suggest),
        })}
      </span>
      <Button
        size="small"
        type="primary"
        ghost
        onClick={() => set({ committee: suggest })}
        aria-label={t('committeeAdoptLabel', { committee: committeeText(suggest) })}
        data-testid="committee-adopt"
      >
        {t('committeeAdopt')}
      </Button>
    </span>
  );
  return (
    <ScreenFrame screen="application" section={{ name: 'application', fields: FIELDS }}>
      <Form layout="vertical" component="div" className="section-form">
        <Row gutter={24}>
          <Col span={12}>
            <FieldItem path="application.specialty" label={t('f_specialty')} hint={suggestion || undefined}>
              {(control) => (
                <AutoComplete
                  {...control}
                  value={application.specialty}
                  options={specialtyOptions}
                  onChange={(specialty: string) => set({ specialty })}
                  placeholder={t('f_specialtyHint')}
                  maxLength={200}
                  popupMatchSelectWidth={false}
                  classNames={{ popup: { root: 'specialty-popup' } }}
                  style={{ width: '100%' }}
                  data-testid="specialty-input"
                />
              )}
            </FieldItem>
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
