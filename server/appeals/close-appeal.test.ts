import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { closeAppeal } from "./close-appeal";

describe("closing an appeal", () => {
  const db = useTestDatabase();
  const filedAt = almaty("2026-11-10T10:00:00");

  it("closes only an answered appeal, only at the body holding it", async () => {
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    const { acting: astana } = await officialOf(db(), "akimat-astana");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await expect(closeAppeal(db(), { appealId: appeal.id, official: acting })).rejects.toMatchObject({
      code: "BAD_TRANSITION",
    });
    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "refused",
      text: "The block's hot water is supplied by a private operator outside the akimat's powers.",
      legalGrounds: "Law on housing relations, Art. 42",
      appealRights: "You may complain to the superior body or to court.",
      official: acting,
    });
    await expect(closeAppeal(db(), { appealId: appeal.id, official: astana })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const closedAt = almaty("2026-11-20T12:00:00");
    const closed = await closeAppeal(db(), { appealId: appeal.id, official: acting, now: closedAt });
    expect(closed.status).toBe("closed");
    expect(closed.closedAt?.toISOString()).toBe(closedAt.toISOString());
    await expect(closeAppeal(db(), { appealId: appeal.id, official: acting })).rejects.toMatchObject({
      code: "BAD_TRANSITION",
    });
  });
});
