import postgres from "postgres";

const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

function assertSafe(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return name;
}

/** Runs one statement on the server's maintenance database, where CREATE/DROP DATABASE may run. */
async function onServer<T>(adminUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end();
  }
}

export function ensureDatabaseExists(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, async (sql) => {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${assertSafe(name)}"`);
  });
}

export function createDatabaseFrom(adminUrl: string, name: string, template?: string): Promise<void> {
  const from = template ? ` template "${assertSafe(template)}"` : "";
  return onServer(adminUrl, (sql) =>
    sql.unsafe(`create database "${assertSafe(name)}"${from}`).then(() => {}),
  );
}

export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, (sql) =>
    sql.unsafe(`drop database if exists "${assertSafe(name)}" with (force)`).then(() => {}),
  );
}

export function listDatabases(adminUrl: string, prefix: string): Promise<string[]> {
  return onServer(adminUrl, async (sql) => {
    const rows = await sql<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`${prefix}%`}`;
    return rows.map((r) => r.datname);
  });
}
