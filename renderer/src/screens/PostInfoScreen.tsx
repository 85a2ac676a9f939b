// 岗位信息表 (F-4, 附件4; N-14, M-12): the unit's figures for 《事业单位人员职称申报岗位信息表》 — 编制数, 专业技术
// 岗位总数, the grade table (空缺 and 总数 computed), the competition result of part 2 and the recommended
// people. They are the unit's data, kept per workspace (postInfo:get / postInfo:set), not in the archive.
// Edits are a draft until 保存 (like 假设与参数): the bar stays in sight and says when there are unsaved
// changes, leaving asks to save or discard them, and figures that do not add up (postInfoProblems) are
// named beside their field as they are typed. A refusal of the core is shown at the field it names.
// The unit's workspace reuses it (`unit`, issue 19): the list is filled from the accepted applicants — into
// the draft, merged, never overwriting what was entered, so nothing is saved and no leave dialog is asked
// for — and F-4 is previewed and printed below the form (UnitF4Print), a draft until complete. Every hint
// names only buttons the screen has where it is shown.
import { PlusOutlined, TeamOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Empty, Form, Result, Row, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { UnsavedDialog, useLeaveGuard } from '../components/UnsavedChanges.js';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import {
  emptyPostInfo,
  mergeRecommended,
  postInfoEntered,
  postInfoProblems,
  type PostInfo,
} from '../../../shared/forms/postInfo.js';
import { ApiFailure, call } from '../api.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { useEligibility } from '../eligibility/context.js';
import { errorText } from '../errors.js';
import '../forms/forms.css';
import { GradeTable, NumberField, PersonCard, postFieldId, type FieldMessage } from '../forms/PostInfoFields.js';
import {
  draftSignature,
  emptyPerson,
  fieldPathOfIssue,
  findOwnPerson,
  NUMBER_PATHS,
  ownPerson,
  part2Sentence,
  readDraft,
  toDraft,
  type LocalError,
  type NumberPath,
  type PersonField,
  type PostInfoDraft,
} from '../forms/postInfoForm.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { UnitF4Print } from '../unit/UnitF4Print.js';

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready' };

const NONE: readonly FieldMessage[] = [];

/** What 从审核通过的申报人填入 did, said under the list until the next fill. */
type Filled =
  | { kind: 'none' }
  | { kind: 'nothing'; n: number }
  | { kind: 'filled'; added: number; completed: number; others: string[] }
  | { kind: 'failed'; message: string };

export interface PostInfoScreenProps {
  /** Shown in the unit's workspace: its list comes from its accepted applicants, and F-4 is printed here. */
  unit?: boolean;
}

export function PostInfoScreen({ unit = false }: PostInfoScreenProps) {
  const { t, pick, lang } = useT();
  const { archive } = useEditor();
  const { follow, setLeaveGuard, report } = useEligibility();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [base, setBase] = useState<PostInfo>(emptyPostInfo);
  const [draft, setDraft] = useState<PostInfoDraft>(() => toDraft(emptyPostInfo()));
  const [wasSaved, setWasSaved] = useState(true);
  // Refusals of the core by field path, until that field is edited or the next save.
  const [refusals, setRefusals] = useState<Map<string, string[]>>(new Map());
  const [refusedGeneral, setRefusedGeneral] = useState<string | null>(null);
  // Dates are judged when left (2010- is on its way to a date), and everything once 保存 was tried.
  const [leftDates, setLeftDates] = useState<ReadonlySet<number>>(new Set());
  const [triedSave, setTriedSave] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [isFilling, setFilling] = useState(false);
  const [filled, setFilled] = useState<Filled | null>(null);

  const load = useCallback(async () => {
    setLoaded({ kind: 'loading' });
    try {
      const value = await call('postInfo:get', {});
      setBase(value.postInfo);
      setDraft(toDraft(value.postInfo));
      setWasSaved(value.saved);
      setLoaded({ kind: 'ready' });
    } catch (e) {
      setLoaded({ kind: 'failed', message: errorText(e, lang) });
    }
  }, [lang]);
  // Read once per visit; a language switch must not throw away the draft.
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => void loadRef.current(), []);

  const read = useMemo(() => readDraft(draft, base), [draft, base]);
  // Judged with the applicant's ID number from the archive: a list without the applicant is refused too.
  const ownIdNumber = archive.profile.idNumber;
  const problems = useMemo(() => postInfoProblems(read.info, ownIdNumber), [read.info, ownIdNumber]);
  const unsaved = loaded.kind === 'ready' && draftSignature(draft) !== draftSignature(toDraft(base));

  // Leaving with unsaved changes asks first (the editor calls the guard before it changes screen), and so
  // does closing the tab.
  const leave = useLeaveGuard(unsaved, setLeaveGuard);

  const localText = (error: LocalError): string => {
    switch (error.kind) {
      case 'notNumber':
        return t(error.ratio ? 'post_ratioNotNumber' : 'integerNotNumber');
      case 'range':
        return t('integerRange', { min: String(error.min), max: error.max.toLocaleString('en') });
      case 'date':
        return t('dateInvalid');
    }
  };
  const isShown = (path: string) => {
    const date = /^recommended\.(\d+)\.appointedDate$/.exec(path);
    return !date || triedSave || leftDates.has(Number(date[1]));
  };
  const messages = useMemo(() => {
    const byPath = new Map<string, FieldMessage[]>();
    const add = (path: string, m: FieldMessage) => {
      const list = byPath.get(path);
      if (list) list.push(m);
      else byPath.set(path, [m]);
    };
    for (const [path, error] of read.errors)
      if (isShown(path)) add(path, { text: localText(error), severity: 'error' });
    for (const [path, texts] of refusals) for (const text of texts) add(path, { text, severity: 'error' });
    for (const p of problems) add(p.path, { text: pick(p.message), severity: 'warning' });
    return byPath;
    // localText and isShown read only triedSave, leftDates and the language.
  }, [read.errors, refusals, problems, pick, triedSave, leftDates, lang]);
  const messagesOf = (path: string) => messages.get(path) ?? NONE;

  const clearRefusal = (prefix: string) =>
    setRefusals((old) => {
      if (![...old.keys()].some((k) => k === prefix || k.startsWith(`${prefix}.`))) return old;
      return new Map([...old].filter(([k]) => k !== prefix && !k.startsWith(`${prefix}.`)));
    });
  const edit = (change: (d: PostInfoDraft) => PostInfoDraft) => {
    setJustSaved(false);
    setDraft(change);
  };
  const setNumber = (path: NumberPath, text: string) => {
    clearRefusal(path);
    edit((d) => ({ ...d, numbers: { ...d.numbers, [path]: text } }));
  };
  const setPerson = (index: number, field: PersonField, value: string) => {
    clearRefusal(`recommended.${index}.${field}`);
    edit((d) => ({
      ...d,
      recommended: d.recommended.map((p, i) => (i === index ? { ...p, [field]: value } : p)),
    }));
  };
  const focusLater = (id: string) =>
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      el?.scrollIntoView({ block: 'center' });
      el?.focus();
    });
  const addPerson = () => {
    const index = draft.recommended.length;
    clearRefusal('recommended');
    edit((d) => ({ ...d, recommended: [...d.recommended, emptyPerson()] }));
    focusLater(postFieldId(`recommended.${index}.name`));
  };
  const removePerson = (index: number) => {
    // Row indexes move: refusals of the list no longer point at the right people.
    clearRefusal('recommended');
    setLeftDates(new Set());
    edit((d) => ({ ...d, recommended: d.recommended.filter((_, i) => i !== index) }));
    const next = draft.recommended.length > 1 ? Math.min(index, draft.recommended.length - 2) : null;
    focusLater(next === null ? 'post-add-person' : postFieldId(`recommended.${next}.name`));
  };
  const addOwn = () => {
    const own = ownPerson(archive);
    const at = findOwnPerson(draft.recommended, own);
    clearRefusal('recommended');
    if (at >= 0) {
      edit((d) => ({
        ...d,
        recommended: d.recommended.map((p, i) => (i === at ? { ...p, ...own } : p)),
      }));
      void message.success(t('post_ownUpdated', { n: at + 1 }));
      focusLater(postFieldId(`recommended.${at}.name`));
    } else {
      const index = draft.recommended.length;
      edit((d) => ({ ...d, recommended: [...d.recommended, { ...emptyPerson(), ...own }] }));
      void message.success(t('post_ownAdded', { n: index + 1 }));
      focusLater(postFieldId(`recommended.${index}.name`));
    }
  };

  // The draft as it is when the accepted applicants arrive (the officer may type while they are read).
  const draftRef = useRef(draft);
  draftRef.current = draft;
  /**
   * 从审核通过的申报人填入 (unit): the accepted applicants merged into the draft — people already listed keep
   * what was entered and only get their blanks filled, the others are added. An edit of the draft like any
   * other: saved with 保存, so it neither asks to leave nor saves what the officer has not checked.
   */
  const fillAccepted = async () => {
    setFilling(true);
    setFilled(null);
    try {
      const { postInfo } = await call('unit:recommendedPeople', {});
      const current = draftRef.current;
      const count = readDraft(current, base);
      if (postInfo.recommended.length === 0) return setFilled({ kind: 'none' });
      const merged = mergeRecommended(
        { recommendedCount: count.info.recommendedCount, recommended: current.recommended },
        postInfo.recommended,
      );
      if (merged.added.length === 0 && merged.completed.length === 0) {
        return setFilled({ kind: 'nothing', n: postInfo.recommended.length });
      }
      clearRefusal('recommended');
      // A count typed that cannot be read stays as typed, with its error.
      const countText =
        count.errors.has('recommendedCount') || merged.recommendedCount === null
          ? current.numbers.recommendedCount
          : String(merged.recommendedCount);
      edit((d) => ({
        numbers: { ...d.numbers, recommendedCount: countText },
        recommended: [...merged.kept, ...merged.added.map((p) => ({ ...emptyPerson(), ...p }))],
      }));
      setFilled({
        kind: 'filled',
        added: merged.added.length,
        completed: merged.completed.length,
        others: merged.others.map((p) => p.name.trim() || '—'),
      });
      if (merged.added.length > 0) focusLater(postFieldId(`recommended.${merged.kept.length}.name`));
    } catch (e) {
      setFilled({ kind: 'failed', message: pick(asApiError(e).message) });
    } finally {
      setFilling(false);
    }
  };

  /** Saves the draft; false (the first bad field focused) when it cannot be read or the core refuses it. */
  const save = async (): Promise<boolean> => {
    setTriedSave(true);
    const first = [...NUMBER_PATHS, ...draft.recommended.map((_, i) => `recommended.${i}.appointedDate`)].find((p) =>
      read.errors.has(p),
    );
    if (first) {
      focusLater(postFieldId(first));
      return false;
    }
    setSaving(true);
    try {
      const result = await call('postInfo:set', { postInfo: read.info });
      setBase(result.postInfo);
      setDraft((d) => toDraft(result.postInfo, d));
      setRefusals(new Map());
      setRefusedGeneral(null);
      setWasSaved(true);
      setJustSaved(true);
      setTriedSave(false);
      return true;
    } catch (e) {
      const issues = e instanceof ApiFailure ? (e.error.issues ?? []) : [];
      const byPath = new Map<string, string[]>();
      const general: string[] = [];
      for (const issue of issues) {
        const path = fieldPathOfIssue(issue.path);
        if (document.getElementById(postFieldId(path)))
          byPath.set(path, [...(byPath.get(path) ?? []), pick(issue.message)]);
        else general.push(path ? `${path}: ${pick(issue.message)}` : pick(issue.message));
      }
      setRefusals(byPath);
      setRefusedGeneral(
        byPath.size > 0 && general.length === 0
          ? t('post_refusedFields', { n: byPath.size })
          : t('post_refused', { detail: general.length > 0 ? general.join(t('clauseSep')) : errorText(e, lang) }),
      );
      const [firstRefused] = byPath.keys();
      if (firstRefused) focusLater(postFieldId(firstRefused));
      return false;
    } finally {
      setSaving(false);
    }
  };
  const discard = () => {
    setDraft((d) => toDraft(base, d));
    setRefusals(new Map());
    setRefusedGeneral(null);
    setTriedSave(false);
    setLeftDates(new Set());
  };

  if (loaded.kind !== 'ready') {
    return (
      <ScreenFrame screen="postInfo">
        {loaded.kind === 'loading' ? (
          <div className="center-fill">
            <Spin description={t('loading')} />
          </div>
        ) : (
          <Result
            status="error"
            title={t('loadFailed')}
            subTitle={loaded.message}
            extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
          />
        )}
      </ScreenFrame>
    );
  }

  const unitType = archive.unit.type;
  const isPublic = unitType === 'public_institution';
  const errorCount = [...read.errors.keys()].filter(isShown).length + [...refusals.values()].length;
  const number = (path: NumberPath, label: TextKey, hint?: TextKey) => (
    <NumberField
      path={path}
      label={t(label)}
      {...(hint ? { hint: t(hint) } : {})}
      text={draft.numbers[path]}
      messages={messagesOf(path)}
      onChange={setNumber}
    />
  );
  const year = Number(report.asOf.slice(0, 4)) || 2020;

  return (
    <ScreenFrame screen="postInfo">
      {!isPublic && (
        <Alert
          type="info"
          showIcon
          className="post-not-public"
          data-testid="post-not-public"
          title={t('post_notPublicTitle')}
          description={t(unit ? 'unit_postNotPublicText' : 'post_notPublicText', {
            type: unitType === '' ? t('post_typeUnset') : pick(UNIT_TYPE_LABELS[unitType]),
          })}
          action={
            <Button size="small" onClick={() => follow({ kind: 'field', target: 'unit.type' })}>
              {t('post_toUnit')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {!wasSaved && (
        <Typography.Paragraph type="secondary" data-testid="post-never-saved">
          {t('post_neverSaved')}
        </Typography.Paragraph>
      )}

      <Form layout="vertical" component="div" className="post-form" data-testid="post-form">
        <Typography.Title level={2} className="post-part">
          {t('post_part1')}
        </Typography.Title>
        <Row gutter={24}>
          <Col span={12}>{number('establishment', 'post_establishment')}</Col>
          <Col span={12}>{number('totalPosts', 'post_totalPosts')}</Col>
        </Row>
        <GradeTable numbers={draft.numbers} info={read.info} messagesOf={messagesOf} onChange={setNumber} />
        <div className="post-table-problems" data-testid="post-grades-problems" id={postFieldId('grades')}>
          {messagesOf('grades').map((m, i) => (
            <Typography.Text key={i} type="warning" role="status">
              {m.text}
            </Typography.Text>
          ))}
        </div>

        <Typography.Title level={2} className="post-part">
          {t('post_part2')}
        </Typography.Title>
        <Row gutter={24}>
          <Col span={8}>{number('offered.senior', 'post_offeredSenior')}</Col>
          <Col span={8}>{number('offered.deputySenior', 'post_offeredDeputySenior')}</Col>
          <Col span={8}>{number('offered.middle', 'post_offeredMiddle')}</Col>
          <Col span={12}>{number('alreadyQualified', 'post_alreadyQualified')}</Col>
          <Col span={12}>{number('recommendedCount', 'post_recommendedCount', 'post_recommendedCountHint')}</Col>
        </Row>
        <div className="post-sentence">
          <Typography.Text type="secondary">{t('post_sentenceLabel')}</Typography.Text>
          <div lang="zh-CN" data-testid="post-sentence">
            {part2Sentence(read.info, year)}
          </div>
        </div>

        <Typography.Title level={2} className="post-part" id="post-people-heading">
          {t('post_part3', { n: draft.recommended.length })}
        </Typography.Title>
        {messagesOf('recommended').map((m, i) => (
          <Alert
            key={i}
            type="warning"
            showIcon
            title={m.text}
            className="post-table-problems"
            data-testid="post-recommended-problem"
          />
        ))}
        {draft.recommended.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t(unit ? 'unit_postNoPeople' : 'post_noPeople')}
            className="list-empty"
            data-testid="post-no-people"
          />
        ) : (
          <ol
            className="post-people record-list"
            aria-labelledby="post-people-heading"
            style={{ listStyle: 'none', padding: 0 }}
          >
            {draft.recommended.map((person, index) => (
              <li key={person.key}>
                <PersonCard
                  person={person}
                  index={index}
                  messagesOf={messagesOf}
                  onChange={setPerson}
                  onBlurDate={(i) => setLeftDates((old) => new Set(old).add(i))}
                  onRemove={removePerson}
                />
              </li>
            ))}
          </ol>
        )}
        <Space wrap style={{ marginBottom: 20 }}>
          <Button icon={<PlusOutlined />} onClick={addPerson} id="post-add-person" data-testid="post-add-person">
            {t('post_addPerson')}
          </Button>
          {unit ? (
            <Button
              icon={<TeamOutlined />}
              loading={isFilling}
              onClick={() => void fillAccepted()}
              data-testid="post-fill-accepted"
            >
              {t('unit_postDraw')}
            </Button>
          ) : (
            <Button icon={<UserAddOutlined />} onClick={addOwn} data-testid="post-add-own">
              {t('post_addOwn')}
            </Button>
          )}
        </Space>
        <div aria-live="polite" className="post-filled">
          {filled && <FilledNote filled={filled} />}
        </div>
      </Form>

      {unit && isPublic && <UnitF4Print info={read.info} unsaved={unsaved} save={save} />}

      <div className="params-actions" data-testid="post-actions">
        {refusedGeneral && (
          <Alert type="error" showIcon title={refusedGeneral} className="params-error" data-testid="post-refused" />
        )}
        {errorCount > 0 && !refusedGeneral && (
          <Alert
            type="error"
            showIcon
            className="params-error"
            data-testid="post-invalid"
            title={t('post_invalid', { n: errorCount })}
          />
        )}
        {/* The unit prints a draft at any time (below): only the applicant's F-4 waits for the figures. */}
        {isPublic && !unit && !postInfoEntered(read.info) && (
          <Alert
            type="info"
            showIcon
            className="params-error"
            data-testid="post-not-entered"
            title={t('post_notEntered')}
          />
        )}
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="params-error"
            data-testid="post-problems"
            title={t(unit ? 'unit_postProblemsNote' : 'post_problemsNote', { n: problems.length })}
          />
        )}
        <Space wrap>
          <Button
            type="primary"
            data-testid="post-save"
            disabled={!unsaved}
            loading={isSaving}
            onClick={() => void save()}
          >
            {t('post_save')}
          </Button>
          <Button data-testid="post-discard" disabled={!unsaved || isSaving} onClick={discard}>
            {t('paramsDiscard')}
          </Button>
          {unsaved ? (
            <Typography.Text type="warning" strong data-testid="post-unsaved">
              {t('paramsUnsaved')}
            </Typography.Text>
          ) : (
            justSaved && (
              <Typography.Text type="success" className="post-saved" data-testid="post-saved">
                {t('post_saved')}
              </Typography.Text>
            )
          )}
        </Space>
      </div>

      <UnsavedDialog
        leave={leave}
        title={t('post_leaveTitle')}
        body={t('post_leaveBody')}
        testId="post"
        onDiscard={discard}
        onSave={save}
      />
    </ScreenFrame>
  );
}

/** What 从审核通过的申报人填入 did: nothing to do, who was added or completed, who is listed but not accepted. */
function FilledNote({ filled }: { filled: Filled }) {
  const { t } = useT();
  if (filled.kind === 'failed') {
    return <Alert type="error" showIcon className="post-table-problems" title={filled.message} />;
  }
  const text =
    filled.kind === 'none'
      ? t('unit_postFillNone')
      : filled.kind === 'nothing'
        ? t('unit_postFillNothing', { n: filled.n })
        : t('unit_postFilled', {
            what: [
              filled.added > 0 ? t('unit_postFilledAdded', { n: filled.added }) : '',
              filled.completed > 0 ? t('unit_postFilledCompleted', { n: filled.completed }) : '',
            ]
              .filter(Boolean)
              .join(t('commaSep')),
          });
  const others =
    filled.kind === 'filled' && filled.others.length > 0
      ? t('unit_postFillOthers', { n: filled.others.length, names: filled.others.join(t('listSep')) })
      : null;
  return (
    <Alert
      type={filled.kind === 'filled' ? 'success' : 'info'}
      showIcon
      className="post-table-problems"
      data-testid="post-filled"
      title={text}
      description={others ?? undefined}
    />
  );
}
