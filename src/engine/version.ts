// Bump ENGINE_VERSION whenever a change can alter any replayed result (a formula, a
// constant, the order of random draws). Runs recorded with another version are refused.
export const ENGINE_VERSION = "0.3.1";
export const RUN_FORMAT = "shopsim-run";
