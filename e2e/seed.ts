import { eq, sql } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { stateBodies, users } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import { loadWorkingCalendar } from "@/server/deadlines/load-calendar";
import { almatyDate, almatyStartOfDay } from "@/server/deadlines/working-calendar";

/**
 * Test-only seeding for journeys that start after filing: files an appeal through the domain, straight
 * into the database the e2e server runs on (DATABASE_URL, set by scripts/with-test-database.ts).
 */
export async function seedAppeal(o: {
  citizenEmail: string;
  bodyCode: string;
  subject: string;
  /** Filed this many working days before today, at 10:00 in Almaty, so later terms differ from today's. */
  workingDaysAgo: number;
}) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Run e2e through scripts/with-test-database.ts: DATABASE_URL is not set");
  const db = createDatabase(url, { max: 1 });
  try {
    const [citizen] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, o.citizenEmail.toLowerCase()));
    const [body] = await db
      .select({ id: stateBodies.id })
      .from(stateBodies)
      .where(eq(stateBodies.code, o.bodyCode));
    if (!citizen || !body) throw new Error("seed: demo citizen or body missing");
    const cal = await loadWorkingCalendar(db);
    const day = cal.addWorkingDays(almatyDate(new Date()), -o.workingDaysAgo);
    const { appeal } = await fileAppeal(db, {
      kind: "application",
      bodyId: body.id,
      category: "housing_utilities",
      region: "almaty_city",
      subject: o.subject,
      text: "The street lights on our street have been off for two weeks; the courtyard is dark at night.",
      publishConsent: false,
      locale: "en",
      authorId: citizen.id,
      now: new Date(almatyStartOfDay(day).getTime() + 10 * 3_600_000),
    });
    return { id: appeal.id, number: appeal.number, dueAt: appeal.dueAt };
  } finally {
    await db.$client.end();
  }
}
