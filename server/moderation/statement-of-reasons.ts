/**
 * The statement of reasons that accompanies every moderation action except publishing as submitted. Its
 * fields follow the EU Digital Services Act transparency database, so figures can be compared with it;
 * `source_type` adds state bodies and courts, because a body asking to hide criticism of itself is the
 * very gatekeeping the log exists to show.
 */
export const MODERATION_GROUNDS = [
  "personal_data_of_others",
  "insults_or_obscenity",
  "threats",
  "spam_or_advertising",
  "duplicate",
  "not_an_appeal",
  "unlawful_content",
] as const;
export type ModerationGround = (typeof MODERATION_GROUNDS)[number];

const DSA_BY_GROUND: Record<ModerationGround, { decision_ground: string; category: string }> = {
  personal_data_of_others: {
    decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT",
    category: "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
  },
  insults_or_obscenity: {
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    category: "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
  },
  threats: { decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT", category: "STATEMENT_CATEGORY_VIOLENCE" },
  spam_or_advertising: {
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    category: "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
  },
  duplicate: {
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    category: "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE",
  },
  not_an_appeal: {
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    category: "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE",
  },
  unlawful_content: {
    decision_ground: "DECISION_GROUND_ILLEGAL_CONTENT",
    category: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
  },
};

export const SOURCE_TYPES = [
  "SOURCE_VOLUNTARY",
  "SOURCE_ARTICLE_16",
  "SOURCE_TRUSTED_FLAGGER",
  "SOURCE_STATE_BODY",
  "SOURCE_COURT",
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

const VISIBILITY_BY_ACTION = {
  publish_redacted: "DECISION_VISIBILITY_CONTENT_LABELLED",
  decline: "DECISION_VISIBILITY_CONTENT_DISABLED",
  hide: "DECISION_VISIBILITY_CONTENT_REMOVED",
  // Lifting a restriction is outside the DSA's vocabulary; it is logged with its reasons all the same.
  restore: "DECISION_VISIBILITY_OTHER",
  contest_upheld: "DECISION_VISIBILITY_OTHER",
  contest_reversed: "DECISION_VISIBILITY_OTHER",
  // Publishing with the deciding moderator's redactions labels the content, as publish_redacted does.
  contest_amended: "DECISION_VISIBILITY_CONTENT_LABELLED",
  publish_answer: "DECISION_VISIBILITY_CONTENT_LABELLED",
} as const;

/** The parts of an appeal a decision redacted. Entries logged before the subject and answer were reviewed lack it. */
export const REDACTED_PARTS = ["subject", "text", "answer"] as const;
export type RedactedPart = (typeof REDACTED_PARTS)[number];

export type StatementInput = {
  ground: ModerationGround;
  facts: string;
  sourceType: SourceType;
  /** Which state body or court asked, when one did. */
  sourceIdentity?: string | null;
};

export type Statement = {
  decision_visibility: string;
  decision_ground: string;
  category: string;
  tyndau_ground: ModerationGround;
  decision_facts: string;
  automated_detection: "No";
  automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED";
  source_type: SourceType;
  source_identity: string | null;
  application_date: string;
  puid: string;
  tyndau_redacted_parts?: RedactedPart[];
};

export function buildStatement(
  action: keyof typeof VISIBILITY_BY_ACTION,
  o: StatementInput & { appealNumber: string; now: Date; redactedParts?: readonly RedactedPart[] },
): Statement {
  return {
    // Only when something was redacted: the field is absent, not empty, elsewhere, like in older entries.
    ...(o.redactedParts?.length ? { tyndau_redacted_parts: [...o.redactedParts] } : {}),
    decision_visibility: VISIBILITY_BY_ACTION[action],
    ...DSA_BY_GROUND[o.ground],
    tyndau_ground: o.ground,
    decision_facts: o.facts,
    // Every decision here is made by a person; nothing is detected or decided automatically.
    automated_detection: "No",
    automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
    source_type: o.sourceType,
    source_identity:
      o.sourceType === "SOURCE_STATE_BODY" || o.sourceType === "SOURCE_COURT"
        ? (o.sourceIdentity ?? null)
        : null,
    application_date: o.now.toISOString().slice(0, 10),
    puid: o.appealNumber,
  };
}
