import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { stateBodies, type UserRole, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { countCameBack } from "@/server/metrics/count-came-back";
import { refreshMetrics } from "@/server/metrics/refresh-metrics";
import { seedDemoAppeals } from "./demo-appeals";
import { seedDemoOpen311Key } from "./demo-open311";

type DemoLogin = { role: UserRole; email: string; fullName: string; bodyCode?: string };

export const DEMO_LOGINS = {
  password: "tyndau-demo-2026",
  users: [
    { role: "citizen", email: "citizen@demo.tyndau.kz", fullName: "Айгерім Нұрланқызы Сәрсенбаева" },
    { role: "citizen", email: "citizen2@demo.tyndau.kz", fullName: "Данияр Ерланұлы Қасымов" },
    {
      role: "official",
      email: "official@demo.tyndau.kz",
      fullName: "Марат Серікұлы Жақсылықов",
      bodyCode: "akimat-almaty-city",
    },
    {
      role: "official",
      email: "official.astana@demo.tyndau.kz",
      fullName: "Гүлнар Асқарқызы Төлеуова",
      bodyCode: "akimat-astana",
    },
    {
      role: "official",
      email: "supervisor@demo.tyndau.kz",
      fullName: "Ерлан Бақытұлы Омаров",
      bodyCode: "government",
    },
    { role: "operator", email: "operator@demo.tyndau.kz", fullName: "Сәуле Маратқызы Әбенова" },
    { role: "moderator", email: "moderator@demo.tyndau.kz", fullName: "Тимур Асхатович Ким" },
    { role: "moderator", email: "moderator2@demo.tyndau.kz", fullName: "Жанна Бекқызы Оспанова" },
    { role: "auditor", email: "auditor@demo.tyndau.kz", fullName: "Алия Руслановна Бекова" },
    // A grading round needs two independent graders (docs/grading.md).
    { role: "auditor", email: "auditor2@demo.tyndau.kz", fullName: "Дәурен Серікұлы Мұратов" },
    { role: "admin", email: "admin@demo.tyndau.kz", fullName: "Нұрлан Қайратұлы Әлиев" },
  ] satisfies DemoLogin[],
};

const EXTRA_CITIZENS = [
  "Бауыржан Серікұлы Әбдірахманов",
  "Гульнара Маратовна Ахметова",
  "Ержан Қанатұлы Тоқтаров",
  "Ольга Викторовна Ким",
  "Мадина Асқарқызы Нұрпейісова",
  "Сергей Петрович Иванов",
  "Әсел Бекболатқызы Жұмабекова",
  "Руслан Айдарович Сатпаев",
];

/**
 * Loads the demo once: returns false when it is already there, so a restart keeps everything. The
 * appeals go through the real domain functions (see demo-appeals.ts); tests that need an empty service
 * pass `appeals: 0`.
 */
export async function seedDemoData(
  db: Database,
  o: { appeals: number } = { appeals: 300 },
): Promise<boolean> {
  const admin = DEMO_LOGINS.users.find((u) => u.role === "admin");
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, admin?.email ?? ""));
  if (existing) return false;

  const bodies = new Map(
    (await db.select({ id: stateBodies.id, code: stateBodies.code }).from(stateBodies)).map((b) => [
      b.code,
      b.id,
    ]),
  );
  const passwordHash = await hashPassword(DEMO_LOGINS.password);
  const demoUsers = [
    ...DEMO_LOGINS.users,
    ...EXTRA_CITIZENS.map((fullName, i) => ({
      role: "citizen" as const,
      email: `resident${i + 1}@demo.tyndau.kz`,
      fullName,
    })),
  ];
  const created = await db
    .insert(users)
    .values(
      demoUsers.map((u: DemoLogin) => ({
        email: u.email,
        fullName: u.fullName,
        role: u.role,
        passwordHash,
        bodyId: u.bodyCode ? bodies.get(u.bodyCode) : undefined,
      })),
    )
    .returning();
  const actors = created.map((u) => ({
    ...u,
    sessionId: "",
    bodyId: u.bodyId ?? null,
    emailVerified: u.emailVerifiedAt !== null,
  }));
  await seedDemoOpen311Key(db, { adminId: created.find((u) => u.role === "admin")?.id ?? null });
  if (o.appeals > 0) {
    await seedDemoAppeals(db, {
      count: o.appeals,
      citizens: actors.filter((u) => u.role === "citizen"),
      moderators: actors.filter((u) => u.role === "moderator"),
    });
  }
  // The dashboards show the demo at once rather than after the first job run.
  await refreshMetrics(db);
  await countCameBack(db, new Date());
  return true;
}
