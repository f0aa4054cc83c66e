// The built game served compressed: precompressDir (the build's Vite plugin) writes .br/.gz siblings,
// the server sends the one the browser accepts (Accept-Encoding), with the page's security headers.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { precompressDir } from "../../scripts/precompress";
import { buildBundle, type RunningServer, startServer } from "./helpers";

let srv: RunningServer;
const js = `export const shop = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ sku: `cup${i}`, priceFen: 8900 + i })))};\n`;
const html = `<!doctype html><html><head><title>ShopSim</title></head><body>${"<div>电商店长模拟器</div>".repeat(200)}<script type="module" src="./assets/index.js"></script></body></html>`;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-static-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), html);
  writeFileSync(join(dir, "assets", "index.js"), js);
  writeFileSync(join(dir, "assets", "tiny.js"), "export {};\n");
  const done = precompressDir(dir);
  expect(done.map((d) => d.file.slice(dir.length + 1)).sort()).toEqual(["assets/index.js", "index.html"]);
  srv = await startServer(buildBundle("static"), { STATIC_DIR: dir });
});
afterAll(async () => {
  await srv?.stop();
});

function raw(
  path: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, srv.url),
      { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

it("sends Brotli, gzip or the plain file as the browser accepts", async () => {
  const br = await raw("/assets/index.js", "gzip, deflate, br");
  expect(br.status).toBe(200);
  expect(br.headers["content-encoding"]).toBe("br");
  expect(String(br.headers["content-type"])).toMatch(/javascript/);
  expect(br.body.length).toBeLessThan(js.length / 4);
  expect(brotliDecompressSync(br.body).toString("utf8")).toBe(js);

  const gz = await raw("/assets/index.js", "gzip");
  expect(gz.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(gz.body).toString("utf8")).toBe(js);

  const plain = await raw("/assets/index.js");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8")).toBe(js);

  // Too small to be worth it: always plain.
  const tiny = await raw("/assets/tiny.js", "br");
  expect(tiny.headers["content-encoding"]).toBeUndefined();
});

it("the page itself too, with its security headers", async () => {
  const page = await raw("/", "br");
  expect(page.status).toBe(200);
  expect(page.headers["content-encoding"]).toBe("br");
  expect(String(page.headers["content-security-policy"])).toContain("default-src 'self'");
  // The page learns that a ShopSim server (with the API) served it, so it may ask /api/health.
  expect(String(page.headers["server-timing"])).toBe("shopsim");
  expect(brotliDecompressSync(page.body).toString("utf8")).toBe(html);
});
