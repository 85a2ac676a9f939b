// 中文 / English. The choice is stored in the workspace (workspace:setLocale) so the next start uses it.
import { Segmented } from 'antd';
import { useT, type Lang } from '../i18n.js';

export function LanguageSwitch({ onChange }: { onChange: (lang: Lang) => void }) {
  const { t, lang } = useT();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('language')}
      data-testid="lang-switch"
      value={lang}
      onChange={onChange}
      options={[
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
    />
  );
}
