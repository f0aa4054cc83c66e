// One palette and one type scale for every screen: a calm dark-navy back office with a warm
// Taobao-style orange accent. Colours come in two forms because Phaser Graphics take numbers
// and Text takes CSS strings.

export const DESIGN_W = 1280;
export const DESIGN_H = 720;

export const FONT_STACK = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const C = {
  bg: 0x0f1a2e,
  bgDeep: 0x0a1222,
  panel: 0x16233b,
  panelHi: 0x1d2e4c,
  card: 0x1f3152,
  cardHi: 0x28406a,
  line: 0x2f4670,
  accent: 0xff6a00,
  accentHi: 0xff8a3d,
  accentLo: 0xc85200,
  good: 0x35c48a,
  bad: 0xff5a5f,
  warn: 0xffc34d,
  text: 0xf3f6fb,
  muted: 0x9fb0cc,
  faint: 0x6b7fa3,
  disabled: 0x3a4a66,
  white: 0xffffff,
  focus: 0x7cc4ff,
  shelf: 0x8a5a3b,
  wall: 0x22385e,
  floor: 0x1a2a47,
} as const;

/** CSS colour string for a palette number. */
export function css(c: number): string {
  return `#${c.toString(16).padStart(6, "0")}`;
}

/** Font sizes in design pixels. */
export const FS = {
  hero: 64,
  h1: 34,
  h2: 24,
  h3: 19,
  body: 16,
  small: 14,
  tiny: 12,
  kpi: 26,
} as const;

export const SP = { xs: 4, s: 8, m: 12, l: 16, xl: 24, xxl: 32 } as const;
export const RADIUS = 10;

/** Text texture resolution: at least 2 so text stays sharp when Scale.FIT enlarges the canvas. */
export function textResolution(): number {
  const dpr = typeof window !== "undefined" ? window.devicePixelRatio || 1 : 1;
  return Math.max(2, Math.min(3, Math.ceil(dpr)));
}
