import type { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { notifications, stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { NOTIFICATIONS_PAGE_SIZE } from "@/server/notifications/list-notifications";
import { fieldErrorsOf } from "@/server/validation";
import { callerFor, createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";

describe("notification procedures", () => {
  const db = useTestDatabase();

  async function citizenWithAppeal() {
    const citizen = await createActor(db(), "citizen");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const { appeal } = await fileAppeal(db(), {
      kind: "request",
      bodyId: body?.id ?? "",
      category: "education",
      region: "almaty_city",
      subject: "Kindergarten queue number",
      text: "I would like to know my child's place in the kindergarten queue of Almaty.",
      publishConsent: false,
      locale: "kk",
      authorId: citizen.id,
    });
    return { citizen, appeal };
  }

  it("lists only the caller's own notifications, newest first, with the appeal they are about", async () => {
    const { citizen, appeal } = await citizenWithAppeal();
    const other = await citizenWithAppeal();
    const list = await callerFor(db(), citizen).notification.list({ page: 1 });
    expect(list.items.map((n) => [n.type, n.appealId, n.appealNumber])).toEqual([
      ["registered", appeal.id, appeal.number],
    ]);
    expect(list.hasMore).toBe(false);
    expect(
      (await callerFor(db(), other.citizen).notification.list({ page: 1 })).items.map((n) => n.appealId),
    ).toEqual([other.appeal.id]);
    // An official of the very body holding the appeal is not its recipient either.
    const official = await createActor(db(), "official", { bodyId: appeal.bodyId });
    expect((await callerFor(db(), official).notification.list({ page: 1 })).items).toEqual([]);
  });

  it("pages through many notifications", async () => {
    const { citizen, appeal } = await citizenWithAppeal();
    await db()
      .insert(notifications)
      .values(
        Array.from({ length: NOTIFICATIONS_PAGE_SIZE + 3 }, (_, i) => ({
          userId: citizen.id,
          appealId: appeal.id,
          type: "extended" as const,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        })),
      );
    const first = await callerFor(db(), citizen).notification.list({ page: 1 });
    const second = await callerFor(db(), citizen).notification.list({ page: 2 });
    expect([first.items.length, first.hasMore]).toEqual([NOTIFICATIONS_PAGE_SIZE, true]);
    expect([second.items.length, second.hasMore]).toEqual([4, false]);
    expect(first.items[0]?.type).toBe("registered");
  });

  it("counts and marks read only the caller's own notifications", async () => {
    const { citizen } = await citizenWithAppeal();
    const other = await citizenWithAppeal();
    const mine = callerFor(db(), citizen);
    const theirs = callerFor(db(), other.citizen);
    const [theirNotice] = (await theirs.notification.list({ page: 1 })).items;
    if (!theirNotice) throw new Error("no notice");

    expect(await mine.notification.markRead({ ids: [theirNotice.id] })).toBe(0);
    expect(await theirs.notification.unreadCount()).toBe(1);

    expect(await mine.notification.unreadCount()).toBe(1);
    expect(await mine.notification.markRead({})).toBe(1);
    expect(await mine.notification.unreadCount()).toBe(0);
    expect(await theirs.notification.unreadCount()).toBe(1);
    expect(await theirs.notification.markRead({ ids: [theirNotice.id] })).toBe(1);
    expect((await theirs.notification.list({ page: 1 })).items[0]?.readAt).not.toBeNull();
  });

  it("refuses an anonymous caller and bad input", async () => {
    const anonymous = callerFor(db(), null);
    await expect(anonymous.notification.list({ page: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.notification.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.notification.markRead({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });

    const { citizen } = await citizenWithAppeal();
    const error = await callerFor(db(), citizen)
      .notification.markRead({ ids: ["not-a-uuid"] })
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(fieldErrorsOf((error as TRPCError).cause as ZodError)).toMatchObject({
      "ids.0": { key: "format" },
    });
    await expect(callerFor(db(), citizen).notification.list({ page: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
