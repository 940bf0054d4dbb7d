import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
export type Transaction = PgTransaction<
  PostgresJsQueryResultHKT,
  typeof schema,
  ExtractTablesWithRelations<typeof schema>
>;
/** What domain functions take: the database or a transaction already open on it. */
export type Db = Database | Transaction;

/**
 * Drizzle runs every query unprepared, and postgres.js first asks the server for an unprepared query's
 * parameter types, then sends it: two round trips a query, every time. Prepared (named per connection,
 * keyed by the query's text), a query seen before on that connection is one round trip, and it is not
 * parsed again. A transaction's or savepoint's client is wrapped the same way.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === "unsafe")
        return (query: string, args?: postgres.ParameterOrJSON<never>[], o?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, args, { ...o, prepare: true });
      if (key === "begin" || key === "savepoint")
        return (...a: unknown[]) => {
          const work = a.pop() as (sql: postgres.Sql) => unknown;
          const open = Reflect.get(target, key) as (...b: unknown[]) => unknown;
          return Reflect.apply(open, target, [...a, (sql: postgres.Sql) => work(preparing(sql))]);
        };
      return Reflect.get(target, key, receiver);
    },
  });
}

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    // Each execution is planned for its own values, as an unprepared query was: a generic plan cannot use
    // the partial indexes whose predicates name constants (public rows, open appeals).
    connection: { plan_cache_mode: "force_custom_plan" },
  });
  return drizzle(preparing(client), { schema, casing: "snake_case" });
}

let shared: Database | undefined;

/** The process-wide pool of the running app; domain code receives it as an argument, never imports it. */
export function getDatabase(): Database {
  if (!shared) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    shared = createDatabase(url);
  }
  return shared;
}

let sharedRead: Database | undefined;
const REPLICA = Symbol("replica");

/**
 * The pool for public reads that may lag a few seconds: a replica's (DATABASE_READ_URL) when one is
 * configured, else the primary's. Never for writes, nor for what a signed-in person must see at once.
 */
export function getReadDatabase(): Database {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getDatabase();
  sharedRead ??= Object.assign(createDatabase(url), { [REPLICA]: true });
  return sharedRead;
}

/** A replica's pool: it refuses writes, and unlogged tables (caches) are not on it. */
export function isReplica(db: Db): boolean {
  return (db as { [REPLICA]?: boolean })[REPLICA] === true;
}
