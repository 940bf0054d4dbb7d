import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { foreignTexts, userContent, visibleTexts } from "./page-language";
import { type SeededCrawl, seedCrawl } from "./seed-crawl";
import { DEMO, signInAs } from "./support";

// A cheap Android phone: every page of every role, in Kazakh, must fit 360 px without sideways scrolling,
// pass axe without a serious violation and show no string of another language.
test.use({ viewport: { width: 360, height: 740 }, locale: "kk-KZ" });

let seeded: SeededCrawl;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  seeded = await seedCrawl({
    citizen: DEMO.citizen,
    official: DEMO.official,
    moderator: DEMO.moderator,
    operator: DEMO.operator,
    stamp: `${Date.now()}`,
  });
});

type Visit = { role: string; email: string | null; paths: (s: SeededCrawl) => string[] };

const VISITS: Visit[] = [
  {
    role: "public",
    email: null,
    paths: (s) => [
      "/",
      "/dashboard",
      `/dashboard/bodies/${s.bodyCode}`,
      `/dashboard/regions/${s.region}`,
      "/moderation-log",
      "/open-data",
      `/open-data/registers/${s.register}`,
      "/grading",
      "/public-appeals",
      `/public-appeals/${s.answered.number}`,
      `/public-appeals/${s.waiting.number}`,
      "/register",
      "/sign-in",
      "/track",
      "/no-such-page",
    ],
  },
  {
    role: "citizen",
    email: DEMO.citizen,
    paths: (s) => [
      "/account",
      "/notifications",
      "/appeals",
      "/appeals/new",
      `/appeals/${s.waiting.id}`,
      `/appeals/${s.answered.id}`,
      `/appeals/${s.answered.id}/receipt`,
      `/public-appeals/${s.answered.number}`,
    ],
  },
  {
    role: "official",
    email: DEMO.official,
    paths: (s) => [
      "/inbox",
      "/inbox?tab=overdue",
      `/inbox?number=${encodeURIComponent(s.waiting.number)}`,
      `/inbox/${s.waiting.id}`,
      `/inbox/${s.answered.id}`,
      "/notifications",
      "/account",
    ],
  },
  { role: "supervisor", email: DEMO.supervisor, paths: () => ["/inbox", "/account"] },
  {
    role: "operator",
    email: DEMO.operator,
    paths: (s) => ["/operator/file", `/operator/receipt/${s.assisted.id}`, "/account"],
  },
  {
    role: "moderator",
    email: DEMO.moderator,
    paths: (s) => ["/moderation", `/moderation/${s.waiting.id}`, "/moderation-log", "/account"],
  },
  {
    role: "auditor",
    email: DEMO.auditor,
    paths: (s) => ["/audit", `/audit/appeals/${s.waiting.id}`, "/audit/grading", "/account"],
  },
  {
    role: "admin",
    email: DEMO.admin,
    paths: () => ["/admin/accounts", "/admin/api-keys", "/admin/calendar", "/admin/policies", "/account"],
  },
];

/** Whatever can be scrolled sideways: the page itself, or a box inside it hiding columns off-screen. */
function sidewaysScroll(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`page ${root.scrollWidth}px > ${root.clientWidth}px`);
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const overflow = getComputedStyle(el).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1)
        found.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}px > ${el.clientWidth}px`);
    }
    return found;
  });
}

for (const visit of VISITS) {
  test(`every page of the ${visit.role} at 360×740 in Kazakh`, async ({ page }) => {
    test.setTimeout(30_000 + visit.paths(seeded).length * 20_000);
    if (visit.email) await signInAs(page, visit.email);
    const people = await userContent();
    for (const path of visit.paths(seeded)) {
      await test.step(path, async () => {
        const response = await page.goto(`/kk${path}`);
        expect.soft(response?.status(), `${path}: status`).toBeLessThan(path === "/no-such-page" ? 500 : 400);
        await page.waitForLoadState("networkidle");
        expect.soft(await sidewaysScroll(page), `${path}: scrolls sideways`).toEqual([]);
        const axe = await new AxeBuilder({ page }).analyze();
        const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect
          .soft(
            serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
            `${path}: axe`,
          )
          .toEqual([]);
        expect.soft(foreignTexts(await visibleTexts(page), "kk", people), `${path}: not Kazakh`).toEqual([]);
        // CRAWL_SCREENSHOTS=<dir> keeps each page at the phone's and a laptop's width, to look at by eye.
        const dir = process.env.CRAWL_SCREENSHOTS;
        if (dir) {
          const name = `${visit.role}${path.replace(/[^\p{L}\d]+/gu, "_")}`;
          await page.screenshot({ path: `${dir}/${name}-360.png`, fullPage: true });
          await page.setViewportSize({ width: 1366, height: 768 });
          await page.screenshot({ path: `${dir}/${name}-1366.png` });
          await page.setViewportSize({ width: 360, height: 740 });
        }
      });
    }
  });
}
