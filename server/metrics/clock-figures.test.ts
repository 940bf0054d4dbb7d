import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { extendAppealDeadline } from "@/server/appeals/extend-deadline";
import { fileComplaint } from "@/server/appeals/file-complaint";
import { forwardAppeal } from "@/server/appeals/forward-appeal";
import { passComplaintUp } from "@/server/appeals/pass-complaint-up";
import { requestClarification } from "@/server/appeals/request-clarification";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { rollupRows } from "@/test/metrics-rollups";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";
import { clockFigures } from "./clock-figures";
import { bodyMetrics, republicMetrics } from "./dashboard-queries";
import { exportMetrics } from "./export-metrics";
import { getAppealClockFlags } from "./get-appeal-clock-flags";
import { listFigureAppeals } from "./list-figure-appeals";
import { refreshMetrics } from "./refresh-metrics";

/**
 * Hand-built appeals through the domain, and every clock figure counted by hand from the calendar. In
 * March–April 2026 the working days are 2–6, 10–13, 16–20, 26–27, 30–31 March (9 March replaces the
 * Sunday holiday of the 8th; 21–25 March is Nauryz) and 1–3, 6–10, 13–15 April. Counting from 2 March:
 * 3 March is working day 1, 10 March day 5, 27 March day 15, 1 April day 18, 3 April day 20, 15 April day 28.
 */
