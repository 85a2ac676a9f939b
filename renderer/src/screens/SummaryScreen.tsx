// 工作总结: the summary of professional work since the current title (M-8). Its length is counted in code
// points, so a rare character such as 𠮷 (two UTF-16 units) counts once, as a reader would count it.
import { Form, Input, Typography } from 'antd';
import { codePointLength } from '../../../shared/checks/text.js';
import { SUMMARY_MAX } from '../../../shared/archive/schema.js';
import { FieldItem } from '../components/FieldItem.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { useSection } from '../useSection.js';

export function SummaryScreen() {
  const { t } = useT();
  const [summary, set] = useSection('summary');
  const count = codePointLength(summary.text);
  return (
    <ScreenFrame screen="summary" section={{ name: 'summary', fields: ['text'] }}>
      <Form layout="vertical" component="div" className="summary-form">
        <FieldItem path="summary.text" label={t('summaryLabel')}>
          {(control) => (
            <Input.TextArea
              {...control}
              className="summary-text"
              value={summary.text}
              maxLength={SUMMARY_MAX}
              placeholder={t('summaryPlaceholder')}
              rows={20}
              onChange={(e) => set({ text: e.target.value })}
            />
          )}
        </FieldItem>
        <Typography.Text type="secondary" className="summary-count" data-testid="summary-count">
          {t('summaryCount', { n: count })}
        </Typography.Text>
      </Form>
    </ScreenFrame>
  );
}
