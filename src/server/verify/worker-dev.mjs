// Development only (the server running from source under tsx): Node 20 does not apply
// `--import tsx` to worker threads, so this plain-JS entry registers tsx's loader and then loads
// the TypeScript worker. The bundled server (npm start) uses dist-server/verify-worker.mjs instead.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
