// The antd theme: the default look with a calmer primary colour and Chinese UI fonts first, so that
// Windows (the applicants' usual machine) draws Chinese in YaHei rather than SimSun.
import type { ThemeConfig } from 'antd';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // WCAG AA (4.5:1 on white) for text that matters: antd's default warning gold (#faad14, 1.9:1) and
    // grey hints (45 % black, 3.4:1) are too faint for the problems and hints shown beside fields. This
    // gold is 4.6:1 (#ad6800, used before, is 4.41:1: axe refused a warning at a field, issue 19).
    colorWarning: '#a86500',
    // The same for refusals and danger buttons: antd's red (#ff4d4f) is 3.3:1 on white, text on it too.
    colorError: '#cf1322',
    // Links (and link buttons) in the primary colour: antd's link blue (#1677ff) is 4.1:1 on white.
    colorLink: '#1f5fbf',
    // Info in it too: "processing" tags (生成中, 公示中) drew antd's #1677ff on its pale blue, 3.7:1.
    colorInfo: '#1f5fbf',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    // The system's own Chinese UI fonts where there are some; then the app's (issue 15: Source Han Sans, a
    // subset first, and HanaMin for the rare characters — fonts/ui-fonts.css), so that a machine without any
    // CJK font draws every character the forms can print rather than boxes.
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Dossier Sans", "Dossier Sans Ext", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px', bodyBg: '#f5f6f8', siderBg: '#ffffff' },
    Menu: { itemMarginInline: 8, itemBorderRadius: 6 },
  },
};
