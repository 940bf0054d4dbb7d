import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { listPublicAppeals } from "../public-appeals/list-public-appeals";
import inflections from "./kazakh-inflections.json";
import { kazakhPrefixQuery, stemKazakh } from "./kazakh-stemmer";

describe("Kazakh search by stems", () => {
  const db = useTestDatabase();

  it("strips case, possessive and plural endings in the order they stack, and keeps short roots whole", () => {
    expect(stemKazakh("жолдарымызда")).toBe("жол");
    expect(stemKazakh("шұңқырлар")).toBe("шұңқыр");
    expect(stemKazakh("Көшесінде")).toBe("көше");
    expect(stemKazakh("жол")).toBe("жол");
    // "су" + "да": cutting would leave a one-letter prefix that matches everything.
    expect(stemKazakh("суда")).toBe("суда");
    expect(kazakhPrefixQuery("жолдағы шұңқырлар!")).toBe("жол:* & шұңқыр:*");
    expect(kazakhPrefixQuery("а & | ! :*")).toBeNull();
    expect(kazakhPrefixQuery("жолдар -мектепте")).toBe("жол:* & !мектеп:*");
  });

  it("matches every listed inflected form against its lemma, both ways, in PostgreSQL's own text search", async () => {
    const misses: string[] = [];
    for (const { lemma, forms } of inflections.words) {
      for (const form of forms) {
        const [row] = await db().execute<{ byLemma: boolean; byForm: boolean }>(sql`
          select to_tsvector('simple', ${form}) @@ to_tsquery('simple', ${kazakhPrefixQuery(lemma)}) as "byLemma",
                 to_tsvector('simple', ${lemma}) @@ to_tsquery('simple', ${kazakhPrefixQuery(form)}) as "byForm"`);
        if (!row?.byLemma) misses.push(`${lemma} ↛ ${form}`);
        if (!row?.byForm) misses.push(`${form} ↛ ${lemma}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("finds published appeals by inflected Kazakh words and by number in either script", async () => {
    const road = await filePublicAppeal(db(), {
      state: "published",
      subject: "Жолдағы шұңқырлар",
      text: "Біздің көшедегі жолдар бұзылған, жолда үлкен шұңқырлар бар.",
    });
    const other = await filePublicAppeal(db(), {
      state: "published",
      subject: "Су құбыры",
      text: "Үйге су келмейді.",
    });
    const numbers = async (search: string) =>
      (await listPublicAppeals(db(), { search })).items.map((i) => i.number);

    expect(await numbers("жол")).toEqual([road.appeal.number]);
    expect(await numbers("шұңқыр")).toEqual([road.appeal.number]);
    expect(await numbers("жолдарда шұңқырлары")).toEqual([road.appeal.number]);
    expect(await numbers("жол мектеп")).toEqual([]);
    expect(await numbers(other.appeal.number)).toEqual([other.appeal.number]);
    expect(await numbers(other.appeal.number.replace("ЖТ", "JT"))).toEqual([other.appeal.number]);
    expect(await numbers(` ${other.appeal.number.toLowerCase()} `)).toEqual([other.appeal.number]);
  });
});
