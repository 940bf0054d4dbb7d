import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsMessages } from "@/db/schema";
import { DomainError } from "../errors";
import { smsDelivery } from "./record-receipt";

const OUTBOX_LIMIT = 200;

/**
 * Like the mail outbox (server/notifications/list-outbox.ts): while no SMSC is configured no SMS can
 * leave, and this is where they go; with SMPP_URL set it is gone. Its messages hold phone numbers and
 * codes, so the procedure serving it is for admins only.
 */
export function smsOutboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SMPP_URL;
}

/** The latest SMS, newest first, whatever their status, with what their receipts say. */
export async function listSmsOutbox(db: Db) {
  if (!smsOutboxEnabled()) throw new DomainError("NOT_FOUND");
  return db
    .select({
      id: smsMessages.id,
      to: smsMessages.to,
      text: smsMessages.text,
      kind: smsMessages.kind,
      status: smsMessages.status,
      attempts: smsMessages.attempts,
      createdAt: smsMessages.createdAt,
      delivery: smsDelivery,
    })
    .from(smsMessages)
    .orderBy(desc(smsMessages.createdAt), desc(smsMessages.id))
    .limit(OUTBOX_LIMIT);
}
