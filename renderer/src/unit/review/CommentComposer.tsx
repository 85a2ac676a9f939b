// Writing one comment of the unit on a material: what it is about (the material, a field of the material's
// records, one of its files — a searchable select) and the text; 添加 sends unit:addComment. A refusal
// (a field that no longer exists, a file not the applicant's) is shown under the text, which is kept.
// The text is a draft until it is added (commentDrafts.ts): kept per applicant and material as it is
// typed, it comes back after another screen, another applicant or a reload, and a closed tab asks first.
// Added or refused, the focus goes back to the text (issue 20: never to the page), and an addition is told.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select } from 'antd';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError, InputOf } from '../../../../shared/api/contract.js';
import type { MaterialId } from '../../../../shared/materials/requirements.js';
import type { ReviewComment } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { LabelledField } from '../../components/LabelledField.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import { clearCommentDraft, commentDraft, saveCommentDraft } from './commentDrafts.js';
import { MATERIAL_TARGET, type TargetGroup } from './commentTargets.js';

const MAX_COMMENT = 2000;

/**
 * Where comments are kept: the unit's review (unit:addComment) or the desk's (desk:addComment) — the same
 * targets, texts and refusals; only the method differs.
 */
export interface CommentMethods {
  add: (input: InputOf<'unit:addComment'>) => Promise<{ comment: ReviewComment }>;
  remove: (input: InputOf<'unit:deleteComment'>) => Promise<unknown>;
}

export const UNIT_COMMENTS: CommentMethods = {
  add: (input) => call('unit:addComment', input),
  remove: (input) => call('unit:deleteComment', input),
};

export const commentTextId = (material: MaterialId) => `uw-comment-text-${material}`;
export const commentTargetId = (material: MaterialId) => `uw-comment-target-${material}`;

export interface CommentComposerProps {
  applicantId: string;
  material: MaterialId;
  groups: readonly TargetGroup[];
  target: string;
  onTarget: (value: string) => void;
  onAdded: (comment: ReviewComment) => void;
  onClose: () => void;
  /** The unit's comments unless said. */
  methods?: CommentMethods;
}

export function CommentComposer(props: CommentComposerProps) {
  const { applicantId, material, groups, target, onTarget, onAdded, onClose, methods = UNIT_COMMENTS } = props;
  const { t, pick } = useT();
  const [text, setText] = useState(() => commentDraft(applicantId, material)?.text ?? '');
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tried, setTried] = useState(false);
  const [told, setTold] = useState('');
  const option = groups.flatMap((g) => g.options).find((o) => o.value === target);
  const isEmpty = text.trim().length === 0;
  const textId = commentTextId(material);

  // Every keystroke and every change of target is kept at once: a draft is lost to nothing.
  useEffect(() => saveCommentDraft(applicantId, material, { target, text }), [applicantId, material, target, text]);
  // A draft's target from an earlier revision (a file since replaced) falls back to the material itself.
  const isTargetGone = option === undefined && groups.length > 0;
  useEffect(() => {
    if (isTargetGone) onTarget(MATERIAL_TARGET);
  }, [isTargetGone, onTarget]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (isEmpty || !option) {
      document.getElementById(textId)?.focus();
      return;
    }
    setSending(true);
    setError(null);
    setTold('');
    try {
      const { comment } = await methods.add({ applicantId, material, target: option.target, text });
      clearCommentDraft(applicantId, material);
      onAdded(comment);
      setText('');
      setTried(false);
      setTold(t('uw_commentAdded'));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setSending(false);
      requestAnimationFrame(() => document.getElementById(textId)?.focus());
    }
  };

  const textError = tried && isEmpty ? t('uw_commentEmpty') : error ? pick(error.message) : null;
  return (
    <Form layout="vertical" component={false}>
      <form className="uw-composer" onSubmit={(e) => void submit(e)} noValidate data-testid={`uw-composer-${material}`}>
        <LabelledField id={commentTargetId(material)} label={t('uw_commentTarget')} className="uw-composer-target">
          {(control) => (
            <Select
              {...control}
              showSearch={{ optionFilterProp: 'label' }}
              value={target}
              onChange={(value: string) => onTarget(value)}
              options={groups.map((g) => ({
                label: g.label,
                options: g.options.map(({ value, label }) => ({ value, label })),
              }))}
              popupMatchSelectWidth={false}
              data-testid={`uw-comment-target-${material}`}
            />
          )}
        </LabelledField>
        <LabelledField id={textId} label={t('uw_commentText')} error={textError} className="uw-composer-text">
          {(control) => (
            <Input.TextArea
              {...control}
              value={text}
              onChange={(ev) => {
                setText(ev.target.value);
                if (error) setError(null);
              }}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={MAX_COMMENT}
              placeholder={t('uw_commentPlaceholder')}
              data-testid={`uw-comment-text-${material}`}
            />
          )}
        </LabelledField>
        <div className="uw-composer-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            // Loading only, not disabled: a disabled button drops the focus to the page.
            loading={isSending}
            data-testid={`uw-comment-add-${material}`}
          >
            {t('uw_commentAdd')}
          </Button>
          <Button onClick={onClose} autoInsertSpace={false} data-testid={`uw-comment-close-${material}`}>
            {t('uw_commentClose')}
          </Button>
          <span role="status" className="sr-only" data-testid={`uw-comment-told-${material}`}>
            {told}
          </span>
        </div>
      </form>
    </Form>
  );
}
