import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealEvents, appeals, stateBodies } from "@/db/schema";
import { openIdOf } from "../appeals/open-id";
import { exportColumns, exportMetrics, toCsv } from "../metrics/export-metrics";
import { lastTwelveMonths } from "../metrics/period";
import { exportPublicAppeals } from "./export-public-appeals";

export type SnapshotFile = { path: string; mediaType: string; content: Buffer };

/**
 * The steps of an appeal's history the public may see: what happened and when, by which body. Internal
 * reminders and alerts are left out, and so is every free text (questions, replies, reasons), which
 * may hold personal data; the answer's decision is in the appeal's row.
 */
export const PUBLIC_TIMELINE_EVENTS = [
  "registered",
  "assigned",
  "clarification_requested",
  "clarification_provided",
  "forwarded",
  "deadline_extended",
  "deadline_missed",
  "answered",
  "closed",
] as const;

type TimelineStep = { type: string; at: string; body_code: string | null };

async function timelinesOf(db: Db, numbers: string[]): Promise<Map<string, TimelineStep[]>> {
  const rows = await db
    .select({
      number: appeals.number,
      type: appealEvents.type,
      at: appealEvents.occurredAt,
      bodyCode: stateBodies.code,
    })
    .from(appealEvents)
    .innerJoin(appeals, eq(appeals.id, appealEvents.appealId))
    .leftJoin(stateBodies, eq(stateBodies.id, appealEvents.bodyId))
    .where(and(inArray(appeals.number, numbers), inArray(appealEvents.type, [...PUBLIC_TIMELINE_EVENTS])))
    .orderBy(asc(appealEvents.appealId), asc(appealEvents.id));
  const out = new Map<string, TimelineStep[]>();
  for (const r of rows) {
    const steps = out.get(r.number) ?? [];
    steps.push({ type: r.type, at: r.at.toISOString(), body_code: r.bodyCode ?? null });
    out.set(r.number, steps);
  }
  return out;
}

/**
 * The public appeals as the public export has them (export-public-appeals.ts: published ones only,
 * redactions applied, nothing of the applicant), each with its stable ASCII id (open-id.ts) and its public
 * timeline. One appeal per line, in the order of their numbers, so two days' files compare line by line.
 */
async function appealsFile(db: Db, now: Date): Promise<Buffer> {
  const lines: string[] = [];
  for await (const rows of exportPublicAppeals(db, { filters: {}, now })) {
    const timelines = await timelinesOf(
      db,
      rows.map((r) => String(r.number)),
    );
    for (const row of rows) {
      const number = String(row.number);
      lines.push(
        JSON.stringify({ appeal_id: openIdOf(number), ...row, timeline: timelines.get(number) ?? [] }),
      );
    }
  }
  return Buffer.from(lines.length === 0 ? "[]\n" : `[\n${lines.join(",\n")}\n]\n`);
}

async function metricsFile(db: Db, now: Date, by: "body" | "region"): Promise<Buffer> {
  const rows = await exportMetrics(db, { period: lastTwelveMonths(now), by });
  return Buffer.from(toCsv(rows, exportColumns(by)));
}

/** The files of a day's snapshot, their paths under /open-data/<date>/ (docs/open-data.md). */
export async function buildSnapshotFiles(db: Db, now: Date): Promise<SnapshotFile[]> {
  return [
    { path: "appeals.json", mediaType: "application/json", content: await appealsFile(db, now) },
    {
      path: "metrics-by-body.csv",
      mediaType: "text/csv",
      content: await metricsFile(db, now, "body"),
    },
    {
      path: "metrics-by-region.csv",
      mediaType: "text/csv",
      content: await metricsFile(db, now, "region"),
    },
  ];
}
