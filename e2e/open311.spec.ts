import { expect, type Page, test } from "@playwright/test";
import { DEMO, expectNoAxeViolations, signInAs } from "./support";

const filing = (apiKey: string) => ({
  api_key: apiKey,
  service_code: "roads_transport",
  lat: "43.2567",
  long: "76.9286",
  first_name: "Aigerim",
  last_name: "Sarsenbayeva",
  email: "aigerim@example.kz",
  description: "A deep pothole at the Abai Ave crossing damages cars every day.",
});

/** Parsed by the browser's own XML parser: a document it refuses has a <parsererror>. */
const xmlErrors = (page: Page, xml: string) =>
  page.evaluate(
    (text) => new DOMParser().parseFromString(text, "text/xml").getElementsByTagName("parsererror").length,
    xml,
  );

test("an Open311 client lists services, reads requests as XML and files one with the demo key", async ({
  page,
  request,
}) => {
  const services = await request.get("/api/open311/v2/services.json?locale=en");
  expect(services.status()).toBe(200);
  const list = (await services.json()) as { service_code: string; service_name: string; type: string }[];
  expect(list).toHaveLength(10);
  expect(list.find((s) => s.service_code === "roads_transport")).toMatchObject({
    service_name: "Roads and transport",
    type: "realtime",
  });

  const filed = await request.post("/api/open311/v2/requests.json", { form: filing("demo-open311-key") });
  expect(filed.status()).toBe(201);
  const [created] = (await filed.json()) as { service_request_id: string; service_notice: string }[];
  // ASCII for clients that put it in a URL as it is; the notice names the Cyrillic number people see.
  expect(created?.service_request_id).toMatch(/^JT-\d{4}-\d{6}$/);
  expect(created?.service_notice).toContain(created?.service_request_id.replace("JT", "ЖТ"));

  const xml = await request.get("/api/open311/v2/requests.xml");
  expect(xml.status()).toBe(200);
  expect(xml.headers()["content-type"]).toBe("text/xml; charset=utf-8");
  const text = await xml.text();
  expect(await xmlErrors(page, text)).toBe(0);
  expect(text).toContain(`<service_request_id>${created?.service_request_id}</service_request_id>`);

  const one = await request.get(
    `/api/open311/v2/requests/${encodeURIComponent(created?.service_request_id ?? "")}.json`,
  );
  expect(((await one.json()) as { status: string; description: null }[])[0]).toMatchObject({
    status: "open",
    description: null,
  });

  const refused = await request.post("/api/open311/v2/requests.xml", { form: filing("not-a-key") });
  expect(refused.status()).toBe(403);
  expect(await xmlErrors(page, await refused.text())).toBe(0);
});

test("the admin issues an Open311 key that files at once, and revokes it", async ({ page, request }) => {
  await signInAs(page, DEMO.admin);
  await page.goto("/en/admin/api-keys");
  await expect(page.getByRole("heading", { name: "Open311 API keys", level: 1 })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Demo Open311 client" })).toBeVisible();
  await expectNoAxeViolations(page);

  const client = `City app ${Date.now()}`;
  await page.getByLabel("Name of the client").fill(client);
  await page.getByLabel("E-mail of the citizen account").fill(DEMO.citizen2);
  await page.getByRole("button", { name: "Issue key" }).click();
  await expect(page.getByRole("status")).toContainText(`Key for ${client} issued`);
  const key = await page.getByLabel("API key").inputValue();
  expect(key).toMatch(/^tyn_/);
  await expect(page.getByRole("rowheader", { name: client })).toBeVisible();
  await expectNoAxeViolations(page);

  expect((await request.post("/api/open311/v2/requests.json", { form: filing(key) })).status()).toBe(201);

  await page.getByRole("button", { name: `Revoke the key of ${client}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(client) })).toContainText("Revoked on");
  expect((await request.post("/api/open311/v2/requests.json", { form: filing(key) })).status()).toBe(403);
});
