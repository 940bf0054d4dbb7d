// Reference list of Kazakhstan's 17 regions and 3 cities of republican significance (2022+ division), used to route appeals by place.

export const REGION_CODES = [
  "astana",
  "almaty_city",
  "shymkent",
  "abai",
  "akmola",
  "aktobe",
  "almaty_region",
  "atyrau",
  "east_kazakhstan",
  "zhambyl",
  "zhetisu",
  "west_kazakhstan",
  "karaganda",
  "kostanay",
  "kyzylorda",
  "mangystau",
  "pavlodar",
  "north_kazakhstan",
  "turkistan",
  "ulytau",
] as const;

export type RegionCode = (typeof REGION_CODES)[number];

export type LocalizedName = { kk: string; ru: string; en: string };

export type RegionInfo = { name: LocalizedName; centre: LocalizedName; kind: "region" | "city" };

export const REGIONS: Record<RegionCode, RegionInfo> = {
  astana: {
    name: { kk: "Астана қаласы", ru: "город Астана", en: "Astana" },
    centre: { kk: "Астана", ru: "Астана", en: "Astana" },
    kind: "city",
  },
  almaty_city: {
    name: { kk: "Алматы қаласы", ru: "город Алматы", en: "Almaty" },
    centre: { kk: "Алматы", ru: "Алматы", en: "Almaty" },
    kind: "city",
  },
  shymkent: {
    name: { kk: "Шымкент қаласы", ru: "город Шымкент", en: "Shymkent" },
    centre: { kk: "Шымкент", ru: "Шымкент", en: "Shymkent" },
    kind: "city",
  },
  abai: {
    name: { kk: "Абай облысы", ru: "область Абай", en: "Abai Region" },
    centre: { kk: "Семей", ru: "Семей", en: "Semey" },
    kind: "region",
  },
  akmola: {
    name: { kk: "Ақмола облысы", ru: "Акмолинская область", en: "Akmola Region" },
    centre: { kk: "Көкшетау", ru: "Кокшетау", en: "Kokshetau" },
    kind: "region",
  },
  aktobe: {
    name: { kk: "Ақтөбе облысы", ru: "Актюбинская область", en: "Aktobe Region" },
    centre: { kk: "Ақтөбе", ru: "Актобе", en: "Aktobe" },
    kind: "region",
  },
  almaty_region: {
    name: { kk: "Алматы облысы", ru: "Алматинская область", en: "Almaty Region" },
    centre: { kk: "Қонаев", ru: "Конаев", en: "Konaev" },
    kind: "region",
  },
  atyrau: {
    name: { kk: "Атырау облысы", ru: "Атырауская область", en: "Atyrau Region" },
    centre: { kk: "Атырау", ru: "Атырау", en: "Atyrau" },
    kind: "region",
  },
  east_kazakhstan: {
    name: {
      kk: "Шығыс Қазақстан облысы",
      ru: "Восточно-Казахстанская область",
      en: "East Kazakhstan Region",
    },
    centre: { kk: "Өскемен", ru: "Усть-Каменогорск", en: "Oskemen" },
    kind: "region",
  },
  zhambyl: {
    name: { kk: "Жамбыл облысы", ru: "Жамбылская область", en: "Zhambyl Region" },
    centre: { kk: "Тараз", ru: "Тараз", en: "Taraz" },
    kind: "region",
  },
  zhetisu: {
    name: { kk: "Жетісу облысы", ru: "область Жетісу", en: "Zhetisu Region" },
    centre: { kk: "Талдықорған", ru: "Талдыкорган", en: "Taldykorgan" },
    kind: "region",
  },
  west_kazakhstan: {
    name: { kk: "Батыс Қазақстан облысы", ru: "Западно-Казахстанская область", en: "West Kazakhstan Region" },
    centre: { kk: "Орал", ru: "Уральск", en: "Oral" },
    kind: "region",
  },
  karaganda: {
    name: { kk: "Қарағанды облысы", ru: "Карагандинская область", en: "Karaganda Region" },
    centre: { kk: "Қарағанды", ru: "Караганда", en: "Karaganda" },
    kind: "region",
  },
  kostanay: {
    name: { kk: "Қостанай облысы", ru: "Костанайская область", en: "Kostanay Region" },
    centre: { kk: "Қостанай", ru: "Костанай", en: "Kostanay" },
    kind: "region",
  },
  kyzylorda: {
    name: { kk: "Қызылорда облысы", ru: "Кызылординская область", en: "Kyzylorda Region" },
    centre: { kk: "Қызылорда", ru: "Кызылорда", en: "Kyzylorda" },
    kind: "region",
  },
  mangystau: {
    name: { kk: "Маңғыстау облысы", ru: "Мангистауская область", en: "Mangystau Region" },
    centre: { kk: "Ақтау", ru: "Актау", en: "Aktau" },
    kind: "region",
  },
  pavlodar: {
    name: { kk: "Павлодар облысы", ru: "Павлодарская область", en: "Pavlodar Region" },
    centre: { kk: "Павлодар", ru: "Павлодар", en: "Pavlodar" },
    kind: "region",
  },
  north_kazakhstan: {
    name: {
      kk: "Солтүстік Қазақстан облысы",
      ru: "Северо-Казахстанская область",
      en: "North Kazakhstan Region",
    },
    centre: { kk: "Петропавл", ru: "Петропавловск", en: "Petropavl" },
    kind: "region",
  },
  turkistan: {
    name: { kk: "Түркістан облысы", ru: "Туркестанская область", en: "Turkistan Region" },
    centre: { kk: "Түркістан", ru: "Туркестан", en: "Turkistan" },
    kind: "region",
  },
  ulytau: {
    name: { kk: "Ұлытау облысы", ru: "область Ұлытау", en: "Ulytau Region" },
    centre: { kk: "Жезқазған", ru: "Жезказган", en: "Zhezkazgan" },
    kind: "region",
  },
};
