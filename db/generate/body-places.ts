/**
 * Where a generated appeal says its matter is. A real appeal about a road or a roof names the place, and
 * the place tells which akimat hears it: a district's, a city's, a region's. One about a matter of the
 * whole country says so. The place comes from the directory (the body's own name, or its region's akimat
 * for a regional department), never invented: the generator knows no streets, so it names the territory.
 */

/**
 * The share of generated appeals that name where their matter is (or, for a central body, that it is the
 * whole country's). An assumption, not a measured figure: most written appeals give an address.
 */
export const PLACE_SHARE = 0.7;

/**
 * The share of generated appeals that open with their addressee, as the heading of a written appeal does
 * ("Кому: Аппарат акима Бостандыкского района…"). An assumption: on a web form most people skip that line.
 */
export const ADDRESSED_SHARE = 0.4;

export const ADDRESSEE_PREFIX = { kk: "Кімге: ", ru: "Кому: " } as const;

const NATIONWIDE = {
  kk: "Мәселе бүкіл республикаға қатысты, оны республикалық деңгейде қарауды сұраймын.",
  ru: "Вопрос касается всей республики, прошу рассмотреть его на республиканском уровне.",
} as const;
const TERRITORY = { kk: "аумағында", ru: "на территории" } as const;

export type PlacedBody = {
  id: string;
  code: string;
  level: "central" | "regional" | "district";
  region: string | null;
  nameKk: string;
  nameRu: string;
};

export type PlaceSentence = { kk: string; ru: string };

/** "Акимат Акмолинской области" → "Акмолинской области"; the akimat's territory in the genitive. */
function territoryRu(name: string): string | null {
  const m = /^(?:Аппарат акима|Акимат)\s+(.+)$/.exec(name);
  return m?.[1] ?? null;
}

/**
 * "Ақмола облысының әкімдігі" → "Ақмола облысының"; "Алматы қаласы Бостандық ауданы әкімінің аппараты" →
 * "Алматы қаласы Бостандық ауданының": the territory in the genitive, before "аумағында".
 */
function territoryKk(name: string): string | null {
  const akimat = /^(.+)\s+әкімдігі$/.exec(name);
  if (akimat?.[1]) return akimat[1];
  const office = /^(.+ауданы)\s+әкімінің аппараты$/.exec(name);
  return office?.[1] ? `${office[1]}ның` : null;
}

/**
 * The sentence each body's appeals carry about their place: a local akimat's own territory, a regional
 * department's region (by its region's akimat), the whole country for a central body. Bodies whose
 * territory cannot be read from the directory get none, rather than a made-up one.
 */
export function placeSentences(bodies: readonly PlacedBody[]): Map<string, PlaceSentence> {
  const territory = (b: PlacedBody) => {
    const kk = territoryKk(b.nameKk);
    const ru = territoryRu(b.nameRu);
    return kk && ru ? { kk: `Мәселе ${kk} ${TERRITORY.kk}.`, ru: `Проблема ${TERRITORY.ru} ${ru}.` } : null;
  };
  const regionAkimat = new Map(
    bodies.filter((b) => b.level === "regional" && b.code.startsWith("akimat-")).map((b) => [b.region, b]),
  );
  const out = new Map<string, PlaceSentence>();
  for (const b of bodies) {
    const akimat = b.level === "regional" ? regionAkimat.get(b.region) : b;
    const sentence = b.level === "central" ? NATIONWIDE : akimat ? territory(akimat) : null;
    if (sentence) out.set(b.id, sentence);
  }
  return out;
}

/** Whether a generated text names its place or its addressee: the rest tell only their topic. */
export const namesPlaceOrAddressee = (text: string) =>
  [ADDRESSEE_PREFIX.kk, ADDRESSEE_PREFIX.ru, TERRITORY.kk, TERRITORY.ru, NATIONWIDE.kk, NATIONWIDE.ru].some(
    (m) => text.includes(m),
  );
