import rules from "./identifier-rules.json";

/**
 * Finds personal data in what a citizen or an official wrote, so that a moderator starts from marks
 * instead of reading for them, and so that views that were never moderated (auditors, exports of
 * unreviewed parts) can take them out. A mark is a proposal: a person decides what the public sees.
 */
export const PERSONAL_DATA_KINDS = ["iin", "card", "email", "phone", "plate", "address", "name"] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];
export type PersonalDataSpan = { start: number; end: number; kind: PersonalDataKind };

// Where two marks overlap, the more specific one stays (a card number is not also an IIN and a phone).
const PRIORITY: Record<PersonalDataKind, number> = {
  card: 0,
  iin: 1,
  email: 2,
  phone: 3,
  plate: 4,
  address: 5,
  name: 6,
};

const weighted = (digits: readonly number[], weights: readonly number[]) =>
  weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % rules.iin.modulus;

/** IIN and BIN share one check digit rule (identifier-rules.json cites it). */
export function isValidIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  let check = weighted(digits, rules.iin.weights);
  if (check === 10) check = weighted(digits, rules.iin.secondWeights);
  return check !== 10 && check === digits[11];
}

/** ISO/IEC 7812 (Luhn) check digit of a bank card number. */
export function passesLuhn(value: string): boolean {
  if (!/^\d{13,19}$/.test(value)) return false;
  let sum = 0;
  for (const [i, ch] of [...value].reverse().entries()) {
    let d = Number(ch);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const digitsOf = (s: string) => s.replace(/\D/g, "");
const NOT_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_AFTER = "(?![\\p{L}\\p{N}])";

type Finder = { kind: PersonalDataKind; pattern: RegExp; accept?: (match: string) => boolean };

// Latin letters and the Cyrillic ones that look like them: people type plates with either.
const PLATE_LETTER = "[A-ZАВЕКМНОРСТХ]";
const REGION = `(?:${rules.plates.currentRegions.join("|")})`;

// A street name: one capitalised word (or a number, for numbered microdistricts), with the honorific
// that Kazakh street names often carry (Төле би, Қабанбай батыр).
const STREET_NAME =
  "(?:[\\p{Lu}\\d][\\p{L}\\d\\-]*)(?:\\s+(?:батыра|батыр|би|хана|хан|ана|ата|ақын|жырау|жолы)(?!\\p{L}))?";
const RU_HOUSE = "(?:,?\\s*(?:д\\.|дом)?\\s*№?\\s*\\d+[а-яА-Я]?(?:\\s*/\\s*\\d+)?)";
const RU_FLAT = "(?:,?\\s*(?:кв\\.|квартира)\\s*№?\\s*\\d+)";
const KK_HOUSE = "(?:,?\\s*№?\\s*\\d+[а-яә]?\\s*-?\\s*үй\\p{L}*)";
const KK_FLAT = "(?:,?\\s*\\d+\\s*-?\\s*пәтер\\p{L}*)";
const EN_STREET =
  "(?:Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|Lane|Boulevard|Blvd\\.|avenue|street|microdistrict)";
const EN_FLAT = "(?:,?\\s*(?:apt\\.?|apartment|flat)\\s*\\d+)";

const FINDERS: Finder[] = [
  {
    kind: "card",
    pattern: new RegExp(`${NOT_BEFORE}(?:\\d{13,19}|\\d{4}([ -])\\d{4}\\1\\d{4}\\1\\d{1,7})(?!\\p{N})`, "gu"),
    accept: (m) => passesLuhn(digitsOf(m)),
  },
  {
    kind: "iin",
    pattern: new RegExp(`${NOT_BEFORE}(?:\\d{12}|\\d{6} \\d{6})(?![\\p{N}])`, "gu"),
    accept: (m) => isValidIin(digitsOf(m)),
  },
  { kind: "email", pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    kind: "phone",
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}+])(?:\\+\\s?7|8)(?:[\\s\\u00a0().-]*\\d){10}(?!\\p{N})|${NOT_BEFORE}7\\d{2}[\\s-]\\d{3}[\\s-]?\\d{2}[\\s-]?\\d{2}(?!\\p{N})`,
      "gu",
    ),
  },
  {
    kind: "plate",
    pattern: new RegExp(
      `${NOT_BEFORE}(?:\\d{3}\\s?${PLATE_LETTER}{2,3}\\s?${REGION}|${PLATE_LETTER}\\s?\\d{3}\\s?${PLATE_LETTER}{2,3})${NOT_AFTER}`,
      "gu",
    ),
  },
  {
    kind: "address",
    pattern: new RegExp(
      [
        // Russian: ул. Абая, д. 12, кв. 34; пр. Назарбаева 5; мкр. Самал-2, д. 15
        `${NOT_BEFORE}(?:ул\\.|улица|пр\\.|пр-т|просп\\.|проспект|мкр\\.?|микрорайон|пер\\.|переулок|б-р|бульвар)\\s*${STREET_NAME}${RU_HOUSE}?${RU_FLAT}?`,
        // A house and a flat without the street: д. 5, кв. 12
        `${NOT_BEFORE}д\\.\\s*\\d+[а-яА-Я]?(?:\\s*/\\s*\\d+)?${RU_FLAT}?`,
        `${NOT_BEFORE}(?:кв\\.|квартира)\\s*№?\\s*\\d+`,
        // Kazakh: Абай даңғылы, 45-үй, 12-пәтер; Төле би көшесі 10
        `${NOT_BEFORE}${STREET_NAME}\\s+(?:көше\\p{L}*|к-сі|даңғыл\\p{L}*|шағын\\s?аудан\\p{L}*|ықшамаудан\\p{L}*)${KK_HOUSE}?${KK_FLAT}?`,
        `${NOT_BEFORE}(?:№\\s*)?\\d+\\s*-?\\s*үй\\p{L}*${KK_FLAT}?`,
        `${NOT_BEFORE}\\d+\\s*-?\\s*пәтер\\p{L}*`,
        `${NOT_BEFORE}пәтер\\s*№?\\s*\\d+`,
        // English: 12 Abai Avenue, apt 5; Abai Avenue 12, flat 5
        `${NOT_BEFORE}\\d+[A-Za-z]?\\s+[A-Z][\\p{L}-]*(?:\\s+[A-Z][\\p{L}-]*)?\\s+${EN_STREET}${EN_FLAT}?`,
        `${NOT_BEFORE}[A-Z][\\p{L}\\d-]*\\s+${EN_STREET}(?:\\s*,?\\s*\\d+[A-Za-z]?)?${EN_FLAT}?`,
        `${NOT_BEFORE}(?:apt\\.?|apartment|flat|house)\\s*\\d+`,
      ].join("|"),
      "gu",
    ),
  },
];

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for a person's names in any text: each full name as written, then each part of three
 * letters or more, the longer ones with an inflected ending (Russian and Kazakh decline names:
 * Айгерім → Айгерімге, Сәрсенбаева → Сәрсенбаевой). Removing a word too many is the safe mistake.
 */
export function namePattern(fullNames: readonly string[]): RegExp | null {
  const wholes = fullNames
    .map((n) => n.trim().split(/\s+/).filter(Boolean))
    .filter((parts) => parts.length > 0)
    .map((parts) => parts.map(literal).join("\\s+"));
  const parts = [
    ...new Set(fullNames.flatMap((n) => n.split(/[\s\-‐–'’]+/)).filter((p) => [...p].length >= 3)),
  ].map((p) => ([...p].length >= 5 ? `${literal(p.slice(0, -1))}\\p{L}{0,4}` : literal(p)));
  const alternatives = [...wholes.sort((a, b) => b.length - a.length), ...parts];
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<!\\p{L})(?:${alternatives.join("|")})(?!\\p{L})`, "giu");
}

