import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { APPEAL_KIND_VALUES } from "@/db/schema";
import { answerAppeal } from "@/server/appeals/answer-appeal";
import { extendAppealDeadline } from "@/server/appeals/extend-deadline";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { fileComplaint } from "@/server/appeals/file-complaint";
import { forwardAppeal } from "@/server/appeals/forward-appeal";
import { passComplaintUp } from "@/server/appeals/pass-complaint-up";
import { rateAnswer } from "@/server/appeals/rate-answer";
import { requestClarification } from "@/server/appeals/request-clarification";
import type { SessionUser } from "@/server/auth/sessions";
import { contestDecision } from "@/server/moderation/contest-decision";
import { decideContest } from "@/server/moderation/decide-contest";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { rollupRows } from "@/test/metrics-rollups";
import { almaty, bodyIdOf, officialOf } from "@/test/official-fixtures";
import { allowClarificationPause } from "@/test/pause-policy";
import { statementOf } from "@/test/public-appeal-fixtures";
import {
  bodyMetrics,
  bodyMetricsDirect,
  categoryBreakdown,
  leagueTable,
  leagueTableDirect,
  monthlyTrend,
  monthlyTrendDirect,
  regionMap,
  regionMapDirect,
  regionMetrics,
  republicMetrics,
  republicMetricsDirect,
} from "./dashboard-queries";
import { refreshMetrics } from "./refresh-metrics";

// Near-copies: the same boilerplate with a different reference (the reference is taken out when the
// answer is normalised, so their signatures are equal).
const BOILERPLATE =
  "Your appeal has been considered by the akimat of Almaty in accordance with the Administrative " +
  "Procedural and Process Code of the Republic of Kazakhstan. The issues raised fall within the plans " +
  "of the responsible departments for the current year and will be addressed in the established order.";
const formalText = (ref: string) => `${BOILERPLATE} Reference ${ref}.`;
const ownText =
  "The hot water supply to Abai Avenue 10 was restored on the 2nd after the contractor replaced the " +
  "damaged section of the main pipe; the inspector visited on the 3rd and confirmed the temperature.";

/**
 * A small set of appeals driven through the domain at known instants (Almaty time), and every metric
 * checked against values counted by hand from the calendar: in March 2026 Nauryz makes 21–25 March
 * non-working (21–23 holidays, 24–25 days off), 8 March is a Sunday holiday moved to Monday 9 March.
 */
