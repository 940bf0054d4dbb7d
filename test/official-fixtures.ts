import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { stateBodies } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import type { Category } from "@/server/directory/state-bodies-directory";
import { createActor } from "./actors";

/** Instant of a local Almaty time (UTC+5), written as the people of the tests think of it. */
export const almaty = (local: string) => new Date(`${local}+05:00`);

export async function bodyIdOf(db: Database, code: string): Promise<string> {
  const [body] = await db.select({ id: stateBodies.id }).from(stateBodies).where(eq(stateBodies.code, code));
  if (!body) throw new Error(`no body ${code}`);
  return body.id;
}

/** An official of a body, as officialProcedure's context carries them, with their session user. */
export async function officialOf(db: Database, code: string, fullName?: string) {
  const bodyId = await bodyIdOf(db, code);
  const user = await createActor(db, "official", { bodyId, fullName });
  return { user, acting: { id: user.id, bodyId } };
}

/** A citizen's appeal filed through the domain, to the body of `code`, at `filedAt`. */
export async function fileTestAppeal(
  db: Database,
  o: { bodyCode?: string; filedAt: Date; authorId?: string; subject?: string; category?: Category },
) {
  const authorId = o.authorId ?? (await createActor(db, "citizen")).id;
  const { appeal } = await fileAppeal(db, {
    kind: "application",
    bodyId: await bodyIdOf(db, o.bodyCode ?? "akimat-almaty-city"),
    category: o.category ?? "housing_utilities",
    region: "almaty_city",
    subject: o.subject ?? "No hot water in our block since October",
    text: "Residents of Abai Ave 10 have had no hot water for three weeks.",
    publishConsent: false,
    locale: "en",
    authorId,
    now: o.filedAt,
  });
  return appeal;
}
