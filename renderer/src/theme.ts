// The antd theme: the default look with a calmer primary colour and Chinese UI fonts first, so that
// Windows (the applicants' usual machine) draws Chinese in YaHei rather than SimSun.
import type { ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px', bodyBg: '#f5f6f8', siderBg: '#ffffff' },
    Menu: { itemMarginInline: 8, itemBorderRadius: 6 },
  },
};