describe("metrics from a known set of appeals", () => {
  const db = useTestDatabase();
  const march = { from: "2026-03", to: "2026-03" };
  let almatyBodyId: string;
  let governmentId: string;
  let citizen: SessionUser;
  const ids: Record<string, string> = {};

  async function file(
    name: string,
    local: string,
    o: { kind?: (typeof APPEAL_KIND_VALUES)[number]; publish?: boolean; body?: string } = {},
  ) {
    const { appeal } = await fileAppeal(db(), {
      kind: o.kind ?? "application",
      bodyId: await bodyIdOf(db(), o.body ?? "akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: `Appeal ${name}`,
      text: `The courtyard of block ${name} has been flooded since the pipe burst in February.`,
      publishConsent: Boolean(o.publish),
      locale: "en",
      authorId: citizen.id,
      applicant: { name: "Aigerim Sarsenbayeva", email: "aigerim@example.kz" },
      now: almaty(local),
    });
    ids[name] = appeal.id;
    return appeal;
  }

  async function answer(name: string, local: string, text: string, body = "akimat-almaty-city") {
    const { acting } = await officialOf(db(), body);
    await answerAppeal(db(), {
      appealId: ids[name] as string,
      decision: body === "government" ? "satisfied" : "refused",
      text,
      legalGrounds: "Rules for the provision of utility services, para. 12.",
      appealRights:
        "You may complain to the superior body or to court under the APPC within the legal terms.",
      official: acting,
      now: almaty(local),
    });
  }

  const rate = (
    name: string,
    outcome: "resolved" | "partly" | "not_resolved",
    quality: number,
    heard: boolean,
  ) => rateAnswer(db(), { appealId: ids[name] as string, citizenId: citizen.id, outcome, quality, heard });

  beforeAll(async () => {
    await allowClarificationPause(db());
    almatyBodyId = await bodyIdOf(db(), "akimat-almaty-city");
    governmentId = await bodyIdOf(db(), "government");
    citizen = await createActor(db(), "citizen");
    const almatyOfficial = (await officialOf(db(), "akimat-almaty-city")).acting;
    const astanaOfficial = (await officialOf(db(), "akimat-astana")).acting;
    const moderator = await createActor(db(), "moderator");
    const moderator2 = await createActor(db(), "moderator");

    // A3 goes to Astana and back: forwarded twice ("ping-pong"). A9 is a proposal.
    await file("A3", "2026-03-02T10:00:00", { publish: true });
    await file("A6", "2026-03-02T10:00:00");
    await forwardAppeal(db(), {
      appealId: ids.A3 as string,
      toBodyId: astanaOfficial.bodyId,
      reason: "Not ours",
      official: almatyOfficial,
      now: almaty("2026-03-03T10:00:00"),
    });
    // A refresh in the middle: the forward moved A3 to Astana, the second one brings it back.
    await refreshMetrics(db(), almaty("2026-03-03T12:00:00"));
    await forwardAppeal(db(), {
      appealId: ids.A3 as string,
      toBodyId: almatyOfficial.bodyId,
      reason: "Not ours either",
      official: astanaOfficial,
      now: almaty("2026-03-04T10:00:00"),
    });
    await file("A9", "2026-03-04T10:00:00", { kind: "proposal" });
    await answer("A9", "2026-03-05T10:00:00", formalText("A9"));
    await file("A4", "2026-03-10T10:00:00");
    await file("A5", "2026-03-11T10:00:00");
    await requestClarification(db(), {
      appealId: ids.A5 as string,
      question: "Which entrance?",
      official: almatyOfficial,
      now: almaty("2026-03-12T10:00:00"),
    });
    await answer("A3", "2026-03-16T10:00:00", formalText("A3"));
    await file("A7", "2026-03-16T10:00:00");
    await refreshMetrics(db(), almaty("2026-03-16T12:00:00"));

    const complaint = await fileComplaint(db(), {
      appealId: ids.A3 as string,
      citizenId: citizen.id,
      text: "The answer is a form letter; nothing was done about the flooding.",
      publishConsent: false,
      locale: "en",
      idempotencyKey: randomUUID(),
      now: almaty("2026-03-17T10:00:00"),
    });
    ids.C3 = complaint.id;
    // Filed through the akimat complained about (APPC Art. 91(4)), which passes it up to the Government.
    await passComplaintUp(db(), {
      appealId: complaint.id,
      official: almatyOfficial,
      now: almaty("2026-03-17T10:30:00"),
    });
    await file("A1", "2026-03-19T10:00:00", { publish: true });
    await answer("C3", "2026-03-19T10:00:00", ownText, "government");
    await file("A2", "2026-03-20T10:00:00", { publish: true });
    await extendAppealDeadline(db(), {
      appealId: ids.A4 as string,
      newDueOn: "2026-04-20",
      reason: "An expert opinion is needed",
      decidedBy: "Deputy akim A. Akhmetov",
      official: almatyOfficial,
      now: almaty("2026-03-20T11:00:00"),
    });
    await answer("A1", "2026-03-27T12:00:00", formalText("A1"));
    await answer("A2", "2026-03-31T12:00:00", formalText("A2"));
    await refreshMetrics(db(), almaty("2026-04-10T12:00:00"));
    // The window rolls over quarters: A9, A3, A1 and A2 came within 90 days before, so this is formal too.
    await answer("A4", "2026-04-24T12:00:00", formalText("A4"));

    await rate("A1", "resolved", 5, true);
    await rate("A2", "partly", 3, false);
    await rate("A3", "not_resolved", 1, false);

    const decide = (name: string, decision: "publish" | "publish_redacted" | "decline" | "hide") =>
      moderateAppeal(db(), {
        appealId: ids[name] as string,
        moderator,
        decision,
        statement: decision === "publish" ? null : statementOf("personal_data_of_others"),
        redactions: decision === "publish_redacted" ? [{ start: 0, end: 3 }] : [],
        now: almaty("2026-04-25T10:00:00"),
      });
    await decide("A1", "publish");
    await decide("A1", "hide");
    await decide("A2", "decline");
    await contestDecision(db(), {
      appealId: ids.A2 as string,
      citizenId: citizen.id,
      reason: "It is an appeal",
    });
    await decideContest(db(), {
      appealId: ids.A2 as string,
      moderator: moderator2,
      outcome: "reversed",
      statement: statementOf("personal_data_of_others"),
      now: almaty("2026-04-26T10:00:00"),
    });
    await decide("A3", "publish_redacted");

    await refreshMetrics(db(), almaty("2026-04-30T12:00:00"));
  });

  it("counts the body's appeals, deadlines and working days by hand", async () => {
    const m = await bodyMetrics(db(), almatyBodyId, march);
    // Filed in March at the akimat: A1–A7 and A9 (A3 back after two forwards); the complaint went up.
    expect(m.counts.received).toBe(8);
    expect(m.byKind).toEqual({
      application: 7,
      message: 0,
      response: 0,
      proposal: 1,
      request: 0,
      complaint: 0,
    });
    // Due: the 5 answered + A6 (due 27 Mar) and A7 (due 9 Apr) unanswered, and A5: its term is stopped,
    // but it has stayed paused past its due date, so it counts as due (not as overdue: the term stands still).
    expect(m.counts).toMatchObject({ due: 8, answered: 5, onTime: 4, overdue: 2 });
    expect(m.responseRate).toBeCloseTo(5 / 8);
    expect(m.onTimeRate).toBeCloseTo(4 / 8);
    expect(m.overdueShare).toBeCloseTo(2 / 8);
    // Working days to answer: A9 4→5 Mar = 1; A1 19→27 Mar = 3 (20, 26, 27: Nauryz 21–25);
    // A2 20→31 Mar = 4 (26, 27, 30, 31); A3 2→16 Mar = 9 (3–6, 10–13, 16: 9 Mar off);
    // A4 10 Mar→24 Apr = 30 (late: extended to 20 Apr). Sorted 1, 3, 4, 9, 30.
    expect(m.answerDays).toEqual({ median: 4, p90: 30, count: 5 });
    // On 30 Apr: A6 is 24 working days past 27 Mar, A7 15 past 9 Apr.
    expect(m.overdueDays).toEqual({ median: 15, p90: 24, count: 2 });
    expect(m.extendedShare).toBeCloseTo(1 / 8);
    expect(m.clarifiedShare).toBeCloseTo(1 / 8);
    expect(m.forwardedShare).toBeCloseTo(1 / 8);
    expect(m.pingPongShare).toBeCloseTo(1 / 8);
    expect(m.counts).toMatchObject({ rated: 3, resolved: 1, partly: 1, notResolved: 1, heard: 1 });
    expect(m.meanQuality).toBeCloseTo(3);
    expect(m.heardShare).toBeCloseTo(1 / 3);
    expect(m.resolvedShare).toBeCloseTo(1 / 3);
    // A3's answer led to a complaint, which the Government upheld (answered "satisfied").
    expect(m.counts).toMatchObject({ complained: 1, complaintUpheld: 1 });
    expect(m.complaintRate).toBeCloseTo(1 / 5);
    expect(m.upheldShare).toBe(1);
    // A1, A2, A3 and A9 are near-copies answered within Q1; A4's copy came in Q2.
    // A9 and A3 had fewer than two earlier near-copies; A1, A2 and A4 had at least two.
    expect(m.counts.formal).toBe(3);
    expect(m.formalShare).toBeCloseTo(3 / 5);
    expect(m.counts).toMatchObject({ declined: 1, hidden: 1, redacted: 1, reversed: 1 });
  });

  it("sums bodies into the region and the republic", async () => {
    const region = await regionMetrics(db(), "almaty_city", march);
    expect(region.counts.received).toBe(8);
    expect(region.answerDays.median).toBe(4);

    const republic = await republicMetrics(db(), march);
    // Plus the complaint at the Government: filed 17 Mar, answered 19 Mar = 2 working days, on time.
    expect(republic.counts).toMatchObject({ received: 9, due: 9, answered: 6, onTime: 5, overdue: 2 });
    expect(republic.byKind.complaint).toBe(1);
    // Sorted 1, 2, 3, 4, 9, 30: the median is the 3rd value, the 90th percentile the 6th.
    expect(republic.answerDays).toEqual({ median: 3, p90: 30, count: 6 });
  });

  it("ranks the bodies, shades the regions and draws the trend", async () => {
    const league = await leagueTable(db(), { period: march, sort: "responseRate" });
    // Both are small samples, ranked by the Wilson lower bound: 5 of 8 (0.31) above 1 of 1 (0.21).
    expect(league.map((r) => [r.bodyId, r.received, r.responseRate, r.small, r.base])).toEqual([
      [almatyBodyId, 8, 5 / 8, true, 8],
      [governmentId, 1, 1, true, 1],
    ]);
    const byDays = await leagueTable(db(), { period: march, sort: "medianDays", order: "desc" });
    expect(byDays.map((r) => r.medianDays)).toEqual([4, 2]);

    const map = await regionMap(db(), { metric: "responseRate", period: march });
    expect(map).toHaveLength(20);
    expect(map.find((r) => r.region === "almaty_city")).toEqual({
      region: "almaty_city",
      value: 5 / 8,
      base: 8,
    });
    expect(map.find((r) => r.region === "astana")).toEqual({ region: "astana", value: null, base: 0 });

    const trend = await monthlyTrend(db(), {
      bodyId: almatyBodyId,
      period: { from: "2026-02", to: "2026-04" },
    });
    expect(trend.map((p) => [p.month, p.received, p.due, p.answered, p.medianDays])).toEqual([
      ["2026-02", 0, 0, 0, null],
      ["2026-03", 8, 8, 5, 4],
      ["2026-04", 0, 0, 0, null],
    ]);
    expect(await categoryBreakdown(db(), { bodyId: almatyBodyId, period: march })).toEqual([
      {
        category: "housing_utilities",
        received: 8,
        due: 8,
        answered: 5,
        responseRate: 5 / 8,
        onTimeRate: 4 / 8,
      },
    ]);
  });

  it("agrees with the straightforward GROUP BY over the appeals", async () => {
    const now = almaty("2026-04-30T12:00:00");
    const period = { from: "2026-01", to: "2026-06" };
    expect(await bodyMetricsDirect(db(), almatyBodyId, period, { now })).toEqual(
      await bodyMetrics(db(), almatyBodyId, period),
    );
    expect(await republicMetricsDirect(db(), period, { now })).toEqual(await republicMetrics(db(), period));
    expect(await leagueTableDirect(db(), { period, sort: "onTimeRate", now })).toEqual(
      await leagueTable(db(), { period, sort: "onTimeRate" }),
    );
    expect(await regionMapDirect(db(), { metric: "medianDays", period, now })).toEqual(
      await regionMap(db(), { metric: "medianDays", period }),
    );
    expect(await monthlyTrendDirect(db(), { region: "almaty_city", period, now })).toEqual(
      await monthlyTrend(db(), { region: "almaty_city", period }),
    );
  });

  it("gives the same figures when rebuilt from scratch as after the refreshes along the way", async () => {
    const period = { from: "2026-01", to: "2026-06" };
    const before = await Promise.all([
      republicMetrics(db(), period),
      bodyMetrics(db(), almatyBodyId, period),
    ]);
    const refreshed = await rollupRows(db());
    await refreshMetrics(db(), almaty("2026-04-30T12:00:00"), { rebuild: true });
    expect(await rollupRows(db())).toEqual(refreshed);
    expect(
      await Promise.all([republicMetrics(db(), period), bodyMetrics(db(), almatyBodyId, period)]),
    ).toEqual(before);
    expect(before[1].counts.formal).toBe(3);
  });

  it("counts working days across 16 December, Independence Day", async () => {
    const astana = await officialOf(db(), "akimat-astana");
    await file("D1", "2026-12-14T10:00:00", { body: "akimat-astana" });
    await file("D2", "2026-12-15T10:00:00", { body: "akimat-astana" });
    await answer("D1", "2026-12-18T10:00:00", ownText, "akimat-astana");
    await answer("D2", "2026-12-17T10:00:00", `${ownText} Checked again.`, "akimat-astana");
    await refreshMetrics(db(), almaty("2026-12-21T10:00:00"));
    const m = await bodyMetrics(db(), astana.acting.bodyId, { from: "2026-12", to: "2026-12" });
    // D1 14→18 Dec = 3 (15, 17, 18); D2 15→17 Dec = 1 (17): the holiday on Wednesday 16th is not counted.
    expect(m.answerDays).toEqual({ median: 1, p90: 3, count: 2 });
    expect(m.counts).toMatchObject({ received: 2, answered: 2, onTime: 2, formal: 0 });
  });
});
