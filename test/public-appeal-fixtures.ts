import type { Database } from "@/db/client";
import type { APPEAL_KIND_VALUES } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import type { SessionUser } from "@/server/auth/sessions";
import type { Category } from "@/server/directory/state-bodies-directory";
import { moderateAppeal } from "@/server/moderation/moderate-appeal";
import type { ModerationGround } from "@/server/moderation/statement-of-reasons";
import { createActor } from "./actors";
import { bodyIdOf } from "./official-fixtures";

export type PublicState = "pending" | "published" | "published_redacted" | "declined" | "hidden";

export const statementOf = (ground: ModerationGround, facts = "Stated in the test") => ({
  ground,
  facts,
  sourceType: "SOURCE_VOLUNTARY" as const,
});

/**
 * An appeal filed with consent to publish, brought through the moderation domain to `state`. Redacted
 * spans are given as substrings of the text.
 */
export async function filePublicAppeal(
  db: Database,
  o: {
    state: PublicState;
    subject?: string;
    text?: string;
    redact?: string[];
    bodyCode?: string;
    region?: string | null;
    category?: Category;
    kind?: (typeof APPEAL_KIND_VALUES)[number];
    author?: SessionUser;
    applicant?: { name: string; email?: string; phone?: string; address?: string };
    filedAt?: Date;
    moderator?: SessionUser;
  },
) {
  const author = o.author ?? (await createActor(db, "citizen"));
  const text = o.text ?? "The playground in our courtyard has broken swings and no lighting at night.";
  const { appeal } = await fileAppeal(db, {
    kind: o.kind ?? "proposal",
    bodyId: await bodyIdOf(db, o.bodyCode ?? "akimat-astana"),
    category: o.category ?? "housing_utilities",
    region: o.region === undefined ? "astana" : o.region,
    subject: o.subject ?? "Repair the playground",
    text,
    publishConsent: true,
    locale: "en",
    authorId: author.id,
    applicant: o.applicant,
    now: o.filedAt,
  });
  const moderator = o.moderator ?? (await createActor(db, "moderator"));
  const decide = (decision: "publish" | "publish_redacted" | "decline" | "hide", ground?: ModerationGround) =>
    moderateAppeal(db, {
      appealId: appeal.id,
      moderator,
      decision,
      statement: ground ? statementOf(ground) : null,
      redactions: (o.redact ?? []).map((s) => {
        const start = text.indexOf(s);
        if (start < 0) throw new Error(`"${s}" is not in the text`);
        return { start, end: start + s.length };
      }),
    });
  if (o.state === "published" || o.state === "hidden") await decide("publish");
  if (o.state === "published_redacted") await decide("publish_redacted", "personal_data_of_others");
  if (o.state === "declined") await decide("decline", "not_an_appeal");
  const hidden = o.state === "hidden" ? await decide("hide", "threats") : null;
  return { appeal, author, moderator, hiddenEntry: hidden };
}
