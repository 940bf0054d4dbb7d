import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { appealPublications, users } from "@/db/schema";
import { fileAppeal } from "@/server/appeals/file-appeal";
import type { SessionUser } from "@/server/auth/sessions";
import { createActor } from "@/test/actors";
import { useTestDatabase } from "@/test/database";
import { almaty, bodyIdOf } from "@/test/official-fixtures";
import { contestDecision } from "./contest-decision";
import { decideContest } from "./decide-contest";
import { type LogFigures, logFigures } from "./log-figures";
import { moderateAppeal } from "./moderate-appeal";
import type { ModerationGround, SourceType } from "./statement-of-reasons";

const T0 = almaty("2026-03-02T09:00:00");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const reasons = (
  ground: ModerationGround,
  sourceType: SourceType = "SOURCE_VOLUNTARY",
  sourceIdentity?: string,
) => ({
  ground,
  facts: `Reasons: ${ground}`,
  sourceType,
  sourceIdentity,
});

/**
 * A fixed small log, every figure below counted by hand from it. Astana = akimat-astana (A),
 * Almaty = akimat-almaty-city (B); all six publications submitted at T0.
 *
 *  #1 T0+30m  m1 decline           a6 (B)  duplicate
 *  #2 T0+1h   m1 publish           a1 (A)  —
 *  #3 T0+2h   m1 publish_redacted  a2 (A)  personal data
 *  #4 T0+3h   m2 decline           a3 (B)  spam
 *  #5 T0+4h   m1 publish           a4 (B)  —
 *  #6 T0+5h   m2 contest_reversed  a2 (A)  personal data   (the author contested #3)
 *  #7 T0+6h   m2 contest_upheld    a6 (B)  duplicate       (the author contested #1)
 *  #8 T0+10h  m2 hide              a4 (B)  unlawful content, asked by a state body
 *  a5 (A) waits.
 */
describe("the figures of the public log", () => {
  const db = useTestDatabase();
  let figures: LogFigures;

  beforeAll(async () => {
    const astana = await bodyIdOf(db(), "akimat-astana");
    const almatyCity = await bodyIdOf(db(), "akimat-almaty-city");
    const moderator = async (pseudonym: string): Promise<SessionUser> => {
      const user = await createActor(db(), "moderator");
      await db().update(users).set({ pseudonym }).where(eq(users.id, user.id));
      return user;
    };
    const m1 = await moderator("M-AAAAAA");
    const m2 = await moderator("M-BBBBBB");
    const file = async (bodyId: string) => {
      const author = await createActor(db(), "citizen");
      const { appeal } = await fileAppeal(db(), {
        kind: "proposal",
        bodyId,
        category: "roads_transport",
        region: null,
        subject: "A traffic light at school No. 12",
        text: "Children cross six lanes on Kabanbay Batyr Ave every morning without a traffic light.",
        publishConsent: true,
        locale: "en",
        authorId: author.id,
      });
      await db()
        .update(appealPublications)
        .set({ submittedAt: T0 })
        .where(eq(appealPublications.appealId, appeal.id));
      return { id: appeal.id, author: author.id };
    };
    const a1 = await file(astana);
    const a2 = await file(astana);
    const a3 = await file(almatyCity);
    const a4 = await file(almatyCity);
    await file(astana); // a5 waits
    const a6 = await file(almatyCity);
    const decide = (
      appeal: { id: string },
      moderatorUser: SessionUser,
      minutes: number,
      decision: Parameters<typeof moderateAppeal>[1]["decision"],
      statement: ReturnType<typeof reasons> | null = null,
    ) =>
      moderateAppeal(db(), {
        appealId: appeal.id,
        moderator: moderatorUser,
        decision,
        statement,
        redactions: decision === "publish_redacted" ? [{ start: 0, end: 8 }] : undefined,
        now: at(minutes),
      });
    await decide(a6, m1, 30, "decline", reasons("duplicate"));
    await decide(a1, m1, 60, "publish");
    await decide(a2, m1, 120, "publish_redacted", reasons("personal_data_of_others"));
    await decide(a3, m2, 180, "decline", reasons("spam_or_advertising"));
    await decide(a4, m1, 240, "publish");
    await contestDecision(db(), {
      appealId: a2.id,
      citizenId: a2.author,
      reason: "Nothing personal there.",
    });
    await decideContest(db(), {
      appealId: a2.id,
      moderator: m2,
      outcome: "reversed",
      statement: reasons("personal_data_of_others"),
      now: at(300),
    });
    await contestDecision(db(), {
      appealId: a6.id,
      citizenId: a6.author,
      reason: "It is not a duplicate.",
    });
    await decideContest(db(), {
      appealId: a6.id,
      moderator: m2,
      outcome: "upheld",
      statement: reasons("duplicate"),
      now: at(360),
    });
    await decide(a4, m2, 600, "hide", reasons("unlawful_content", "SOURCE_STATE_BODY", "Akimat of Almaty"));
    figures = await logFigures(db());
  });

  it("counts actions per ground, publications as submitted (no ground) after those with one", () => {
    expect(figures.totalActions).toBe(8);
    expect(figures.perGround).toEqual([
      { ground: "duplicate", actions: 2 },
      { ground: "personal_data_of_others", actions: 2 },
      { ground: null, actions: 2 },
      { ground: "spam_or_advertising", actions: 1 },
      { ground: "unlawful_content", actions: 1 },
    ]);
  });

  it("counts actions and restrictions per body and per moderator pseudonym", () => {
    expect(figures.perBody.map((b) => [b.nameEn, b.actions, b.restrictions])).toEqual([
      ["Akimat of Almaty", 5, 3],
      ["Akimat of Astana", 3, 1],
    ]);
    expect(figures.perModerator).toEqual([
      { pseudonym: "M-AAAAAA", actions: 4, restrictions: 2, reversedOnContest: 1 },
      { pseudonym: "M-BBBBBB", actions: 4, restrictions: 2, reversedOnContest: 0 },
    ]);
  });

  it("sets apart the restrictions a state body asked for", () => {
    expect(figures.requestedByState).toMatchObject([
      {
        seq: 8,
        action: "hide",
        sourceType: "SOURCE_STATE_BODY",
        sourceIdentity: "Akimat of Almaty",
        body: { nameEn: "Akimat of Almaty" },
      },
    ]);
  });

  it("gives the share declined or hidden, the median time to moderation and the share of contests reversed", () => {
    // a3 and a6 declined, a4 hidden, out of six submissions.
    expect(figures.submissions).toEqual({ total: 6, declinedOrHidden: 3, share: 0.5 });
    // First actions after 30 min, 1 h, 2 h, 3 h, 4 h; a5 waits and does not count.
    expect(figures.timeToModeration).toEqual({ moderated: 5, medianSeconds: 7200 });
    expect(figures.contests).toEqual({ open: 0, decided: 2, reversed: 1, share: 0.5 });
  });
});
