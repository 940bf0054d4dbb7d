import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { RegionCode } from "../directory/regions";
import { DomainError } from "../errors";
import { plainWithoutPersonalData } from "../personal-data/without-personal-data";
import { FIGURES, type Figure } from "./figures";
import { monthStart, type Period } from "./period";

export const AUDIT_PAGE_SIZE = 50;

export type FigureAppeal = {
  id: string;
  number: string;
  kind: string;
  category: string;
  status: string;
  bodyCode: string;
  bodyNameKk: string;
  bodyNameRu: string;
  bodyNameEn: string;
  filedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
  onTime: boolean;
  forwards: number;
  answerDays: number | null;
  overdueDays: number | null;
  /**
   * Null when a moderator hid the appeal: dashboards count it, but nobody reads its text here. Otherwise
   * without what a moderator redacted and what the personal-data detector finds, each as "[…]".
   */
  subject: string | null;
  hidden: boolean;
};

/**
 * The appeals behind one dashboard figure, for an auditor: what they are about and how they went, never
 * who filed them (no name, contacts or account). Newest first, a page at a time; `total` equals the
 * figure as the dashboards count it, from the same facts.
 */
export async function listFigureAppeals(
  db: Db,
  o: { figure: Figure; period: Period; bodyCode?: string; region?: RegionCode; page: number },
): Promise<{ total: number; appeals: FigureAppeal[]; pageSize: number }> {
  const conditions = [
    FIGURES[o.figure],
    sql`f.month between ${monthStart(o.period.from)}::date and ${monthStart(o.period.to)}::date`,
  ];
  if (o.bodyCode) {
    const [body] = await db.execute<{ id: string }>(
      sql`select id from state_bodies where code = ${o.bodyCode}`,
    );
    if (!body) throw new DomainError("NOT_FOUND");
    conditions.push(sql`f.body_id = ${body.id}`);
  }
  if (o.region) conditions.push(sql`f.region = ${o.region}`);
  const where = sql.join(conditions, sql` and `);
  const [count] = await db.execute<{ total: number }>(
    sql`select count(*)::int as total from metrics_appeal_facts f where ${where}`,
  );
  const rows = await db.execute<Record<string, unknown>>(sql`
    select a.id, a.number, a.kind, a.category, a.status, b.code as body_code, b.name_kk, b.name_ru, b.name_en,
      a.filed_at, a.due_at, a.answered_at, f.on_time, f.forwards, f.answer_days, f.overdue_days,
      coalesce(p.visibility = 'hidden', false) as hidden, a.subject,
      coalesce(p.subject_redactions, '[]'::jsonb) as subject_redactions,
      array_remove(array[a.applicant_name, u.full_name], null) as names
    from metrics_appeal_facts f
    join appeals a on a.id = f.appeal_id
    join state_bodies b on b.id = a.body_id
    left join appeal_publications p on p.appeal_id = a.id
    left join users u on u.id = a.author_id
    where ${where}
    order by a.filed_at desc, a.id
    limit ${AUDIT_PAGE_SIZE} offset ${(o.page - 1) * AUDIT_PAGE_SIZE}`);
  return {
    total: count?.total ?? 0,
    pageSize: AUDIT_PAGE_SIZE,
    appeals: rows.map((r) => ({
      id: String(r.id),
      number: String(r.number),
      kind: String(r.kind),
      category: String(r.category),
      status: String(r.status),
      bodyCode: String(r.body_code),
      bodyNameKk: String(r.name_kk),
      bodyNameRu: String(r.name_ru),
      bodyNameEn: String(r.name_en),
      filedAt: new Date(String(r.filed_at)),
      dueAt: new Date(String(r.due_at)),
      answeredAt: r.answered_at ? new Date(String(r.answered_at)) : null,
      onTime: r.on_time === true,
      forwards: Number(r.forwards),
      answerDays: r.answer_days === null ? null : Number(r.answer_days),
      overdueDays: r.overdue_days === null ? null : Number(r.overdue_days),
      hidden: r.hidden === true,
      subject:
        r.hidden === true
          ? null
          : plainWithoutPersonalData(String(r.subject), {
              names: (r.names as string[] | null) ?? [],
              reviewed: (r.subject_redactions as { start: number; end: number }[] | null) ?? [],
            }),
    })),
  };
}
