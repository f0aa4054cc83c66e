// The hardened door, through the real server as a child process: proxy trust that a client cannot
// spoof (both nginx header shapes, a hop count and an address list), links that no Host header
// chooses, and input limits (depth, decisions per week, names, invalid UTF-8) that answer 4xx, never 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer } from "./helpers";

let bundle: string;
let srv: RunningServer;
const textbook = botRun("launch", "class-1", "textbook");

beforeAll(async () => {
  bundle = buildBundle("hardening");
  srv = await startServer(bundle);
});
afterAll(async () => {
  await srv?.stop();
});

const create = (base: string, headers: Record<string, string>) =>
  api(base, "POST", "/api/challenges", { scenario: "launch", className: "x" }, headers);

describe("proxy trust cannot be spoofed", () => {
  it("TRUST_PROXY=1 behind nginx's $proxy_add_x_forwarded_for: a client-written entry changes nothing", async () => {
    const s = await startServer(bundle, { TRUST_PROXY: "1", RATE_LIMIT_CREATE: "3" });
    try {
      // nginx appends the real client address ($remote_addr) to whatever the client sent.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await create(s.url, { "x-forwarded-for": `203.0.113.${i}, 10.1.1.1` });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429, 429]);
      // `X-Forwarded-For $remote_addr` (the header replaced): one address per client, its own bucket.
      const other: number[] = [];
      for (let i = 0; i < 4; i++) other.push((await create(s.url, { "x-forwarded-for": "10.2.2.2" })).status);
      expect(other).toEqual([201, 201, 201, 429]);
      // A third real client is not limited by the first two: the limit is per forwarded address.
      expect((await create(s.url, { "x-forwarded-for": "1.2.3.4, 10.3.3.3" })).status).toBe(201);
    } finally {
      await s.stop();
    }
  });

  it("TRUST_PROXY as a list of proxy addresses: the right-most untrusted address is the client", async () => {
    const s = await startServer(bundle, { TRUST_PROXY: "127.0.0.0/8, 10.9.0.0/16", RATE_LIMIT_CREATE: "2" });
    try {
      const shapes = [
        "198.51.100.7, 10.4.4.4", // spoofed left entry, then the proxy's $remote_addr
        "10.4.4.4", // the header replaced by the proxy
        "198.51.100.8, 10.4.4.4, 10.9.0.3", // two proxies: 10.9.0.3 is trusted, so 10.4.4.4 is the client
      ];
      const statuses = [];
      for (const h of shapes) statuses.push((await create(s.url, { "x-forwarded-for": h })).status);
      expect(statuses).toEqual([201, 201, 429]);
      expect((await create(s.url, { "x-forwarded-for": "10.5.5.5" })).status).toBe(201);
    } finally {
      await s.stop();
    }
  });

  it("refuses to start with TRUST_PROXY=true, saying why", async () => {
    await expect(startServer(bundle, { TRUST_PROXY: "true" })).rejects.toThrow(/TRUST_PROXY.*X-Forwarded-For/);
  });

  it("links come from the configured host, never from Host or X-Forwarded-Host", async () => {
    const r = await create(srv.url, { host: "evil.example", "x-forwarded-host": "evil.example" });
    expect(r.status).toBe(201);
    expect(r.body.link).toBe(`${srv.url}/?c=${r.body.code}`);
    const s = await startServer(bundle, { TRUST_PROXY: "1", PUBLIC_URL: "https://shopsim.school.cn/" });
    try {
      const p = await create(s.url, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" });
      expect(p.body.link).toBe(`https://shopsim.school.cn/?c=${p.body.code}`);
    } finally {
      await s.stop();
    }
  });
});

describe("input limits at the door", () => {
  let code: string;
  beforeAll(async () => {
    code = (await createChallenge(srv.url)).code;
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    api(srv.url, "POST", `/api/challenges/${code}/submissions`, body, headers);

  it("deep nesting anywhere is a located 4xx, not a 500 or a leaked stack message", async () => {
    for (const depth of [5000, 100_000]) {
      const deep = `${"[".repeat(depth)}${"]".repeat(depth)}`;
      const run = JSON.stringify({ ...textbook, meta: { player: "x" } }).replace('"x"', deep);
      const inRun = await post(`{"name":"deep","run":${run}}`);
      expect(inRun.status, `depth ${depth}`).toBe(422);
      expect(inRun.body.error.code).toBe("invalid_run");
      expect(inRun.body.error.path).toMatch(/^body\.run\.meta\.player(\.0)+$/);
      expect(inRun.text).not.toMatch(/call stack/i);
      const outside = await post(`{"name":"deep","run":{},"extra":${deep}}`);
      expect(outside.status).toBe(400);
      expect(outside.body.error).toMatchObject({ code: "invalid_request" });
      expect(outside.body.error.path).toMatch(/^body\.extra(\.0)+$/);
    }
    const createDeep = await api(
      srv.url,
      "POST",
      "/api/challenges",
      `{"scenario":"launch","className":"x","z":${"[".repeat(4000)}${"]".repeat(4000)}}`,
    );
    expect(createDeep.status).toBe(400);
    expect(createDeep.body.error.path).toMatch(/^body\.z/);
  });

  it("more decisions in a week than the cap is invalid_run with the week's path, before any replay", async () => {
    const run = JSON.parse(JSON.stringify(textbook));
    const d = run.turns[0][0] ?? { type: "setPrice", sku: "cup300", priceFen: 9900 };
    run.turns[2] = Array.from({ length: 65 }, () => d);
    const r = await post({ name: "many", run });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: "invalid_run", path: "body.run.turns.2" });
    expect(r.body.error.message).toMatch(/65 decisions; at most 64/);
  });

  it("hostile names are refused with invalid_name; well-formed names of many scripts are accepted", async () => {
    for (const name of ["\u3164", "a\u061Cb", "\u0410lice", "e\u0301\u0301\u0301\u0301", "\u2800", "a\uFE0F"]) {
      const r = await post({ name, run: textbook });
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.error).toMatchObject({ code: "invalid_name", path: "body.name" });
    }
    // A lone surrogate sent as a JSON escape (it would be stored as invalid UTF-8).
    const lone = await post(`{"name":"\\ud800abc","run":${JSON.stringify(textbook)}}`);
    expect(lone.status).toBe(400);
    expect(lone.body.error).toMatchObject({ code: "invalid_name", path: "body.name" });
    for (const name of ["田中さん", "Nguyễn Văn A", "김철수 Kim", "Иван"]) {
      expect((await post({ name, run: textbook })).status, name).toBe(201);
    }
  });

  it("a body that is not valid UTF-8 is refused, not silently repaired", async () => {
    const json = Buffer.from(`{"name":"ab","run":${JSON.stringify(textbook)}}`, "utf8");
    const at = json.indexOf("ab");
    json[at] = 0xff; // not UTF-8 anywhere
    const res = await fetch(`${srv.url}/api/challenges/${code}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: json,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("invalid_encoding");
    const overlong = Buffer.from('{"scenario":"launch","className":"\xC0\xAF"}', "latin1");
    const c = await fetch(`${srv.url}/api/challenges`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: overlong,
    });
    expect(c.status).toBe(400);
    expect((await c.json()).error.code).toBe("invalid_encoding");
  });
});
