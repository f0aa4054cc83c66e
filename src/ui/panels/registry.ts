// Which function draws each lever group's panel. The shop screen looks the tab up here, so a new
// panel is one file plus one line.
import { buildInventoryPanel } from "./inventory-panel";
import { buildMarketingPanel } from "./marketing-panel";
import type { PanelCtx, PanelLever } from "./panel-context";
import { buildPricingPanel } from "./pricing-panel";
import { buildPrivatePanel } from "./private-panel";
import { buildProductPanel } from "./product-panel";
import { buildPromotionPanel } from "./promotion-panel";
import { buildServicePanel } from "./service-panel";
import { buildStorePanel } from "./store-panel";
import { buildTeamPanel } from "./team-panel";

export const PANEL_BUILDERS: Partial<Record<PanelLever, (ctx: PanelCtx) => void>> = {
  store: buildStorePanel,
  product: buildProductPanel,
  pricing: buildPricingPanel,
  inventory: buildInventoryPanel,
  marketing: buildMarketingPanel,
  private: buildPrivatePanel,
  promotion: buildPromotionPanel,
  service: buildServicePanel,
  team: buildTeamPanel,
};
