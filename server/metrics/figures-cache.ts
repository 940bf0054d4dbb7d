import { sql } from "drizzle-orm";
import { type Db, isReplica } from "@/db/client";

/**
 * The dashboards' figures change only when refresh-metrics.ts brings the summary tables up to date (each
 * minute), yet with a year of the country's appeals a dashboard's queries over the summaries take about
 * 100 ms. So a figure is kept with the refresh it was computed after and served while that refresh is the
 * latest; the next refresh deletes it. It lives in PostgreSQL, so every app process shares it. The table is
 * unlogged, so a replica has none of it (and may not read it): there the figures are computed from the
 * replicated summaries, which is the load a replica is added to carry.
 */
export async function cachedFigures<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  if (isReplica(db)) return compute();
  const [found] = await db.execute<{ refreshed_at: string | null; value: T | null }>(sql`
    select s.refreshed_at, c.value
    from metrics_state s
    left join metrics_figures_cache c on c.key = ${key} and c.refreshed_at = s.refreshed_at
    where s.id = 1`);
  if (found?.value != null) return found.value;
  // Computed after the refresh read above, perhaps after a later one too: stored under the earlier, it is
  // served only while nothing newer exists, never as newer than it is.
  const value = await compute();
  if (found?.refreshed_at && value != null) {
    await db.execute(sql`
      insert into metrics_figures_cache (key, refreshed_at, value)
      values (${key}, ${found.refreshed_at}::timestamptz, ${JSON.stringify(value)}::jsonb)
      on conflict (key) do update set refreshed_at = excluded.refreshed_at, value = excluded.value
      where metrics_figures_cache.refreshed_at < excluded.refreshed_at`);
  }
  return value;
}

/** Drops every figure computed before the refresh that has just committed, or is about to. */
export async function dropStaleFigures(db: Db, refreshedAt: Date) {
  await db.execute(
    sql`delete from metrics_figures_cache where refreshed_at < ${refreshedAt.toISOString()}::timestamptz`,
  );
}
