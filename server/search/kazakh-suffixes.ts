/**
 * Kazakh noun endings, as data, for the query-side stemmer (kazakh-stemmer.ts). Kazakh is agglutinative:
 * stem + plural + possessive + case, each ending in its vowel-harmony (back/front) and consonant-assimilation
 * variants. Only nominal endings are listed: appeals name things (roads, pits, lamps), and verb endings would
 * cut too deep into short roots.
 *
 * Sources (checked 2026-12-02):
 * - Plural and possessive endings: Wiktionary (pl), "Aneks:Kazachski - końcówki rzeczowników",
 *   https://pl.wiktionary.org/wiki/Aneks:Kazachski_-_ko%C5%84c%C3%B3wki_rzeczownik%C3%B3w
 * - The seven cases and their variants: "A Guide To The 7 Kazakh Noun Cases",
 *   https://talkinkazakh.com/7-kazakh-noun-cases/ and https://aitalktutor.com/grammar/kazakh/noun-cases
 * Status: grammar, not law; it does not change by decree.
 */
export const KAZAKH_SUFFIXES = {
  // Stripped first: the case ending is the last on the word. -на/-не/-нда/-нде/-нан/-нен/-н follow a
  // 3rd-person possessive (жолында, жолынан).
  case: [
    // genitive
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    // dative
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    // accusative
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    // locative, and the attributive locative "-дағы" (ауладағы: the one in the yard)
    "ндағы",
    "ндегі",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    // ablative
    "нан",
    "нен",
    "дан",
    "ден",
    "тан",
    "тен",
    // instrumental
    "мен",
    "бен",
    "пен",
    "нен",
  ],
  possessive: [
    // 1st person singular and plural
    "ымыз",
    "іміз",
    "мыз",
    "міз",
    "ым",
    "ім",
    "м",
    // 2nd person, familiar and polite
    "ыңыз",
    "іңіз",
    "ңыз",
    "ңіз",
    "ың",
    "ің",
    "ң",
    // 3rd person
    "сы",
    "сі",
    "ы",
    "і",
  ],
  plural: ["лар", "лер", "дар", "дер", "тар", "тер"],
} as const;
