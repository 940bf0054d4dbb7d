import { createHash } from "node:crypto";
import { createGzip } from "node:zlib";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appealEvents, appeals, stateBodies } from "@/db/schema";
import { openIdOf } from "../appeals/open-id";
import { exportColumns, exportMetrics, toCsv } from "../metrics/export-metrics";
import { lastTwelveMonths } from "../metrics/period";
import { exportPublicAppeals } from "./export-public-appeals";
import { sha256Hex } from "./snapshot-manifest";

/**
 * A file of a snapshot: its size and SHA-256 are the published file's; `parts`, in order, are what is
 * stored, the file itself or (encoding "gzip") the file compressed.
 */
export type SnapshotFile = {
  path: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  encoding: "identity" | "gzip";
  parts: Buffer[];
};

/** Bytes of a stored part: a query parameter of twice that as hex text. */
const PART_BYTES = 16 * 1024 * 1024;

/** `chunks` joined and cut again into parts of `size` bytes; an empty file is one empty part. */
export function partsOf(chunks: Buffer[], size = PART_BYTES): Buffer[] {
  const whole = Buffer.concat(chunks);
  const parts: Buffer[] = [];
  for (let at = 0; at < whole.byteLength || parts.length === 0; at += size)
    parts.push(whole.subarray(at, at + size));
  return parts;
}

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
async function appealsFile(db: Db, now: Date): Promise<SnapshotFile> {
  const file = compressedFile();
  let first = true;
  for await (const rows of exportPublicAppeals(db, { filters: {}, now })) {
    const timelines = await timelinesOf(
      db,
      rows.map((r) => String(r.number)),
    );
    let text = "";
    for (const row of rows) {
      const number = String(row.number);
      text += `${first ? "[\n" : ",\n"}${JSON.stringify({ appeal_id: openIdOf(number), ...row, timeline: timelines.get(number) ?? [] })}`;
      first = false;
    }
    await file.write(text);
  }
  await file.write(first ? "[]\n" : "\n]\n");
  return { path: "appeals.json", mediaType: "application/json", ...(await file.end()) };
}

/**
 * A file written a part at a time and compressed as it is written: at a nation's scale the public appeals
 * are more than a JavaScript string may hold (a million generated appeals came to 535 MB), so the whole
 * file is never in memory uncompressed.
 */
function compressedFile() {
  const gzip = createGzip();
  const hash = createHash("sha256");
  const parts: Buffer[] = [];
  let bytes = 0;
  gzip.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => gzip.on("end", resolve).on("error", reject));
  return {
    async write(text: string) {
      const part = Buffer.from(text);
      bytes += part.byteLength;
      hash.update(part);
      // Waits for the compression to catch up rather than queue the parts in memory.
      if (!gzip.write(part)) await new Promise((resolve) => gzip.once("drain", resolve));
    },
    async end() {
      gzip.end();
      await ended;
      return { bytes, sha256: hash.digest("hex"), encoding: "gzip" as const, parts: partsOf(parts) };
    },
  };
}

async function metricsFile(db: Db, now: Date, by: "body" | "region"): Promise<SnapshotFile> {
  const rows = await exportMetrics(db, { period: lastTwelveMonths(now), by });
  const content = Buffer.from(toCsv(rows, exportColumns(by)));
  // A few hundred kilobytes: stored as they are.
  return {
    path: `metrics-by-${by}.csv`,
    mediaType: "text/csv",
    bytes: content.byteLength,
    sha256: sha256Hex(content),
    encoding: "identity",
    parts: partsOf([content]),
  };
}

/** The files of a day's snapshot, their paths under /open-data/<date>/ (docs/open-data.md). */
export async function buildSnapshotFiles(db: Db, now: Date): Promise<SnapshotFile[]> {
  return [
    await appealsFile(db, now),
    await metricsFile(db, now, "body"),
    await metricsFile(db, now, "region"),
  ];
}
