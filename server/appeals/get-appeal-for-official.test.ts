import { describe, expect, it } from "vitest";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, fileTestAppeal, officialOf } from "@/test/official-fixtures";
import { answerAppeal } from "./answer-appeal";
import { extendAppealDeadline } from "./extend-deadline";
import { forwardAppeal } from "./forward-appeal";
import { getAppealForOfficial } from "./get-appeal-for-official";

// A whole 1×1 PNG: an image is decoded and re-encoded when attached, so a bare signature will not do.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAADElEQVQImWP4//8/AAX+Av5Y8msOAAAAAElFTkSuQmCC",
  "base64",
);

describe("an appeal as the body handling it sees it", () => {
  const db = useTestDatabase();
  const filedAt = almaty("2026-11-10T10:00:00");

  it("shows the applicant, the history with body names, the answer and its files, and what may be done", async () => {
    const almatyCity = await officialOf(db(), "akimat-almaty-city", "Марат Official");
    const astana = await officialOf(db(), "akimat-astana");
    const citizen = await createActor(db(), "citizen", { fullName: "Айгерім Citizen" });
    const appeal = await fileTestAppeal(db(), { filedAt, authorId: citizen.id });
    await forwardAppeal(db(), {
      appealId: appeal.id,
      toBodyId: astana.acting.bodyId,
      reason: "The block is in Astana, not in Almaty.",
      official: almatyCity.acting,
      now: almaty("2026-11-11T10:00:00"),
    });
    const now = almaty("2026-11-20T10:00:00");
    const before = await getAppealForOfficial(db(), { appealId: appeal.id, viewer: astana.user, now });
    expect(before.applicant).toEqual({
      name: "Айгерім Citizen",
      email: citizen.email,
      phone: null,
      address: null,
    });
    expect(before.body?.nameEn).toBe("Akimat of Astana");
    expect(before.superiorBody?.nameEn).toBe("Government of the Republic of Kazakhstan");
    expect(before.canAct).toBe(true);
    expect(before.actions).toEqual({
      assign: true,
      request_clarification: true,
      forward: true,
      extend: true,
      answer: true,
      close: false,
      // Only a complaint filed through this body is passed up.
      pass_complaint_up: false,
    });
    expect(before.complaint).toBeNull();
    const forward = before.events.find((e) => e.type === "forwarded");
    expect(forward?.actorName).toBe("Марат Official");
    expect(before.bodies[String(forward?.data.from)]?.nameEn).toBe("Akimat of Almaty");
    // Registered anew Wed 11 Nov: due Wed 2 Dec; on Fri 20 Nov: 23–27 Nov, 30 Nov, 1, 2 Dec = 8 left.
    expect(before.deadline).toMatchObject({ daysLeft: 8, overdue: false, paused: false, extended: false });
    // Two months from 11 Nov: Mon 11 Jan 2027.
    expect(before.deadline.latestExtensionOn).toBe("2027-01-11");
    expect("accessCodeHash" in before.appeal).toBe(false);

    await answerAppeal(db(), {
      appealId: appeal.id,
      decision: "satisfied",
      text: "Hot water was restored on 20 November after the pipe on Abai Ave was replaced.",
      legalGrounds: "APPC Art. 76",
      appealRights: "You may complain to the Government or to court (APPC Art. 91).",
      attachments: [{ fileName: "photo.png", bytes: PNG }],
      official: astana.acting,
      now,
    });
    const after = await getAppealForOfficial(db(), { appealId: appeal.id, viewer: astana.user, now });
    expect(after.answer).toMatchObject({
      decision: "satisfied",
      onTime: true,
      answeredByName: "Test official",
    });
    expect(after.attachments.map((f) => f.fileName)).toEqual(["photo.png"]);
    expect(after.actions.close).toBe(true);
    expect(after.deadline.daysLeft).toBeNull();
  });

  it("lets a supervisor read but not act, and hides the appeal from anyone else", async () => {
    await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    const supervisor = await officialOf(db(), "government");
    const read = await getAppealForOfficial(db(), { appealId: appeal.id, viewer: supervisor.user });
    expect(read.canAct).toBe(false);
    expect(Object.values(read.actions).every((a) => a === false)).toBe(true);
    const astana = await officialOf(db(), "akimat-astana");
    await expect(
      getAppealForOfficial(db(), { appealId: appeal.id, viewer: astana.user }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const author = await createActor(db(), "citizen");
    await expect(getAppealForOfficial(db(), { appealId: appeal.id, viewer: author })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("still opens after an extension, whose event keeps dates where a forward keeps bodies", async () => {
    const almatyCity = await officialOf(db(), "akimat-almaty-city");
    const appeal = await fileTestAppeal(db(), { filedAt });
    await extendAppealDeadline(db(), {
      appealId: appeal.id,
      newDueOn: "2026-12-15",
      reason: "A commission must inspect the heating main.",
      decidedBy: "Deputy akim B. Seitkaziyev",
      official: almatyCity.acting,
      now: almaty("2026-11-20T10:00:00"),
    });
    const seen = await getAppealForOfficial(db(), { appealId: appeal.id, viewer: almatyCity.user });
    expect(seen.events.map((e) => e.type)).toContain("deadline_extended");
  });
});
