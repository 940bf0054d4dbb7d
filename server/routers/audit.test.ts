import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { fieldErrorsOf as formatFieldErrors } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";

// The formatter's shape without going over HTTP: the ZodError cause is what it turns into fieldErrors.
async function fieldErrorsOf(p: Promise<unknown>) {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  return formatFieldErrors((error as TRPCError).cause as ZodError);
}

describe("the auditor's drill-down", () => {
  const db = useTestDatabase();
  const period = { from: "2026-03", to: "2026-03" };

  async function scenario() {
    const citizen = await createActor(db(), "citizen", { fullName: "Aigerim Sarsenbayeva" });
    const { appeal } = await filePublicAppeal(db(), {
      state: "published",
      author: citizen,
      applicant: { name: "Aigerim Sarsenbayeva", email: "aigerim@example.kz", phone: "+77011234567" },
      filedAt: almaty("2026-03-10T10:00:00"),
    });
    const { appeal: hidden } = await filePublicAppeal(db(), {
      state: "hidden",
      author: citizen,
      subject: "Hidden subject",
      text: "A text a moderator hid from the public because it threatens someone by name.",
      filedAt: almaty("2026-03-11T10:00:00"),
    });
    await refreshMetrics(db(), almaty("2026-03-12T10:00:00"));
    return { citizen, appeal, hidden };
  }

  it("lists the appeals behind a figure without the citizen's personal data, and opens one", async () => {
    const { citizen, appeal, hidden } = await scenario();
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    const list = await auditor.audit.figure({ figure: "received", period, bodyCode: "akimat-astana" });
    expect(list.total).toBe(2);
    expect(list.appeals.map((a) => [a.number, a.subject, a.hidden])).toEqual([
      [hidden.number, null, true],
      [appeal.number, "Repair the playground", false],
    ]);
    const one = await auditor.audit.appeal({ id: appeal.id });
    expect(one.segments).toEqual([{ text: appeal.text }]);
    const seen = JSON.stringify([list, one]);
    for (const personal of ["Aigerim", "aigerim@example.kz", "+77011234567", citizen.id]) {
      expect(seen).not.toContain(personal);
    }
    const withheld = await auditor.audit.appeal({ id: hidden.id });
    expect(withheld).toMatchObject({ hidden: true, subject: null, segments: null });
    expect(JSON.stringify(withheld)).not.toContain("threatens");

    const region = await auditor.audit.figure({ figure: "received", period, region: "astana" });
    expect(region.total).toBe(2);
    expect((await auditor.audit.figure({ figure: "hidden", period })).total).toBe(1);
  });

  it("takes personal data out of subjects in the figure lists, even of appeals nobody moderated", async () => {
    const subject = "Lift broken at ул. Жандосова, д. 58, IIN 880101300172";
    const { appeal } = await filePublicAppeal(db(), {
      state: "pending",
      subject,
      filedAt: almaty("2026-03-10T10:00:00"),
    });
    await refreshMetrics(db(), almaty("2026-03-12T10:00:00"));
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    const list = await auditor.audit.figure({ figure: "received", period, bodyCode: "akimat-astana" });
    const line = list.appeals.find((a) => a.number === appeal.number);
    expect(line?.subject).toBe("Lift broken at […], IIN […]");
    const one = await auditor.audit.appeal({ id: appeal.id });
    expect(JSON.stringify(one)).not.toContain("880101300172");
    expect(JSON.stringify(one)).not.toContain("Жандосова");
  });

  it("is for auditors only", async () => {
    const { appeal } = await scenario();
    const input = { figure: "received" as const, period };
    await expect(callerFor(db(), null).audit.figure(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(db(), null).audit.appeal({ id: appeal.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const official = await createActor(db(), "official", { bodyId: await bodyIdOf(db(), "akimat-astana") });
    for (const user of [
      await createActor(db(), "citizen"),
      official,
      await createActor(db(), "moderator"),
      await createActor(db(), "admin"),
    ]) {
      await expect(callerFor(db(), user).audit.figure(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(db(), user).audit.appeal({ id: appeal.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("answers NOT_FOUND for an unknown appeal or body and BAD_REQUEST with field errors for bad input", async () => {
    const auditor = callerFor(db(), await createActor(db(), "auditor"));
    await expect(auditor.audit.appeal({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      auditor.audit.figure({ figure: "received", period, bodyCode: "no-such-body" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bad = [
      { figure: "everything", period },
      { figure: "received", period: { from: "2026-13", to: "2026-03" } },
      { figure: "received", period: { from: "2026-04", to: "2026-03" } },
      { figure: "received", period, applicantName: "x" },
    ];
    for (const input of bad) {
      expect(Object.keys(await fieldErrorsOf(auditor.audit.figure(input as never)))).not.toHaveLength(0);
    }
  });
});
