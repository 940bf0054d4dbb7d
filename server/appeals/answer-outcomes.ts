import type { answerDecision } from "@/db/schema";

export type AnswerDecision = (typeof answerDecision.enumValues)[number];

/**
 * Decisions that settle what the citizen asked for, in part or in full. "explained" (the law or procedure
 * is explained and nothing is done) and "left_without_consideration" are never counted or shown as a
 * resolution (docs/metrics.md "Outcomes").
 */
export const RESOLVING_DECISIONS: readonly AnswerDecision[] = ["satisfied", "partly_satisfied"];
export const isResolvingDecision = (d: AnswerDecision) => RESOLVING_DECISIONS.includes(d);

/**
 * The closed list of legal grounds for leaving an appeal without consideration. Legal facts change by
 * amendment, so each carries its source and whether its article was confirmed against the text of the
 * Administrative Procedural and Process Code (APPC, Code No. 350-VI of 29 June 2020) or still has to be;
 * docs/metrics.md cites the same. Codes are stored on the answer; names are in messages/<locale>/answer-check.json.
 */
export const WITHOUT_CONSIDERATION_GROUNDS = [
  {
    code: "anonymous",
    // Appeals without the author's name are not considered, except reports of a crime or a threat to
    // public security (the exception this project already applies when filing, server/routers/appeal.ts).
    source: "APPC Art. 76",
    status: "cited_in_project_not_reconfirmed",
  },
  {
    code: "withdrawn",
    // "Приём, регистрация, возврат и отзыв обращения": the applicant may withdraw the appeal.
    source: "APPC Art. 64",
    status: "confirmed_article_title",
  },
  {
    code: "returned_incomplete",
    // The same article provides for returning an appeal that does not meet the filing requirements.
    source: "APPC Art. 64",
    status: "confirmed_article_title",
  },
  {
    code: "repeated_without_new_arguments",
    // A repeated appeal with no new arguments or circumstances, when exhaustive answers were given before.
    // The rule is worded as stopping consideration ("прекращение рассмотрения"); which article holds it was
    // not found in any stored source (docs/metrics.md).
    source: "APPC Art. 89",
    status: "to_verify",
  },
] as const;

export type WithoutConsiderationGround = (typeof WITHOUT_CONSIDERATION_GROUNDS)[number]["code"];
export const GROUND_CODES = WITHOUT_CONSIDERATION_GROUNDS.map((g) => g.code) as [
  WithoutConsiderationGround,
  ...WithoutConsiderationGround[],
];
