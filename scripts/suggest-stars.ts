// npx tsx scripts/suggest-stars.ts [--seeds 50] [--write] [--scenario ID]
// Star thresholds from the textbook bot's scores (issue 10: "update stars thresholds if scores move"):
// ★★★ at the 40th percentile of textbook's scores over the seeds (so textbook earns 3 stars on ≈60% of
// them, never on all), kept above the best random score; ★ and ★★ keep their old ratios to ★★★.
// Prints old → new; --write rewrites scenarios/<id>.json (then bump the engine version and regenerate goldens).
import { readFileSync, writeFileSync } from "node:fs";
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import { playScore } from "./balance-core";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(opt("--seeds") ?? 50);
const only = opt("--scenario");
const write = args.includes("--write");
const floor5 = (x: number) => Math.floor(x / 5) * 5;

for (const sc of BUNDLED_SCENARIOS) {
  if (sc.id === "sandbox" || (only && sc.id !== only)) continue;
  const tb: number[] = [];
  let randomMax = 0;
  for (let i = 0; i < seeds; i++) {
    tb.push(playScore(sc, "textbook", `seed-${i}`).score);
    randomMax = Math.max(randomMax, playScore(sc, "random", `seed-${i}`).score);
  }
  tb.sort((a, b) => a - b);
  const q40 = tb[Math.floor(0.4 * (tb.length - 1))] ?? 0;
  const [one, two, three] = sc.stars;
  const newThree = Math.max(floor5(q40), floor5(randomMax) + 10);
  const next: [number, number, number] = [floor5((newThree * one) / three), floor5((newThree * two) / three), newThree];
  const share = tb.filter((s) => s >= newThree).length / tb.length;
  console.log(
    `${sc.id.padEnd(11)} textbook ${tb[0]}–${tb[tb.length - 1]} (median ${tb[Math.floor(tb.length / 2)]}), random max ${randomMax}: stars [${sc.stars.join(", ")}] → [${next.join(", ")}] (textbook 3★ on ${Math.round(share * 100)}%)`,
  );
  if (write) {
    const path = `scenarios/${sc.id}.json`;
    const json = JSON.parse(readFileSync(path, "utf8"));
    json.stars = next;
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  }
}
