// A verification worker thread: receives {id, target, run} messages, replays the run with the
// engine and posts the outcome. It shares nothing with the server but these messages, has a
// heap cap (resourceLimits) and is terminated by the pool if it overruns its time.
import { parentPort } from "node:worker_threads";
import { type ChallengeTarget, verifyRun } from "./verify-run";

export interface VerifyRequest {
  id: number;
  target: ChallengeTarget;
  /** The run file as JSON text (parsed here, off the server's thread). */
  runText: string;
}

if (!parentPort) throw new Error("worker.ts must run as a worker thread");
const port = parentPort;
port.on("message", (m: VerifyRequest) => {
  let raw: unknown;
  try {
    raw = JSON.parse(m.runText);
  } catch {
    port.postMessage({
      id: m.id,
      outcome: { ok: false, runHash: null, code: "invalid_run", message: "run is not valid JSON" },
    });
    return;
  }
  try {
    port.postMessage({ id: m.id, outcome: verifyRun(m.target, raw) });
  } catch (e) {
    port.postMessage({
      id: m.id,
      outcome: { ok: false, runHash: null, code: "replay_failed", message: `replay failed: ${(e as Error).message}` },
    });
  }
});
port.postMessage({ ready: true });
