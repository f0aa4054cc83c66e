// 店铺 Store lever panel: category depth, in-store search, home banner, mobile level, page speed
// (P1.1a–d). Every control proposes a setStore decision carrying just its own field.
import { BANNER_FOCUS, type BannerFocus } from "../../engine";
import { t } from "../../i18n";
import { FS } from "../theme";
import { addChoice } from "../widgets/choice";
import { Stepper } from "../widgets/stepper";
import { Toggle } from "../widgets/toggle";
import { hoursHint } from "./hours";
import type { PanelCtx } from "./panel-context";
import { leverRow } from "./row";

type LevelField = "categoryDepth" | "mobileLevel" | "speedLevel";

export function buildStorePanel(ctx: PanelCtx): void {
  const { scene, root, draft } = ctx;
  const st = draft.store;
  let y = 16;

  const level = (
    id: string,
    field: LevelField,
    label: string,
    help: string,
    min: number,
    max: number,
    fmt: (n: number) => string,
    nextKey: "shop.hoursEach" | "shop.hoursNext",
  ) => {
    const row = leverRow(ctx, y, id, label, help);
    new Stepper(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: Math.min(260, row.cw),
      value: st[field],
      min,
      max,
      step: 1,
      format: fmt,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => ctx.propose(id, { type: "setStore", [field]: v }),
    });
    const probeValue =
      field === "categoryDepth" ? (st[field] > min ? st[field] - 1 : st[field] + 1) : Math.min(max, st[field] + 1);
    const hint = hoursHint(
      ctx,
      { type: "setStore", [field]: st[field] },
      probeValue === st[field] ? null : { type: "setStore", [field]: probeValue },
      nextKey,
    );
    y = row.end(40, hint);
  };

  level(
    "store.depth",
    "categoryDepth",
    t("store.depth"),
    t("store.depthHelp"),
    1,
    5,
    (n) => t("store.depthValue", { n }),
    "shop.hoursEach",
  );

  {
    const row = leverRow(ctx, y, "store.search", t("store.search"), t("store.searchHelp"));
    new Toggle(scene, {
      id: "store.search",
      x: row.cx,
      y: row.cy + 4,
      value: st.inStoreSearch,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => ctx.propose("store.search", { type: "setStore", inStoreSearch: v }),
    });
    y = row.end(
      36,
      hoursHint(
        ctx,
        { type: "setStore", inStoreSearch: st.inStoreSearch },
        { type: "setStore", inStoreSearch: !st.inStoreSearch },
      ),
    );
  }

  {
    const row = leverRow(ctx, y, "store.banner", t("store.banner"), t("store.bannerHelp"));
    const other = BANNER_FOCUS.find((b) => b !== st.banner) as BannerFocus;
    const { height } = addChoice<BannerFocus>(scene, {
      id: "store.banner",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 40,
      size: FS.small,
      options: BANNER_FOCUS.map((b) => ({ value: b, label: t(`banner.${b}`) })),
      value: st.banner,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => ctx.propose("store.banner", { type: "setStore", banner: v }),
    });
    y = row.end(height, hoursHint(ctx, { type: "setStore", banner: st.banner }, { type: "setStore", banner: other }));
  }

  level(
    "store.mobile",
    "mobileLevel",
    t("store.mobile"),
    t("store.mobileHelp"),
    0,
    3,
    (n) => t("store.level", { n }),
    "shop.hoursNext",
  );
  level(
    "store.speed",
    "speedLevel",
    t("store.speed"),
    t("store.speedHelp"),
    0,
    3,
    (n) => t("store.level", { n }),
    "shop.hoursNext",
  );
}
