// The clients of the crash and cluster tests: citizens registered through the domain and signed in over
// HTTP, the demo moderator, and the public log verifier run against the server under test.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_LOGINS } from "@/db/seed/demo";
import { registerCitizen } from "@/server/accounts/register-citizen";
import { signIn } from "./http-client";
import type { Citizen } from "./submission-load";

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

export function moderatorLogin() {
  const login = DEMO_LOGINS.users.find((u) => u.role === "moderator");
  if (!login) throw new Error("no demo moderator");
  return login.email;
}

/**
 * The public verifier (scripts/verify-log.ts) over HTTP, holding the log to the checkpoint it saw last.
 * Asynchronous: the cluster test's balancer runs in this process and must keep serving the verifier.
 */
export function verifyModerationLog(base: string, saved: string): Promise<string | null> {
  const args = [
    tsxCli,
    "scripts/verify-log.ts",
    base,
    ...(existsSync(saved) ? [saved] : []),
    "--save",
    saved,
  ];
  return new Promise((resolve) =>
    execFile(process.execPath, args, { encoding: "utf8" }, (error, stdout, stderr) =>
      resolve(error ? `moderation log: ${(stderr || stdout).trim()}` : null),
    ),
  );
}

export type Account = { id: string; email: string };

/** Confirmed citizens enough that no one exceeds the filing allowance, all with `password`. */
export async function registerCitizens(
  db: Database,
  o: { count: number; prefix: string; password: string },
): Promise<Account[]> {
  const accounts: Account[] = [];
  for (let i = 0; i < o.count; i += 8) {
    const batch = Array.from({ length: Math.min(8, o.count - i) }, async (_, j) => {
      const email = `${o.prefix}-${i + j}@test.tyndau.kz`;
      const fullName = `Test Citizen ${i + j}`;
      await registerCitizen(db, { fullName, email, password: o.password, locale: "kk" });
      // Only confirmed addresses file; the confirmation link itself is tested elsewhere (verify-email).
      const [user] = await db
        .update(users)
        .set({ emailVerifiedAt: new Date() })
        .where(eq(users.email, email))
        .returning({ id: users.id });
      if (!user) throw new Error(`${email} was not registered`);
      return { id: user.id, email };
    });
    accounts.push(...(await Promise.all(batch)));
  }
  return accounts;
}

export async function signInAll(base: string, accounts: Account[], password: string): Promise<Citizen[]> {
  const citizens: Citizen[] = [];
  for (let i = 0; i < accounts.length; i += 4) {
    const batch = accounts.slice(i, i + 4).map(async (a) => ({
      id: a.id,
      session: await signIn(base, a.email, password),
      hits: 0,
    }));
    citizens.push(...(await Promise.all(batch)));
  }
  return citizens;
}
