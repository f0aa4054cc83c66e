// `npm start`: builds the game and serves it on http://127.0.0.1:PORT (PORT defaults to 8080).
// The game stores its saves in the browser (localStorage), so nothing else needs setting up.
import { build, preview } from "vite";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "127.0.0.1";
await build({ logLevel: "warn" });
const server = await preview({ preview: { host, port, strictPort: true, open: false }, logLevel: "warn" });
console.log(`\nShopSim 电商店长模拟器 is running: http://${host}:${port}/\n(Ctrl+C to stop)`);
void server;
