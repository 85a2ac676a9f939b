// 业绩成果: works and achievements since the current title (M-10). The type decides which fields show
// (WORK_FIELDS); what was typed for another type is kept. Exactly one work is the representative work —
// the problem list says when there is none or more than one, the UI does not flip the others.
import { Col, Row, Tag, Typography } from 'antd';
import {
  LEVEL_LABELS,
  PATENT_TYPE_LABELS,
  REPORT_KIND_LABELS,
  WORK_TYPE_LABELS,
} from '../../../shared/archive/labels.js';
import { WORK_FIELDS, type Work } from '../../../shared/archive/schema.js';
import { DateField, IntegerField, SelectField, SwitchField, TextAreaField, TextField } from '../components/fields.js';
import { RecordList } from '../components/RecordList.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';

const COMMON: readonly (keyof Work)[] = ['type', 'title', 'date', 'representative', 'collective', 'description'];
type TypeField = (typeof WORK_FIELDS)[Work['type']][number];

function TypeFields({ work, set }: { work: Work; set: (patch: Partial<Work>) => void }) {
  const { t } = useT();
  const path = (field: keyof Work) => `works.${work.id}.${field}`;
  const field = (name: TypeField) => {
    switch (name) {
      case 'journal':
        return (
          <TextField
            path={path(name)}
            label={t('f_journal')}
            value={work.journal}
            onChange={(journal) => set({ journal })}
            maxLength={200}
          />
        );
      case 'issn':
        return (
          <TextField
            path={path(name)}
            label={t('f_issn')}
            placeholder="1234-567X"
            value={work.issn}
            onChange={(issn) => set({ issn })}
            maxLength={20}
          />
        );
      case 'cn':
        return (
          <TextField
            path={path(name)}
            label={t('f_cn')}
            placeholder="CN 33-1234/TK"
            value={work.cn}
            onChange={(cn) => set({ cn })}
            maxLength={30}
          />
        );
      case 'issue':
        return (
          <TextField
            path={path(name)}
            label={t('f_issue')}
            placeholder="2019, 12(3)"
            value={work.issue}
            onChange={(issue) => set({ issue })}
            maxLength={60}
          />
        );
      case 'publisher':
        return (
          <TextField
            path={path(name)}
            label={t('f_publisher')}
            value={work.publisher}
            onChange={(publisher) => set({ publisher })}
            maxLength={200}
          />
        );
      case 'isbn':
        return (
          <TextField
            path={path(name)}
            label={t('f_isbn')}
            value={work.isbn}
            onChange={(isbn) => set({ isbn })}
            maxLength={30}
          />
        );
      case 'patentType':
        return (
          <SelectField
            path={path(name)}
            label={t('f_patentType')}
            labels={PATENT_TYPE_LABELS}
            value={work.patentType}
            onChange={(patentType) => set({ patentType })}
          />
        );
      case 'patentNumber':
        return (
          <TextField
            path={path(name)}
            label={t('f_patentNumber')}
            value={work.patentNumber}
            onChange={(patentNumber) => set({ patentNumber })}
            maxLength={60}
          />
        );
      case 'reportKind':
        return (
          <SelectField
            path={path(name)}
            label={t('f_reportKind')}
            labels={REPORT_KIND_LABELS}
            value={work.reportKind}
            onChange={(reportKind) => set({ reportKind })}
          />
        );
      case 'role':
        return (
          <TextField
            path={path(name)}
            label={t('f_role')}
            value={work.role}
            onChange={(role) => set({ role })}
            maxLength={200}
          />
        );
      case 'isLeadWriter':
        return (
          <SwitchField
            path={path(name)}
            label={t('f_isLeadWriter')}
            value={work.isLeadWriter}
            onChange={(isLeadWriter) => set({ isLeadWriter })}
          />
        );
      case 'issuer':
        return (
          <TextField
            path={path(name)}
            label={t('f_issuer')}
            value={work.issuer}
            onChange={(issuer) => set({ issuer })}
            maxLength={200}
          />
        );
      case 'number':
        return (
          <TextField
            path={path(name)}
            label={t('f_number')}
            value={work.number}
            onChange={(number) => set({ number })}
            maxLength={60}
          />
        );
      case 'level':
        return (
          <SelectField
            path={path(name)}
            label={t('f_workLevel')}
            labels={LEVEL_LABELS}
            value={work.level}
            onChange={(level) => set({ level })}
          />
        );
      case 'grade':
        return (
          <TextField
            path={path(name)}
            label={t('f_awardGrade')}
            placeholder={t('f_awardGradeHint')}
            value={work.grade}
            onChange={(grade) => set({ grade })}
            maxLength={200}
          />
        );
      case 'rank':
        return (
          <IntegerField
            path={path(name)}
            label={t('f_rank')}
            hint={t('f_rankHint')}
            min={1}
            max={1000}
            value={work.rank}
            onChange={(rank) => set({ rank })}
          />
        );
    }
  };
  return (
    <Row gutter={24}>
      {WORK_FIELDS[work.type].map((name) => (
        <Col span={8} key={name}>
          {field(name)}
        </Col>
      ))}
    </Row>
  );
}

export function WorksScreen() {
  const { t, lang } = useT();
  return (
    <ScreenFrame screen="works" kinds={['works']}>
      <RecordList
        kind="works"
        describe={(r) => [WORK_TYPE_LABELS[r.type][lang], r.title].filter(Boolean).join(' · ')}
        tags={(r) => (r.representative ? <Tag color="gold">{t('representativeTag')}</Tag> : null)}
        shownFields={(r) => [...COMMON, ...WORK_FIELDS[r.type]]}
        renderForm={(r, set) => {
          const path = (field: keyof Work) => `works.${r.id}.${field}`;
          return (
            <>
              <Row gutter={24}>
                <Col span={8}>
                  <SelectField
                    path={path('type')}
                    label={t('f_workType')}
                    labels={WORK_TYPE_LABELS}
                    allowClear={false}
                    value={r.type}
                    onChange={(type) => type !== '' && set({ type })}
                  />
                </Col>
                <Col span={16}>
                  <TextField
                    path={path('title')}
                    label={t('f_workTitle')}
                    value={r.title}
                    onChange={(title) => set({ title })}
                    maxLength={500}
                  />
                </Col>
                <Col span={8}>
                  <DateField
                    path={path('date')}
                    label={t('f_workDate')}
                    value={r.date}
                    onChange={(date) => set({ date })}
                  />
                </Col>
                <Col span={8}>
                  <SwitchField
                    path={path('representative')}
                    label={t('f_representative')}
                    hint={t('f_representativeHint')}
                    value={r.representative}
                    onChange={(representative) => set({ representative })}
                  />
                </Col>
                <Col span={8}>
                  <SwitchField
                    path={path('collective')}
                    label={t('f_collective')}
                    hint={r.collective ? t('f_collectiveHint') : undefined}
                    value={r.collective}
                    onChange={(collective) => set({ collective })}
                  />
                </Col>
              </Row>
              <TypeFields work={r} set={set} />
              {r.type === 'paper' && <Typography.Paragraph type="secondary">{t('paperScanNote')}</Typography.Paragraph>}
              {r.type === 'report' && <Typography.Paragraph type="secondary">{t('reportNote')}</Typography.Paragraph>}
              <TextAreaField
                path={path('description')}
                label={t('f_workDescription')}
                value={r.description}
                onChange={(description) => set({ description })}
                maxLength={20_000}
                minRows={2}
              />
            </>
          );
        }}
      />
    </ScreenFrame>
  );
}
