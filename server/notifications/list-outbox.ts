import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mailMessages } from "@/db/schema";
import { DomainError } from "../errors";

const OUTBOX_LIMIT = 200;

/**
 * The outbox exists only while no SMTP server is configured: then no mail can leave and this is the only
 * place it goes (development, and the demo that `npm start` runs as a production build). With SMTP_URL
 * set it is gone, as a real mailbox is where mail belongs. Its messages hold applicants' names, subjects
 * and addresses, so the procedure serving it is for admins only.
 */
export function outboxEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !env.SMTP_URL;
}

/** The latest e-mails, newest first, whatever their status. */
export async function listOutbox(db: Db) {
  if (!outboxEnabled()) throw new DomainError("NOT_FOUND");
  return db
    .select({
      id: mailMessages.id,
      to: mailMessages.to,
      subject: mailMessages.subject,
      text: mailMessages.text,
      status: mailMessages.status,
      attempts: mailMessages.attempts,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(OUTBOX_LIMIT);
}
