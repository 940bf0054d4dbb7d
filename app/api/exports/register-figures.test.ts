import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { importedRegisters } from "@/db/schema";
import { saveCalendarDay } from "@/server/calendar/save-calendar-day";
import { importRegister } from "@/server/open-data/import/import-register";
import { readRecords } from "@/server/open-data/import/read-records";
import { RegisterMapping } from "@/server/open-data/import/register-mapping";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const csvRoute = await import("./register-figures.csv/route");
const jsonRoute = await import("./register-figures.json/route");

const FIXTURES = path.join(process.cwd(), "test/fixtures/registers");

describe("an imported register's figures as open data", () => {
  const db = useTestDatabase();
  const url = (file: string, query: string) => new Request(`http://localhost/api/exports/${file}?${query}`);

  beforeAll(async () => {
    state.db = db();
    await importRegister(db(), {
      records: readRecords(path.join(FIXTURES, "almaty-register-years.json")),
      mapping: RegisterMapping.parse(
        JSON.parse(readFileSync(path.join(FIXTURES, "almaty-years-mapping.json"), "utf8")),
      ),
    });
  });

  it("downloads a CSV with the whole register, each agency and each service type, naming provisional years", async () => {
    const response = await csvRoute.GET(url("register-figures.csv", "source=almaty-register-years"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...new Uint8Array(await response.clone().arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await response.text()).split("\r\n")).toEqual([
      "source,time_zone,by,key,count,closed,closed_share,hours_median,hours_p90,working_days_median,working_days_p90,working_days_provisional_years",
      "almaty-register-years,Asia/Almaty,all,,3,2,0.6667,105.5,113.1,1,1,2021 2022 2023",
      "almaty-register-years,Asia/Almaty,agency,Akimat of Almaty,2,2,1,105.5,113.1,1,1,2021 2022 2023",
      "almaty-register-years,Asia/Almaty,agency,Energy Department,1,0,0,,,,,2021 2022 2023",
      "almaty-register-years,Asia/Almaty,service_type,heating,2,1,0.5,115,115,1,1,2021 2022 2023",
      "almaty-register-years,Asia/Almaty,service_type,roads,1,1,1,96,96,1,1,2021 2022 2023",
      "",
    ]);
  });

  it("gives the same figures in JSON, with the calendar of each year, and refuses a bad or unknown register", async () => {
    const body = await (
      await jsonRoute.GET(url("register-figures.json", "source=almaty-register-years"))
    ).json();
    expect(body).toMatchObject({
      source: "almaty-register-years",
      timeZone: "Asia/Almaty",
      all: { count: 3, closed: 2, hoursMedian: 105.5 },
      provisionalYears: [2021, 2022, 2023],
      calendarYears: expect.arrayContaining([{ year: 2024, status: "confirmed", from: "stored" }]),
    });
    for (const route of [csvRoute, jsonRoute]) {
      for (const query of ["", "source=Almaty Register", "source=almaty-register-years&by=agency"]) {
        expect((await route.GET(url("register-figures", query))).status).toBe(400);
      }
      expect((await route.GET(url("register-figures", "source=no-such-register"))).status).toBe(404);
    }
  });

  it("keeps the figures with the register, and counts the working days again when the calendar changes", async () => {
    const [kept] = await db()
      .select()
      .from(importedRegisters)
      .where(eq(importedRegisters.source, "almaty-register-years"));
    expect(kept?.figures).toMatchObject({ all: { workingDaysMedian: 1 } });
    // An admin declares Tuesday 9 March 2021 a day off: B-1 (Fri 5 to Tue 9 March) took no working day,
    // and 2021, still not a year the service keeps, stays provisional.
    const admin = await createActor(db(), "admin");
    await saveCalendarDay(db(), {
      date: "2021-03-09",
      kind: "day_off",
      name: "Moved day off",
      adminId: admin.id,
    });
    const body = await (
      await jsonRoute.GET(url("register-figures.json", "source=almaty-register-years"))
    ).json();
    expect(body.byServiceType).toContainEqual(
      expect.objectContaining({ key: "roads", workingDaysMedian: 0 }),
    );
    expect(body.provisionalYears).toEqual([2021, 2022, 2023]);
  });
});
