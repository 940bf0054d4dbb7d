import { describe, expect, it } from "vitest";
import { loadMessages } from "./messages";

// A Russian date as the pages write it ("2 декабря 2026 г.") ends with the abbreviation's full stop, which
// also ends the sentence: the catalogue must not add a second one. The placeholders the pages fill with
// such dates, by name ({dueAt} carries the time after the date, formatAlmatyTime).
const DATE_PLACEHOLDERS = ["date", "due", "filed", "passBy"];
// Texts whose {date} is not written that way.
const OTHER_DATES = new Set(["admin.calendar.saved"]); // the ISO day the admin entered
const RU_DATE = new Intl.DateTimeFormat("ru", { dateStyle: "long" }).format(new Date("2026-12-02T12:00:00Z"));

function strings(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === "string") return [[path.join("."), node]];
  if (node && typeof node === "object")
    return Object.entries(node).flatMap(([k, v]) => strings(v, [...path, k]));
  return [];
}

describe("dates in Russian texts", () => {
  it("end a sentence with the date's own full stop, never two", async () => {
    expect(RU_DATE.endsWith("г.")).toBe(true);
    const doubled = strings(await loadMessages("ru"))
      .map(([key, text]) => [
        key,
        text.replace(new RegExp(`\\{(${DATE_PLACEHOLDERS.join("|")})\\}`, "g"), RU_DATE),
      ])
      .filter(([key, text]) => !OTHER_DATES.has(key ?? "") && text?.includes("г.."));
    expect(doubled).toEqual([]);
  });
});
