// Compressed static files (issue 16 item 4): after `vite build`, every text asset of at least
// MIN_BYTES gets a Brotli (.br, quality 11) and a gzip (.gz, level 9) sibling, written once at build
// time. The server sends them with @fastify/static's `preCompressed: true` when the browser accepts
// the encoding (src/server/app.ts), so no request pays for compression.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

export const MIN_BYTES = 1024;
const TEXT = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".map", ".wasm", ".xml"]);

export interface Compressed {
  file: string;
  bytes: number;
  br: number;
  gz: number;
}

/** Writes .br and .gz beside each text file of `dir` (recursively) that is worth compressing. */
export function precompressDir(dir: string): Compressed[] {
  const out: Compressed[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        walk(p);
        continue;
      }
      if (!TEXT.has(extname(name)) || name.endsWith(".map")) continue;
      const data = readFileSync(p);
      if (data.length < MIN_BYTES) continue;
      const br = brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
      const gz = gzipSync(data, { level: 9 });
      // Only where it pays: a sibling as large as the file would just be served instead of it.
      if (br.length < data.length) writeFileSync(`${p}.br`, br);
      if (gz.length < data.length) writeFileSync(`${p}.gz`, gz);
      out.push({ file: p, bytes: data.length, br: br.length, gz: gz.length });
    }
  };
  walk(dir);
  return out;
}

/** The Vite plugin: precompresses the build's output directory when the bundle is written. */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "shopsim-precompress",
    apply: "build",
    configResolved(c) {
      config = c;
    },
    closeBundle() {
      const dir = resolve(config.root, config.build.outDir);
      const files = precompressDir(dir);
      const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
      const main = [...files].sort((a, b) => b.bytes - a.bytes)[0];
      if (main) {
        config.logger.info(
          `precompressed ${files.length} files; largest ${main.file.slice(dir.length + 1)}: ${kb(main.bytes)} → br ${kb(main.br)}, gzip ${kb(main.gz)}`,
        );
      }
    },
  };
}
