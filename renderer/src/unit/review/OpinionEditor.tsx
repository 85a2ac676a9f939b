// The unit's opinion on the applicant (单位意见, printed on the opinion page and carried in review.json):
// saved as typed through the editor's save queue (debounced, in order, retried), the text always the one
// typed — an answer never replaces it — and the save state on a line of its own that keeps its height.
import { Form, Input } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../../api.js';
import { LabelledField } from '../../components/LabelledField.js';
import { SaveStatus } from '../../components/SaveStatus.js';
import { useT } from '../../i18n.js';
import { createSaveQueue, type SaveState } from '../../saveQueue.js';

export const OPINION_MAX = 5000;

export interface OpinionEditorProps {
  applicantId: string;
  initial: string;
  isOpen: boolean;
  /** Hands the screen a way to wait for the last keystrokes before it accepts or returns. */
  registerDrain?: (drain: () => Promise<void>) => void;
}

export function OpinionEditor({ applicantId, initial, isOpen, registerDrain }: OpinionEditorProps) {
  const { t } = useT();
  const [text, setText] = useState(initial);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: null });
  const latest = useRef(initial);
  const queue = useMemo(() => createSaveQueue(setSave), []);
  useEffect(() => registerDrain?.(queue.drain), [queue, registerDrain]);

  useEffect(() => {
    // Closing the tab or leaving the screen sends what was typed in the last moment.
    const flush = () => queue.flushForUnload();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
      queue.dispose();
    };
  }, [queue]);

  const change = (value: string) => {
    setText(value);
    latest.current = value;
    queue.schedule('opinion', (keepalive) =>
      call('unit:setOpinion', { applicantId, opinion: latest.current }, { keepalive }),
    );
  };

  return (
    <section className="uw-opinion" aria-labelledby="uw-opinion-heading">
      <Form layout="vertical" component={false}>
        <LabelledField
          id="uw-opinion"
          label={<span id="uw-opinion-heading">{t('uw_opinionLabel')}</span>}
          hint={
            <span className="uw-opinion-hint">
              <span>{t('uw_opinionHint', { n: [...text].length, max: OPINION_MAX })}</span>
              <span data-testid="uw-opinion-status">
                <SaveStatus state={save} onRetry={queue.retry} />
              </span>
            </span>
          }
        >
          {(control) => (
            <Input.TextArea
              {...control}
              value={text}
              onChange={(e) => change(e.target.value)}
              onBlur={() => void queue.drain()}
              readOnly={!isOpen}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={OPINION_MAX}
              placeholder={t('uw_opinionPlaceholder')}
              data-testid="uw-opinion"
            />
          )}
        </LabelledField>
      </Form>
    </section>
  );
}
