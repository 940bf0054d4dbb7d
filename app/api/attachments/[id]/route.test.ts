import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { attachments } from "@/db/schema";
import { attachmentLink } from "@/server/appeals/attachment-link";
import { fileAppeal } from "@/server/appeals/file-appeal";
import type { SessionUser } from "@/server/auth/sessions";
import { createActor } from "@/test/actors";
import { PDF } from "@/test/citizen-fixtures";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf, officialOf } from "@/test/official-fixtures";

// The session is what a signed-in browser would carry; the database is the test's own, not a mock.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));
vi.mock("@/server/auth/current-user", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: () => session.db,
  getReadDatabase: () => session.db,
}));

const { GET } = await import("./route");

describe("GET /api/attachments/[id]", () => {
  const db = useTestDatabase();
  beforeEach(() => {
    session.db = db();
    session.user = null;
  });

  async function fileWithAttachment(author: SessionUser) {
    const { appeal } = await fileAppeal(db(), {
      kind: "application",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "education",
      region: "almaty_city",
      subject: "School places",
      text: "There are no places in the school near our home.",
      publishConsent: false,
      locale: "kk",
      authorId: author.id,
      attachments: [{ fileName: 'Анықтама "№5".pdf', bytes: PDF }],
    });
    const [file] = await db().select().from(attachments).where(eq(attachments.appealId, appeal.id));
    return file?.id ?? "";
  }

  // As a browser follows a link: the id from the path, the rest from the query.
  const follow = (link: string) => {
    const id = new URL(link, "http://localhost").pathname.split("/").pop() ?? "";
    return GET(new Request(new URL(link, "http://localhost")), { params: Promise.resolve({ id }) });
  };
  // The link the page would have given the signed-in viewer.
  const get = (id: string) => follow(attachmentLink(id, session.user ?? { id: "nobody" }));

  it("serves the file to its author as a download that is never rendered", async () => {
    const author = await createActor(db(), "citizen");
    const id = await fileWithAttachment(author);
    session.user = author;
    const response = await get(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toBe(
      // Quotes were already replaced when the file was stored.
      `attachment; filename="________ __5_.pdf"; filename*=UTF-8''${encodeURIComponent("Анықтама _№5_.pdf")}`,
    );
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), PDF)).toBe(0);

    session.user = (await officialOf(db(), "akimat-almaty-city")).user;
    expect((await get(id)).status).toBe(200);
  });

  it("answers 404 to another citizen, an official of another body, an anonymous visitor and a bad id", async () => {
    const id = await fileWithAttachment(await createActor(db(), "citizen"));
    for (const viewer of [
      await createActor(db(), "citizen"),
      (await officialOf(db(), "akimat-astana")).user,
      null,
    ]) {
      session.user = viewer;
      const response = await get(id);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
    session.user = await createActor(db(), "citizen");
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("refuses a link that is missing, forged, changed or signed for someone else", async () => {
    const author = await createActor(db(), "citizen");
    const id = await fileWithAttachment(author);
    session.user = author;
    const link = attachmentLink(id, author);
    const url = new URL(link, "http://localhost");
    const sig = url.searchParams.get("sig") ?? "";
    const exp = Number(url.searchParams.get("exp"));
    for (const bad of [
      `/api/attachments/${id}`,
      `/api/attachments/${id}?exp=${exp}`,
      `/api/attachments/${id}?exp=${exp}&sig=${sig.slice(0, 42)}${sig.endsWith("A") ? "B" : "A"}`,
      `/api/attachments/${id}?exp=${exp + 3600}&sig=${sig}`,
      // The signature of one file does not open another.
      `/api/attachments/00000000-0000-4000-8000-000000000000?exp=${exp}&sig=${sig}`,
    ]) {
      const response = await follow(bad);
      expect(response.status, bad).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
    // The author's own link, followed in the official's session: not theirs.
    session.user = (await officialOf(db(), "akimat-almaty-city")).user;
    expect((await follow(link)).status).toBe(404);
    // Signed out, the author's own link opens nothing either.
    session.user = null;
    expect((await follow(link)).status).toBe(404);
  });

  it("answers 410 to its viewer once the link has run out, in all three languages", async () => {
    const author = await createActor(db(), "citizen");
    const id = await fileWithAttachment(author);
    session.user = author;
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60 * 1000);
    const response = await follow(attachmentLink(id, author, elevenMinutesAgo));
    expect(response.status).toBe(410);
    const text = await response.text();
    expect(text).toContain("This file link has expired.");
    expect(text).toContain("Срок действия ссылки на файл истёк.");
    expect(text).toContain("Файл сілтемесінің мерзімі өтіп кетті.");
    const nineMinutesAgo = new Date(Date.now() - 9 * 60 * 1000);
    expect((await follow(attachmentLink(id, author, nineMinutesAgo))).status).toBe(200);
  });

  it("still asks whether the viewer may read the appeal: a valid link of their own is not enough", async () => {
    const id = await fileWithAttachment(await createActor(db(), "citizen"));
    const stranger = await createActor(db(), "citizen");
    session.user = stranger;
    // As if a page had handed the stranger a link to someone else's file.
    const response = await follow(attachmentLink(id, stranger));
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found");
  });
});
