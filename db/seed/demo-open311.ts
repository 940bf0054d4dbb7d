import type { Database } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { hashApiKey } from "@/server/open311/api-keys";

/** The demo's Open311 client: a gateway account, and a key the README names so anyone can try the API. */
export const DEMO_OPEN311 = {
  key: "demo-open311-key",
  name: "Demo Open311 client",
  email: "open311@demo.tyndau.kz",
  fullName: "Open311 gateway (demo)",
} as const;

export async function seedDemoOpen311Key(db: Database, o: { adminId: string | null }) {
  const [account] = await db
    .insert(users)
    .values({
      email: DEMO_OPEN311.email,
      fullName: DEMO_OPEN311.fullName,
      role: "citizen",
      // Files only through its key: nobody signs in as the gateway.
      passwordHash: "!open311-gateway-without-sign-in",
    })
    .returning({ id: users.id });
  if (!account) throw new Error("Open311 gateway account not created");
  await db.insert(apiKeys).values({
    name: DEMO_OPEN311.name,
    keyHash: hashApiKey(DEMO_OPEN311.key),
    accountId: account.id,
    createdById: o.adminId,
  });
}
