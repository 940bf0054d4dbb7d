import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { exportPublicAppeals } from "@/server/open-data/export-public-appeals";
import { exportResponse } from "@/server/open-data/stream-export";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";

const state = vi.hoisted(() => ({ db: null as unknown }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => state.db,
  getReadDatabase: () => state.db,
}));

const csvRoute = await import("./public-appeals.csv/route");
const jsonRoute = await import("./public-appeals.json/route");

// The contract of the download, written out by hand: a new column is a decision, not an accident.
const COLUMNS = [
  "number",
  "kind",
  "category",
  "region",
  "body_code",
  "body_name_kk",
  "body_name_ru",
  "body_name_en",
  "status",
  "overdue",
  "filed_at",
  "registered_on",
  "due_at",
  "answered_at",
  "answer_decision",
  "answered_on_time",
  "subject",
  "text",
  "redacted",
  "support_count",
];

/** RFC 4180, read independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\n" || c === "\r") throw new Error(`bare line break at ${i}`);
    else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("last line without CRLF");
  return rows;
}

const PERSONAL = [
  "Айгерім Сәрсенбаева",
  "aigerim@example.kz",
  "+7 701 555 12 34",
  "Абай даңғылы 10, пәтер 5",
];

describe("open data: public appeals", () => {
  const db = useTestDatabase();
  const numbers: Record<string, string> = {};
  beforeAll(async () => {
    state.db = db();
    const applicant = {
      name: PERSONAL[0] ?? "",
      email: PERSONAL[1],
      phone: PERSONAL[2],
      address: PERSONAL[3],
    };
    const author = await createActor(db(), "citizen", { fullName: PERSONAL[0] });
    const file = (
      state: "pending" | "published" | "published_redacted" | "declined" | "hidden",
      extra: Parameters<typeof filePublicAppeal>[1] = { state },
    ) => filePublicAppeal(db(), { author, applicant, ...extra, state }).then((r) => r.appeal.number);
    numbers.published = await file("published", {
      state: "published",
      subject: '=HYPERLINK("http://evil.example"), "quoted", and more',
      text: 'Line one, with a comma.\nLine two with a "quote" and Қазақша мәтін.',
      filedAt: almaty("2026-06-01T10:00:00"),
    });
    numbers.redacted = await file("published_redacted", {
      state: "published_redacted",
      category: "roads_transport",
      text: "The pothole outside Абай даңғылы 10, пәтер 5 is deep.",
      redact: ["Абай даңғылы 10, пәтер 5"],
      filedAt: almaty("2026-06-10T10:00:00"),
    });
    numbers.pending = await file("pending");
    numbers.declined = await file("declined");
    numbers.hidden = await file("hidden");
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyIdOf(db(), "akimat-astana"),
      category: "housing_utilities",
      region: "astana",
      subject: "Not for publication",
      text: "The author did not consent to publication of this appeal.",
      publishConsent: false,
      locale: "en",
      authorId: author.id,
      applicant,
    });
    numbers.private = appeal.number;
  });
  beforeEach(() => {
    state.db = db();
  });

  const download = (route: typeof csvRoute, query = "") =>
    route.GET(new Request(`http://localhost/api/exports/public-appeals.x${query}`));

  it("downloads CSV by RFC 4180 with a BOM, a header row and exactly the public columns", async () => {
    const response = await download(csvRoute);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="tyndau-public-appeals-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(COLUMNS);
    expect(rows.map((r) => r[0])).toEqual([numbers.published, numbers.redacted].sort());
    const published = rows.find((r) => r[0] === numbers.published) ?? [];
    const field = (name: string) => published[COLUMNS.indexOf(name)];
    // A cell a spreadsheet would run as a formula starts with an apostrophe.
    expect(field("subject")).toBe('\'=HYPERLINK("http://evil.example"), "quoted", and more');
    expect(field("text")).toBe('Line one, with a comma.\nLine two with a "quote" and Қазақша мәтін.');
    expect(field("kind")).toBe("proposal");
    expect(field("body_code")).toBe("akimat-astana");
    expect(field("filed_at")).toBe("2026-06-01T05:00:00.000Z");
    expect(field("registered_on")).toBe("2026-06-01");
    expect(field("redacted")).toBe("false");
    expect(field("answered_at")).toBe("");
  });

  it("downloads the same rows as JSON, with the same keys", async () => {
    const response = await download(jsonRoute);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("link")).toBe(
      '<https://creativecommons.org/licenses/by/4.0/>; rel="license"',
    );
    const rows = (await response.json()) as Record<string, unknown>[];
    expect(rows.map((r) => Object.keys(r))).toEqual([COLUMNS, COLUMNS]);
    const redacted = rows.find((r) => r.number === numbers.redacted);
    expect(redacted).toMatchObject({
      category: "roads_transport",
      text: "The pothole outside [redacted] is deep.",
      redacted: true,
      overdue: expect.any(Boolean),
      support_count: 0,
    });
  });

  it("never contains an appeal the public may not see, nor anyone's personal data", async () => {
    for (const route of [csvRoute, jsonRoute]) {
      const body = await (await download(route)).text();
      for (const hidden of [numbers.pending, numbers.declined, numbers.hidden, numbers.private]) {
        expect(body).not.toContain(hidden);
      }
      for (const personal of PERSONAL) expect(body).not.toContain(personal);
      expect(body).not.toContain("Not for publication");
    }
  });

  it("filters as the public list does, and refuses a filter it does not know", async () => {
    const only = async (query: string) =>
      ((await (await download(jsonRoute, query)).json()) as { number: string }[]).map((r) => r.number);
    expect(await only("?category=roads_transport")).toEqual([numbers.redacted]);
    expect(await only("?from=2026-06-05&to=2026-06-30")).toEqual([numbers.redacted]);
    expect(await only("?to=2026-06-01")).toEqual([numbers.published]);
    expect(await only("?region=&category=")).toHaveLength(2);
    for (const query of ["?category=potholes", "?from=last-week", "?limit=5", "?body=akimat"]) {
      const response = await download(csvRoute, query);
      expect(response.status, query).toBe(400);
    }
  });

  it("pages through the set without losing or repeating a row", async () => {
    for (let i = 0; i < 3; i++) {
      await filePublicAppeal(db(), { state: "published", subject: `Paged appeal ${i}` });
    }
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const rows of exportPublicAppeals(db(), { filters: {}, pageSize: 2 })) {
      pages.push(rows.length);
      seen.push(...rows.map((r) => String(r.number)));
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual([...new Set(seen)].sort());
    const json = await (
      await exportResponse("json", exportPublicAppeals(db(), { filters: {}, pageSize: 2 }))
    ).json();
    expect((json as unknown[]).length).toBe(5);
  });
});
