// The server's entry point: settings from the environment, SQLite storage, the verification
// pool, the API + the built game on one port. `npm start` runs the bundled copy
// (dist-server/server.mjs, built by scripts/build-server.mjs); it also runs under tsx.

import { buildApp } from "./app";
import { loadConfig } from "./config";
import { SqliteStorage } from "./storage/sqlite";
import { VerifyPool } from "./verify/pool";

async function main(): Promise<void> {
  const config = loadConfig();
  // Refuses to start (with the file named) if the database cannot be opened or fails quick_check.
  const storage = new SqliteStorage(config.dbFile, { synchronous: config.dbSync });
  await storage.checkWritable().catch((e: unknown) => {
    process.stderr.write(`warning: submissions cannot be stored: ${(e as Error).message}\n`);
  });
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
  let stopping = false;
  // While stopping, every answer closes its connection, so a keep-alive client cannot hold the
  // server open until its keep-alive timeout (72 s).
  app.addHook("onSend", async (_req, reply, payload) => {
    if (stopping) reply.header("connection", "close");
    return payload;
  });
  await app.listen({ port: config.port, host: config.host });
  const addr = app.server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.port;
  const shownHost = config.host.includes(":") ? `[${config.host}]` : config.host;
  process.stdout.write(
    `ShopSim 电商店长模拟器 is running: http://${shownHost}:${port}/\n` +
      `  data: ${config.dbFile}  verification workers: ${config.verifyWorkers}\n`,
  );
  // A clean, quick stop: no new connections; requests in flight finish (their replies close the
  // connection); idle keep-alive connections are closed at once and as they fall idle; after
  // SHUTDOWN_GRACE_MS the remaining connections are cut, and the process exits 1 s later at the latest.
  const stop = (sig: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${sig}: stopping (grace ${config.shutdownGraceMs} ms)\n`);
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    const cut = setTimeout(() => {
      process.stdout.write("grace period over: closing the remaining connections\n");
      app.server.closeAllConnections();
    }, config.shutdownGraceMs);
    const hard = setTimeout(() => process.exit(1), config.shutdownGraceMs + 1000);
    for (const t of [sweep, cut, hard]) t.unref();
    app.server.closeIdleConnections();
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
