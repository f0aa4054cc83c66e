// Web worker for the debrief's "what if" page: replays the run once per decision, then the most
// telling decisions on other markets (a 26-week season with 300 decisions takes seconds), posting
// each result as it comes so the page fills in and the screen keeps answering.
import { type Decision, type Scenario, whatIf } from "../engine";
import type { WhatIfMessage } from "./whatif-job";

export interface WhatIfRequest {
  scenario: Scenario;
  seed: string;
  turns: Decision[][];
}

const post = (m: WhatIfMessage) => postMessage(m);

addEventListener("message", (e: MessageEvent<WhatIfRequest>) => {
  try {
    const { scenario, seed, turns } = e.data;
    for (const event of whatIf(scenario, seed, turns)) post(event);
    post({ kind: "done" });
  } catch (err) {
    post({ kind: "error", message: (err as Error)?.message ?? String(err) });
  }
});
