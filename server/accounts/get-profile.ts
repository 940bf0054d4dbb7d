import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stateBodies, users } from "@/db/schema";
import { DomainError } from "../errors";

export async function getProfileOrThrow(db: Db, userId: string) {
  const [row] = await db
    .select({
      fullName: users.fullName,
      email: users.email,
      role: users.role,
      // Only a phone proved by a code gets SMS; an unproved number (typed by an admin) is not offered.
      smsPhone: sql<string | null>`case when ${users.phoneVerifiedAt} is not null then ${users.phone} end`,
      body: {
        id: stateBodies.id,
        nameKk: stateBodies.nameKk,
        nameRu: stateBodies.nameRu,
        nameEn: stateBodies.nameEn,
      },
    })
    .from(users)
    .leftJoin(stateBodies, eq(stateBodies.id, users.bodyId))
    .where(eq(users.id, userId));
  if (!row) throw new DomainError("NOT_FOUND");
  return row;
}
