import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { withDatabase } from "@/db/embedded-server";
import { createDatabaseFrom, dropDatabase } from "@/scripts/database-admin";

/**
 * Gives a test file a database of its own, cloned from the migrated one that
 * scripts/with-test-database.ts prepared, and drops it afterwards. No mocks: the rules run on PostgreSQL.
 */
export function useTestDatabase(): (() => Database) & { url: () => string } {
  const templateUrl = process.env.DATABASE_URL;
  if (!templateUrl) throw new Error("Run tests through `npm run test:unit`: DATABASE_URL is not set");
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${randomBytes(4).toString("hex")}`;
  const adminUrl = withDatabase(templateUrl, "postgres");
  let db: Database | undefined;

  beforeAll(async () => {
    // Cloning a template fails while another clone is being made from it; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await createDatabaseFrom(adminUrl, name, template);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    db = createDatabase(withDatabase(templateUrl, name), { max: 5 });
  });

  afterAll(async () => {
    await db?.$client.end();
    await dropDatabase(adminUrl, name);
  });

  const get = () => {
    if (!db) throw new Error("The test database is ready only inside tests and hooks");
    return db;
  };
  // For tests that hand the database to another process.
  return Object.assign(get, { url: () => withDatabase(templateUrl, name) });
}
