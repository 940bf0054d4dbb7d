import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export type SeededGrading = { bodies: { code: string; name: { kk: string; ru: string; en: string } }[] };

/** Test-only seeding for the grading journey (e2e/fixtures/seed-grading.ts), into the e2e server's database. */
export async function seedGrading(o: { citizenEmail: string }): Promise<SeededGrading> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/seed-grading.ts"), JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout);
}
