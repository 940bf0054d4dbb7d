import { asc, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { moderationLog } from "@/db/schema";
import type { PublicLogContent } from "./append-log-entry";

export const LOG_PAGE_MAX = 1000;

/** A page of the public log: exactly the hashed content, so anyone can verify what they read. */
export async function readLogPage(db: Db, o: { after: number; limit: number }) {
  const rows = await db
    .select({
      seq: moderationLog.seq,
      canonical: moderationLog.canonical,
      entryHash: moderationLog.entryHash,
    })
    .from(moderationLog)
    .where(gt(moderationLog.seq, o.after))
    .orderBy(asc(moderationLog.seq))
    .limit(Math.min(Math.max(o.limit, 1), LOG_PAGE_MAX));
  return rows.map((r) => ({ ...r, content: JSON.parse(r.canonical) as PublicLogContent }));
}
