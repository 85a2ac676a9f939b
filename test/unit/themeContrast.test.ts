// Issue 20: every pair of colours the theme draws text in, on what it is drawn on, at WCAG 2.1 AA (4.5:1;
// 3:1 for UI parts), computed from the tokens antd derives from THEME — so that a changed seed colour, a new
// preset or an antd upgrade that lightens a shade fails here rather than on a low-vision user's screen.
import { theme } from 'antd';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TAG_TEXT, THEME } from '../../renderer/src/theme.js';

type Rgba = [number, number, number, number];

/** '#rgb', '#rrggbb', '#rrggbbaa', 'rgb(…)' or 'rgba(…)' as 0–255 channels and an alpha of 0–1. */
export function parseColour(css: string): Rgba {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const [r, g, b, a = 255] = (full.match(/../g) ?? []).map((h) => parseInt(h, 16));
    return [r!, g!, b!, a / 255];
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(s)?.[1];
  if (fn) {
    const [r, g, b, a = 1] = fn
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    if ([r, g, b, a].every((n) => Number.isFinite(n))) return [r!, g!, b!, a];
  }
  throw new Error(`not a colour: ${css}`);
}

/** A translucent colour as it shows over an opaque one. */
function over([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba {
  return [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];
}

function luminance([r, g, b]: Rgba): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of `fg` drawn on `bg`, itself drawn on white when translucent. */
export function contrast(fg: string, bg: string): number {
  const back = over(parseColour(bg), [255, 255, 255, 1]);
  const [a, b] = [luminance(over(parseColour(fg), back)), luminance(back)].sort((x, y) => y - x) as [number, number];
  return (a + 0.05) / (b + 0.05);
}

const token = theme.getDesignToken(THEME) as unknown as Record<string, string>;
const tok = (name: string): string => {
  const value = token[name];
  if (typeof value !== 'string') throw new Error(`no colour token ${name}`);
  return value;
};
/** antd's preset colours (`<Tag color="…">`, `<Badge color="…">`). */
const PRESETS = [
  'blue',
  'purple',
  'cyan',
  'green',
  'magenta',
  'pink',
  'red',
  'orange',
  'yellow',
  'volcano',
  'geekblue',
  'lime',
  'gold',
] as const;
const STATUSES = ['Success', 'Info', 'Warning', 'Error'] as const;
const layoutBg = THEME.components?.Layout?.bodyBg ?? tok('colorBgLayout');
const surfaces = { container: tok('colorBgContainer'), layout: layoutBg, antdLayout: tok('colorBgLayout') };

interface Pair {
  what: string;
  fg: string;
  bg: string;
  min: number;
}

function pairs(): Pair[] {
  const list: Pair[] = [];
  // Tags: a preset colour's shade 7 on its shade 1; a status tag's colour on its background.
  // (app.css draws a preset in the theme's TAG_TEXT shade where it has one: antd ignores palette tokens.)
  const tagText: Record<string, string> = TAG_TEXT;
  for (const c of PRESETS)
    list.push({ what: `tag ${c}`, fg: tagText[`${c}7`] ?? tok(`${c}7`), bg: tok(`${c}1`), min: 4.5 });
  for (const s of STATUSES) {
    list.push({ what: `tag ${s}`, fg: tok(`color${s}`), bg: tok(`color${s}Bg`), min: 4.5 });
    list.push({ what: `${s} text in an alert`, fg: tok(`color${s}Text`), bg: tok(`color${s}Bg`), min: 4.5 });
  }
  // Text, links and status words on the page's surfaces (cards are white, the page behind them grey).
  const texts = [
    'colorText',
    'colorTextSecondary',
    'colorTextTertiary',
    'colorTextDescription',
    'colorTextPlaceholder',
    'colorLink',
    'colorLinkHover',
    'colorPrimary',
    ...STATUSES.flatMap((s) => [`color${s}`, `color${s}Text`]),
  ];
  for (const name of texts)
    for (const [surface, bg] of Object.entries(surfaces))
      list.push({ what: `${name} on ${surface}`, fg: tok(name), bg, min: 4.5 });
  // White text on filled buttons, the selected menu entry's primary text on its pale background.
  for (const name of ['colorPrimary', 'colorError', 'colorPrimaryHover'])
    list.push({ what: `button text on ${name}`, fg: tok('colorTextLightSolid'), bg: tok(name), min: 4.5 });
  list.push({ what: 'selected menu entry', fg: tok('colorPrimary'), bg: tok('controlItemBgActive'), min: 4.5 });
  // An unchecked switch: its word in white on the track (the track itself is a UI part, 3:1 on white).
  const sw = THEME.components?.Switch as Record<string, string> | undefined;
  const track = sw?.colorTextQuaternary ?? tok('colorTextQuaternary');
  const trackHover = sw?.colorTextTertiary ?? tok('colorTextTertiary');
  list.push({ what: 'switch word on its track', fg: tok('colorTextLightSolid'), bg: track, min: 4.5 });
  list.push({ what: 'switch word on its hovered track', fg: tok('colorTextLightSolid'), bg: trackHover, min: 4.5 });
  list.push({ what: 'switch track on white', fg: track, bg: surfaces.container, min: 3 });
  // A field's edge (inputs, selects, outlined buttons) is a UI part: 3:1 on every surface it stands on.
  for (const [surface, bg] of Object.entries(surfaces))
    list.push({ what: `a field's border on ${surface}`, fg: tok('colorBorder'), bg, min: 3 });
  const table = THEME.components?.Table as Record<string, string> | undefined;
  list.push({
    what: "an empty table's words",
    fg: table?.colorTextDisabled ?? tok('colorTextDisabled'),
    bg: surfaces.container,
    min: 4.5,
  });
  return list;
}

describe('theme contrast (WCAG 2.1 AA)', () => {
  it('computes contrast as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The figures axe reported before the fix (issue 20): antd's gold tag and its placeholders.
    expect(contrast('#d48806', '#fffbe6')).toBeCloseTo(2.75, 1);
    expect(contrast('rgba(0, 0, 0, 0.25)', '#ffffff')).toBeCloseTo(1.83, 1);
    expect(contrast('#767676', '#fff')).toBeGreaterThan(4.5);
    expect(() => parseColour('transparent')).toThrow('not a colour');
    expect(() => parseColour('#12345')).toThrow('not a colour');
  });

  it('refuses a pair below the bar (the check can fail)', () => {
    const failing = [{ what: 'antd gold', fg: '#d48806', bg: '#fffbe6', min: 4.5 }].filter(
      (p) => contrast(p.fg, p.bg) < p.min,
    );
    expect(failing).toHaveLength(1);
  });

  it.each(pairs().map((p) => [p.what, p] as const))('%s', (_what, { fg, bg, min }) => {
    expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(min);
  });

  it('app.css draws every preset tag the theme darkens in its shade', () => {
    const css = readFileSync('renderer/src/app.css', 'utf8');
    for (const key of Object.keys(TAG_TEXT)) {
      const c = key.slice(0, -1);
      expect(css).toContain(
        `.ant-tag.ant-tag-${c}:not(.ant-tag-disabled):not(.ant-tag-solid) {\n  color: var(--dossier-tag-${c});`,
      );
    }
  });
});
