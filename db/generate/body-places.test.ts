import { describe, expect, it } from "vitest";
import { STATE_BODIES } from "@/server/directory/state-bodies-directory";
import { namesPlaceOrAddressee, placeSentences } from "./body-places";

const bodies = STATE_BODIES.map((b) => ({
  id: b.code,
  code: b.code,
  level: b.level,
  region: b.region,
  nameKk: b.name.kk,
  nameRu: b.name.ru,
}));
const places = placeSentences(bodies);

describe("the place a generated appeal names", () => {
  it("reads every body's territory from the directory, in Kazakh and Russian", () => {
    expect(places.size).toBe(bodies.length);
    expect(places.get("akimat-almaty-city-bostandyk")).toEqual({
      kk: "Мәселе Алматы қаласы Бостандық ауданының аумағында.",
      ru: "Проблема на территории Бостандыкского района города Алматы.",
    });
    expect(places.get("akimat-abai-semey")?.ru).toBe("Проблема на территории города Семей.");
  });

  it("gives a regional department its region's akimat territory, and a central body the whole country", () => {
    expect(places.get("dept-akmola-land")).toEqual(places.get("akimat-akmola"));
    expect(places.get("dept-akmola-land")?.kk).toBe("Мәселе Ақмола облысының аумағында.");
    expect(places.get("min-health")).toEqual(places.get("min-transport"));
    expect(places.get("min-health")?.ru).toContain("всей республики");
  });

  it("tells a text naming its place or addressee from one telling only its matter", () => {
    for (const p of places.values()) {
      expect(namesPlaceOrAddressee(`Жолда шұңқыр бар. ${p.kk}`)).toBe(true);
      expect(namesPlaceOrAddressee(`Яма на дороге. ${p.ru}`)).toBe(true);
    }
    expect(namesPlaceOrAddressee("Кому: Акимат города Астаны. Яма на дороге.")).toBe(true);
    expect(namesPlaceOrAddressee("На перекрёстке улиц Кабанбай батыра и Сыганак образовалась яма.")).toBe(
      false,
    );
  });
});
