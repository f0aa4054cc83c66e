// 自有内容 and 社群 sub-sections. Own content: per platform, posts a week, format (图文 / 短视频 /
// 直播) and series vs one-off, with followers so far and last week's reads and interaction — the
// trainee finds which format fits which platform by tracking them (P2.2a–b). Community: one activity
// a week (话题 / 用户故事 / 活动) with its cost and content hours (P2.1c, P2.2c). Both draw on the
// same weekly content hours, shown at the top.
import type { Decision } from "../../engine";
import { COMMUNITY_ACTIVITIES, CONTENT_FORMATS } from "../../engine/systems/marketing";
import { fixed, group, money, orders, percent, t } from "../../i18n";
import { C, FS, RADIUS } from "../theme";
import { addChoice } from "../widgets/choice";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import {
  type CommunityActivity,
  type ContentFormat,
  communityLoad,
  contentLoad,
  platformLoad,
  type SocialPlatform,
} from "./channel-estimates";
import { compact, lastWeekStrip } from "./channel-ui";
import type { PanelCtx } from "./panel-context";

/** Weekly content hours and cash of the whole plan (posts and community), warning colour when over. */
function loadLine(ctx: PanelCtx, y: number): number {
  const { scene, root, w, scenario, draft } = ctx;
  const load = contentLoad(scenario, draft);
  const over = load.hours > load.capacity;
  const text = addText(
    scene,
    16,
    y,
    t("channels.content.load", { need: fixed(load.hours, 0), cap: fixed(load.capacity, 0), cost: money(load.costFen) }),
    { size: FS.small, bold: true, color: over ? C.warn : C.text, width: w - 32 },
  );
  root.add(text);
  const barY = y + text.height + 4;
  const track = scene.add
    .rectangle(16, barY, w - 32, 6, C.bgDeep)
    .setOrigin(0, 0)
    .setRounded(3);
  const share = load.capacity > 0 ? Math.min(1, load.hours / load.capacity) : 0;
  const fill = scene.add
    .rectangle(16, barY, Math.max(0, (w - 32) * share), 6, over ? C.warn : C.good)
    .setOrigin(0, 0)
    .setRounded(3);
  root.add([track, fill]);
  return text.height + 14;
}

export function buildContentSub(ctx: PanelCtx, y: number): void {
  const { scene, root, w, scenario } = ctx;
  const platforms = (scenario.market.content?.platforms ?? []).map((p) => p.platform);
  const help = addText(scene, 16, y, t("channels.content.help"), {
    size: FS.tiny,
    color: C.muted,
    width: w - 32,
    lineSpacing: 3,
  });
  root.add(help);
  y += help.height + 8;
  y += loadLine(ctx, y);
  const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get("marketing.content"));
  if (err) y += err.height + 4;
  const rowH = Math.min(114, Math.floor((ctx.h - y - 8) / Math.max(1, platforms.length)));
  for (const platform of platforms) {
    contentRow(ctx, platform, y, rowH - 6);
    y += rowH;
  }
}

