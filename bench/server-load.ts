// `npm run bench:server`: verified submissions per second through the real server (the bundle
// `npm start` runs) on loopback, for full-length runs: the 26-week `sandbox` scenario played by
// the textbook bot. Bounded in count and time; reports, never asserts. Budget: ≥ 40 verified
// 26-week runs per second on a 2-core machine.
//   npm run bench:server -- [--count 400] [--concurrency 8] [--seconds 60] [--workers N]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { getScenario } from "../src/content/scenarios";
import { ENGINE_VERSION, scenarioContentHash } from "../src/engine";
import { SqliteStorage } from "../src/server/storage/sqlite";
import type { RunKpis } from "../src/server/storage/types";
import { verifyRun } from "../src/server/verify/verify-run";
import { api, botRun, buildBundle, createChallenge, startServer } from "../tests/server/helpers";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "400" },
    concurrency: { type: "string", default: "8" },
    seconds: { type: "string", default: "60" },
    workers: { type: "string" },
    scenario: { type: "string", default: "sandbox" },
    /** Rows for the read-scale section (the board and the instructor's list at that size); 0 skips it. */
    "board-rows": { type: "string", default: "20000" },
  },
});
const count = Math.min(5000, Math.max(1, Number(values.count)));
const concurrency = Math.min(64, Math.max(1, Number(values.concurrency)));
const seconds = Math.min(300, Math.max(1, Number(values.seconds)));
const workers = values.workers ?? String(availableParallelism());

