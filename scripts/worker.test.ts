import { spawn } from "node:child_process";
import { once } from "node:events";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailMessages } from "@/db/schema";
import { useTestDatabase } from "@/test/database";

describe("npm run worker", () => {
  const db = useTestDatabase();

  it("runs the jobs in a process of its own and stops cleanly on SIGTERM", async () => {
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, DATABASE_URL: db.url(), SMTP_URL: "", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk) => {
      output += chunk;
    });
    worker.stderr.on("data", (chunk) => {
      output += chunk;
    });
    try {
      // Mail is the job whose effect a test can see: without SMTP the worker keeps it for the outbox.
      const [row] = await db()
        .insert(mailMessages)
        .values({ to: "queued@example.kz", subject: "Hello", text: "Body" })
        .returning();
      const deadline = Date.now() + 40_000;
      let status = row?.status;
      while (status !== "kept" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        [{ status } = { status }] = await db()
          .select({ status: mailMessages.status })
          .from(mailMessages)
          .where(eq(mailMessages.id, row?.id ?? ""));
      }
      expect(status, output).toBe("kept");
      expect(output).toContain("background worker started");
    } finally {
      worker.kill("SIGTERM");
    }
    const [code] = await once(worker, "exit");
    expect(code, output).toBe(0);
  }, 60_000);

  it("refuses to start without a database to join", async () => {
    const { DATABASE_URL: _, ...env } = process.env;
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env, stdio: "pipe" });
    let stderr = "";
    worker.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const [code] = await once(worker, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL is not set");
  }, 30_000);
});
