// Request validation helpers shared by the route modules: zod parsing with a located 400, and names.
import type { z } from "zod";
import { ApiError } from "./errors";
import { cleanName } from "./text";

export function parse<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const i = r.error.issues[0];
  const path = [where, ...(i?.path ?? []).map(String)].join(".");
  const code = where === "params" && i?.path[0] === "code" ? "invalid_code" : "invalid_request";
  throw new ApiError(400, code, `${path}: ${i?.message ?? "invalid"}`, { path });
}

export function cleanOr400(raw: string, max: number, path: string, what: string): string {
  const r = cleanName(raw, max);
  if (!r.ok) throw new ApiError(400, "invalid_name", `${what} ${r.reason}`, { path });
  return r.value;
}
