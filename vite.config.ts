import { defineConfig } from "vite";
import { precompress } from "./scripts/precompress";

// The game is a static bundle; `npm start` builds it and serves dist/ on 127.0.0.1.
export default defineConfig({
  base: "./",
  // .br and .gz beside each text asset, served by the challenge server (preCompressed).
  plugins: [precompress()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
