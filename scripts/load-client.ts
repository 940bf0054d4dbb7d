// What `npm run load` does over HTTP before the load starts: citizens registered and signed in the way
// the browser does it, and the bodies, appeal numbers and pages the load then uses.
import { randomUUID } from "node:crypto";
import { createTRPCClient, httpLink } from "@trpc/client";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { registerCitizen } from "@/server/accounts/register-citizen";
import type { Category } from "@/server/directory/state-bodies-directory";
import type { AppRouter } from "@/server/routers/_app";

export const LOCALES = ["kk", "ru", "en"] as const;
type Locale = (typeof LOCALES)[number];

const PASSWORD = "load-test-password-2026";

export const trpcClient = (base: string, cookie?: string) =>
  createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${base}/api/trpc`,
        transformer: superjson,
        headers: () => (cookie ? { cookie } : {}),
      }),
    ],
  });

/** The name=value pairs a response sets, as a Cookie header. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");
}

/** next-auth's credentials flow, as e2e/support.ts drives it: CSRF token, then the callback. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.includes("session-token="));
  if (!response.ok || !session) throw new Error(`sign-in of ${email} failed: HTTP ${response.status}`);
  return session;
}

/**
 * Fresh citizens, registered by the domain function over the database (the registration procedure allows
 * five an hour from one address) and signed in over HTTP: returns their Cookie headers.
 */
export async function signedInCitizens(db: Db, base: string, count: number): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  const cookies: string[] = [];
  // A few at a time: each registration and sign-in hashes a password (argon2).
  for (let i = 0; i < count; i += 4) {
    const batch = Array.from({ length: Math.min(4, count - i) }, async (_, j) => {
      const email = `load-${run}-${i + j}@example.kz`;
      await registerCitizen(db, {
        fullName: `Жүктеме Тексеруші ${i + j}`,
        email,
        password: PASSWORD,
        locale: LOCALES[(i + j) % LOCALES.length] as Locale,
      });
      // Only confirmed addresses file; the confirmation link itself is tested in account-security.test.ts.
      await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.email, email));
      return signIn(base, email);
    });
    cookies.push(...(await Promise.all(batch)));
  }
  return cookies;
}

/** Where appeals go: the body the service itself suggests for each category and place. */
const DESTINATIONS: { category: Category; region: string | null }[] = [
  { category: "housing_utilities", region: "almaty_city" },
  { category: "roads_transport", region: "astana" },
  { category: "education", region: "shymkent" },
  { category: "healthcare", region: "karaganda" },
  { category: "environment", region: "east_kazakhstan" },
  { category: "social_protection", region: null },
];

export type Destination = { category: Category; region: string | null; bodyId: string };

export async function destinations(base: string): Promise<Destination[]> {
  const client = trpcClient(base);
  return Promise.all(
    DESTINATIONS.map(async (d) => {
      const [body] = await client.directory.suggest.query({
        category: d.category,
        region: d.region as never,
      });
      if (!body) throw new Error(`no body suggested for ${d.category} in ${d.region}`);
      return { ...d, bodyId: body.id };
    }),
  );
}

const TEXTS: Record<Locale, { subject: string; text: string }> = {
  kk: {
    subject: "Аулаға түнгі жарық орнату",
    text: "Үйіміздің ауласында кешкісін жарық жоқ, балалар мен қарттар қараңғыда жүреді. Шам орнатуды сұраймыз.",
  },
  ru: {
    subject: "Ямочный ремонт во дворе",
    text: "Во дворе нашего дома после зимы остались глубокие ямы, машины скорой помощи проезжают с трудом. Просим отремонтировать.",
  },
  en: {
    subject: "Broken swing on the playground",
    text: "The swing on the playground next to our building has been broken for a month and children get hurt. Please repair it.",
  },
};

/** The multipart form the new-appeal page sends, with a fresh idempotency key, as bytes. */
export function appealForm(n: number, to: Destination): { body: Buffer; contentType: string } {
  const locale = LOCALES[n % LOCALES.length] as Locale;
  const fields: Record<string, string> = {
    kind: n % 5 === 0 ? "complaint" : "application",
    bodyId: to.bodyId,
    category: to.category,
    ...(to.region ? { region: to.region } : {}),
    subject: TEXTS[locale].subject,
    text: `${TEXTS[locale].text} (${n})`,
    publishConsent: String(n % 2 === 0),
    locale,
    idempotencyKey: randomUUID(),
  };
  const boundary = `----tyndau-load-${randomUUID()}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export type ReadGroup = "dashboard" | "scopes" | "publicAppeals";

/** The public pages read under load, per group, in the three languages. */
export async function readPaths(base: string): Promise<Record<ReadGroup, string[]>> {
  const client = trpcClient(base);
  const league = await client.metrics.league.query({ sort: "received", order: "desc" });
  const bodies = league.filter((b) => b.received > 0).slice(0, 5);
  const published = await client.publicAppeals.list.query({ sort: "newest", limit: 3 });
  const numbers = published.items.map((a) => a.number);
  if (bodies.length === 0 || numbers.length === 0)
    throw new Error("the server has no appeals to show: start it with demo appeals (--demo-appeals)");
  const each = (paths: string[]) => LOCALES.flatMap((l) => paths.map((p) => `/${l}${p}`));
  return {
    // The republic dashboard: key figures, the region map and the league table, as sorted by visitors.
    dashboard: each([
      "/dashboard",
      "/dashboard?sort=onTimeRate&order=asc",
      "/dashboard?sort=overdue",
      "/dashboard?sort=meanQuality&order=desc",
      "/dashboard?metric=overdueShare",
      "/dashboard?metric=medianDays",
    ]),
    scopes: each([
      ...bodies.map((b) => `/dashboard/bodies/${b.code}`),
      "/dashboard/regions/almaty_city",
      "/dashboard/regions/astana",
      "/dashboard/regions/turkistan",
    ]),
    publicAppeals: each([
      "/public-appeals",
      "/public-appeals?sort=newest",
      "/public-appeals?page=2",
      "/public-appeals?category=housing_utilities",
      ...numbers.map((n) => `/public-appeals/${encodeURIComponent(n)}`),
    ]),
  };
}
