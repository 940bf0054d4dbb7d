// Part of the test line: fails when an installed package matches a known advisory (security/advisories.json),
// then asks the registry's audit service too where it answers.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ADVISORY_PACKAGES, matchAdvisories } from "@/security/known-advisories";

/** Every installed copy of a package, nested ones included, with its version. */
function installedVersions(name: string, dir = path.join(process.cwd(), "node_modules")): string[] {
  const found: string[] = [];
  const manifest = path.join(dir, name, "package.json");
  if (existsSync(manifest)) found.push(JSON.parse(readFileSync(manifest, "utf8")).version);
  for (const entry of existsSync(dir) ? readdirSync(dir) : []) {
    const scoped = entry.startsWith("@")
      ? readdirSync(path.join(dir, entry)).map((e) => `${entry}/${e}`)
      : [entry];
    for (const pkg of scoped) {
      const nested = path.join(dir, pkg, "node_modules");
      if (existsSync(nested)) found.push(...installedVersions(name, nested));
    }
  }
  return found;
}

const hits = matchAdvisories(Object.fromEntries(ADVISORY_PACKAGES.map((p) => [p, installedVersions(p)]))).map(
  (a) => `${a.package}@${a.version}: ${a.id} — ${a.summary}`,
);
if (hits.length > 0) {
  console.error(`Known-vulnerable dependencies installed:\n  ${hits.join("\n  ")}`);
  process.exit(1);
}

try {
  execFileSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "pipe", timeout: 60_000 });
  console.log("Dependency audit: no known advisories (local list and registry).");
} catch (error) {
  const output = String((error as { stdout?: Buffer }).stdout ?? "");
  if (/\d+ (low|moderate|high|critical) severity vulnerabilit|\d+ vulnerabilities? \(/i.test(output)) {
    console.error(output);
    process.exit(1);
  }
  // The audit service does not answer from every network; the local list has been checked above.
  console.log(
    "Dependency audit: no known advisories in the local list (the registry's audit service did not answer).",
  );
}
