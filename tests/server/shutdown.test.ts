// A clean, quick stop: SIGTERM with a keep-alive client connected finishes the requests in flight,
// closes the idle connection and exits 0 (it used to wait for the 72 s keep-alive timeout).
import { Agent, request } from "node:http";
import { expect, it } from "vitest";
import { botRun, buildBundle, createChallenge, startServer } from "./helpers";

function get(agent: Agent, url: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(path, url);
    const req = request(
      u,
      {
        agent,
        method: body === undefined ? "GET" : "POST",
        headers: body === undefined ? {} : { "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (d) => {
          text += String(d);
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

it("SIGTERM with an idle keep-alive connection and submissions in flight stops cleanly", {
  timeout: 30_000,
}, async () => {
  const bundle = buildBundle("shutdown");
  const s = await startServer(bundle, { VERIFY_WORKERS: "1", SHUTDOWN_GRACE_MS: "20000" });
  const { code } = await createChallenge(s.url, { scenario: "sandbox", seed: "stop-1" });
  const run = botRun("sandbox", "stop-1", "textbook");
  const idle = new Agent({ keepAlive: true, maxSockets: 1 });
  const busy = new Agent({ keepAlive: true });
  expect((await get(idle, s.url, "/api/health")).status).toBe(200);
  let idleClosedByServer = false;
  for (const sockets of Object.values(idle.freeSockets)) {
    for (const sock of sockets ?? []) sock.once("close", () => (idleClosedByServer = true));
  }
  // Three submissions to one worker: when the first is answered the other two are still in flight.
  const sends = [0, 1, 2].map((i) => get(busy, s.url, `/api/challenges/${code}/submissions`, { name: `s${i}`, run }));
  await Promise.race(sends);
  const exit = new Promise<number | null>((r) => s.proc.once("exit", (c) => r(c)));
  s.proc.kill("SIGTERM");
  const done = await Promise.all(sends);
  expect(done.map((r) => r.status)).toEqual([201, 201, 201]);
  // Exits by itself well inside the test's timeout, which is shorter than the keep-alive timeout and
  // the grace period: the idle connection did not hold it open.
  expect(await exit).toBe(0);
  expect(idleClosedByServer).toBe(true);
  expect(s.output()).toContain("SIGTERM: stopping (grace 20000 ms)");
  expect(s.output()).not.toContain("grace period over");
  idle.destroy();
  busy.destroy();
});
