// The server's entry point: settings from the environment, SQLite storage, the verification
// pool, the API + the built game on one port. `npm start` runs the bundled copy
// (dist-server/server.mjs, built by scripts/build-server.mjs); it also runs under tsx.

import { buildApp } from "./app";
import { loadConfig } from "./config";
import { SqliteStorage } from "./storage/sqlite";
import { VerifyPool } from "./verify/pool";

async function main(): Promise<void> {
  const config = loadConfig();
  const storage = new SqliteStorage(config.dbFile, { synchronous: config.dbSync });
  // Bundled: the worker is a sibling file. From source (tsx): a JS entry that registers tsx.
  const fromSource = import.meta.url.endsWith(".ts");
  const pool = new VerifyPool({
    workerFile: new URL(fromSource ? "./verify/worker-dev.mjs" : "./verify-worker.mjs", import.meta.url),
    size: config.verifyWorkers,
    timeoutMs: config.verifyTimeoutMs,
    memoryMb: config.verifyMemoryMb,
    maxQueue: config.verifyQueue,
  });
  const app = await buildApp({ config, storage, pool });
  app.addHook("onClose", async () => {
    await pool.close();
    await storage.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.port;
  const shownHost = config.host.includes(":") ? `[${config.host}]` : config.host;
  process.stdout.write(
    `ShopSim 电商店长模拟器 is running: http://${shownHost}:${port}/\n` +
      `  data: ${config.dbFile}  verification workers: ${config.verifyWorkers}\n`,
  );
  let stopping = false;
  const stop = (sig: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${sig}: stopping\n`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => {
  process.stderr.write(`shopsim server: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
