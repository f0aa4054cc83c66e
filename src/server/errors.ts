// One error shape for every failure: {error: {code, message, path?, key?, params?}}.
// `key`/`params` carry the engine's translatable reason so the game can show it in the trainee's language.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { path?: string; key?: string; params?: Record<string, string | number> } = {},
  ) {
    super(message);
  }

  body() {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
