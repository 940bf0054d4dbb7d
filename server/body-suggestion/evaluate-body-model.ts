import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { suggestBodyFromText } from "./suggest-body-from-text";
import { trainBodyModel } from "./train-body-model";

/** One appeal in five, chosen by its id, is held out: never trained on, only asked about. */
export const heldOut = (appealId: string) =>
  (createHash("sha256").update(appealId).digest()[0] ?? 0) % 5 === 0;

export type BodyModelScore = {
  trainedOn: number;
  tested: number;
  accuracyAt1: number;
  accuracyAt3: number;
  /** Held-out appeals an official forwarded: how often the top 3 held the body that finally answered. */
  forwarded: number;
  forwardedAt3: number;
  /**
   * Held-out appeals whose text, by the caller's `named` test, names neither its place nor its addressee:
   * what the model reaches on a text that tells only its matter.
   */
  unnamed: number;
  unnamedAt1: number;
  unnamedAt3: number;
  /** How long one suggestion took, as the form waits for it: median and 95th percentile, ms. */
  p50Ms: number;
  p95Ms: number;
};

/**
 * Trains on four fifths of the newest `limit` appeals and asks the model about the rest, with the region
 * and category the citizen gave, as the filing form does. The model left in the database is the
 * evaluation's: retrain afterwards (the nightly job does) for one that learnt from everything.
 */
export async function evaluateBodyModel(
  db: Database,
  o: { now: Date; limit: number; named?: (text: string) => boolean },
): Promise<BodyModelScore> {
  const trainedOn = await trainBodyModel(db, { now: o.now, limit: o.limit, exclude: heldOut });
  const rows = (await db.execute(sql`
    select id, subject, text, region, category, body_id, forward_count from appeals
    order by filed_at desc limit ${o.limit}`)) as unknown as {
    id: string;
    subject: string;
    text: string;
    region: string | null;
    category: string;
    body_id: string;
    forward_count: number;
  }[];
  let tested = 0;
  let at1 = 0;
  let at3 = 0;
  let forwarded = 0;
  let forwardedAt3 = 0;
  let unnamed = 0;
  let unnamedAt1 = 0;
  let unnamedAt3 = 0;
  const took: number[] = [];
  for (const row of rows.filter((r) => heldOut(r.id))) {
    const started = performance.now();
    const top = (
      await suggestBodyFromText(db, {
        text: `${row.subject} ${row.text}`,
        region: row.region,
        category: row.category,
      })
    ).map((s) => s.id);
    took.push(performance.now() - started);
    tested++;
    if (top[0] === row.body_id) at1++;
    if (top.includes(row.body_id)) at3++;
    if (row.forward_count > 0) {
      forwarded++;
      if (top.includes(row.body_id)) forwardedAt3++;
    }
    if (o.named && !o.named(row.text)) {
      unnamed++;
      if (top[0] === row.body_id) unnamedAt1++;
      if (top.includes(row.body_id)) unnamedAt3++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  took.sort((a, b) => a - b);
  const at = (q: number) => took[Math.min(took.length - 1, Math.floor(q * took.length))] ?? 0;
  return {
    trainedOn,
    tested,
    accuracyAt1: ratio(at1, tested),
    accuracyAt3: ratio(at3, tested),
    forwarded,
    forwardedAt3: ratio(forwardedAt3, forwarded),
    unnamed,
    unnamedAt1: ratio(unnamedAt1, unnamed),
    unnamedAt3: ratio(unnamedAt3, unnamed),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
  };
}
