// Runs a test command against a database of its own, created and migrated here and dropped afterwards,
// so tests never touch the demo data. Uses the server in DATABASE_URL, or an embedded one.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "@/db/client";
import { freePort, type PostgresServer, startEmbeddedPostgres, withDatabase } from "@/db/embedded-server";
import { applyMigrations } from "@/db/migrate";
import { seedReferenceData } from "@/db/seed/reference";
import { createDatabaseFrom, dropDatabase, listDatabases } from "@/scripts/database-admin";
import { newSigningKeyPem } from "@/server/moderation/log-signing-key";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error("usage: with-test-database <command> [args…]");

  let embedded: PostgresServer | undefined;
  let embeddedDir: string | undefined;
  let adminUrl = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : undefined;
  if (!adminUrl) {
    embeddedDir = mkdtempSync(path.join(os.tmpdir(), "tyndau-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, port: await freePort() });
    adminUrl = embedded.url("postgres");
  }
  const name = `tyndau_test_${Date.now()}_${process.pid}`;
  await createDatabaseFrom(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  // Reference data is part of a working database; every test clone starts with it.
  const db = createDatabase(url, { max: 1 });
  await seedReferenceData(db);
  await db.$client.end();

  const secret = randomBytes(32).toString("base64url");
  const signingKeyFile = path.join(
    mkdtempSync(path.join(os.tmpdir(), "tyndau-test-key-")),
    "log-signing-key.pem",
  );
  writeFileSync(signingKeyFile, newSigningKeyPem(), { mode: 0o600 });
  const child = spawn(command, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      LOG_SIGNING_KEY_FILE: process.env.LOG_SIGNING_KEY_FILE ?? signingKeyFile,
      NEXTAUTH_URL: `http://localhost:${process.env.E2E_PORT ?? 3100}`,
    },
  });
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));

  // Test files clone the migrated database; drop the clones a crashed test left behind too.
  for (const db of await listDatabases(adminUrl, name)) await dropDatabase(adminUrl, db);
  await embedded?.stop();
  if (embeddedDir) rmSync(embeddedDir, { recursive: true, force: true });
  rmSync(path.dirname(signingKeyFile), { recursive: true, force: true });
  process.exit(code);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
