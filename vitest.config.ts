import { defineConfig } from "vitest/config";

// Node-side tests only (engine, store, CLI, schemas). Browser tests run in real Chromium
// through scripts/browser-tests.mjs, because Phaser cannot be imported in Node.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**", "node_modules/**"],
    environment: "node",
    testTimeout: 60_000,
  },
});
