// echarts on top of the Phaser canvas. A chart lives in a div inside Phaser's DOM container
// (game config `dom.createContainer`), which the Scale manager scales with the canvas under
// Scale.FIT, so the chart stays glued to its place in the 1280×720 design space. The echarts
// chunk is imported on first use; the chart is disposed when its scene shuts down.
import Phaser from "phaser";
import { reducedMotion } from "../motion";
import { C, css, FONT_STACK } from "../theme";

type EChartsModule = typeof import("./echarts-core");
// biome-ignore lint/suspicious/noExplicitAny: echarts' option type is huge; the callers build plain objects.
export type ChartOption = Record<string, any>;

let loading: Promise<EChartsModule> | null = null;
export function loadEcharts(): Promise<EChartsModule> {
  loading ??= import("./echarts-core");
  return loading;
}

interface LiveChart {
  id: string;
  div: HTMLDivElement;
  ready: boolean;
}
const live = new Map<string, LiveChart>();

/** Charts on screen (for tests): id, drawn yet, and the div's box in page pixels. */
export function chartBoxes(): { id: string; ready: boolean; x: number; y: number; w: number; h: number }[] {
  return [...live.values()].map((c) => {
    const r = c.div.getBoundingClientRect();
    return {
      id: c.id,
      ready: c.ready,
      x: Math.round(r.left),
      y: Math.round(r.top),
      w: Math.round(r.width),
      h: Math.round(r.height),
    };
  });
}

/** Base style shared by every chart: palette, font, dark tooltip. */
export function baseOption(): ChartOption {
  return {
    backgroundColor: "transparent",
    animation: !reducedMotion(),
    textStyle: { fontFamily: FONT_STACK, color: css(C.text), fontSize: 13 },
    tooltip: {
      backgroundColor: css(C.bgDeep),
      borderColor: css(C.line),
      textStyle: { color: css(C.text), fontFamily: FONT_STACK, fontSize: 13 },
      confine: true,
    },
    color: ["#4fb3ff", css(C.accent), css(C.good), "#c28bff", css(C.warn), "#ff5a5f", "#7fd7e8", "#f5a3c7"],
  };
}

export function axisStyle(): ChartOption {
  return {
    axisLine: { lineStyle: { color: css(C.line) } },
    axisLabel: { color: css(C.muted), fontSize: 12, fontFamily: FONT_STACK },
    splitLine: { lineStyle: { color: css(C.line), opacity: 0.5 } },
    nameTextStyle: { color: css(C.muted), fontSize: 12, fontFamily: FONT_STACK },
  };
}

/** Places a chart at (x, y, w, h) in design pixels; returns the div (already in the DOM). */
export function addChart(
  scene: Phaser.Scene,
  id: string,
  x: number,
  y: number,
  w: number,
  h: number,
  option: ChartOption,
  onReady?: () => void,
): HTMLDivElement {
  const div = document.createElement("div");
  div.dataset.chart = id;
  div.style.width = `${w}px`;
  div.style.height = `${h}px`;
  const dom = scene.add.dom(x, y, div).setOrigin(0, 0);
  const entry: LiveChart = { id, div, ready: false };
  live.set(id, entry);
  let chart: { dispose(): void; setOption(o: ChartOption): void } | null = null;
  let gone = false;
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
    gone = true;
    chart?.dispose();
    chart = null;
    if (live.get(id) === entry) live.delete(id);
    dom.destroy();
  });
  void loadEcharts().then(({ echarts }) => {
    if (gone) return;
    const dpr = Math.max(2, Math.min(3, Math.ceil(window.devicePixelRatio || 1)));
    const c = echarts.init(div, null, { renderer: "canvas", width: w, height: h, devicePixelRatio: dpr });
    c.setOption({ ...baseOption(), ...option });
    chart = c;
    entry.ready = true;
    onReady?.();
  });
  return div;
}