function nameSpans(text: string, names: readonly string[]): PersonalDataSpan[] {
  const pattern = namePattern(names);
  if (!pattern) return [];
  const out: PersonalDataSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    const last = out.at(-1);
    // "Айгерім Нұрланқызы" is one name, not two.
    if (last && text.slice(last.end, m.index).trim() === "") last.end = m.index + m[0].length;
    else out.push({ start: m.index, end: m.index + m[0].length, kind: "name" });
  }
  return out;
}

/**
 * Every span of personal data found in `text`, sorted and not overlapping. `names` are the applicant's
 * own names (as filed and as on their account): other people's names are left to the moderator.
 */
export function detectPersonalData(text: string, o: { names?: readonly string[] } = {}): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  for (const f of FINDERS) {
    for (const m of text.matchAll(f.pattern)) {
      const value = m[0].replace(/[\s,]+$/u, "");
      if (f.accept && !f.accept(value)) continue;
      found.push({ start: m.index, end: m.index + value.length, kind: f.kind });
    }
  }
  found.push(...nameSpans(text, o.names ?? []));
  found.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || b.end - b.start - (a.end - a.start));
  const kept: PersonalDataSpan[] = [];
  for (const s of found) {
    if (kept.some((k) => s.start < k.end && k.start < s.end)) continue;
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The spans as redactions (the moderation format), for views that take personal data out unasked. */
export const detectedRedactions = (text: string, o: { names?: readonly string[] } = {}) =>
  detectPersonalData(text, o).map(({ start, end }) => ({ start, end }));
