import { describe, expect, it } from "vitest";
import { LEAGUE_PAGE_SIZE, leaguePage } from "./dashboard-view";

describe("leaguePage", () => {
  const rows = Array.from({ length: LEAGUE_PAGE_SIZE * 3 + 1 }, (_, i) => i + 1);

  it("cuts the table into pages and says which rows a page shows", () => {
    const second = leaguePage(rows, "2");
    expect([second.page, second.pageCount, second.from, second.to, second.count]).toEqual([
      2,
      4,
      LEAGUE_PAGE_SIZE + 1,
      LEAGUE_PAGE_SIZE * 2,
      rows.length,
    ]);
    expect(second.rows[0]).toBe(LEAGUE_PAGE_SIZE + 1);
    const last = leaguePage(rows, "4");
    expect([last.rows, last.from, last.to]).toEqual([[rows.length], rows.length, rows.length]);
  });

  it("reads a missing or wrong page as the first and one past the end as the last", () => {
    for (const wrong of [undefined, "", "0", "-1", "1.5", "two", ["2", "3"]]) {
      expect(leaguePage(rows, wrong).page, String(wrong)).toBe(1);
    }
    expect(leaguePage(rows, "99").page).toBe(4);
    expect(leaguePage([], "3")).toMatchObject({ page: 1, pageCount: 1, rows: [], from: 1, to: 0 });
  });
});
