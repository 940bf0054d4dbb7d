import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { fileAppeal } from "./file-appeal";
import { getTimeline } from "./get-timeline";
import { applyAction, lockAppealOrThrow, recordEvent } from "./lifecycle";

describe("the timeline of an appeal", () => {
  const db = useTestDatabase();
  const bodyId = async (code: string) =>
    (await db().select().from(stateBodies).where(eq(stateBodies.code, code)))[0]?.id ?? "";

  it("tells each event in order with its role, body, target body, deadlines and texts, never a name", async () => {
    const almaty = await bodyId("akimat-almaty-city");
    const bostandyk = await bodyId("akimat-almaty-city-bostandyk");
    const citizen = await createActor(db(), "citizen", { fullName: "Азамат Citizen" });
    const official = await createActor(db(), "official", { bodyId: almaty, fullName: "Secret Officialname" });
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: almaty,
      category: "housing_utilities",
      region: "almaty_city",
      subject: "Broken lift",
      text: "The lift in our block has not worked for a month.",
      publishConsent: true,
      locale: "en",
      authorId: citizen.id,
      now: new Date("2026-11-10T05:00:00Z"),
    });
    const actor = { id: official.id, role: "official" as const, bodyId: almaty };
    await db().transaction(async (tx) => {
      const locked = await lockAppealOrThrow(tx, appeal.id);
      await applyAction(tx, {
        appeal: locked,
        action: "extend",
        actor,
        set: { extendedAt: new Date() },
        data: {
          from: "2026-12-01T18:59:59.999Z",
          to: "2026-12-20T18:59:59.999Z",
          reason: "An expert survey of the lift is needed.",
          decidedBy: "Secret Headname",
        },
      });
      const again = await lockAppealOrThrow(tx, appeal.id);
      await applyAction(tx, {
        appeal: again,
        action: "forward",
        actor,
        set: { bodyId: bostandyk },
        data: {
          from: almaty,
          to: bostandyk,
          reason: "The district maintains the block.",
          dueAt: "2026-12-22T18:59:59.999Z",
          previousDueAt: "2026-12-20T18:59:59.999Z",
        },
      });
      await recordEvent(tx, {
        appealId: appeal.id,
        type: "rated",
        actor: { id: citizen.id, role: "citizen" },
        data: { outcome: "partly", quality: 4, heard: true },
      });
    });

    const entries = await getTimeline(db(), appeal.id);
    expect(entries.map((e) => [e.type, e.actorRole, e.body?.nameEn ?? null])).toEqual([
      ["registered", "citizen", "Akimat of Almaty"],
      ["deadline_extended", "official", "Akimat of Almaty"],
      ["forwarded", "official", "Akimat of Almaty"],
      ["rated", "citizen", null],
    ]);
    const [registered, extended, forwarded, rated] = entries;
    expect(registered?.dueAt?.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    expect(extended?.dueAt?.toISOString()).toBe("2026-12-20T18:59:59.999Z");
    expect(extended?.previousDueAt?.toISOString()).toBe("2026-12-01T18:59:59.999Z");
    expect(extended?.reason).toBe("An expert survey of the lift is needed.");
    expect(extended?.toBody).toBeNull();
    expect(forwarded?.toBody?.id).toBe(bostandyk);
    expect(forwarded?.reason).toBe("The district maintains the block.");
    expect(forwarded?.dueAt?.toISOString()).toBe("2026-12-22T18:59:59.999Z");
    expect(rated?.rating).toEqual({ outcome: "partly", quality: 4, heard: true });
    const told = JSON.stringify(entries);
    expect(told).not.toContain("Secret");
    expect(told).not.toContain(official.id);
    expect(told).not.toContain(citizen.id);
  });

  it("links a complaint's registration to the number of the appeal it is about", async () => {
    const almaty = await bodyId("akimat-almaty-city");
    const citizen = await createActor(db(), "citizen");
    const base = {
      kind: "application" as const,
      bodyId: almaty,
      category: "land" as const,
      region: "almaty_city",
      subject: "Plot boundaries",
      text: "The boundaries of my plot were drawn wrongly.",
      publishConsent: false,
      locale: "ru",
      authorId: citizen.id,
    };
    const { appeal: original } = await fileAppeal(db(), base);
    const { appeal: complaint } = await fileAppeal(db(), {
      ...base,
      kind: "complaint",
      bodyId: await bodyId("government"),
      complaintOfId: original.id,
    });
    const [registered] = await getTimeline(db(), complaint.id);
    expect(registered?.relatedAppealId).toBe(original.id);
    expect(registered?.relatedNumber).toBe(original.number);
    expect(await getTimeline(db(), "00000000-0000-4000-8000-000000000000")).toEqual([]);
  });
});