/** CPU time (user + system, all threads) of a process in ms, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    return Number.isFinite(ticks) ? ticks * 10 : null; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

const load0 = loadavg()[0]?.toFixed(2);
const bundle = buildBundle("bench");
const srv = await startServer(bundle, {
  VERIFY_WORKERS: workers,
  VERIFY_QUEUE: "10000",
  DB_SYNC: process.env.DB_SYNC ?? "FULL",
});
try {
  const { code } = await createChallenge(srv.url, { scenario: values.scenario, seed: "bench-1", className: "bench" });
  const run = botRun(values.scenario, "bench-1", "textbook");
  const bytes = JSON.stringify(run).length;
  // The same verification in this process, one at a time: the CPU cost per run, hence the ceiling
  // a pool of W workers can reach on W free cores (the server adds HTTP, JSON and SQLite on top).
  const scenario = getScenario(values.scenario);
  if (!scenario) throw new Error(`unknown scenario ${values.scenario}`);
  const target = {
    scenarioId: scenario.id,
    seed: "bench-1",
    engineVersion: ENGINE_VERSION,
    contentHash: scenarioContentHash(scenario),
    difficulty: "standard" as const,
  };
  const text = JSON.stringify(run);
  const solo: number[] = [];
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    if (!verifyRun(target, JSON.parse(text)).ok) throw new Error("bench run does not verify");
    solo.push(performance.now() - t0);
  }
  const soloMs = pct(solo.slice(2), 50);
  // Every submission has its own trainee name, so each one is replayed (no idempotent shortcut).
  const submitOne = async (i: number) => {
    const t0 = performance.now();
    const r = await api(srv.url, "POST", `/api/challenges/${code}/submissions`, { name: `b${i}`, run });
    return { ms: performance.now() - t0, status: r.status };
  };
  for (let i = 0; i < 8; i++) await submitOne(-1 - i); // warm-up: JIT in the workers
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const cpu0 = cpuMsOf(srv.proc.pid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count && performance.now() < deadline) {
        const r = await submitOne(next++);
        latencies.push(r.ms);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu1 = cpuMsOf(srv.proc.pid);
  const verified = statuses.get(201) ?? 0;
  const health = await api(srv.url, "GET", "/api/health");
  console.log(
    [
      `server load: ${values.scenario} (${run.turns.length}-week textbook run, ${(bytes / 1024).toFixed(1)} KB), ` +
        `${workers} verification workers, ${concurrency} concurrent clients, loopback`,
      `  ${latencies.length} submissions in ${elapsed.toFixed(2)} s: ${verified} verified (201), ` +
        `statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
      `  throughput ${(verified / elapsed).toFixed(1)} verified runs/s   (budget ≥ 40/s)`,
      `  one verification in-process: median ${soloMs.toFixed(1)} ms → CPU ceiling with ${workers} workers ` +
        `≈ ${((Number(workers) * 1000) / soloMs).toFixed(0)} runs/s on ${workers} free cores`,
      ...(cpu0 !== null && cpu1 !== null && latencies.length > 0
        ? [
            `  server CPU per submission (HTTP, SQLite and replay, all threads): ${((cpu1 - cpu0) / latencies.length).toFixed(1)} ms ` +
              `→ ≈ ${((availableParallelism() * 1000 * latencies.length) / (cpu1 - cpu0)).toFixed(0)} runs/s on ` +
              `${availableParallelism()} free cores (a figure the machine's other load barely changes)`,
          ]
        : []),
      `  latency p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms   ` +
        `max ${Math.max(...latencies).toFixed(1)} ms`,
      `  server: ${JSON.stringify(health.body.verify)}   load average before/after ${load0} / ${loadavg()[0]?.toFixed(2)} ` +
        `(other processes on the machine share its ${availableParallelism()} cores)`,
    ].join("\n"),
  );
} finally {
  await srv.stop();
}

// Reads at scale (issue 12 item 7): one challenge with N verified submissions (N/4 trainees) in a
// SQLite file, then the board (100 rows, from the index table `bests`), the copies list, one rank and
// one page of the instructor's list, each timed in-process (the HTTP around them is the same at any size).
const boardRows = Math.min(200_000, Math.max(0, Number(values["board-rows"])));
if (boardRows > 0) {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-bench-board-"));
  const st = new SqliteStorage(join(dir, "board.sqlite"), { synchronous: "NORMAL" });
  try {
    await st.createChallenge({
      code: "BENCH2",
      scenarioId: "launch",
      seed: "s",
      difficulty: "standard",
      className: "bench",
      deadline: null,
      engineVersion: ENGINE_VERSION,
      contentHash: "h",
      secretHash: "0".repeat(64),
      createdAt: 0,
      closedAt: null,
    });
    const kpis = { gmvFen: 1, orders: 1, uv: 1, conversionRate: 0.1, netProfitFen: 1, dsr: 4.8 } as unknown as RunKpis;
    const trainees = Math.max(1, Math.floor(boardRows / 4));
    const t0 = performance.now();
    for (let i = 0; i < boardRows; i++) {
      await st.addSubmission({
        code: "BENCH2",
        traineeName: `T${i % trainees}`,
        traineeKey: `t${i % trainees}`,
        runHash: `r${i}`,
        verified: true,
        score: (i * 7919) % 1000,
        stars: 1,
        stateHash: `s${i % (boardRows - 50)}`, // the last 50 repeat earlier plays: copies
        kpis,
        timeline: [],
        runJson: "{}",
        rejectCode: null,
        rejectReason: null,
        createdAt: i,
        decisionsHash: `p${i}`,
      });
    }
    const insertMs = (performance.now() - t0) / boardRows;
    const time = async (n: number, f: (k: number) => Promise<unknown>) => {
      const xs: number[] = [];
      for (let k = 0; k < n; k++) {
        const a = performance.now();
        await f(k);
        xs.push(performance.now() - a);
      }
      return `p50 ${pct(xs, 50).toFixed(2)} ms, p99 ${pct(xs, 99).toFixed(2)} ms`;
    };
    console.log(
      [
        `reads at ${boardRows} submissions (${trainees} trainees), SQLite in-process:`,
        `  insert (copy check + board index): ${insertMs.toFixed(2)} ms per submission`,
        `  board, 100 rows: ${await time(50, () => st.leaderboard("BENCH2", 100))}   (budget ≤ 20 ms)`,
        `  copies list: ${await time(50, () => st.boardCopies("BENCH2", 100))}`,
        `  rank of one trainee: ${await time(50, (k) => st.rankOf("BENCH2", `t${(k * 97) % trainees}`))}`,
        `  instructor's list, one page of 500: ${await time(20, (k) => st.listSubmissions("BENCH2", { afterId: k * 500, limit: 500 }))}`,
      ].join("\n"),
    );
  } finally {
    await st.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
