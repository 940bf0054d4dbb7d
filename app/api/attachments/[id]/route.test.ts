import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { attachments } from "@/db/schema";
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

  const get = (id: string) =>
    GET(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ id }) });

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
});
