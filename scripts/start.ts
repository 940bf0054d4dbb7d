// `npm start`: one command from a fresh clone to a running service with demo data.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createDatabase } from "@/db/client";
import { type PostgresServer, startEmbeddedPostgres, withDatabase } from "@/db/embedded-server";
import { applyMigrations } from "@/db/migrate";
import { DEMO_LOGINS, seedDemoData } from "@/db/seed/demo";
import { seedReferenceData } from "@/db/seed/reference";
import { ensureDatabaseExists } from "@/scripts/database-admin";
import { publicBaseUrlProblem } from "@/server/http/public-base-url";
import { newSigningKeyPem } from "@/server/moderation/log-signing-key";

const args = process.argv.slice(2);
const port = Number(flagValue("--port") ?? process.env.PORT ?? 3000);
const build = !args.includes("--no-build");
const demoAppeals = Number(flagValue("--demo-appeals") ?? 300);
const dataDir = path.join(process.cwd(), ".data");
// A state service sends no telemetry: the build and the server it starts inherit this.
process.env.NEXT_TELEMETRY_DISABLED = "1";
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

function flagValue(flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.NODE_ENV === "production") {
    console.error("AUTH_SECRET is not set: a production server refuses to start without its own secret.");
    process.exit(1);
  }
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** The checkpoint signing key lives in a file outside the database; generated here outside production. */
function logSigningKeyFile(): string {
  if (process.env.LOG_SIGNING_KEY_FILE) return process.env.LOG_SIGNING_KEY_FILE;
  if (process.env.NODE_ENV === "production") {
    console.error(
      "LOG_SIGNING_KEY_FILE is not set: a production server refuses to run an unsigned moderation log.",
    );
    process.exit(1);
  }
  const file = path.join(dataDir, "log-signing-key.pem");
  if (!existsSync(file)) writeFileSync(file, newSigningKeyPem(), { mode: 0o600 });
  return file;
}

/** Receipts and notices print this address for citizens to type: never a loopback one in production. */
function publicUrl(local: string): string {
  const configured = process.env.PUBLIC_BASE_URL ?? process.env.NEXTAUTH_URL;
  if (process.env.NODE_ENV === "production" && publicBaseUrlProblem(configured)) {
    console.error(
      "PUBLIC_BASE_URL must be the service's public address (https://…, not localhost): receipts print it.",
    );
    process.exit(1);
  }
  return configured ?? local;
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const secret = authSecret();
  const signingKeyFile = logSigningKeyFile();
  const publicAddress = publicUrl(`http://localhost:${port}`);
  // The demo's moderation decisions are signed by this process too, before the server starts.
  process.env.LOG_SIGNING_KEY_FILE = signingKeyFile;
  let embedded: PostgresServer | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    console.log(`Starting the embedded PostgreSQL on port ${pgPort} (data in .data/postgres)…`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), port: pgPort });
    await ensureDatabaseExists(embedded.url("postgres"), "tyndau");
    databaseUrl = withDatabase(embedded.url("postgres"), "tyndau");
  }
  const stop = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };

  await applyMigrations(databaseUrl);
  const db = createDatabase(databaseUrl, { max: 2 });
  await seedReferenceData(db);
  const seeded = await seedDemoData(db, { appeals: demoAppeals });
  await db.$client.end();
  console.log(seeded ? "Demo data loaded." : "Demo data already present: kept as it is.");

  if (build) {
    const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
    if (result.status !== 0) return stop(result.status ?? 1);
  }

  const url = `http://localhost:${port}`;
  // scripts/serve.ts rather than `next start`: it tells the app the caller's true address.
  const server = spawn(process.execPath, [tsxCli, "scripts/serve.ts", "--port", String(port)], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: secret,
      NEXTAUTH_SECRET: secret,
      LOG_SIGNING_KEY_FILE: signingKeyFile,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? url,
      PUBLIC_BASE_URL: publicAddress,
    },
  });
  console.log(`\nTyndau is starting on ${url}\nDemo logins (password for all: ${DEMO_LOGINS.password}):`);
  for (const login of DEMO_LOGINS.users) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
