import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export type SeededDashboard = {
  bodyCode: string;
  bodyName: { kk: string; ru: string; en: string };
  overdue: string;
  answered: string;
};

/** Test-only seeding for the dashboard journey (e2e/fixtures/seed-dashboard.ts), into the e2e server's database. */
export async function seedDashboard(o: { citizenEmail: string }): Promise<SeededDashboard> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-dashboard.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}
