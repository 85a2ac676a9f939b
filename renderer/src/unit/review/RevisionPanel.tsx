// What the officer re-reads when a corrected revision arrives: the revisions held here (imported from the
// applicant, the returned one exported by the unit), whether the newest names the returned one it corrects
// (its `supersedes`), the return's comments as a checklist with the applicant's change beside each (issue 19),
// each field that changed since the previous revision, before → after, and each scan added, removed or
// replaced per material slot, the old and the new side by side.
import { Alert, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Localized, OutputOf } from '../../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import type { ReturnChecklist as Checklist, RevisionInfo } from '../../../../shared/unit/schema.js';
import { useT, type TextKey } from '../../i18n.js';
import type { PreviewFile } from './AttachmentPreview.js';
import { fieldPlace } from './changeNames.js';
import { ReturnChecklist } from './ReturnChecklist.js';
import { ChangeTag, ScanChanges } from './ScanChanges.js';

export interface RevisionPanelProps {
  applicantId: string;
  review: Pick<OutputOf<'unit:review'>, 'row' | 'revisions' | 'changes' | 'attachmentChanges' | 'returnChecklist'>;
  archive: ArchiveDocument;
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
  /** The review is pending: the checklist's ticks can change. */
  isOpen: boolean;
  onPreview: (file: PreviewFile, caption: string) => void;
  onChecked: (change: (checklist: Checklist) => Checklist) => void;
}

/** A return's file says so in its name (electron/core/unit/levelTwo.ts); any other level 2 is a countersignature. */
const isReturn = (fileName: string) => fileName.endsWith('-退回.zcpkg');

export function RevisionPanel({
  applicantId,
  review,
  archive,
  fields,
  isOpen,
  onPreview,
  onChecked,
}: RevisionPanelProps) {
  const { t, lang } = useT();
  const { revisions, changes, attachmentChanges, returnChecklist } = review;
  const imported = revisions.filter((r) => r.direction === 'imported');
  const newest = imported.reduce<RevisionInfo | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);
  // The first revision alone: nothing to compare with.
  if (revisions.length <= 1) return null;
  const current = review.row.revision;
  const previous = revisions.reduce((a, r) => (r.revision < current && r.revision > a ? r.revision : a), 0);
  const compared = { previous, current };

  const link = newest?.supersedesKnown;
  return (
    <section className="uw-revisions" aria-labelledby="uw-revisions-heading" data-testid="uw-revisions">
      <Typography.Title level={2} id="uw-revisions-heading" className="uw-subheading">
        {t('uw_revisionsHeading')}
      </Typography.Title>
      <ul className="uw-revision-list">
        {revisions.map((r) => (
          <li key={`${r.fileName}`} data-testid="uw-revision">
            <Tag>{t('pkg_revisionN', { n: r.revision })}</Tag>
            <Typography.Text>
              {t(
                r.direction === 'imported'
                  ? 'uw_revImported'
                  : isReturn(r.fileName)
                    ? 'uw_revReturned'
                    : 'uw_revExported',
                {
                  level: r.level,
                  date: dayjs(r.createdAt).format('YYYY-MM-DD HH:mm'),
                },
              )}
            </Typography.Text>{' '}
            <Typography.Text type="secondary" className="uw-mono">
              {r.fileName}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {newest && newest.revision > 1 && link === true && (
        <Alert
          type="success"
          showIcon
          title={t('uw_supersedesKnown', { n: newest.revision })}
          data-testid="uw-supersedes"
        />
      )}
      {newest && newest.revision > 1 && link === false && (
        <Alert
          type="warning"
          showIcon
          title={t('uw_supersedesUnknown', { n: newest.revision })}
          data-testid="uw-supersedes"
        />
      )}
      {newest && newest.revision > 1 && returnChecklist && (
        <ReturnChecklist
          applicantId={applicantId}
          checklist={returnChecklist}
          archive={archive}
          fields={fields}
          revisions={compared}
          isOpen={isOpen}
          onPreview={onPreview}
          onChecked={onChecked}
        />
      )}
      {newest && newest.revision > 1 && (
        <>
          <Typography.Paragraph className="uw-changes-lead" data-testid="uw-changes-lead">
            {changes.length === 0 && attachmentChanges.length === 0
              ? t('uw_changesNone')
              : changes.length === 0
                ? t('uw_fieldChangesNone')
                : t('uw_changesLead', { n: changes.length })}
          </Typography.Paragraph>
          {changes.length > 0 && (
            <Table
              size="small"
              pagination={false}
              rowKey={(c) => `${c.kind}:${c.path}`}
              dataSource={[...changes]}
              data-testid="uw-changes"
              columns={[
                {
                  key: 'kind',
                  title: t('uw_changeKind'),
                  width: 88,
                  render: (_, c) => <ChangeTag kind={c.kind} />,
                },
                {
                  key: 'field',
                  title: t('uw_changeField'),
                  render: (_, c) => fieldPlace(c.path, fields, archive, t, lang),
                },
                {
                  key: 'before',
                  title: t('uw_changeBefore'),
                  render: (_, c) => <span className="uw-change-value">{c.before ?? '—'}</span>,
                },
                {
                  key: 'after',
                  title: t('uw_changeAfter'),
                  render: (_, c) => <span className="uw-change-value">{c.after ?? '—'}</span>,
                },
              ]}
            />
          )}
          {attachmentChanges.length > 0 ? (
            <>
              <Typography.Paragraph className="uw-changes-lead uw-scan-lead">
                {t('uw_scanChangesLead', { n: attachmentChanges.length })}
              </Typography.Paragraph>
              <ScanChanges changes={attachmentChanges} archive={archive} revisions={compared} onPreview={onPreview} />
            </>
          ) : (
            changes.length > 0 && (
              <Typography.Paragraph className="uw-changes-lead uw-scan-lead">
                {t('uw_scanChangesNone')}
              </Typography.Paragraph>
            )
          )}
        </>
      )}
    </section>
  );
}
