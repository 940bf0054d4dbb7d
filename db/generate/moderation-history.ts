import { createHash, randomBytes } from "node:crypto";
import {
  GENESIS_HASH,
  type LogEntryContent,
  type ModerationAction,
} from "@/server/moderation/append-log-entry";
import { canonicalize, type Json } from "@/server/moderation/canonical-json";
import type { PublicVisibility } from "@/server/moderation/change-visibility";
import { leafHash } from "@/server/moderation/merkle-tree";
import { buildStatement, type ModerationGround } from "@/server/moderation/statement-of-reasons";

export type PlannedEntry = {
  id: string;
  number: string;
  author_id: string | null;
  action: ModerationAction;
  at: Date;
  moderator: number;
  ground: ModerationGround;
  contested_at: Date | null;
};

const FACTS: Record<string, string> = {
  duplicate: "Повтор ранее опубликованного обращения",
  not_an_appeal: "Текст не содержит обращения к государственному органу",
  threats: "Угрозы в адрес должностного лица",
  insults_or_obscenity: "Оскорбительные выражения",
  personal_data_of_others: "Адрес конкретного жителя",
};

type LogRow = {
  seq: number;
  appealId: string;
  action: ModerationAction;
  canonical: string;
  entryHash: string;
  leafHash: string;
  moderatorId: string;
  createdAt: Date;
};
/** What an appeal's publication row says after an entry; the last entry of an appeal decides. */
type VisibilityChange = { appealId: string; visibility: PublicVisibility; logSeq: number; changedAt: Date };
type Contest = {
  appealId: string;
  contestedSeq: number;
  reason: string;
  status: "upheld" | "reversed";
  decidedSeq: number;
  createdAt: Date;
};

/**
 * The public moderation log of the generated decisions, written exactly as appendLogEntry writes it:
 * numbered on from the last entry, each entry's canonical content (RFC 8785) chained to the previous hash,
 * with its Merkle leaf hash and the salted private binding. So `npm run verify-log` passes on generated
 * data too. Entries are chained a batch at a time (`append`), so that a batch can be written while the
 * next is hashed and no more than a batch is held. Each batch says how it changed the publications; an
 * appeal's publication row says what its last change says.
 */
export function moderationHistory(o: {
  moderators: readonly { id: string; pseudonym: string }[];
  last: { seq: number; entryHash: string } | null;
  contestReason: string;
}) {
  const declines = new Map<string, number>();
  let seq = o.last?.seq ?? 0;
  let prev = o.last?.entryHash ?? GENESIS_HASH;
  return { append };

  function append(entries: readonly PlannedEntry[]) {
    const log: LogRow[] = [];
    const salts: { seq: number; salt: string }[] = [];
    const contests: Contest[] = [];
    const visibility: VisibilityChange[] = [];
    for (const e of entries) {
      const moderator = o.moderators[e.moderator % o.moderators.length];
      if (!moderator) throw new Error("no moderators");
      seq += 1;
      const ground: ModerationGround = e.action === "publish_redacted" ? "personal_data_of_others" : e.ground;
      const statement =
        e.action === "publish"
          ? null
          : buildStatement(e.action as Exclude<ModerationAction, "publish">, {
              ground,
              facts: FACTS[ground] ?? ground,
              sourceType: "SOURCE_VOLUNTARY",
              appealNumber: e.number,
              now: e.at,
            });
      const contested = e.action === "contest_upheld" || e.action === "contest_reversed";
      const declineSeq = declines.get(e.id);
      const salt = randomBytes(16).toString("hex");
      const content: LogEntryContent = {
        seq,
        prev,
        time: e.at.toISOString(),
        appeal: e.number,
        action: e.action,
        statement,
        moderator: moderator.pseudonym,
        contest: contested && declineSeq ? { of: declineSeq, reason_given: true } : null,
        binding: createHash("sha256")
          .update([salt, moderator.id, e.author_id ?? "anonymous"].join("|"))
          .digest("hex"),
      };
      const canonical = canonicalize(content as unknown as Json);
      const entryHash = createHash("sha256").update(canonical).digest("hex");
      log.push({
        seq,
        appealId: e.id,
        action: e.action,
        canonical,
        entryHash,
        leafHash: leafHash(Buffer.from(canonical)).toString("hex"),
        moderatorId: moderator.id,
        createdAt: e.at,
      });
      salts.push({ seq, salt });
      prev = entryHash;

      const visible: PublicVisibility | null =
        e.action === "publish" || e.action === "contest_reversed"
          ? "published"
          : e.action === "publish_redacted"
            ? "published_redacted"
            : e.action === "decline"
              ? "declined"
              : e.action === "hide"
                ? "hidden"
                : null;
      if (visible) visibility.push({ appealId: e.id, visibility: visible, logSeq: seq, changedAt: e.at });
      if (e.action === "decline") declines.set(e.id, seq);
      if (contested && declineSeq) {
        contests.push({
          appealId: e.id,
          contestedSeq: declineSeq,
          reason: o.contestReason,
          status: e.action === "contest_reversed" ? "reversed" : "upheld",
          decidedSeq: seq,
          createdAt: e.contested_at ?? e.at,
        });
      }
    }
    return { log, salts, contests, visibility };
  }
}