function contentRow(ctx: PanelCtx, platform: SocialPlatform, y: number, h: number): void {
  const { scene, root, w, draft } = ctx;
  const plan = draft.marketing.content[platform];
  if (!plan) return;
  const bg = scene.add
    .rectangle(16, y, w - 32, h, C.card)
    .setOrigin(0, 0)
    .setRounded(RADIUS / 2);
  root.add(bg);
  const propose = (patch: Partial<{ postsPerWeek: number; format: ContentFormat; series: boolean }>) => {
    const d: Decision = {
      type: "setContent",
      platform,
      postsPerWeek: patch.postsPerWeek ?? plan.postsPerWeek,
      format: patch.format ?? plan.format,
      series: patch.series ?? plan.series,
    };
    ctx.propose("marketing.content", d);
  };
  // Top line: platform and followers on the left, this week's plan (cost, hours, series week) on the
  // right. Under it the controls across the whole row, so every chip has room for its label in
  // both languages; then last week's figures.
  const name = addText(scene, 28, y + 6, t(`channels.platform.${platform}`), { size: FS.body, bold: true });
  const fol = addText(scene, 28 + name.width + 10, y + 8, t("channels.kol.followers", { n: compact(plan.followers) }), {
    size: FS.small,
    color: C.muted,
  });
  root.add([name, fol]);
  const last = ctx.lastReport?.marketing?.content.find((c) => c.platform === platform);
  const lastText = last
    ? t("channels.content.last", {
        posts: last.posts,
        reads: compact(last.reads),
        rate: percent(last.interactionRate, 1),
        v: group(last.visitors),
        orders: orders(last.orders),
        gain: last.followerGain >= 0 ? `+${group(last.followerGain)}` : group(last.followerGain),
      })
    : t("channels.content.lastNone");
  const x0 = 28;
  const x1 = w - 28;
  const cy = y + 32;
  const ch = 34;
  const stepW = 150;
  new Stepper(scene, {
    id: `marketing.content.${platform}.posts`,
    x: x0,
    y: cy,
    w: stepW,
    h: ch,
    value: plan.postsPerWeek,
    min: 0,
    max: 14,
    step: 1,
    format: (v) => t("channels.content.posts", { n: v }),
    focus: ctx.focus,
    parent: root,
    onChange: (v) => propose({ postsPerWeek: v }),
  });
  // The rest of the row: three format chips and two series chips, all the same width.
  const fx = x0 + stepW + 10;
  const chipW = (x1 - fx - 10 - 3 * 4) / 5;
  addChoice<ContentFormat>(scene, {
    id: `marketing.content.${platform}.format`,
    x: fx,
    y: cy,
    w: 3 * chipW + 2 * 4,
    h: ch,
    gap: 4,
    size: FS.tiny,
    options: CONTENT_FORMATS.map((f) => ({ value: f, label: t(`channels.format.${f}`) })),
    value: plan.format,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => propose({ format: v }),
  });
  addChoice<string>(scene, {
    id: `marketing.content.${platform}.series`,
    x: x1 - (2 * chipW + 4),
    y: cy,
    w: 2 * chipW + 4,
    h: ch,
    gap: 4,
    size: FS.tiny,
    options: [
      { value: "series", label: t("channels.content.series") },
      { value: "oneOff", label: t("channels.content.oneOff") },
    ],
    value: plan.series ? "series" : "oneOff",
    focus: ctx.focus,
    parent: root,
    onChange: (v) => propose({ series: v === "series" }),
  });
  const load = platformLoad(plan.format, plan.postsPerWeek);
  const parts = [t("channels.content.plan", { cost: money(load.costFen), h: fixed(load.hours, 0) })];
  if (plan.series && plan.seriesWeeks > 0) parts.push(t("channels.content.seriesWeeks", { n: plan.seriesWeeks + 1 }));
  const note = addText(scene, x1, y + 9, parts.join("  ·  "), {
    size: FS.tiny,
    color: plan.postsPerWeek > 0 ? C.warn : C.muted,
    originX: 1,
  });
  const ly = cy + ch + 5;
  const lt = addText(scene, x0, ly, lastText, {
    size: FS.tiny,
    color: last ? C.text : C.faint,
    width: x1 - x0,
    lineSpacing: 2,
    maxLines: h - (ly - y) >= 36 ? 2 : 1,
  });
  root.add([note, lt]);
}

export function buildCommunitySub(ctx: PanelCtx, y: number): void {
  const { scene, root, w, draft } = ctx;
  const c = draft.marketing.community;
  const help = addText(scene, 16, y, t("channels.community.help"), {
    size: FS.small,
    color: C.muted,
    width: w - 32,
    lineSpacing: 3,
  });
  root.add(help);
  y += help.height + 10;
  y += loadLine(ctx, y);
  const members = addText(
    scene,
    16,
    y,
    t("channels.community.members", { n: group(c.members), e: percent(c.engagement, 0) }),
    { size: FS.body, bold: true },
  );
  root.add(members);
  y += members.height + 10;
  const { height } = addChoice<CommunityActivity>(scene, {
    id: "marketing.community",
    x: 16,
    y,
    w: w - 32,
    h: 64,
    perRow: 2,
    gap: 10,
    size: FS.body,
    options: COMMUNITY_ACTIVITIES.map((a) => {
      const l = communityLoad(a);
      return {
        value: a,
        label: t(`channels.activity.${a}`),
        sub: `${t(`channels.activityHelp.${a}`)} · ${t("channels.content.plan", { cost: money(l.costFen), h: fixed(l.hours, 0) })}`,
      };
    }),
    value: c.activity,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => ctx.propose("marketing.community", { type: "setCommunity", activity: v }),
  });
  y += height + 6;
  const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get("marketing.community"));
  if (err) y += err.height + 4;
  y += 6;
  const r = ctx.lastReport?.marketing?.community;
  const parts = r
    ? [
        t("channels.community.joined", { n: group(r.joined) }),
        t("channels.visitors", { n: group(r.visitors) }),
        orders(r.orders),
        t("channels.gmv", { v: money(r.gmvFen) }),
        t("channels.spend", { v: money(r.costFen) }),
        t("channels.community.loyalty", { v: percent(r.loyalty - 1, 1) }),
      ]
    : [];
  lastWeekStrip(ctx, y, parts);
}
