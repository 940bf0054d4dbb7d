import { type SQL, sql } from "drizzle-orm";

/** An instant as its Almaty date: UTC+5 all year (working-calendar.ts). */
export const local = (column: SQL) => sql`(${column} at time zone 'UTC' + interval '5 hours')::date`;

/** Joins the working-day ordinal of `column`'s Almaty date as `alias`; none outside the index's years. */
export const dayOf = (alias: string, column: SQL) =>
  sql`left join metrics_working_days ${sql.raw(alias)} on ${sql.raw(alias)}.date = ${local(column)}`;

/**
 * The CTE `chosen`: the ids of the appeals matched by `where` (on `a` and its body `b`), written once so
 * that every per-appeal summary of a facts query reads only their rows.
 */
export const chosenAppeals = (where: SQL) => sql`
  chosen as materialized (select a.id from appeals a join state_bodies b on b.id = a.body_id where ${where})`;
