/**
 * The closed set of failures domain code may report. `server/trpc.ts` maps each to a tRPC code and the
 * UI to a message in the catalogues (`errors.<code>`); anything else reaches the user as a generic error.
 */
export const DOMAIN_ERROR_CODES = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  BAD_TRANSITION: "CONFLICT",
  DEADLINE_PASSED: "CONFLICT",
  ALREADY_EXTENDED: "CONFLICT",
  BEYOND_LEGAL_LIMIT: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  IDEMPOTENCY_MISMATCH: "UNPROCESSABLE_CONTENT",
  ANONYMOUS_NOT_ALLOWED: "BAD_REQUEST",
  NOT_COMPETENT: "BAD_REQUEST",
  BAD_ATTACHMENT: "BAD_REQUEST",
  SAME_BODY: "BAD_REQUEST",
  NO_SUPERIOR_BODY: "CONFLICT",
  CONFLICT_OF_INTEREST: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  BODY_REQUIRED: "BAD_REQUEST",
  SAME_MODERATOR: "FORBIDDEN",
  ALREADY_CONTESTED: "CONFLICT",
  STATEMENT_REQUIRED: "BAD_REQUEST",
  BAD_REDACTION: "BAD_REQUEST",
  BAD_CALENDAR_DAY: "BAD_REQUEST",
  BAD_POLICY_TERM: "BAD_REQUEST",
  DATE_NOT_LATER: "BAD_REQUEST",
  SATISFY_OR_PASS_UP: "BAD_REQUEST",
  EMAIL_NOT_VERIFIED: "FORBIDDEN",
  BAD_LINK: "BAD_REQUEST",
  WEAK_PASSWORD: "BAD_REQUEST",
  GROUND_REQUIRED: "BAD_REQUEST",
  BAD_CODE: "BAD_REQUEST",
  BAD_GRADE: "BAD_REQUEST",
  ALREADY_GRADED: "CONFLICT",
  NOT_ENOUGH_GRADES: "CONFLICT",
  EMPTY_SAMPLE: "CONFLICT",
  UNKNOWN_BODY: "BAD_REQUEST",
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export class DomainError extends Error {
  /** `rule` names the access check that refused, for the log only (server/trpc.ts). */
  constructor(
    readonly code: DomainErrorCode,
    readonly rule?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }
}