describe("the clock cannot be reset: figures from hand-built appeals", () => {
  const db = useTestDatabase();
  const march = { from: "2026-03", to: "2026-03" };
  const now = almaty("2026-04-15T12:00:00");
  const ids: Record<string, string> = {};
  let x: { id: string; bodyId: string };
  let y: { id: string; bodyId: string };
  let g: { id: string; bodyId: string };

  const file = async (name: string, local: string, authorId?: string) => {
    const a = await fileTestAppeal(db(), { filedAt: almaty(local), authorId, subject: `Appeal ${name}` });
    ids[name] = a.id;
  };
  const forward = (name: string, from: typeof x, to: typeof x, local: string) =>
    forwardAppeal(db(), {
      appealId: ids[name] as string,
      toBodyId: to.bodyId,
      reason: "Outside our competence",
      official: from,
      now: almaty(local),
    });
  const answer = (name: string, by: typeof x, local: string) =>
    answerAppeal(db(), {
      appealId: ids[name] as string,
      decision: "satisfied",
      text: `The courtyard drain of ${name} was cleared by the city water utility on the date stated.`,
      legalGrounds: "Rules for the provision of utility services, para. 12.",
      appealRights:
        "You may complain to the superior body or to court under the APPC within the legal terms.",
      official: by,
      now: almaty(local),
    });

  // Refreshed after each appeal's story, as the job does each minute: the figures below are then those of
  // incremental refreshes, which must agree with the hand counts and with a rebuild.
  beforeAll(async () => {
    await allowClarificationPause(db());
    x = (await officialOf(db(), "akimat-almaty-city")).acting;
    y = (await officialOf(db(), "akimat-astana")).acting;
    g = (await officialOf(db(), "government")).acting;
    const citizen = await createActor(db(), "citizen");

    // F: forwarded by X on 1 April, after its own deadline (27 March) and past the 3 days to forward.
    await file("F", "2026-03-02T10:00:00");
    await forward("F", x, y, "2026-04-01T10:00:00");
    await answer("F", y, "2026-04-03T10:00:00");
    await refreshMetrics(db(), almaty("2026-04-03T12:00:00"));
    // B: X → Y → X, each within a day ("ping-pong").
    await file("B", "2026-03-02T10:00:00");
    await forward("B", x, y, "2026-03-03T10:00:00");
    await forward("B", y, x, "2026-03-04T10:00:00");
    await refreshMetrics(db(), almaty("2026-04-04T12:00:00"));
    // C: answered by X; the complaint about it goes to the government, which sends it back to X.
    await file("C", "2026-03-02T10:00:00", citizen.id);
    await answer("C", x, "2026-03-03T12:00:00");
    const complaint = await fileComplaint(db(), {
      appealId: ids.C as string,
      citizenId: citizen.id,
      text: "Nothing was done; the drain is blocked again.",
      publishConsent: false,
      locale: "en",
      idempotencyKey: randomUUID(),
      now: almaty("2026-03-04T10:00:00"),
    });
    ids.CC = complaint.id;
    // Filed through the akimat complained about (APPC Art. 91(4)), which passes it up to the Government.
    await passComplaintUp(db(), { appealId: complaint.id, official: x, now: almaty("2026-03-04T12:00:00") });
    await forward("CC", g, x, "2026-03-05T10:00:00");
    await refreshMetrics(db(), almaty("2026-04-05T12:00:00"));
    // D: paused on 10 March and never clarified: still paused on 15 April, past its due date.
    await file("D", "2026-03-02T10:00:00");
    await requestClarification(db(), {
      appealId: ids.D as string,
      question: "Which entrance?",
      official: x,
      now: almaty("2026-03-10T10:00:00"),
    });
    // E: extended to 20 April and answered on 1 April: on time as extended, late against 27 March.
    await file("E", "2026-03-02T10:00:00");
    await extendAppealDeadline(db(), {
      appealId: ids.E as string,
      newDueOn: "2026-04-20",
      reason: "An expert opinion is needed",
      decidedBy: "Deputy akim A. Akhmetov",
      official: x,
      now: almaty("2026-03-10T11:00:00"),
    });
    await answer("E", x, "2026-04-01T12:00:00");
    await refreshMetrics(db(), almaty("2026-04-07T12:00:00"));
    // V: filed with the government (a central body, no region) and left there.
    const gv = await fileTestAppeal(db(), { bodyCode: "government", filedAt: almaty("2026-03-02T10:00:00") });
    ids.V = gv.id;
    await refreshMetrics(db(), almaty("2026-04-08T12:00:00"));
    // N: filed in April, not yet due on 15 April: April is provisional.
    await file("N", "2026-04-14T10:00:00");
    await refreshMetrics(db(), now);
  });

  const xFigures = async (period = march) =>
    clockFigures(db(), {
      scope: { bodyId: x.bodyId },
      period,
      main: (await bodyMetrics(db(), x.bodyId, period)).counts,
    });

  it("counts a forward after the sender's deadline against the sender, with its days there", async () => {
    const f = await xFigures();
    // X sent F (late, after due, 18 days there) and B (on time, 1 day).
    expect(f.counts.forwardedAway).toBe(2);
    expect(f.forwardsLate).toEqual({ count: 1, of: 2, value: 0.5 });
    expect(f.forwardsAfterDue).toEqual({ count: 1, of: 2, value: 0.5 });
    expect(f.stayDays).toEqual({ median: 1, p90: 18, count: 2 });
    // X holds B, C, CC, D, E: all due on 15 April (D paused past its due date counts); C and E answered.
    const main = (await bodyMetrics(db(), x.bodyId, march)).counts;
    expect([main.received, main.due, main.answered, main.onTime]).toEqual([5, 5, 2, 2]);
    // F's late forward is one more late appeal for X.
    expect(f.onTimeCountingForwards).toEqual({ count: 2, of: 6, value: 2 / 6 });
  });

  it("shows the citizen's time from the first filing beside the answering body's own time", async () => {
    const f = await clockFigures(db(), {
      scope: { bodyId: y.bodyId },
      period: march,
      main: (await bodyMetrics(db(), y.bodyId, march)).counts,
    });
    // F: filed 2 March, at Y from 1 April, answered 3 April.
    expect(f.endToEndDays).toEqual({ median: 20, p90: 20, count: 1 });
    expect(f.bodyAnswerDays).toEqual({ median: 2, p90: 2, count: 1 });
    // Y sent B back to X, a body that already had it.
    expect(f.forwardsReturned).toEqual({ count: 1, of: 1, value: 1 });
  });

  it("flags the A→B→A chain and the complaint sent to the accused body", async () => {
    const rows = await db().execute<{ appeal_id: string; returned: boolean; to_accused: boolean }>(
      sql`select appeal_id, returned, to_accused from metrics_clock_facts where returned or to_accused`,
    );
    expect(rows.map((r) => [r.appeal_id, r.returned, r.to_accused]).sort()).toEqual(
      [
        [ids.B, true, false],
        [ids.CC, false, true],
      ].sort(),
    );
    const gov = await clockFigures(db(), {
      scope: { bodyId: g.bodyId },
      period: march,
      main: (await bodyMetrics(db(), g.bodyId, march)).counts,
    });
    expect(gov.forwardsToAccused).toEqual({ count: 1, of: 1, value: 1 });
    const f = await xFigures();
    expect(f.returned).toEqual({ count: 1, of: 5, value: 0.2 });
    expect(f.toAccused).toEqual({ count: 1, of: 1, value: 1 });
    // On the appeal, for the auditor and the official; and behind the figure, the same appeals.
    expect(await getAppealClockFlags(db(), ids.B as string)).toEqual({
      returned: true,
      toAccused: false,
      pausedPastDue: false,
      lateForwards: 0,
      afterDueForwards: 0,
    });
    expect(await getAppealClockFlags(db(), ids.CC as string)).toMatchObject({ toAccused: true });
    expect(await getAppealClockFlags(db(), ids.D as string)).toMatchObject({ pausedPastDue: true });
    expect(await getAppealClockFlags(db(), ids.F as string)).toMatchObject({
      lateForwards: 1,
      afterDueForwards: 1,
    });
    for (const figure of ["returned", "toAccused", "pausedPastDue", "onTimeOriginal"] as const) {
      const list = await listFigureAppeals(db(), {
        figure,
        period: march,
        bodyCode: "akimat-almaty-city",
        page: 1,
      });
      expect(list.appeals.map((a) => a.id)).toEqual([
        { returned: ids.B, toAccused: ids.CC, pausedPastDue: ids.D, onTimeOriginal: ids.C }[figure],
      ]);
    }
  });

  it("shows the parked appeal: paused, for how long, past its original due date", async () => {
    const f = await xFigures();
    expect(f.pausedNow).toBe(1);
    expect(f.pausedEver).toEqual({ count: 1, of: 5, value: 0.2 });
    expect(f.pausedPastDue).toEqual({ count: 1, of: 1, value: 1 });
    // Paused on 10 March (day 5), still paused on 15 April (day 28).
    expect(f.pausedDays).toEqual({ median: 23, p90: 23, count: 1 });
  });

  it("puts on time against the original term beside on time against the extended term", async () => {
    const f = await xFigures();
    expect(f.onTimeOriginal).toEqual({ count: 1, of: 5, value: 0.2 });
    expect(f.onTimeExtended).toEqual({ count: 2, of: 5, value: 0.4 });
  });

  it("estimates time to answer with the open appeals censored at their age", async () => {
    const f = await xFigures();
    // Answered: C after 1 day, E after 18. Open: B and D at 28 days, CC (filed 4 March) at 26.
    expect(f.endToEndDays).toEqual({ median: 1, p90: 18, count: 2 });
    // S(1) = 4/5, S(18) = 4/5 · 3/4 = 0.6: more than half are still waiting, so there is no median yet.
    expect(f.survival).toEqual({ median: null, p90: null, answered: 2, censored: 3 });
  });

  it("counts complaints upheld over decided complaints, with the pending ones beside", async () => {
    const f = await xFigures();
    expect(f.upheld).toEqual({ count: 0, of: 0, value: null });
    expect(f.complaintsPending).toBe(1);
  });

  it("marks a month with appeals not yet due as provisional", async () => {
    const april = { from: "2026-04", to: "2026-04" };
    expect((await xFigures(april)).notYetDue).toEqual({ count: 1, of: 1, value: 1 });
    expect((await xFigures()).notYetDue).toEqual({ count: 0, of: 5, value: 0 });
  });

  it("heard is over every answered appeal, not rated being unknown", async () => {
    const f = await xFigures();
    expect(f.heardOfAnswered).toEqual({ count: 0, of: 2, value: 0 });
    expect(f.heardUnknown).toBe(2);
  });

  it("exports a row for the central bodies, so the regions add up to the republic", async () => {
    const rows = await exportMetrics(db(), { period: march, by: "region" });
    const republic = (await republicMetrics(db(), march)).counts;
    expect(rows.some((r) => r.region === "central")).toBe(true);
    expect(rows.reduce((n, r) => n + Number(r.received), 0)).toBe(republic.received);
    const central = rows.find((r) => r.region === "central");
    // The government holds V, and forwarded the complaint away.
    expect(central?.received).toBe(1);
    expect(central?.forwarded_away).toBe(1);
    expect(central?.forwards_to_accused).toBe(1);
  });
  it("leaves every rollup row as a rebuild from the facts would", async () => {
    const refreshed = await rollupRows(db());
    expect(refreshed.metrics_clock_days?.length).toBeGreaterThan(0);
    await refreshMetrics(db(), now, { rebuild: true });
    expect(await rollupRows(db())).toEqual(refreshed);
  });
});
