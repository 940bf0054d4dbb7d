import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withDatabase } from "@/db/embedded-server";
import { appeals, importedAppeals } from "@/db/schema";
import { exportMetrics } from "@/server/metrics/export-metrics";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal } from "@/test/official-fixtures";
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
    const figures = await registerFigures(db(), { source: "almaty-register" });
    expect(figures?.byAgency).toEqual([
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
    expect(figures?.byServiceType.map((f) => [f.key, f.count, f.closedShare, f.hoursMedian])).toEqual([
      ["lighting", 2, 0.5, 6],
      ["roads", 2, 1, 60.5],
    ]);
    // The four closed in 6, 25 and 96 hours; the register's days are Almaty's, 2024 a confirmed year.
    expect(figures).toMatchObject({
      timeZone: "Asia/Almaty",
      firstDay: "2024-02-28",
      lastDay: "2024-03-12",
      all: { count: 4, closed: 3, closedShare: 0.75, hoursMedian: 25, workingDaysMedian: 1 },
      calendarYears: [{ year: 2024, status: "confirmed", from: "stored" }],
      provisionalYears: [],
    });

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
    expect((await registerFigures(db(), { source: "sf-311-sample" }))?.byAgency).toMatchObject([
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
  it("reads a JSON array element by element, and counts each year's working days on that year's calendar", async () => {
    const report = await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register-years.json")),
      mapping: mappingOf("almaty-years-mapping.json"),
    });
    expect(report).toMatchObject({ read: 4, written: 3, refused: 1 });
    expect(report.refusals).toEqual([{ line: 18, id: null, reason: "a record that is not a JSON object" }]);
    // By hand: B-1 filed Fri 5 March 2021 10:00, closed Tue 9 March 10:00 (UTC+6 both): 96 hours, 1 working
    // day (Mon 8 March is International Women's Day). B-2 filed Fri 29 Dec 2023 17:00, closed Wed 3 Jan
    // 2024 12:00: 115 hours, 1 working day (the weekend, then 1 and 2 January). B-5 is open. 2021-2023
    // are not kept by the service: computed from the rules, provisional; 2024 is the stored, confirmed year.
    const figures = await registerFigures(db(), { source: "almaty-register-years" });
    expect(figures).toMatchObject({
      firstDay: "2021-03-05",
      lastDay: "2024-01-03",
      all: {
        count: 3,
        closed: 2,
        closedShare: 0.6667,
        hoursMedian: 105.5,
        hoursP90: 113.1,
        workingDaysMedian: 1,
        workingDaysP90: 1,
      },
      calendarYears: [
        { year: 2021, status: "provisional", from: "rules" },
        { year: 2022, status: "provisional", from: "rules" },
        { year: 2023, status: "provisional", from: "rules" },
        { year: 2024, status: "confirmed", from: "stored" },
      ],
      provisionalYears: [2021, 2022, 2023],
    });
    expect(figures?.byAgency.map((f) => [f.key, f.count, f.closed, f.hoursMedian])).toEqual([
      ["Akimat of Almaty", 2, 2, 105.5],
      ["Energy Department", 1, 0, null],
    ]);
  });

  it("reads JSON Lines, and a broken element of an array, naming the line of the broken record", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "register-"));
    const lines = path.join(dir, "register.jsonl");
    await writeFile(
      lines,
      '{"id":"L-1","filed":"2024-03-04 09:00","closed":"2024-03-04 15:00","agency":"Akimat"}\n\n' +
        '{"id":"L-2","filed":\n{"id":"L-3","filed":"2024-03-05 09:00","agency":"Akimat"}\n',
    );
    const mapping = { ...mappingOf("almaty-years-mapping.json"), source: "almaty-jsonl" };
    const report = await importRegister(db(), { records: readRecords(lines), mapping });
    expect(report).toMatchObject({ read: 3, written: 2, refused: 1 });
    expect(report.refusals).toEqual([{ line: 3, id: null, reason: "a record that is not valid JSON" }]);
    expect((await registerFigures(db(), { source: "almaty-jsonl" }))?.all).toMatchObject({
      count: 2,
      closed: 1,
      hoursMedian: 6,
    });

    const array = path.join(dir, "register.json");
    await writeFile(
      array,
      '[\n{"id":"L-4","filed":"2024-03-06 09:00","agency":"Akimat"},\n{"id":"L-5","filed": },\n' +
        '{"id":"L-6","filed":"2024-03-06 10:00","agency":"Akimat"}\n]\n',
    );
    const again = await importRegister(db(), { records: readRecords(array), mapping });
    expect(again).toMatchObject({ read: 3, written: 2, refused: 1 });
    expect(again.refusals).toEqual([{ line: 3, id: null, reason: "a record that is not valid JSON" }]);
    // An array that never closes is no register: the import stops and says where.
    await writeFile(array, '[{"id":"L-7","filed":"2024-03-06 09:00","agency":"Akimat"},\n{"id":');
    await expect(importRegister(db(), { records: readRecords(array), mapping })).rejects.toThrow(
      "line 2: the JSON array is not closed",
    );
  });

  it("imports New York City's 311 export (its own columns, due dates, the night clocks went back): figures by hand", async () => {
    const { stdout } = await run(
      path.join(process.cwd(), "node_modules/.bin/tsx"),
      [
        "scripts/import.ts",
        path.join(FIXTURES, "nyc-311-sample.csv"),
        "--mapping",
        path.join(FIXTURES, "nyc-311-mapping.json"),
      ],
      {
        timeout: 60_000,
        env: {
          ...process.env,
          DATABASE_URL: withDatabase(process.env.DATABASE_URL ?? "", db().$client.options.database),
        },
      },
    );
    expect(stdout).toMatch(/7 rows read, 5 written, 0 unchanged, 2 refused\. Peak memory \d+ MB/);
    expect(stdout).toContain('line 7 (59000006): bad date in filedAt: "11/31/2023 10:00:00 AM"');
    expect(stdout).toContain("line 8 (59000007): closed before it was filed");
    expect(stdout).toContain("provisional (computed from the rules, not yet confirmed): 2023.");
    // By hand, in New York time: 59000001 Sat 4 Nov 2023 22:00 EDT to Sun 5 Nov 22:00 EST is 25 hours
    // (clocks went back at 2:00), 0 working days; 59000002 3.5 hours, 0 days; 59000003 Mon 6 to Wed 8 Nov,
    // 48 hours, 2 days; 59000005 Tue 7 to Fri 17 Nov, 240 hours, 8 days; 59000004 is open.
    // Hours 3.5, 25, 48, 240: median 36.5, p90 48 + 0.7 × 192 = 182.4. Days 0, 0, 2, 8: median 1, p90 6.2.
    const figures = await registerFigures(db(), { source: "nyc-311-sample" });
    expect(figures?.all).toEqual({
      key: "",
      count: 5,
      closed: 4,
      closedShare: 0.8,
      hoursMedian: 36.5,
      hoursP90: 182.4,
      workingDaysMedian: 1,
      workingDaysP90: 6.2,
    });
    expect(
      figures?.byAgency.map((f) => [f.key, f.count, f.closed, f.closedShare, f.hoursMedian, f.hoursP90]),
    ).toEqual([
      ["DOT", 2, 1, 0.5, 240, 240],
      ["DSNY", 1, 1, 1, 48, 48],
      ["NYPD", 2, 2, 1, 14.25, 22.85],
    ]);
    expect(figures?.byServiceType.map((f) => [f.key, f.count, f.closedShare, f.hoursMedian])).toEqual([
      ["Dirty Condition", 1, 1, 48],
      ["Illegal Parking", 1, 1, 3.5],
      ["Noise - Residential", 1, 1, 25],
      ["Street Condition", 2, 0.5, 240],
    ]);
    const [row] = await db().select().from(importedAppeals).where(eq(importedAppeals.externalId, "59000001"));
    expect(row).toMatchObject({
      filedAt: new Date("2023-11-05T02:00:00Z"),
      filedOn: "2023-11-04",
      dueAt: new Date("2023-11-05T11:00:00Z"),
      closedOn: "2023-11-05",
    });
  });

  it("leaves Tyndau's own figures exactly as they were", async () => {
    await fileTestAppeal(db(), { filedAt: almaty("2024-03-05T10:00:00") });
    const now = almaty("2024-04-30T10:00:00");
    const query = { period: { from: "2024-02", to: "2024-03" }, by: "body" } as const;
    await refreshMetrics(db(), now);
    const before = await exportMetrics(db(), query);
    expect(before.map((r) => r.received)).toEqual([1]);
    await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register.csv")),
      mapping: { ...mappingOf("almaty-mapping.json"), source: "almaty-register-apart" },
    });
    await refreshMetrics(db(), now, { rebuild: true });
    expect(await exportMetrics(db(), query)).toEqual(before);
  });
});
