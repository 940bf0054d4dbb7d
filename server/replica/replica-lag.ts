import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/** How far a read may be behind the primary: null when `db` is the primary itself. */
export type ReplicaLag = { seconds: number | null } | null;

/**
 * A physical standby's delay, in whole seconds. Caught up (streaming, everything received replayed): 0.
 * Otherwise the age of the last transaction it replayed, which is an upper bound: the primary may have
 * committed nothing since. Cut off from its primary with nothing replayed yet, the delay is unknown (null).
 * The streaming status needs pg_read_all_stats (pg_monitor) for a role that is not a superuser.
 */
export async function replicaLag(db: Db): Promise<ReplicaLag> {
  const [row] = await db.execute<{ replica: boolean; seconds: number | null }>(sql`
    select pg_is_in_recovery() as replica,
      case
        when exists (select 1 from pg_stat_wal_receiver where status = 'streaming')
          and pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
        -- greatest() skips a null, which must stay unknown rather than become 0.
        when pg_last_xact_replay_timestamp() is null then null
        else greatest(0, ceil(extract(epoch from now() - pg_last_xact_replay_timestamp())))::int
      end as seconds`);
  if (!row?.replica) return null;
  return { seconds: row.seconds };
}
