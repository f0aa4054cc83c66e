// Runs the "what if" replays of one finished run (src/engine/counterfactual.ts) and keeps their
// results for the debrief. One job at a time, kept across the debrief's page switches and language
// changes; a new run replaces it. The work happens in a web worker; where a browser cannot start
// one, it runs here on the main thread, one replay per timer tick, so the screen still answers.
import {
  baseScenario,
  type Decision,
  type DecisionValue,
  decisionRefs,
  type MarketCheck,
  type Scenario,
  scenarioAt,
  scenarioDifficulty,
  WHATIF_DEFAULTS,
  type WhatIfEvent,
  whatIf,
} from "../engine";
import type { WhatIfRequest } from "./whatif-worker";

export type WhatIfMessage = WhatIfEvent | { kind: "done" } | { kind: "error"; message: string };

export interface WhatIfJob {
  key: string;
  /** Decisions in the run. */
  decisions: number;
  /** Results to wait for: a value per decision, then a market check per candidate. */
  total: number;
  values: DecisionValue[];
  checks: MarketCheck[];
  done: boolean;
  error: string | null;
}

let job: WhatIfJob | null = null;
let stop: (() => void) | null = null;
const listeners = new Set<(j: WhatIfJob) => void>();

function receive(j: WhatIfJob, m: WhatIfMessage): void {
  if (job !== j) return; // a message from a job that was replaced
  if (m.kind === "value") j.values.push(m.value);
  else if (m.kind === "check") j.checks.push(m.check);
  else if (m.kind === "done") j.done = true;
  else {
    j.error = m.message;
    j.done = true;
  }
  for (const l of listeners) l(j);
}

function inWorker(j: WhatIfJob, req: WhatIfRequest): (() => void) | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./whatif-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return null;
  }
  worker.onmessage = (e: MessageEvent<WhatIfMessage>) => receive(j, e.data);
  worker.onerror = (e) => {
    e.preventDefault();
    receive(j, { kind: "error", message: e.message || "worker failed" });
  };
  worker.postMessage(req);
  return () => worker.terminate();
}

function onMainThread(j: WhatIfJob, req: WhatIfRequest): () => void {
  const events = whatIf(scenarioAt(req.scenario, req.difficulty), req.seed, req.turns);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    try {
      const next = events.next();
      receive(j, next.done ? { kind: "done" } : next.value);
      if (!next.done) timer = setTimeout(tick, 0);
    } catch (err) {
      receive(j, { kind: "error", message: (err as Error).message });
    }
  };
  timer = setTimeout(tick, 0);
  return () => clearTimeout(timer);
}

/** The job for this run, started if it is not the one running or finished already. */
export function whatIfJob(
  key: string,
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
): WhatIfJob {
  if (job?.key === key) return job;
  stop?.();
  stop = null;
  const decisions = decisionRefs(turns).length;
  const j: WhatIfJob = {
    key,
    decisions,
    total: decisions + Math.min(decisions, 2 * WHATIF_DEFAULTS.candidates),
    values: [],
    checks: [],
    done: decisions === 0,
    error: null,
  };
  job = j;
  if (j.done) return j;
  // The file and the difficulty (the scenario as played is rebuilt from them in the worker).
  const req: WhatIfRequest = {
    scenario: baseScenario(scenario),
    difficulty: scenarioDifficulty(scenario),
    seed,
    turns: turns.map((t) => [...t]),
  };
  stop = inWorker(j, req) ?? onMainThread(j, req);
  return j;
}

/** Calls `fn` on every new result; returns the unsubscribe. */
export function onWhatIf(fn: (j: WhatIfJob) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The current job, for the test hook. */
export function currentWhatIf(): WhatIfJob | null {
  return job;
}
