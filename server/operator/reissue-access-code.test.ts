import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appealEvents, mailMessages, stateBodies } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { trackAppeal } from "../appeals/track-appeal";
import { fileAssistedAppeal } from "./file-assisted-appeal";
import { getAssistedReceipt } from "./get-assisted-receipt";
import { reissueAccessCode } from "./reissue-access-code";

describe("an assisted filing in the citizen's language, its receipt and its access code", () => {
  const db = useTestDatabase();

  async function fileInKazakh() {
    const operator = await createActor(db(), "operator");
    const [body] = await db().select().from(stateBodies).where(eq(stateBodies.code, "akimat-almaty-city"));
    const filed = await fileAssistedAppeal(db(), {
      operator,
      applicant: { name: "Айгүл Серікқызы", phone: "+77015551234", address: null, email: "aigul@example.kz" },
      kind: "application",
      bodyId: body?.id ?? "",
      category: "housing_utilities",
      region: "almaty_city",
      subject: "Ыстық су жоқ",
      text: "Абай даңғылы 10 үйінде үш аптадан бері ыстық су жоқ. Қалпына келтіруді сұраймыз.",
      publishConsent: false,
      locale: "kk",
      idempotencyKey: crypto.randomUUID(),
    });
    return { operator, filed };
  }

  it("notices the citizen and prints the receipt in the citizen's language", async () => {
    const { operator, filed } = await fileInKazakh();
    const receipt = await getAssistedReceipt(db(), { operator, appealId: filed.id });
    expect(receipt.locale).toBe("kk");
    const [mail] = await db().select().from(mailMessages).where(eq(mailMessages.appealId, filed.id));
    expect(mail?.subject).toContain(filed.number);
    expect(mail?.subject).toMatch(/тіркелді/);
    expect((await trackAppeal(db(), { number: filed.number, code: filed.accessCode })).locale).toBe("kk");
  });

  it("reissues the code: the old one stops opening the appeal, and the history says so", async () => {
    const { operator, filed } = await fileInKazakh();
    const { accessCode } = await reissueAccessCode(db(), { operator, appealId: filed.id });
    expect(accessCode).not.toBe(filed.accessCode);
    await expect(trackAppeal(db(), { number: filed.number, code: filed.accessCode })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await trackAppeal(db(), { number: filed.number, code: accessCode })).number).toBe(filed.number);
    const events = await db().select().from(appealEvents).where(eq(appealEvents.appealId, filed.id));
    expect(events.at(-1)).toMatchObject({ type: "access_code_reissued", actorId: operator.id, data: {} });
    // The code itself is never in the history.
    expect(JSON.stringify(events)).not.toContain(accessCode);
  });

  it("lets only the operator who filed it reissue, and only for an assisted filing", async () => {
    const { filed } = await fileInKazakh();
    const other = await createActor(db(), "operator");
    await expect(reissueAccessCode(db(), { operator: other, appealId: filed.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const citizen = await createActor(db(), "citizen");
    await expect(reissueAccessCode(db(), { operator: citizen, appealId: filed.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
