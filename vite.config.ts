import { defineConfig } from "vite";

// The game is a static bundle; `npm start` builds it and serves dist/ on 127.0.0.1.
export default defineConfig({
  base: "./",
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 2000,
  },
});
