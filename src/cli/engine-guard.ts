// The engine is meant never to throw (every bad input is refused by validation with a located
// message). If it does anyway, that is a bug in ShopSim: the command line reports it as one clear
// line saying where it happened and what to do, instead of a stack trace or a bare "internal error".

/** An exception raised inside the engine, with where it happened. */
export class EngineFailure extends Error {}

/** The one-line report of an engine exception `e` that happened `where` (e.g. "in turn 3 (week 3) of launch"). */
export function engineFailure(e: unknown, where: string): EngineFailure {
  const reason = e instanceof Error ? e.message : String(e);
  const at = where ? ` ${where}` : "";
  return new EngineFailure(
    `the simulation failed${at}: ${reason} — a bug in ShopSim, not in your input; please report it with the command and the files you used`,
  );
}

/** Runs `fn` (a call into the engine); an exception from it becomes an EngineFailure located by `where`. */
export function guardEngine<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof EngineFailure) throw e;
    throw engineFailure(e, where);
  }
}
