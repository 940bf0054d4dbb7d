import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

async function fixture<T>(command: string, o: Record<string, string>): Promise<T> {
  const { stdout } = await run(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "e2e/fixtures/account.ts"), command, JSON.stringify(o)],
    { cwd: ROOT, env: process.env },
  );
  return JSON.parse(stdout) as T;
}

/** A confirmed citizen with this password, straight into the e2e server's database. */
export const createCitizen = (o: { email: string; password: string; fullName?: string }) =>
  fixture<{ id: string }>("citizen", o);

/**
 * The newest link to `page` mailed to `to`, as the path the browser opens (the mail names the server by
 * NEXTAUTH_URL, which may differ from the test's base URL only in host).
 */
export async function mailedLink(to: string, page: string): Promise<string> {
  const { link } = await fixture<{ link: string | null }>("mail-link", { to, page });
  if (!link) throw new Error(`no ${page} link mailed to ${to}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
