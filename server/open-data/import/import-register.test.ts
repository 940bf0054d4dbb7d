import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withDatabase } from "@/db/embedded-server";
import { appeals, importedAppeals } from "@/db/schema";
import { useTestDatabase } from "@/test/database";
import { importRegister } from "./import-register";
import { parseLocalTime } from "./local-time";
import { readRecords } from "./read-records";
import { registerFigures } from "./register-figures";
import { RegisterMapping } from "./register-mapping";

const FIXTURES = path.join(process.cwd(), "test/fixtures/registers");
const mappingOf = (file: string) =>
  RegisterMapping.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
const run = promisify(execFile);

describe("importing a register kept elsewhere", () => {
  const db = useTestDatabase();

  it("reads Almaty times as UTC+6 before 1 March 2024 and UTC+5 from then on", () => {
    expect(parseLocalTime("2024-02-29 23:59", "iso", "Asia/Almaty")?.toISOString()).toBe(
      "2024-02-29T17:59:00.000Z",
    );
    expect(parseLocalTime("2024-03-01 00:30", "iso", "Asia/Almaty")?.toISOString()).toBe(
      "2024-02-29T19:30:00.000Z",
    );
    expect(parseLocalTime("03/10/2024 10:00:00 AM", "us", "America/Los_Angeles")?.toISOString()).toBe(
      "2024-03-10T17:00:00.000Z",
    );
    expect(parseLocalTime("2024-02-30 10:00", "iso", "Asia/Almaty")).toBeNull();
    expect(parseLocalTime("13/45/2024 11:00:00 AM", "us", "America/Los_Angeles")).toBeNull();
  });

  it("imports an Almaty register across the time-zone change and a holiday: figures as computed by hand", async () => {
    const mapping = mappingOf("almaty-mapping.json");
    const before = await db().$count(appeals);
    const report = await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register.csv")),
      mapping,
    });
    expect(report).toMatchObject({ read: 7, written: 4, unchanged: 0, refused: 3 });
    expect(report.refusals).toEqual([
      { line: 6, id: "A-5", reason: 'bad date in filedAt: "2024-02-30 10:00"' },
      { line: 7, id: "A-6", reason: 'unknown body: column "agency" is empty' },
      { line: 8, id: "A-1", reason: "duplicate id in the file" },
    ]);
    // Tyndau's own appeals, and so its figures, are untouched.
    expect(await db().$count(appeals)).toBe(before);

    // By hand: A-1 filed 29 Feb 10:00 (UTC+6) and closed 1 Mar 10:00 (UTC+5) is 25 hours, 1 working day;
    // A-2 filed Thu 7 Mar 09:00, closed Mon 11 Mar 09:00 is 96 hours, 1 working day (Fri 8 Mar is
    // International Women's Day, then the weekend); A-3 is open; A-4 took 6 hours the same day.
    expect(await registerFigures(db(), { source: "almaty-register", by: "agency" })).toEqual([
      {
        key: "Akimat of Almaty",
        count: 3,
        closed: 2,
        closedShare: 0.6667,
        hoursMedian: 60.5,
        hoursP90: 88.9,
        workingDaysMedian: 1,
        workingDaysP90: 1,
      },
      {
        key: "Energy Department",
        count: 1,
        closed: 1,
        closedShare: 1,
        hoursMedian: 6,
        hoursP90: 6,
        workingDaysMedian: 0,
        workingDaysP90: 0,
      },
    ]);
    expect(
      (await registerFigures(db(), { source: "almaty-register", by: "serviceType" })).map((f) => [
        f.key,
        f.count,
        f.closedShare,
        f.hoursMedian,
      ]),
    ).toEqual([
      ["lighting", 2, 0.5, 6],
      ["roads", 2, 1, 60.5],
    ]);

    // A duplicate in a later batch than its first row is found as well, and the figures are the same.
    const small = await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register.csv")),
      mapping: { ...mapping, source: "almaty-register-small-batches" },
      batchSize: 2,
    });
    expect(small.refusals).toEqual(report.refusals);
    expect(small).toMatchObject({ written: 4, refused: 3 });

    // The same file again changes nothing.
    const again = await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register.csv")),
      mapping,
    });
    expect(again).toMatchObject({ read: 7, written: 0, unchanged: 4, refused: 3 });
  });

  it("imports a city's Open311-style CSV with npm run import, across a US clock change", async () => {
    const { stdout } = await run(
      path.join(process.cwd(), "node_modules/.bin/tsx"),
      [
        "scripts/import.ts",
        path.join(FIXTURES, "sf-311-sample.csv"),
        "--mapping",
        path.join(FIXTURES, "sf-311-mapping.json"),
      ],
      {
        timeout: 60_000,
        env: {
          ...process.env,
          DATABASE_URL: withDatabase(process.env.DATABASE_URL ?? "", db().$client.options.database),
        },
      },
    );
    expect(stdout).toMatch(/5 rows read, 4 written, 0 unchanged, 1 refused\. Peak memory \d+ MB/);
    expect(stdout).toContain('line 6 (17895105): bad date in filedAt: "13/45/2024 11:00:00 AM"');
    // By hand: 17895101 spans the night clocks went forward (10:00 PST to 10:00 PDT): 23 hours, not 24;
    // 17895102 took 6 hours, 17895104 48 hours, 17895103 is open.
    expect(await registerFigures(db(), { source: "sf-311-sample", by: "agency" })).toMatchObject([
      { key: "DPW Ops Queue", count: 2, closed: 2, closedShare: 1, hoursMedian: 14.5, hoursP90: 21.3 },
      { key: "Recology_Abandoned", count: 2, closed: 1, closedShare: 0.5, hoursMedian: 48, hoursP90: 48 },
    ]);
    const [row] = await db().select().from(importedAppeals).where(eq(importedAppeals.externalId, "17895101"));
    expect(row).toMatchObject({
      source: "sf-311-sample",
      outcome: "Case Resolved - Cleaned",
      latitude: 37.7793,
    });
  });
});
