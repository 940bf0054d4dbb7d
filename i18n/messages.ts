import type { Locale } from "./routing";

/**
 * Catalogues are split by area (messages/<locale>/<area>.json) so that each area's strings live beside
 * each other; every area is loaded for every page, merged into one object of namespaces.
 */
export const MESSAGE_AREAS = [
  "accounts",
  "common",
  "mail",
  "sms",
  "appeal",
  "timeline",
  "citizen",
  "operator",
  "track",
  "notification",
  "admin",
  "official",
  "open311",
  "publicAppeals",
  "moderation",
  "dashboard",
  "audit",
  "complaints",
  "language",
  "accountSecurity",
  "formErrors",
  "ui",
  "answerPreview",
  "openData",
  "clock",
  "answer-check",
  "grading",
  "replica",
  "page-error",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_AREAS.map(async (area) => (await import(`../messages/${locale}/${area}.json`)).default),
  );
  return Object.assign({}, ...parts);
}
