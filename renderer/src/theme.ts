// The antd theme: the default look with a calmer primary colour and Chinese UI fonts first, so that
// Windows (the applicants' usual machine) draws Chinese in YaHei rather than SimSun. Every colour that text
// is drawn in is here, at WCAG AA (4.5:1 on what it is drawn on; issue 20), and test/unit/themeContrast.test.ts
// computes each pair so that none drifts; the CSS files take them as `var(--dossier-…)` (THEME_CSS_VARS)
// rather than hex values of their own.
import { theme, type ThemeConfig } from 'antd';

/**
 * The text shade of antd's preset tag colours (`<Tag color="gold">` draws `gold7` on `gold1`): antd's own
 * shades 7 are 2.0–3.4:1 on their pale backgrounds for gold, orange, green, cyan, yellow, lime and volcano
 * (待审核 / 假设 2.75:1, 达标 3.37:1). These are antd's darker shades of the same hue (8 or 9), ≥ 5:1. antd 6
 * ignores palette tokens (`gold7`) set in the theme's token at run time (measured: the tag kept #d48806),
 * so app.css draws the tags in these through `--dossier-tag-<colour>` (themeCssVars).
 */
export const TAG_TEXT = {
  gold7: '#874d00',
  orange7: '#ad4e00',
  green7: '#237804',
  cyan7: '#006d75',
  yellow7: '#876800',
  lime7: '#3f6600',
  volcano7: '#ad2102',
} as const;

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fbf',
    // WCAG AA (4.5:1 on white) for text that matters: antd's default warning gold (#faad14, 1.9:1) and
    // grey hints (45 % black, 3.4:1) are too faint for the problems and hints shown beside fields. This
    // gold is 5.2:1 on its pale background (#a86500, used before, is 4.46:1 there: 待核实 tags, issue 20).
    colorWarning: '#9a5c00',
    // The status backgrounds are antd's pale defaults, set here because antd derives them from the seed
    // colour, and from a dark seed it derives a muddy one (#e8e3d1 for this gold).
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    // Success (status tags 符合, 已通过; success text) in antd's dark green: its #52c41a is 2.2:1 on white.
    colorSuccess: '#237804',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    // The same for refusals and danger buttons: antd's red (#ff4d4f) is 3.3:1 on white, text on it too.
    colorError: '#cf1322',
    // Links (and link buttons) in the primary colour: antd's link blue (#1677ff) is 4.1:1 on white.
    colorLink: '#1f5fbf',
    // antd derives lighter hover shades (#689dd9, 2.8:1; white on #417dcc, 4.2:1): darker ones instead.
    colorLinkHover: '#174a99',
    colorPrimaryHover: '#1a52a6',
    // Info in it too: "processing" tags (生成中, 公示中) drew antd's #1677ff on its pale blue, 3.7:1.
    colorInfo: '#1f5fbf',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    // Placeholders are read as hints (日期格式, 请选择…): antd's 25 % black is 1.8:1; this is 4.7:1, still
    // clearly lighter than typed text (88 %).
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // A field's edge is what shows it is a field (WCAG 1.4.11, 3:1 for UI parts): antd's #d9d9d9 is 1.4:1 on
    // white. Inputs, selects and outlined buttons draw it; cards and tables keep the lighter colorBorderSecondary.
    colorBorder: '#858585',
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
    // An unchecked switch draws its 否 / No in white on its track: antd's 25 % black track is 1.8:1.
    Switch: { colorTextQuaternary: 'rgba(0, 0, 0, 0.55)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)' },
    // An empty table says so (暂无修改记录) in antd's disabled grey, 1.8:1: in the placeholders' grey instead.
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.55)' },
    // A collapsible section is told by its arrow and title, not its frame: the frame keeps antd's light grey.
    Collapse: { colorBorder: '#d9d9d9' },
  },
};

/**
 * The theme's text colours as CSS custom properties on the document (main.tsx sets them), for the app's own
 * CSS: `color: var(--dossier-text-muted)` draws what the theme's contrast test has checked.
 */
export function themeCssVars(): Record<string, string> {
  const t = theme.getDesignToken(THEME);
  return {
    '--dossier-text': t.colorText,
    '--dossier-text-secondary': t.colorTextSecondary,
    '--dossier-text-muted': t.colorTextTertiary,
    '--dossier-primary': t.colorPrimary,
    '--dossier-success': t.colorSuccess,
    '--dossier-warning': t.colorWarning,
    '--dossier-error': t.colorError,
    ...Object.fromEntries(Object.entries(TAG_TEXT).map(([key, value]) => [`--dossier-tag-${key.slice(0, -1)}`, value])),
  };
}
