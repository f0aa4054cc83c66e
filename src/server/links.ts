// The origin of the links and QR codes given to instructors. Never the request's Host or
// X-Forwarded-Host header (a client writes those): PUBLIC_URL when set, otherwise the address the
// server was configured to listen on — for a wildcard HOST (0.0.0.0, ::) this machine's first
// non-internal IPv4 address, which is what a classroom device can open.
import { networkInterfaces } from "node:os";

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]", "::0"]);

/** The first non-internal IPv4 address of this machine, or null. */
export function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === "IPv4" && !a.internal) return a.address;
  }
  return null;
}

/** `http://host:port` from the configured HOST and the port actually bound. */
export function configuredOrigin(host: string, port: number): string {
  let h = host;
  if (WILDCARDS.has(host)) h = lanAddress() ?? "127.0.0.1";
  else if (host === "localhost") h = "127.0.0.1";
  const shown = h.includes(":") && !h.startsWith("[") ? `[${h}]` : h;
  return `http://${shown}:${port}`;
}
