// Bundles the server and its verification worker (TypeScript, with the engine and the bundled
// scenarios) into dist-server/ with esbuild: plain ESM that Node 20 runs without a loader.
// Native and Node-only packages stay external and are loaded from node_modules.
import { build } from "esbuild";

export async function buildServer({ outdir = "dist-server", quiet = false } = {}) {
  const started = Date.now();
  await build({
    entryPoints: { server: "src/server/main.ts", "verify-worker": "src/server/verify/worker.ts" },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    packages: "external",
    sourcemap: true,
    logLevel: quiet ? "error" : "warning",
    legalComments: "none",
  });
  if (!quiet) console.log(`server bundle → ${outdir}/ (${Date.now() - started} ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--outdir");
  await buildServer(i > 0 ? { outdir: process.argv[i + 1] } : {});
}
