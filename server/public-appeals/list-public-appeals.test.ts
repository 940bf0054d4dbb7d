import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { appeals } from "@/db/schema";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf, officialOf } from "@/test/official-fixtures";
import { filePublicAppeal } from "@/test/public-appeal-fixtures";
import { forwardAppeal } from "../appeals/forward-appeal";
import { listPublicAppeals } from "./list-public-appeals";
import { supportAppeal } from "./support-appeal";

const RU_TEXT =
  "Во дворе дома на улице Сатпаева уже месяц не горят фонари, дети возвращаются из школы в темноте.";
const KK_TEXT = "Біздің ауладағы балалар алаңы бұзылған, әткеншектер сынған. Жөндеуді сұраймыз.";
const EN_TEXT = "The pedestrian crossings near School No. 12 have faded markings and no traffic lights.";
const PHONE_TEXT = "The neighbour Serik, phone +7 701 555 0101, parks on the lawn every night near block 7.";

describe("listing and searching public appeals", () => {
  const db = useTestDatabase();
  const numbers = (r: { items: { number: string }[] }) => r.items.map((i) => i.number);

  it("lists published and redacted appeals, never pending, declined or hidden ones, even when searched for", async () => {
    const marker = "Zhelsiz";
    const text = `${marker} courtyard: the drains are blocked and the yard floods after every rain.`;
    const states = ["pending", "published", "published_redacted", "declined", "hidden"] as const;
    const filed = Object.fromEntries(
      await Promise.all(
        states.map(async (state) => [
          state,
          (
            await filePublicAppeal(db(), {
              state,
              subject: `Blocked drains ${marker}`,
              text,
              region: "kyzylorda",
              bodyCode: "akimat-kyzylorda",
              redact: state === "published_redacted" ? ["yard"] : [],
            })
          ).appeal.number,
        ]),
      ),
    ) as Record<(typeof states)[number], string>;

    const visible = [filed.published, filed.published_redacted].sort();
    expect(numbers(await listPublicAppeals(db(), { region: "kyzylorda" })).sort()).toEqual(visible);
    expect(numbers(await listPublicAppeals(db(), { search: marker })).sort()).toEqual(visible);
    expect(numbers(await listPublicAppeals(db(), { search: "drains flooding" })).sort()).toEqual(visible);
    const all = await listPublicAppeals(db(), { limit: 50 });
    for (const hidden of [filed.pending, filed.declined, filed.hidden]) {
      expect(numbers(all)).not.toContain(hidden);
    }
    expect((await listPublicAppeals(db(), { region: "kyzylorda" })).total).toBe(2);
  });

  it("finds Russian by stem, Kazakh as written, English by stem, and ranks the better match first", async () => {
    const ru = await filePublicAppeal(db(), {
      state: "published",
      subject: "Не горят фонари во дворе",
      text: RU_TEXT,
    });
    const kk = await filePublicAppeal(db(), { state: "published", subject: "Балалар алаңы", text: KK_TEXT });
    const en = await filePublicAppeal(db(), {
      state: "published",
      subject: "Faded pedestrian crossings",
      text: EN_TEXT,
    });
    // "фонарь" and "дворы" are other forms of words in the text: only the Russian stemmer matches them.
    expect(numbers(await listPublicAppeals(db(), { search: "фонарь дворы" }))).toEqual([ru.appeal.number]);
    expect(numbers(await listPublicAppeals(db(), { search: "әткеншектер" }))).toEqual([kk.appeal.number]);
    expect(numbers(await listPublicAppeals(db(), { search: "crossing marking" }))).toEqual([
      en.appeal.number,
    ]);
    expect(numbers(await listPublicAppeals(db(), { search: '"traffic lights" -fountain' }))).toEqual([
      en.appeal.number,
    ]);
    expect((await listPublicAppeals(db(), { search: "фонари -Сатпаева" })).items).toEqual([]);

    // Ranked: the appeal that names the lights in its subject and text outranks one that mentions them once.
    const once = await filePublicAppeal(db(), {
      state: "published",
      subject: "Двор",
      text: "Во дворе сломана скамейка, а ещё один фонарь у подъезда мигает по вечерам.",
    });
    const ranked = numbers(await listPublicAppeals(db(), { search: "фонари" }));
    expect(ranked).toEqual([ru.appeal.number, once.appeal.number]);
  });

  it("ranks the newest matches by relevance, so the best match leads the first page however old it is", async () => {
    const file = (subject: string, text: string, day: string) =>
      filePublicAppeal(db(), { state: "published", subject, text, filedAt: almaty(`${day}T10:00:00`) });
    // A word no other test uses, so that the other tests' appeals are not among the matches.
    const best = await file(
      "Не работают гидранты, гидранты сломаны",
      "Гидранты во дворе не работают, а два гидранта сломаны: гидранты не чинят с осени.",
      "2026-01-12",
    );
    const newer = await Promise.all(
      ["2026-02-10", "2026-02-11", "2026-02-12"].map((day) =>
        file("Двор", "Во дворе сломана скамейка, и один гидрант у подъезда протекает.", day),
      ),
    );
    const [newest, middle, oldest] = newer.map((f) => f.appeal.number).reverse();
    const first = await listPublicAppeals(db(), { search: "гидранты", limit: 2 });
    expect(numbers(first)).toEqual([best.appeal.number, newest]);
    expect(numbers(await listPublicAppeals(db(), { search: "гидранты", limit: 2, page: 2 }))).toEqual([
      middle,
      oldest,
    ]);
    expect(first.sort).toBe("relevance");
    // Past the ranked candidates an older match is not ranked: the bound is what keeps a common word fast.
    expect(
      numbers(await listPublicAppeals(db(), { search: "гидранты", limit: 2, rankedCandidates: 3 })),
    ).toEqual([newest, middle]);
    // The candidates, read one more than are ranked, are the count while it stops within them; past them
    // the matches are counted on their own.
    expect(first.total).toBe(4);
    const within = await listPublicAppeals(db(), { search: "гидранты", rankedCandidates: 3, countCap: 2 });
    expect([within.total, within.totalCapped]).toEqual([2, true]);
    const beyond = await listPublicAppeals(db(), { search: "гидранты", rankedCandidates: 3, countCap: 10 });
    expect([beyond.total, beyond.totalCapped]).toEqual([4, false]);
    const past = await listPublicAppeals(db(), { search: "гидранты", limit: 2, page: 3 });
    expect([past.items, past.total]).toEqual([[], 4]);
  });

  it("does not find a redacted phone number and does not return it", async () => {
    const { appeal } = await filePublicAppeal(db(), {
      state: "published_redacted",
      subject: "Cars parked on the lawn",
      text: PHONE_TEXT,
      redact: ["Serik, phone +7 701 555 0101"],
    });
    for (const search of ["0101", "555", "Serik", "+7 701 555 0101"]) {
      expect(numbers(await listPublicAppeals(db(), { search }))).not.toContain(appeal.number);
    }
    const found = await listPublicAppeals(db(), { search: "lawn parks" });
    expect(numbers(found)).toContain(appeal.number);
    expect(JSON.stringify(found)).not.toMatch(/0101|Serik/);
  });

  it("filters by body, region, category, kind, status, overdue and period, with only the public ones left", async () => {
    const shymkent = await bodyIdOf(db(), "akimat-shymkent");
    const early = await filePublicAppeal(db(), {
      state: "published",
      bodyCode: "akimat-shymkent",
      region: "shymkent",
      category: "roads_transport",
      kind: "complaint",
      filedAt: almaty("2026-02-03T10:00:00"),
    });
    const later = await filePublicAppeal(db(), {
      state: "published",
      bodyCode: "akimat-shymkent",
      region: "shymkent",
      category: "environment",
      kind: "proposal",
      filedAt: almaty("2026-04-14T10:00:00"),
    });
    await filePublicAppeal(db(), {
      state: "hidden",
      bodyCode: "akimat-shymkent",
      region: "shymkent",
      filedAt: almaty("2026-04-14T11:00:00"),
    });
    const list = async (o: Parameters<typeof listPublicAppeals>[1]) =>
      numbers(await listPublicAppeals(db(), { ...o, now: almaty("2026-04-20T12:00:00") })).sort();

    expect(await list({ bodyId: shymkent })).toEqual([early.appeal.number, later.appeal.number].sort());
    expect(await list({ region: "shymkent", category: "roads_transport" })).toEqual([early.appeal.number]);
    expect(await list({ region: "shymkent", kind: "proposal" })).toEqual([later.appeal.number]);
    expect(await list({ bodyId: shymkent, status: "registered" })).toEqual(
      [early.appeal.number, later.appeal.number].sort(),
    );
    expect(await list({ bodyId: shymkent, status: "answered" })).toEqual([]);
    // Filed 3 Feb, 15 working days: long past on 20 April. Filed 14 April: due in May.
    expect(await list({ bodyId: shymkent, overdue: true })).toEqual([early.appeal.number]);
    expect(await list({ bodyId: shymkent, overdue: false })).toEqual([later.appeal.number]);
    // Almaty days, both ends included.
    expect(await list({ bodyId: shymkent, from: "2026-02-03", to: "2026-02-03" })).toEqual([
      early.appeal.number,
    ]);
    expect(await list({ bodyId: shymkent, from: "2026-02-04", to: "2026-04-14" })).toEqual([
      later.appeal.number,
    ]);
    expect(await list({ bodyId: shymkent, to: "2026-02-02" })).toEqual([]);

    const overdue = await listPublicAppeals(db(), { bodyId: shymkent, now: almaty("2026-04-20T12:00:00") });
    expect(overdue.items.map((i) => [i.number, i.overdue])).toEqual([
      [later.appeal.number, false],
      [early.appeal.number, true],
    ]);
  });

  it("searches within a body or region by where the appeal is now: a forward moves it, an update of its region too", async () => {
    const marker = "Qarlysu";
    const filed = await filePublicAppeal(db(), {
      state: "published",
      subject: `${marker} heating`,
      text: `${marker}: the radiators in block 4 have been cold since October.`,
      bodyCode: "akimat-almaty-city",
      region: "almaty_city",
      category: "housing_utilities",
      filedAt: almaty("2026-11-10T10:00:00"),
    });
    const from = await bodyIdOf(db(), "akimat-almaty-city");
    const to = await bodyIdOf(db(), "akimat-astana");
    const found = async (o: Parameters<typeof listPublicAppeals>[1]) =>
      numbers(await listPublicAppeals(db(), { search: marker, ...o }));

    expect(await found({ bodyId: from, region: "almaty_city", category: "housing_utilities" })).toEqual([
      filed.appeal.number,
    ]);
    const { acting } = await officialOf(db(), "akimat-almaty-city");
    await forwardAppeal(db(), {
      appealId: filed.appeal.id,
      toBodyId: to,
      reason: "Heating in this block is the competence of the capital's housing department.",
      official: acting,
      now: almaty("2026-11-11T10:00:00"),
    });
    expect(await found({ bodyId: from })).toEqual([]);
    expect(await found({ bodyId: to })).toEqual([filed.appeal.number]);
    expect(await found({ bodyId: to, sort: "newest" })).toEqual([filed.appeal.number]);

    // Whoever changes the appeal's place, plain SQL included, the search follows.
    await db()
      .update(appeals)
      .set({ region: "astana", category: "environment" })
      .where(eq(appeals.id, filed.appeal.id));
    expect(await found({ region: "almaty_city" })).toEqual([]);
    expect(await found({ region: "astana", category: "environment" })).toEqual([filed.appeal.number]);
    expect(await found({ category: "housing_utilities" })).toEqual([]);
  });

  it("sorts by support and pages through at most 50 at a time", async () => {
    const author = await createActor(db(), "citizen");
    const filed = [];
    for (let i = 0; i < 3; i++) {
      filed.push(
        (
          await filePublicAppeal(db(), {
            state: "published",
            author,
            region: "ulytau",
            bodyCode: "akimat-ulytau",
            filedAt: almaty(`2026-05-0${4 + i}T10:00:00`),
          })
        ).appeal.number,
      );
    }
    const [a, b, c] = filed as [string, string, string];
    for (const supporters of [[a], [a, a], [b]]) {
      for (const number of supporters) {
        await supportAppeal(db(), { number, citizenId: (await createActor(db(), "citizen")).id });
      }
    }
    expect(numbers(await listPublicAppeals(db(), { region: "ulytau", sort: "support" }))).toEqual([a, b, c]);
    expect(numbers(await listPublicAppeals(db(), { region: "ulytau" }))).toEqual([c, b, a]);
    const supportCounts = (await listPublicAppeals(db(), { region: "ulytau", sort: "support" })).items.map(
      (i) => i.supportCount,
    );
    expect(supportCounts).toEqual([3, 1, 0]);

    const first = await listPublicAppeals(db(), { region: "ulytau", limit: 2 });
    const second = await listPublicAppeals(db(), { region: "ulytau", limit: 2, page: 2 });
    expect([numbers(first), numbers(second), first.pageCount, first.total]).toEqual([[c, b], [a], 2, 3]);
    expect((await listPublicAppeals(db(), { limit: 500 })).items.length).toBeLessThanOrEqual(50);

    // Counting stops past the cap: the list says "more than" and pages only as far as it counted.
    const capped = await listPublicAppeals(db(), { region: "ulytau", limit: 1, countCap: 2 });
    expect([numbers(capped), capped.total, capped.totalCapped, capped.pageCount]).toEqual([[c], 2, true, 2]);
    expect((await listPublicAppeals(db(), { region: "ulytau", countCap: 3 })).totalCapped).toBe(false);
  });
});
