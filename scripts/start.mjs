// `npm start`: builds the game (vite) and the server (esbuild), then runs one Fastify server that
// serves the game and the API on http://127.0.0.1:PORT (PORT defaults to 8080), with its SQLite
// database under ./data/. Settings are environment variables (see README.md, "Server").
import { spawn } from "node:child_process";
import { build } from "vite";
import { buildServer } from "./build-server.mjs";

await build({ logLevel: "warn" });
await buildServer({ quiet: true });
const child = spawn(process.execPath, ["--enable-source-maps", "dist-server/server.mjs"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
