// The antd theme: the default look with a calmer primary colour and Chinese UI fonts first, so that
// Windows (the applicants' usual machine) draws Chinese in YaHei rather than SimSun.
import type { ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // WCAG AA (4.5:1 on white) for text that matters: antd's default warning gold (#faad14, 1.9:1) and
    // grey hints (45 % black, 3.4:1) are too faint for the problems and hints shown beside fields.
    colorWarning: '#ad6800',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px', bodyBg: '#f5f6f8', siderBg: '#ffffff' },
    Menu: { itemMarginInline: 8, itemBorderRadius: 6 },
  },
};
