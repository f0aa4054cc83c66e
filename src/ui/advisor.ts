// The advisor's notes under a week report: two to four short notes, each naming the lecture
// principle (code) and section behind what happened. Derived only from the report's KPIs and
// factors and the state the report closed on, so it needs nothing new from the engine.
import type { GameState, Scenario, WeekReport } from "../engine";
import { bi, fixed, percent, t } from "../i18n";

export interface AdvisorNote {
  code: string;
  /** Dictionary key of the lecture section (adv.sec.*). */
  section: string;
  text: string;
  /** Higher comes first. */
  weight: number;
  /** Good news (✓) or a problem (!), shown with a symbol, not only colour. */
  good: boolean;
}

const SECTION_OF = (code: string): string => {
  if (code.startsWith("P1.1")) return "adv.sec.1.1";
  if (code.startsWith("P1.2")) return "adv.sec.1.2";
  if (code.startsWith("P1.3")) return "adv.sec.1.3";
  if (code.startsWith("P2")) return "adv.sec.2.1";
  return "adv.sec.X";
};

export function advisorNotes(
  scenario: Scenario,
  state: GameState,
  report: WeekReport,
  prev?: WeekReport,
): AdvisorNote[] {
  const notes: AdvisorNote[] = [];
  const add = (code: string, text: string, weight: number, good = false) =>
    notes.push({ code, section: SECTION_OF(code), text, weight, good });
  const f = report.factors;
  const name = (id: string) => {
    const s = scenario.skus.find((k) => k.id === id);
    return s ? bi(s.name) : id;
  };
  if (f.bounceMobile > 0.45)
    add(
      "P1.1d",
      t("adv.mobileBounce", { rate: percent(f.bounceMobile, 0), sec: fixed(f.loadSeconds, 1) }),
      f.bounceMobile * 10,
    );
  if (f.navReach < 0.5) add("P1.1a", t("adv.navReach", { rate: percent(f.navReach, 0) }), (1 - f.navReach) * 6);
  if (f.bannerLift < 1.0001 && scenario.levers.includes("store")) add("P1.1b", t("adv.banner"), 2);
  for (const sku of state.skus) {
    if (!sku.detail.includes("trust")) {
      add("P1.1c", t("adv.noTrust", { sku: name(sku.id) }), 6);
      break;
    }
  }
  const dq = Object.entries(f.detailQuality).sort((a, b) => a[1] - b[1])[0];
  if (dq && dq[1] < 0.6)
    add("P1.2e", t("adv.detailWeak", { sku: name(dq[0]), q: percent(dq[1], 0) }), (0.6 - dq[1]) * 10);
  const tr = Object.entries(f.titleReadability).sort((a, b) => a[1] - b[1])[0];
  if (tr && tr[1] < 0.9) add("P1.2c", t("adv.titleStuffing", { sku: name(tr[0]) }), (1 - tr[1]) * 20);
  const img = Object.entries(f.imageCtr).sort((a, b) => a[1] - b[1])[0];
  if (img && img[1] < 0.95) add("P1.2d", t("adv.image", { sku: name(img[0]) }), (1 - img[1]) * 10);
  if (report.kpis.stockoutDays > 0)
    add("P1.3a", t("adv.stockout", { n: report.kpis.stockoutDays }), 8 + report.kpis.stockoutDays);
  const pf = Object.entries(f.priceFactor).sort((a, b) => a[1] - b[1])[0];
  if (pf && pf[1] < 0.85) add("P1.2f", t("adv.price", { sku: name(pf[0]) }), (1 - pf[1]) * 10);
  if (report.kpis.adSpendFen > 0) {
    if (report.kpis.roas < 1) add("P2.1a", t("adv.adsRoas", { roas: fixed(report.kpis.roas, 2) }), 5);
    else if (report.kpis.roas >= 2) add("P2.1a", t("adv.adsGood", { roas: fixed(report.kpis.roas, 2) }), 1.5, true);
  }
  const rf = Object.values(f.reviewFactor);
  const reviews = state.skus.reduce((a, s) => a + s.reviewCount, 0);
  if (rf.length > 0 && Math.min(...rf) < 0.6 && reviews < 30) {
    const rating = reviews > 0 ? state.skus.reduce((a, s) => a + s.ratingSum, 0) / reviews : 0;
    add("P1.3c", t("adv.reviews", { rating: fixed(rating, 1) }), 1);
  }
  notes.sort((a, b) => b.weight - a.weight);
  const out = notes.slice(0, 4);
  if (out.length < 2 && prev && prev.kpis.uv > 0) {
    const d = (report.kpis.uv - prev.kpis.uv) / prev.kpis.uv;
    out.push({
      code: "PX.a",
      section: SECTION_OF("PX.a"),
      text: t("adv.growth", { delta: `${d >= 0 ? "+" : ""}${percent(d)}` }),
      weight: 0,
      good: d >= 0,
    });
  }
  if (out.length < 2)
    out.push({ code: "PX.a", section: SECTION_OF("PX.a"), text: t("adv.allGood"), weight: 0, good: true });
  return out;
}
