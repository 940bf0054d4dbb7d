import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/**
 * A moderator's public name in the log: random (31^6 values), assigned on their first action and kept, so
 * figures per moderator compare over time while the person stays unnamed.
 */
export async function pseudonymOf(tx: Db, moderatorId: string): Promise<string> {
  const candidate = `M-${Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
  await tx
    .update(users)
    .set({ pseudonym: candidate })
    .where(and(eq(users.id, moderatorId), isNull(users.pseudonym)));
  const [user] = await tx.select({ pseudonym: users.pseudonym }).from(users).where(eq(users.id, moderatorId));
  if (!user?.pseudonym) throw new Error("moderator not found");
  return user.pseudonym;
}
