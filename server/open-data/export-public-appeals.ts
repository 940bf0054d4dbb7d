import { and, asc, eq, gt, gte, lt, not } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import {
  APPEAL_KIND_VALUES,
  APPEAL_STATUSES,
  appealAnswers,
  appealCategory,
  appealPublications,
  appeals,
  stateBodies,
} from "@/db/schema";
import { addCalendarDays, almatyStartOfDay } from "../deadlines/working-calendar";
import { REGION_CODES } from "../directory/regions";
import { publicSegments } from "../moderation/redactions";
import { isOverdue, isPublic, publicAppealColumns } from "../public-appeals/public-appeal-view";

/**
 * The open data set of public appeals: exactly what the public pages show (public-appeal-view.ts), one
 * row per appeal a moderator published, without the applicant, the officials or any contact. The
 * columns are the contract of the download and of docs/open-data.md.
 */
export const EXPORT_COLUMNS = [
  "number",
  "kind",
  "category",
  "region",
  "body_code",
  "body_name_kk",
  "body_name_ru",
  "body_name_en",
  "status",
  "overdue",
  "filed_at",
  "registered_on",
  "due_at",
  "answered_at",
  "answer_decision",
  "answered_on_time",
  "subject",
  "text",
  "redacted",
  "support_count",
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type ExportRow = Record<ExportColumn, string | number | boolean | null>;

/** The columns holding text the public wrote: spreadsheets must not run it. */
export const FREE_TEXT_COLUMNS: ReadonlySet<ExportColumn> = new Set(["subject", "text"]);

/** The marker that stands for each redacted span, in every language of the data set. */
export const REDACTED_MARKER = "[redacted]";

const PAGE = 1000;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** The filters of the public list page, under the same names, so a page's address gives its download. */
export const ExportFilters = z.strictObject({
  body: optional(z.uuid()),
  region: optional(z.enum(REGION_CODES)),
  category: optional(z.enum(appealCategory.enumValues)),
  kind: optional(z.enum(APPEAL_KIND_VALUES)),
  status: optional(z.enum(APPEAL_STATUSES)),
  overdue: optional(z.enum(["1", "0"])),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
});
export type ExportFilters = z.infer<typeof ExportFilters>;

function whereOf(f: ExportFilters, now: Date) {
  return and(
    isPublic,
    f.body ? eq(appeals.bodyId, f.body) : undefined,
    f.region ? eq(appeals.region, f.region) : undefined,
    f.category ? eq(appeals.category, f.category) : undefined,
    f.kind ? eq(appeals.kind, f.kind) : undefined,
    f.status ? eq(appeals.status, f.status) : undefined,
    f.overdue === "1" ? isOverdue(now) : f.overdue === "0" ? not(isOverdue(now)) : undefined,
    f.from ? gte(appeals.filedAt, almatyStartOfDay(f.from)) : undefined,
    f.to ? lt(appeals.filedAt, almatyStartOfDay(addCalendarDays(f.to, 1))) : undefined,
  );
}

async function page(db: Db, o: { filters: ExportFilters; now: Date; after: string | null; size: number }) {
  return (
    db
      .select({
        ...publicAppealColumns(o.now),
        bodyCode: stateBodies.code,
        visibility: appealPublications.visibility,
        decision: appealAnswers.decision,
        onTime: appealAnswers.onTime,
      })
      .from(appeals)
      .innerJoin(appealPublications, eq(appealPublications.appealId, appeals.id))
      .innerJoin(stateBodies, eq(stateBodies.id, appeals.bodyId))
      .leftJoin(appealAnswers, eq(appealAnswers.appealId, appeals.id))
      // Keyset paging on the unique registration number: each page is one index range, however deep.
      .where(and(whereOf(o.filters, o.now), o.after ? gt(appeals.number, o.after) : undefined))
      .orderBy(asc(appeals.number))
      .limit(o.size)
  );
}

type PageRow = Awaited<ReturnType<typeof page>>[number];

/** A reviewed text with each redacted span as the marker: the redacted characters never reach a file. */
const reviewed = (text: string, spans: readonly { start: number; end: number }[]) =>
  publicSegments(text, spans)
    .map((s) => ("text" in s ? s.text : REDACTED_MARKER))
    .join("");

function toExportRow(r: PageRow): ExportRow {
  return {
    number: r.number,
    kind: r.kind,
    category: r.category,
    region: r.region,
    body_code: r.bodyCode,
    body_name_kk: r.bodyNameKk,
    body_name_ru: r.bodyNameRu,
    body_name_en: r.bodyNameEn,
    status: r.status,
    overdue: Boolean(r.overdue),
    filed_at: r.filedAt.toISOString(),
    registered_on: r.registeredOn,
    due_at: r.dueAt.toISOString(),
    answered_at: r.answeredAt?.toISOString() ?? null,
    answer_decision: r.decision ?? null,
    answered_on_time: r.onTime ?? null,
    subject: reviewed(r.subject ?? "", r.subjectRedactions ?? []),
    text: reviewed(r.text, r.redactions),
    redacted: r.visibility === "published_redacted",
    support_count: r.supportCount,
  };
}

/** The rows, a page at a time, so a download of the whole set streams in constant memory. */
export async function* exportPublicAppeals(
  db: Db,
  o: { filters: ExportFilters; now?: Date; pageSize?: number },
): AsyncGenerator<ExportRow[]> {
  const now = o.now ?? new Date();
  const size = o.pageSize ?? PAGE;
  let after: string | null = null;
  for (;;) {
    const rows = await page(db, { filters: o.filters, now, after, size });
    if (rows.length > 0) yield rows.map(toExportRow);
    if (rows.length < size) return;
    after = rows.at(-1)?.number ?? null;
  }
}

/** Today's date in the file name, so that downloads of different days do not overwrite each other. */
export const exportFileName = (extension: "csv" | "json", now = new Date()) =>
  `tyndau-public-appeals-${now.toISOString().slice(0, 10)}.${extension}`;
