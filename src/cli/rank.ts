// `sim rank FILE...`: the offline instructor's leaderboard. Every run file is replayed with the
// same checks the server makes (engine version, scenario content, the challenge's seed, the hash
// chain, a finished run); verified runs are ranked by the recomputed score, ties by the order the
// files were given; identical runs are reported once; rejected files are listed with the reason.
import { getScenario } from "../content/scenarios";
import { ENGINE_VERSION, scenarioContentHash } from "../engine";
import { type ChallengeTarget, verifyRun } from "../server/verify/verify-run";

export interface RankedRun {
  rank: number;
  file: string;
  score: number;
  stars: number;
  stateHash: string;
  runHash: string;
  kpis: Record<string, number>;
}

export interface RankResult {
  challenge: { scenario: string; seed: string; engineVersion: string };
  ranked: RankedRun[];
  duplicates: { file: string; sameAs: string }[];
  rejected: { file: string; code: string; message: string }[];
  table: string;
}

export function rankRunFiles(
  files: { file: string; raw: unknown }[],
  opts: { scenario?: string; seed?: string },
): RankResult | { error: string } {
  // The challenge: from the flags, or else the first file's scenario and seed.
  const first = files.find((f) => typeof f.raw === "object" && f.raw !== null)?.raw as
    | { scenario?: { id?: unknown }; seed?: unknown }
    | undefined;
  const scenarioId = opts.scenario ?? (typeof first?.scenario?.id === "string" ? first.scenario.id : undefined);
  const seed = opts.seed ?? (typeof first?.seed === "string" ? first.seed : undefined);
  if (!scenarioId) return { error: "cannot tell the scenario; pass --scenario ID" };
  if (!seed) return { error: "cannot tell the seed; pass --seed SEED" };
  const scenario = getScenario(scenarioId);
  if (!scenario) return { error: `unknown scenario "${scenarioId}"` };
  const target: ChallengeTarget = {
    scenarioId,
    seed,
    engineVersion: ENGINE_VERSION,
    contentHash: scenarioContentHash(scenario),
  };
  const ok: Omit<RankedRun, "rank">[] = [];
  const seen = new Map<string, string>();
  const duplicates: RankResult["duplicates"] = [];
  const rejected: RankResult["rejected"] = [];
  for (const { file, raw } of files) {
    const v = verifyRun(target, raw);
    if (!v.ok) {
      rejected.push({ file, code: v.code, message: v.message });
      continue;
    }
    const prior = seen.get(v.runHash);
    if (prior) {
      duplicates.push({ file, sameAs: prior });
      continue;
    }
    seen.set(v.runHash, file);
    ok.push({
      file,
      score: v.score,
      stars: v.stars,
      stateHash: v.stateHash,
      runHash: v.runHash,
      kpis: { ...v.kpis },
    });
  }
  // Stable sort: equal scores keep the order the files were given.
  const ranked = ok
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || a.i - b.i)
    .map(({ r }, i) => ({ rank: i + 1, ...r }));
  const lines = [
    `challenge: scenario ${scenarioId}  seed ${seed}  engine ${ENGINE_VERSION}`,
    "rank  score  stars  file",
    ...ranked.map(
      (r) =>
        `${String(r.rank).padStart(4)}  ${String(r.score).padStart(5)}  ${"★".repeat(r.stars).padEnd(3, "☆")}    ${r.file}`,
    ),
    ...duplicates.map((d) => `   =  same run as ${d.sameAs}: ${d.file}`),
    ...rejected.map((r) => `   ✗  ${r.file}: ${r.code}: ${r.message}`),
    `${ranked.length} verified, ${duplicates.length} duplicate, ${rejected.length} rejected`,
    "",
  ];
  return {
    challenge: { scenario: scenarioId, seed, engineVersion: ENGINE_VERSION },
    ranked,
    duplicates,
    rejected,
    table: lines.join("\n"),
  };
}
