import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "tyndau-demo-2026";

export const DEMO = {
  citizen: "citizen@demo.tyndau.kz",
  citizen2: "citizen2@demo.tyndau.kz",
  official: "official@demo.tyndau.kz",
  officialAstana: "official.astana@demo.tyndau.kz",
  supervisor: "supervisor@demo.tyndau.kz",
  operator: "operator@demo.tyndau.kz",
  moderator: "moderator@demo.tyndau.kz",
  moderator2: "moderator2@demo.tyndau.kz",
  auditor: "auditor@demo.tyndau.kz",
  auditor2: "auditor2@demo.tyndau.kz",
  admin: "admin@demo.tyndau.kz",
} as const;

/** Signs in through next-auth's endpoint, sharing the page's cookies: journeys that are not about signing in skip the form. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(response.ok()).toBeTruthy();
}

export async function expectNoAxeViolations(page: Page) {
  // Next.js streams a page's metadata after its body: right after a navigation or a refresh the title may
  // not be in the document yet, and axe would report a page without one (it flaked on the API keys page).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.kz`;
