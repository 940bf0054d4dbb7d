import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { smsMessages, smsReceipts } from "@/db/schema";
import type { DeliveryReceipt } from "./smpp-gateway";

/**
 * Records the SMSC's delivery receipt for one part. A later receipt for the same part (an intermediate
 * ENROUTE, then DELIVRD) replaces the earlier one.
 */
export async function recordReceipt(db: Db, receipt: DeliveryReceipt, now = new Date()) {
  if (!receipt.smscId) return;
  await db
    .insert(smsReceipts)
    .values({ ...receipt, receivedAt: now })
    .onConflictDoUpdate({
      target: smsReceipts.smscId,
      set: { state: receipt.state, errorCode: receipt.errorCode, receivedAt: now },
    });
}

/**
 * Whether an SMS reached the phone, from its parts' receipts: "delivered" once every part is, "undelivered"
 * once any part is final otherwise, else "pending" (no receipt yet, or only intermediate ones).
 */
export const smsDelivery = sql<"delivered" | "undelivered" | "pending">`(
  select case
    when count(*) filter (where ${smsReceipts.state} = 'DELIVRD') = cardinality(${smsMessages.smscIds})
      and cardinality(${smsMessages.smscIds}) > 0 then 'delivered'
    when count(*) filter (where ${smsReceipts.state} in ('EXPIRED', 'DELETED', 'UNDELIV', 'REJECTD')) > 0
      then 'undelivered'
    else 'pending' end
  from ${smsReceipts} where ${smsReceipts.smscId} = any(${smsMessages.smscIds}))`;
