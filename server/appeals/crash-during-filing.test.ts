import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

/**
 * Runs the filing loop in another process and SIGKILLs it `ms` after `from`: its spawn (which may be
 * during its start-up), its being ready to file, or its first acknowledged appeal; returns what it
 * acknowledged.
 */
function fileUntilKilled(
  url: string,
  authorId: string,
  ms: number,
  from: "spawn" | "ready" | "ack",
): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "test/fixtures/file-appeals-until-killed.ts",
      url,
      authorId,
    ]);
    let out = "";
    let timer: NodeJS.Timeout | undefined;
    const killIn = (after: number) => {
      timer ??= setTimeout(() => child.kill("SIGKILL"), after);
    };
    if (from === "spawn") killIn(ms);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (from === "ready" && out.includes("READY\n")) killIn(ms);
      if (from === "ack" && out.includes("ACK ")) killIn(ms);
    });
    child.on("exit", () => {
      clearTimeout(timer);
      resolve([...out.matchAll(/^ACK (\S+)$/gm)].map((m) => m[1] ?? ""));
    });
  });
}

describe("a server killed in the middle of filing", () => {
  const db = useTestDatabase();

  it("leaves every acknowledged appeal whole and no half-written one", async () => {
    const citizen = await createActor(db(), "citizen");
    const acknowledged: string[] = [];
    // Kill at varied moments: during start-up, early in the loop, later in it, and once at least one
    // appeal was acknowledged however slow the machine.
    acknowledged.push(...(await fileUntilKilled(db.url(), citizen.id, 300, "spawn")));
    for (const ms of [150, 700, 1500]) {
      acknowledged.push(...(await fileUntilKilled(db.url(), citizen.id, ms, "ready")));
    }
    acknowledged.push(...(await fileUntilKilled(db.url(), citizen.id, 400, "ack")));
    expect(acknowledged.length).toBeGreaterThan(0);

    const filed = await db()
      .select({ number: appeals.number })
      .from(appeals)
      .where(eq(appeals.authorId, citizen.id));
    const numbers = new Set(filed.map((a) => a.number));
    for (const n of acknowledged) expect(numbers.has(n), `acknowledged ${n} exists`).toBe(true);

    // Every appeal that exists is whole: its registration event, both files and its receipt notice.
    const broken = await db().execute(sql`
      select a.number,
        (select count(*) from appeal_events e where e.appeal_id = a.id and e.type = 'registered') as events,
        (select count(*) from attachments f where f.appeal_id = a.id) as files,
        (select count(*) from notifications n where n.appeal_id = a.id) as notices
      from appeals a where a.author_id = ${citizen.id}
      and ((select count(*) from appeal_events e where e.appeal_id = a.id and e.type = 'registered') <> 1
        or (select count(*) from attachments f where f.appeal_id = a.id) <> 2
        or (select count(*) from notifications n where n.appeal_id = a.id) <> 1)`);
    expect(broken).toEqual([]);
    // Numbers stay gapless: a killed transaction gives its number back.
    const sequence = [...numbers].map((n) => Number(n.split("-")[2])).sort((a, b) => a - b);
    expect((sequence.at(-1) ?? 0) - (sequence[0] ?? 0) + 1).toBe(sequence.length);
  }, 60_000);
});
