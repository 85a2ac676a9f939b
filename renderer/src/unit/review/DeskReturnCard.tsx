// A reviewing desk's return of this revision (issue 17 item 4, N-9), on the unit's review page: who returned
// it (the desk and its key's fingerprint), when, the correction deadline (补正截止日期) and every point as the
// desk wrote it, each naming the field or material it is about. The review is open again: the unit writes its
// own comments for the applicant (or corrects what is its own) and returns them, before the deadline.
import { Alert, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Localized } from '../../../../shared/api/contract.js';
import { MATERIAL_LABELS, type MaterialId } from '../../../../shared/materials/requirements.js';
import type { DeskReturnView } from '../../../../shared/unit/schema.js';
import { useT, type TextKey } from '../../i18n.js';
import { Fingerprint } from '../../package/fingerprint.js';

export interface DeskReturnCardProps {
  deskReturn: DeskReturnView;
  /** The archive's fields by path (archiveFields.ts fieldIndex), to name a point's field. */
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
  /** The review is open (not yet returned to the applicant in turn): the hint says what to do next. */
  isOpen: boolean;
}

const compact = (text: string) => text.replace(/\s+/g, '');

export function DeskReturnCard({ deskReturn, fields, isOpen }: DeskReturnCardProps) {
  const { t, pick, lang } = useT();
  const targetName = (target: string): string => {
    if (target === '') return t('uw_deskReturnWhole');
    if (target in MATERIAL_LABELS) return `${target} ${pick(MATERIAL_LABELS[target as MaterialId])}`;
    const field = fields.get(target);
    return field ? `${pick(field.group)} · ${t(field.label)}` : target;
  };
  // The command line's return writes its reasons as the opinion too: shown once, in the list.
  const opinion =
    compact(deskReturn.opinion) === compact(deskReturn.comments.map((c) => c.text).join('')) ? '' : deskReturn.opinion;
  const overdue = deskReturn.deadline !== null && deskReturn.deadline < dayjs().format('YYYY-MM-DD');
  return (
    <Alert
      type="warning"
      showIcon
      className="uw-desk-return"
      data-testid="uw-desk-return"
      title={
        <Typography.Title level={2} className="uw-subheading">
          {t('uw_deskReturnTitle', { desk: deskReturn.desk })}
        </Typography.Title>
      }
      description={
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'on', label: t('uw_deskReturnOn'), children: deskReturn.reviewedOn },
              {
                key: 'deadline',
                label: t('uw_deskReturnDeadline'),
                children: (
                  <span data-testid="uw-desk-deadline">
                    {deskReturn.deadline ?? '—'}
                    {overdue && ` ${t('uw_deskReturnOverdue')}`}
                  </span>
                ),
              },
              {
                key: 'key',
                label: t('uw_deskReturnKey'),
                span: 2,
                children: <Fingerprint hex={deskReturn.deskFingerprint} testId="uw-desk-fingerprint" />,
              },
            ]}
          />
          <Typography.Paragraph>{t(isOpen ? 'uw_deskReturnHint' : 'uw_deskReturnPassedOn')}</Typography.Paragraph>
          <ol className="uw-desk-points" aria-label={t('uw_deskReturnPoints')}>
            {deskReturn.comments.map((c, i) => (
              <li key={i}>
                <Typography.Text strong>{targetName(c.target)}</Typography.Text>
                {lang === 'zh' ? '：' : ': '}
                <span className="uw-desk-point">{c.text}</span>
              </li>
            ))}
          </ol>
          {opinion.trim() !== '' && <Typography.Paragraph>{opinion}</Typography.Paragraph>}
        </>
      }
    />
  );
}
