import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, appeals, mailMessages, stateBodies } from "@/db/schema";
import { considerationDueAt, registrationDate } from "@/server/deadlines/deadline-policy";
import { loadDeadlinePolicy, loadWorkingCalendar } from "@/server/deadlines/load-calendar";
import { superiorBodyOf } from "@/server/directory/body-scope";
import { createActor } from "@/test/actors";
import { answer, citizenWithAppeal } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { almaty, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { ownReviewDueAt } from "./complaint-terms";
import { fileComplaint } from "./file-complaint";
import { getAppealForOfficial } from "./get-appeal-for-official";
import { passComplaintUp } from "./pass-complaint-up";

const REASONED = {
  text: "The body re-examined the pipe: it is repaired now and hot water runs in every flat of the block.",
  legalGrounds: "Rules for the provision of utility services, para. 12.",
  appealRights: "You may complain to the superior body or to court under the APPC within the legal terms.",
};

describe("a complaint filed through the body complained about (APPC Art. 91(4))", () => {
  const db = useTestDatabase();

  /** Citizen's appeal to Almaty's akimat, answered with a refusal, then complained about on Mon 23 Nov. */
  async function complaintThroughAkimat(filedAt = almaty("2026-11-23T10:00:00")) {
    const { citizen, appeal } = await citizenWithAppeal(db());
    await answer(db(), appeal.id, almaty("2026-11-20T12:00:00"));
    const complaint = await fileComplaint(db(), {
      appealId: appeal.id,
      citizenId: citizen.id,
      text: "The answer ignores the facts I gave: the pipe was never repaired.",
      publishConsent: false,
      locale: "kk",
      idempotencyKey: randomUUID(),
      now: filedAt,
    });
    const challenged = await officialOf(db(), "akimat-almaty-city");
    const superiorId = await superiorBodyOf(db(), appeal.bodyId);
    const [superiorBody] = await db()
      .select()
      .from(stateBodies)
      .where(eq(stateBodies.id, superiorId ?? ""));
    if (!superiorBody) throw new Error("Almaty's akimat has no superior body in the directory");
    const superior = await officialOf(db(), superiorBody.code);
    return { citizen, appeal, complaint, challenged, superior, superiorBody };
  }

  it("lets the body only satisfy it or pass it up, within the term kept as data", async () => {
    const { complaint, challenged } = await complaintThroughAkimat();
    const detail = await getAppealForOfficial(db(), {
      appealId: complaint.id,
      viewer: challenged.user,
      now: almaty("2026-11-23T11:00:00"),
    });
    expect(detail.complaint?.stage).toBe("at_challenged_body");
    expect(detail.complaint?.passBy).toEqual(
      ownReviewDueAt(complaint.registeredOn, await loadWorkingCalendar(db())),
    );
    expect(detail.actions).toMatchObject({
      pass_complaint_up: true,
      answer: true,
      forward: false,
      extend: false,
    });

    await expect(
      answerAppeal(db(), {
        appealId: complaint.id,
        decision: "refused",
        ...REASONED,
        official: challenged.acting,
      }),
    ).rejects.toMatchObject({ code: "SATISFY_OR_PASS_UP" });
    await expect(
      answerAppeal(db(), {
        appealId: complaint.id,
        decision: "partly_satisfied",
        ...REASONED,
        official: challenged.acting,
      }),
    ).rejects.toMatchObject({ code: "SATISFY_OR_PASS_UP" });
    const satisfied = await answerAppeal(db(), {
      appealId: complaint.id,
      decision: "satisfied",
      ...REASONED,
      official: challenged.acting,
      now: almaty("2026-11-24T10:00:00"),
    });
    expect(satisfied.status).toBe("answered");
    // Satisfied at the body, it has nothing left to pass up.
    await expect(
      passComplaintUp(db(), { appealId: complaint.id, official: challenged.acting }),
    ).rejects.toMatchObject({
      code: "BAD_TRANSITION",
    });
  });

  it("passes it up with the whole file: the superior registers it anew and reads the original before answering", async () => {
    const { appeal, complaint, challenged, superior, superiorBody } = await complaintThroughAkimat();
    const now = almaty("2026-11-24T15:00:00");
    const passed = await passComplaintUp(db(), { appealId: complaint.id, official: challenged.acting, now });

    const cal = await loadWorkingCalendar(db());
    const registeredOn = registrationDate(now, cal);
    expect(passed).toMatchObject({ status: "registered", bodyId: superiorBody.id, registeredOn });
    expect(passed.dueAt).toEqual(
      considerationDueAt(registeredOn, await loadDeadlinePolicy(db(), "complaint"), cal),
    );
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.appealId, complaint.id))
      .orderBy(desc(appealEvents.id))
      .limit(1);
    expect(event).toMatchObject({
      type: "complaint_passed_up",
      actorRole: "official",
      data: { from: appeal.bodyId, to: superiorBody.id, onTime: true },
    });
    // The applicant is told in the complaint's language (Kazakh here), with the superior's name.
    const [mail] = await db()
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.appealId, complaint.id))
      .orderBy(desc(mailMessages.createdAt))
      .limit(1);
    expect(mail?.text).toContain(superiorBody.nameKk);
    expect(mail?.text).toContain("ӘРПК 91-бабының 4-тармағы");

    // The body complained about may no longer act; the superior reads the whole file.
    await expect(
      passComplaintUp(db(), { appealId: complaint.id, official: challenged.acting }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const detail = await getAppealForOfficial(db(), { appealId: complaint.id, viewer: superior.user, now });
    expect(detail.complaint?.stage).toBe("at_superior_body");
    expect(detail.actions).toMatchObject({ answer: true, pass_complaint_up: false });
    const [original] = detail.complaint?.file ?? [];
    expect(original?.appeal).toMatchObject({ id: appeal.id, text: appeal.text });
    expect(original?.answer).toMatchObject({ decision: "refused" });
    expect(original?.timeline.map((e) => e.type)).toEqual(["registered", "answered", "complaint_filed"]);
    await answerAppeal(db(), {
      appealId: complaint.id,
      decision: "refused",
      ...REASONED,
      official: superior.acting,
      now: almaty("2026-11-25T10:00:00"),
    });
  });

  it("records a pass after the short term as late, and keeps it to the body complained about", async () => {
    const { complaint, challenged } = await complaintThroughAkimat();
    const late = almaty("2026-12-04T10:00:00");
    const passBy = ownReviewDueAt(complaint.registeredOn, await loadWorkingCalendar(db()));
    expect(late.getTime()).toBeGreaterThan(passBy.getTime());

    const stranger = await officialOf(db(), "akimat-astana");
    await expect(
      passComplaintUp(db(), { appealId: complaint.id, official: stranger.acting }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      getAppealForOfficial(db(), { appealId: complaint.id, viewer: stranger.user }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const citizen = await createActor(db(), "citizen");
    await expect(
      getAppealForOfficial(db(), { appealId: complaint.id, viewer: citizen }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await passComplaintUp(db(), { appealId: complaint.id, official: challenged.acting, now: late });
    const [event] = await db()
      .select()
      .from(appealEvents)
      .where(eq(appealEvents.appealId, complaint.id))
      .orderBy(desc(appealEvents.id))
      .limit(1);
    expect(event?.data).toMatchObject({ onTime: false, passBy: passBy.toISOString() });
    const [stored] = await db().select().from(appeals).where(eq(appeals.id, complaint.id));
    expect(stored?.status).toBe("registered");
  });
});
