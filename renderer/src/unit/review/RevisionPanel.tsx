// What the officer re-reads when a corrected revision arrives: the revisions held here (imported from the
// applicant, the returned one exported by the unit), whether the newest names the returned one it corrects
// (its `supersedes`), and each field that changed since the previous revision, before → after.
import { Alert, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Localized } from '../../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import { nameRecord } from '../../../../shared/materials/recordNames.js';
import type { ArchiveChange, RevisionInfo } from '../../../../shared/unit/schema.js';
import { useT, type TextKey } from '../../i18n.js';

const CHANGE_TAG: Record<ArchiveChange['kind'], { color: string; text: TextKey }> = {
  added: { color: 'green', text: 'uw_changeAdded' },
  removed: { color: 'red', text: 'uw_changeRemoved' },
  changed: { color: 'blue', text: 'uw_changeChanged' },
};

export interface RevisionPanelProps {
  revisions: readonly RevisionInfo[];
  changes: readonly ArchiveChange[];
  archive: ArchiveDocument;
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
}

/** A return's file says so in its name (electron/core/unit/levelTwo.ts); any other level 2 is a countersignature. */
const isReturn = (fileName: string) => fileName.endsWith('-退回.zcpkg');

export function RevisionPanel({ revisions, changes, archive, fields }: RevisionPanelProps) {
  const { t, pick } = useT();
  const imported = revisions.filter((r) => r.direction === 'imported');
  const newest = imported.reduce<RevisionInfo | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);
  // The first revision alone: nothing to compare with.
  if (revisions.length <= 1) return null;

  const nameOf = (path: string): string => {
    const field = fields.get(path);
    if (field) return t('uw_targetField', { group: pick(field.group), field: t(field.label) });
    const [, id] = path.split('.');
    const record = id ? nameRecord(archive, id) : null;
    return record ? pick(record) : path;
  };

  const link = newest?.supersedesKnown;
  return (
    <section className="uw-revisions" aria-labelledby="uw-revisions-heading" data-testid="uw-revisions">
      <Typography.Title level={4} id="uw-revisions-heading" className="uw-subheading">
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
      {newest && newest.revision > 1 && (
        <>
          <Typography.Paragraph className="uw-changes-lead">
            {changes.length === 0 ? t('uw_changesNone') : t('uw_changesLead', { n: changes.length })}
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
                  render: (_, c) => <Tag color={CHANGE_TAG[c.kind].color}>{t(CHANGE_TAG[c.kind].text)}</Tag>,
                },
                { key: 'field', title: t('uw_changeField'), render: (_, c) => nameOf(c.path) },
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
        </>
      )}
    </section>
  );
}
