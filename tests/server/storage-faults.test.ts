// Storage you can trust, as faults an operator meets: the database file deleted or replaced while the
// server runs, the disk read-only or full, a damaged file at start. The server must acknowledge
// nothing it could lose: 503 storage_unavailable with retry-after, /api/health 503, and a damaged file
// stops it at start with the file named.
import { spawnSync } from "node:child_process";
import { closeSync, copyFileSync, mkdtempSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer, tempDb } from "./helpers";

let bundle: string;
const textbook = botRun("launch", "class-1", "textbook");
const naive = botRun("launch", "class-1", "naive");
const running: RunningServer[] = [];
const mounts: string[] = [];

beforeAll(() => {
  bundle = buildBundle("faults");
});
afterAll(async () => {
  for (const s of running) await s.stop();
  for (const m of mounts) spawnSync("umount", ["-l", m]);
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const s = await startServer(bundle, env);
  running.push(s);
  return s;
}

const submit = (s: RunningServer, code: string, name: string, run: unknown) =>
  api(s.url, "POST", `/api/challenges/${code}/submissions`, { name, run });

async function expectUnavailable(s: RunningServer, code: string, name: string) {
  const r = await submit(s, code, name, naive);
  expect(r.status).toBe(503);
  expect(r.body.error.code).toBe("storage_unavailable");
  expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
  const h = await api(s.url, "GET", "/api/health");
  expect(h.status).toBe(503);
  expect(h.body.error.code).toBe("storage_unavailable");
}

describe("the database file changes under the running server", () => {
  it("deleted: no write is acknowledged, health fails, the log names the file", async () => {
    const db = tempDb();
    const s = await start({ DB_FILE: db, LOG_LEVEL: "error" });
    const { code } = await createChallenge(s.url);
    expect((await submit(s, code, "before", textbook)).status).toBe(201);
    expect((await api(s.url, "GET", "/api/health")).status).toBe(200);
    unlinkSync(db);
    await expectUnavailable(s, code, "after");
    expect((await api(s.url, "POST", "/api/challenges", { scenario: "launch", className: "x" })).status).toBe(503);
    // The log line comes through the child's stdout pipe: wait for it rather than race it.
    for (let i = 0; i < 100 && !s.output().includes(`${db} was deleted`); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(s.output()).toContain(`${db} was deleted`);
    // Reads still answer from the open file (the board did not lose "before").
    const board = await api(s.url, "GET", `/api/challenges/${code}/leaderboard`);
    expect(board.body.rows.map((r: { name: string }) => r.name)).toEqual(["before"]);
  });

  it("replaced (a restore copied over it): refused the same way", async () => {
    const db = tempDb();
    const s = await start({ DB_FILE: db });
    const { code } = await createChallenge(s.url);
    expect((await submit(s, code, "before", textbook)).status).toBe(201);
    copyFileSync(db, `${db}.copy`);
    renameSync(`${db}.copy`, db);
    await expectUnavailable(s, code, "after");
  });
});

/** A small tmpfs of our own (root in a container); null where mounting is not allowed. */
function ownFs(sizeMb: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-fs-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${sizeMb}m`, "tmpfs", dir]);
  if (r.status !== 0) return null;
  mounts.push(dir);
  return dir;
}

describe("read-only and full disks", () => {
  it("read-only: 503 and health 503 while it lasts; writes again once it is writable", async () => {
    const db = tempDb();
    const s = await start({ DB_FILE: db });
    const { code } = await createChallenge(s.url);
    expect((await submit(s, code, "before", textbook)).status).toBe(201);
    // The database, its WAL and its directory made immutable under the running server: every write
    // fails as on a file system remounted read-only (which Linux refuses while files are open for writing).
    const files = [db, `${db}-wal`, join(db, "..")];
    const locked = spawnSync("chattr", ["+i", ...files]).status === 0;
    if (locked) {
      try {
        await expectUnavailable(s, code, "during");
      } finally {
        spawnSync("chattr", ["-i", ...files]);
      }
      expect((await api(s.url, "GET", "/api/health")).status).toBe(200);
      expect((await submit(s, code, "after", naive)).status).toBe(201);
      return;
    }
    // Without chattr (not root, or a file system without it): read-only from the start instead.
    await s.stop();
    running.splice(running.indexOf(s), 1);
    spawnSync("chmod", ["a-w", db, join(db, "..")]);
    try {
      const again = await startServer(bundle, { DB_FILE: db }).catch((e: Error) => e);
      if (again instanceof Error) expect(again.message).toContain(db);
      else {
        running.push(again);
        await expectUnavailable(again, code, "during");
      }
    } finally {
      spawnSync("chmod", ["u+w", db, join(db, "..")]);
    }
  });

  it("full: health fails below the free-space floor and a write that does not fit is a 503", async () => {
    const fs = ownFs(24);
    const dir = fs ?? mkdtempSync(join(tmpdir(), "shopsim-full-"));
    const s = await start({ DB_FILE: join(dir, "full.sqlite") });
    const { code } = await createChallenge(s.url);
    expect((await submit(s, code, "before", textbook)).status).toBe(201);
    if (!fs) {
      // No small file system of our own: the free-space floor is still checked against the real disk.
      expect((await api(s.url, "GET", "/api/health")).status).toBe(200);
      return;
    }
    const filler = join(fs, "filler");
    const fd = openSync(filler, "w");
    const chunk = Buffer.alloc(256 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: the disk is full.
    }
    try {
      for (;;) writeSync(fd, Buffer.alloc(512, 1));
    } catch {
      // and the last blocks too.
    }
    closeSync(fd);
    await expectUnavailable(s, code, "during");
    rmSync(filler);
    expect((await api(s.url, "GET", "/api/health")).status).toBe(200);
    expect((await submit(s, code, "after", naive)).status).toBe(201);
  });
});

describe("a damaged file stops the server at start, named", () => {
  for (const [what, offset] of [
    ["a zeroed b-tree page", 4096],
    ["a zeroed header", 0],
  ] as const) {
    it(what, async () => {
      const db = tempDb();
      const s = await startServer(bundle, { DB_FILE: db });
      const { code } = await createChallenge(s.url);
      for (let i = 0; i < 3; i++) await submit(s, code, `t${i}`, i % 2 ? naive : textbook);
      await s.stop(); // a clean stop checkpoints the WAL into the file
      const fd = openSync(db, "r+");
      writeSync(fd, Buffer.alloc(4096), 0, 4096, offset);
      closeSync(fd);
      const e = await startServer(bundle, { DB_FILE: db }).then(
        (x) => {
          running.push(x);
          return null;
        },
        (err: Error) => err,
      );
      expect(e).not.toBeNull();
      expect(e?.message).toContain(`cannot use the database ${db}`);
      expect(e?.message).toMatch(/damaged|not a database|malformed/);
    });
  }
});
