import { describe, expect, it } from "vitest";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { bodyIdOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { fileAssistedAppeal } from "../operator/file-assisted-appeal";
import { getPublicAppeal } from "../public-appeals/get-public-appeal";
import { listPublicAppeals } from "../public-appeals/list-public-appeals";
import { openIdOf } from "./open-id";
import { trackAppeal } from "./track-appeal";

// Wherever the registration number names an appeal, its ASCII id (open-id.ts) names it too.
describe("the ASCII id where the number is accepted", () => {
  const db = useTestDatabase();

  it("opens the public page, shown with the Cyrillic number", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    const page = await getPublicAppeal(db(), { number: openIdOf(appeal.number) });
    expect(page.hidden).toBe(false);
    expect(!page.hidden && page.appeal.number).toBe(appeal.number);
  });

  it("finds the appeal in the public search, and only public ones", async () => {
    const { appeal } = await filePublicAppeal(db(), { state: "published" });
    const { appeal: declined } = await filePublicAppeal(db(), { state: "declined" });
    const numbers = async (search: string) =>
      (await listPublicAppeals(db(), { search })).items.map((a) => a.number);
    expect(await numbers(openIdOf(appeal.number))).toEqual([appeal.number]);
    expect(await numbers(appeal.number)).toEqual([appeal.number]);
    expect(await numbers(openIdOf(declined.number))).toEqual([]);
  });

  it("follows the appeal on /track with the printed code", async () => {
    const operator = await createActor(db(), "operator");
    const filed = await fileAssistedAppeal(db(), {
      operator,
      applicant: { name: "Серікбай Оспанов", phone: "+77011234567", address: null, email: null },
      kind: "application",
      bodyId: await bodyIdOf(db(), "akimat-almaty-city"),
      category: "housing_utilities",
      region: "almaty_city",
      subject: "No heating in the flat",
      text: "The heating in our building has not worked since the first of November.",
      publishConsent: false,
      locale: "kk",
      idempotencyKey: crypto.randomUUID(),
    });
    const found = await trackAppeal(db(), { number: openIdOf(filed.number), code: filed.accessCode });
    expect(found.number).toBe(filed.number);
  });
});
