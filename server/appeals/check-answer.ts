import { franc } from "franc-min";
import type { AnswerDecision, WithoutConsiderationGround } from "./answer-outcomes";

/** The parts of a reasoned answer the check looks for (messages/<locale>/answer-check.json names them). */
export const CHECK_ITEMS = [
  "decision",
  "ground",
  "legalGround",
  "complaintWhere",
  "complaintTerm",
  "language",
] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

export type AnswerLanguage = "kk" | "ru" | "en";

export type AnswerCheck = {
  missing: CheckItem[];
  /** The language the answer's text is written in, or null when the detector cannot tell. */
  language: AnswerLanguage | null;
  /** The languages the law allows for this appeal's answer. */
  allowed: AnswerLanguage[];
  lawfulLanguage: boolean;
  namesLegalGround: boolean;
};

const FRANC_CODES: Record<string, AnswerLanguage> = { kaz: "kk", rus: "ru", eng: "en" };

/**
 * The answer's language, by franc-min's trigram models restricted to the three languages the service
 * takes appeals in. Short texts are left undecided rather than guessed.
 */
export function detectLanguage(text: string): AnswerLanguage | null {
  const code = franc(text, { only: Object.keys(FRANC_CODES), minLength: 20 });
  return FRANC_CODES[code] ?? null;
}

/**
 * Law on Languages in the Republic of Kazakhstan (No. 151-I of 11 July 1997), Art. 11: answers to appeals
 * are given in the state language or in the language of the appeal. So a Kazakh appeal gets a Kazakh
 * answer, a Russian one a Russian or Kazakh answer.
 */
export function allowedLanguages(appealLocale: string): AnswerLanguage[] {
  const own = appealLocale in { kk: 1, ru: 1, en: 1 } ? (appealLocale as AnswerLanguage) : "kk";
  return own === "kk" ? ["kk"] : ["kk", own];
}

// Cyrillic letters are not \w, so \b cannot mark a word's edge: these do, for any script.
const B = "(?<!\\p{L})";
const E = "(?!\\p{L})";
const re = (source: string) => new RegExp(source, "iu");

// An article, paragraph or point with its number: "ст. 76", "статьи 91", "76-бап", "бабының 2-тармағы",
// "Art. 11", "п. 2".
const ARTICLE = re(
  `${B}(стат(ья|ьи|ье|ей|ью)\\s*\\d|ст\\.\\s*\\d|п\\.\\s*\\d|пункт\\p{L}*\\s*\\d|art(icle)?\\.?\\s*\\d|para(graph)?\\.?\\s*\\d)|\\d+\\s*-?\\s*(бап|баб|тармақ)|${B}(бап|бабы\\p{L}*)\\s*\\d`,
);
// A named act: a code, a law by its title or number, a decree or order with its number, a code's
// abbreviation. "Legislation" alone ("законодательство", "заңнама") names nothing and does not count.
const ACT = re(
  [
    `${B}кодекс`,
    `${B}закон\\p{L}{0,2}\\s*(рк${E}|республики|«|"|о\\s)`,
    `${B}заң\\p{L}{0,4}\\s*[«"]`,
    `»\\s*заң`,
    `${B}(постановлени|приказ|указ|қаулы|бұйрық|жарлы)\\p{L}*\\s*(№|n\\s*\\d)`,
    `${B}(аппк|әрпк|appc|code)${E}`,
    `${B}law\\s+(of|on)${E}`,
    `№\\s*\\d+`,
  ].join("|"),
);

/** Whether the text names an act or an article, rather than only invoking "the legislation". */
export const namesLegalGround = (text: string) => ARTICLE.test(text) || ACT.test(text);

// Where to complain: a superior body, a court, the prosecutor, a ministry or akimat.
const WHERE = re(
  `${B}(вышестоящ\\p{L}*|суд\\p{L}{0,3}|прокуратур\\p{L}*|министерств\\p{L}*|акимат\\p{L}*|аким\\p{L}{0,2}|жоғары\\s*тұрған|сот\\p{L}{0,4}|министрлі\\p{L}*|әкім\\p{L}*|superior|court|ministry|prosecutor\\p{L}*|akimat|government|үкімет\\p{L}*|правительств\\p{L}*)${E}`,
);
// Within what term: a number of days or months, or a term written out.
const TERM = re(
  `\\d+\\s*(рабоч\\p{L}*\\s*)?(дн\\p{L}*|день|месяц\\p{L}*|мес\\.|жұмыс\\s*күн\\p{L}*|күн\\p{L}*|ай\\p{L}*|working\\s*days?|days?|months?)${E}|${B}(одного|двух|трех|трёх|шести|бір|екі|үш|алты|one|two|three|six)\\s*(месяц\\p{L}*|ай\\p{L}*|months?)${E}`,
);

/**
 * What the law asks of a reasoned answer, checked before it is sent (APPC Art. 76, 91; Law on Languages
 * Art. 11): a decision (with its ground when the appeal is left without consideration), a legal ground
 * naming an act or an article, where to complain and within what term, and a lawful language. The answer
 * may still be sent; the result is stored with it.
 */
export function checkAnswer(o: {
  appealLocale: string;
  decision?: AnswerDecision | null;
  withoutConsiderationGround?: WithoutConsiderationGround | null;
  text: string;
  legalGrounds: string;
  appealRights: string;
}): AnswerCheck {
  const missing: CheckItem[] = [];
  if (!o.decision) missing.push("decision");
  if (o.decision === "left_without_consideration" && !o.withoutConsiderationGround) missing.push("ground");
  const grounded = namesLegalGround(o.legalGrounds);
  if (!grounded) missing.push("legalGround");
  if (!WHERE.test(o.appealRights)) missing.push("complaintWhere");
  if (!TERM.test(o.appealRights)) missing.push("complaintTerm");
  const language = detectLanguage(o.text);
  const allowed = allowedLanguages(o.appealLocale);
  const lawfulLanguage = language !== null && allowed.includes(language);
  if (!lawfulLanguage) missing.push("language");
  return { missing, language, allowed, lawfulLanguage, namesLegalGround: grounded };
}
