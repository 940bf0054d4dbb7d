// The production server: Next.js behind a thin Node HTTP server that tells the app who is calling.
// scripts/start.ts runs it in place of `next start`; see server/http/stamp-client-address.ts for why.
import { createServer } from "node:http";
import next from "next";
import { parseTrustedProxies } from "@/server/http/client-address";
import { stampClientAddress } from "@/server/http/stamp-client-address";

const args = process.argv.slice(2);
const portFlag = args.indexOf("--port");
const port = Number((portFlag >= 0 ? args[portFlag + 1] : undefined) ?? process.env.PORT ?? 3000);

async function main() {
  // Read once at start: a malformed TRUSTED_PROXIES stops the server instead of trusting the wrong hops.
  const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const app = next({ dev: false, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    stampClientAddress(req, trusted);
    void handle(req, res);
  });
  // Every interface, as `next start` listens.
  server.listen(port, () => console.log(`Ready on port ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      server.close(() => process.exit(0));
      // A client holding its connection open must not keep the process alive.
      setTimeout(() => process.exit(0), 5000).unref();
    });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
