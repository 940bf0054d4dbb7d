import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importedAppeals, importedRegisters } from "@/db/schema";
import type { RecordAt } from "./read-records";
import { type ImportedRow, mapRecord, type RegisterMapping } from "./register-mapping";

const BATCH = 1000;
/** Refusals listed one by one in the report; beyond this only counted by reason. */
const LISTED_REFUSALS = 100;

export type ImportReport = {
  read: number;
  written: number;
  unchanged: number;
  refused: number;
  refusedByReason: Record<string, number>;
  refusals: { line: number; id: string | null; reason: string }[];
};

/**
 * Brings a register's records into imported_appeals, a batch at a time, without stopping at a bad row: a
 * refused row is reported with its line and reason. Idempotent: a row is keyed by (source, id) and written
 * only when new or changed (its hash differs), so importing the same file again writes nothing.
 */
export async function importRegister(
  db: Db,
  o: {
    records: AsyncIterable<RecordAt>;
    mapping: RegisterMapping;
    onProgress?: (report: ImportReport) => void;
    /** Rows written per statement. */
    batchSize?: number;
  },
): Promise<ImportReport> {
  const report: ImportReport = {
    read: 0,
    written: 0,
    unchanged: 0,
    refused: 0,
    refusedByReason: {},
    refusals: [],
  };
  const refuse = (line: number, id: string | null, reason: string) => {
    report.refused++;
    // Counted by the kind of reason (the part before a quoted value), listed with the value.
    const kind = reason.replace(/:.*$/, "");
    report.refusedByReason[kind] = (report.refusedByReason[kind] ?? 0) + 1;
    if (report.refusals.length < LISTED_REFUSALS) report.refusals.push({ line, id, reason });
  };
  // Rows this run writes carry its start as their import time: an id already written in this run is a
  // duplicate in the file, found with one indexed query per batch instead of a set of every id in memory.
  const runAt = new Date();
  // The register's figures as last computed will no longer be its figures: they are counted again when
  // next asked for (register-figures.ts).
  await db
    .insert(importedRegisters)
    .values({ source: o.mapping.source, timeZone: o.mapping.timeZone, importedAt: runAt })
    .onConflictDoUpdate({
      target: importedRegisters.source,
      set: { timeZone: o.mapping.timeZone, importedAt: runAt, figures: null, figuresCalendar: null },
    });
  let batch = new Map<string, { row: ImportedRow; line: number }>();
  const flush = async () => {
    if (batch.size === 0) return;
    const pending = batch;
    batch = new Map();
    const earlier = await db
      .select({ id: importedAppeals.externalId })
      .from(importedAppeals)
      .where(
        and(
          eq(importedAppeals.source, o.mapping.source),
          inArray(importedAppeals.externalId, [...pending.keys()]),
          eq(importedAppeals.importedAt, runAt),
        ),
      );
    for (const { id } of earlier) {
      refuse(pending.get(id)?.line ?? 0, id, "duplicate id in the file");
      pending.delete(id);
    }
    if (pending.size === 0) return;
    const rows = [...pending.values()].map((p) => ({ ...p.row, importedAt: runAt }));
    const written = await db
      .insert(importedAppeals)
      .values(rows)
      .onConflictDoUpdate({
        target: [importedAppeals.source, importedAppeals.externalId],
        set: {
          filedAt: sql`excluded.filed_at`,
          filedOn: sql`excluded.filed_on`,
          dueAt: sql`excluded.due_at`,
          closedAt: sql`excluded.closed_at`,
          closedOn: sql`excluded.closed_on`,
          status: sql`excluded.status`,
          agency: sql`excluded.agency`,
          serviceType: sql`excluded.service_type`,
          outcome: sql`excluded.outcome`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          rowHash: sql`excluded.row_hash`,
          importedAt: sql`excluded.imported_at`,
        },
        setWhere: sql`${importedAppeals.rowHash} <> excluded.row_hash`,
      })
      .returning({ id: importedAppeals.externalId });
    report.written += written.length;
    report.unchanged += rows.length - written.length;
    o.onProgress?.(report);
  };

  for await (const { line, ...read } of o.records) {
    report.read++;
    if ("invalid" in read) {
      refuse(line, null, read.invalid);
      continue;
    }
    const verdict = mapRecord(read.record, o.mapping);
    if (!verdict.ok) {
      refuse(line, verdict.id, verdict.reason);
      continue;
    }
    // A register that lists one id twice: the first stands, the second is reported.
    if (batch.has(verdict.row.externalId)) {
      refuse(line, verdict.row.externalId, "duplicate id in the file");
      continue;
    }
    batch.set(verdict.row.externalId, { row: verdict.row, line });
    if (batch.size >= (o.batchSize ?? BATCH)) await flush();
  }
  await flush();
  // Figures counted while this import ran hold only part of its rows.
  await db
    .update(importedRegisters)
    .set({ figures: null, figuresCalendar: null })
    .where(eq(importedRegisters.source, o.mapping.source));
  return report;
}
