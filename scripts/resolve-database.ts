import path from "node:path";
import { startEmbeddedPostgres, withDatabase } from "@/db/embedded-server";
import { ensureDatabaseExists } from "./database-admin";

/** DATABASE_URL when set; otherwise the embedded server of `npm start`, with its data in .data/postgres. */
export async function resolveDatabaseUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: path.join(process.cwd(), ".data", "postgres"),
    port: Number(process.env.EMBEDDED_PG_PORT ?? 54320),
  });
  await ensureDatabaseExists(server.url("postgres"), "tyndau");
  return { url: withDatabase(server.url("postgres"), "tyndau"), stop: () => server.stop() };
}
