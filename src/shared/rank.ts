// The offline instructor's leaderboard: every run file is replayed with the server's checks
// (engine version, scenario content, the challenge's seed, the hash chain, a finished run);
// verified runs are ranked by the recomputed score, ties by the order the files were given;
// identical runs (labels aside) are reported once; rejected files are listed with the reason.
// Pure: the CLI (`sim rank`) and the game's ranking screen call this same function, so they rank
// the same files the same way.
import { getScenario } from "../content/scenarios";
import {
  type Difficulty,
  ENGINE_VERSION,
  isDifficulty,
  type RunMeta,
  type Sha256Hex,
  scenarioContentHash,
  sha256Hex,
} from "../engine";
import { type ChallengeTarget, verifyRunWith } from "./verify-run";

export interface RankedRun {
  rank: number;
  file: string;
  /** The name the game recorded in the run file (`meta.player`), if any. */
  player: string | null;
  score: number;
  stars: number;
  stateHash: string;
  runHash: string;
  kpis: Record<string, number>;
}

export interface RankResult {
  challenge: { scenario: string; seed: string; difficulty: Difficulty; engineVersion: string };
  ranked: RankedRun[];
  duplicates: { file: string; player: string | null; sameAs: string }[];
  rejected: {
    file: string;
    player: string | null;
    code: string;
    message: string;
    /** The engine's translatable reason, when there is one (the game shows it in the player's language). */
    key?: string;
    params?: Record<string, string | number>;
  }[];
  table: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove control characters
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The player's name from a run file's labels, cleaned for display (no control or bidi characters). */
export function playerOf(raw: unknown): string | null {
  const meta = (raw as { meta?: RunMeta } | null)?.meta;
  const p = typeof meta?.player === "string" ? meta.player.replace(CONTROL, "").trim().slice(0, 64) : "";
  return p || null;
}

/** The run without its labels: two files with the same play but other names are the same run. */
function withoutMeta(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw) || !("meta" in raw)) return raw;
  const { meta: _meta, ...rest } = raw as Record<string, unknown>;
  return rest;
}

export function rankRunFiles(
  files: { file: string; raw: unknown }[],
  opts: { scenario?: string; seed?: string; difficulty?: Difficulty },
  sha: Sha256Hex = sha256Hex,
): RankResult | { error: string } {
  // The challenge: from the options, or else the first file's scenario, seed and difficulty.
  const first = files.find((f) => typeof f.raw === "object" && f.raw !== null)?.raw as
    | { scenario?: { id?: unknown }; seed?: unknown; difficulty?: unknown }
    | undefined;
  const difficulty: Difficulty = opts.difficulty ?? (isDifficulty(first?.difficulty) ? first.difficulty : "standard");
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
    difficulty,
  };
  const ok: Omit<RankedRun, "rank">[] = [];
  const seen = new Map<string, string>();
  const duplicates: RankResult["duplicates"] = [];
  const rejected: RankResult["rejected"] = [];
  for (const { file, raw } of files) {
    const player = playerOf(raw);
    const v = verifyRunWith(target, withoutMeta(raw), sha);
    if (!v.ok) {
      rejected.push({
        file,
        player,
        code: v.code,
        message: v.message,
        ...(v.key ? { key: v.key, params: v.params ?? {} } : {}),
      });
      continue;
    }
    const prior = seen.get(v.runHash);
    if (prior) {
      duplicates.push({ file, player, sameAs: prior });
      continue;
    }
    seen.set(v.runHash, file);
    ok.push({
      file,
      player,
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
  const who = (file: string, player: string | null) => (player ? `${file} (${player})` : file);
  const lines = [
    `challenge: scenario ${scenarioId}  seed ${seed}  difficulty ${difficulty}  engine ${ENGINE_VERSION}`,
    "rank  score  stars  file",
    ...ranked.map(
      (r) =>
        `${String(r.rank).padStart(4)}  ${String(r.score).padStart(5)}  ${"★".repeat(r.stars).padEnd(3, "☆")}    ${who(r.file, r.player)}`,
    ),
    ...duplicates.map((d) => `   =  same run as ${d.sameAs}: ${who(d.file, d.player)}`),
    ...rejected.map((r) => `   ✗  ${who(r.file, r.player)}: ${r.code}: ${r.message}`),
    `${ranked.length} verified, ${duplicates.length} duplicate, ${rejected.length} rejected`,
    "",
  ];
  return {
    challenge: { scenario: scenarioId, seed, difficulty, engineVersion: ENGINE_VERSION },
    ranked,
    duplicates,
    rejected,
    table: lines.join("\n"),
  };
}

/** Column titles of the ranking CSV, in the reader's language (the caller translates). */
export interface RankCsvHeaders {
  rank: string;
  name: string;
  file: string;
  score: string;
  stars: string;
  verified: string;
  reason: string;
  gmv: string;
  orders: string;
  uv: string;
  conversion: string;
  netProfit: string;
  dsr: string;
  refundRate: string;
  cash: string;
}

const yuan = (fen: number | undefined) => (fen === undefined ? null : Math.round(fen) / 100);
const pct = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10000) / 100);

/**
 * Rows for toCsv (src/shared/csv.ts): verified runs in rank order, then duplicates and rejected
 * files with the reason (`reasonOf` turns a rejection into the reader's language).
 */
export function rankCsvRows(
  r: RankResult,
  h: RankCsvHeaders,
  marks: { yes: string; no: string; duplicateOf: (file: string) => string },
  reasonOf: (x: RankResult["rejected"][number]) => string,
): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    [
      h.rank,
      h.name,
      h.file,
      h.score,
      h.stars,
      h.verified,
      h.reason,
      h.gmv,
      h.orders,
      h.uv,
      h.conversion,
      h.netProfit,
      h.dsr,
      h.refundRate,
      h.cash,
    ],
  ];
  for (const x of r.ranked) {
    const k = x.kpis;
    rows.push([
      x.rank,
      x.player ?? x.file,
      x.file,
      x.score,
      x.stars,
      marks.yes,
      "",
      yuan(k.gmvFen),
      k.orders ?? null,
      k.uv ?? null,
      pct(k.conversionRate),
      yuan(k.netProfitFen),
      k.dsr === undefined ? null : Math.round(k.dsr * 100) / 100,
      pct(k.refundRate),
      yuan(k.cashEndFen),
    ]);
  }
  for (const d of r.duplicates)
    rows.push([null, d.player ?? d.file, d.file, null, null, marks.no, marks.duplicateOf(d.sameAs)]);
  for (const x of r.rejected) rows.push([null, x.player ?? x.file, x.file, null, null, marks.no, reasonOf(x)]);
  return rows;
}
