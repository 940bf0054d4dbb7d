// The production server: Next.js behind a thin Node HTTP server that tells the app who is calling.
// scripts/start.ts runs it in place of `next start`; see server/http/stamp-client-address.ts for why.
import { createServer } from "node:http";
import next from "next";
import postgres from "postgres";
import { parseTrustedProxies } from "@/server/http/client-address";
import { fillOverLoopback, PageCache, publicPagesGeneration } from "@/server/http/page-cache";
import { stampClientAddress } from "@/server/http/stamp-client-address";
import { FIRST_READ_PAGES, warmUp } from "@/server/http/warm-up";

const args = process.argv.slice(2);
const portFlag = args.indexOf("--port");
const port = Number((portFlag >= 0 ? args[portFlag + 1] : undefined) ?? process.env.PORT ?? 3000);

async function main() {
  // Read once at start: a malformed TRUSTED_PROXIES stops the server instead of trusting the wrong hops.
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // PAGE_CACHE=off renders every public page per reader, as before (to compare, or to rule the cache out).
  const pages = pageCache();
  // Until the most read pages have been rendered once, the health check says so: a balancer sends a new
  // process no readers before it is warm, and everything else is served as usual meanwhile.
  let warming = true;
  const server = createServer((req, res) => {
    if (warming && req.url?.split("?")[0] === "/api/health") {
      res.writeHead(503, {
        "content-type": "application/json",
        "retry-after": "1",
        "cache-control": "no-store",
      });
      res.end(JSON.stringify({ status: "warming" }));
      return;
    }
    stampClientAddress(req, trusted);
    if (pages?.accepts(req))
      pages.serve(req, res).catch((error) => {
        console.error(error);
        if (!res.headersSent) void handle(req, res);
        else res.destroy();
      });
    else void handle(req, res);
  });
  // Every interface, as `next start` listens.
  server.listen(port, () => {
    warmUp(`http://127.0.0.1:${port}`, FIRST_READ_PAGES, (line) => console.warn(line)).finally(() => {
      warming = false;
      console.log(`Ready on port ${port}`);
    });
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // A client holding its connection open must not keep the process alive.
      setTimeout(() => process.exit(0), 5000).unref();
    });
}

function pageCache(): PageCache | null {
  // The kept pages read from the replica when there is one, so their generation is read there too: the
  // replica's state is what they show, and a busy or stopped primary must not hold up their readers.
  const url = process.env.DATABASE_READ_URL ?? process.env.DATABASE_URL;
  if (process.env.PAGE_CACHE === "off" || !url) return null;
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  return new PageCache({ generation: () => publicPagesGeneration(sql), fill: fillOverLoopback(port) });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
