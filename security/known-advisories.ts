import semver from "semver";
import list from "./advisories.json";

export type Advisory = { package: string; range: string; id: string; summary: string };

/** The advisories that the given installed versions fall under. */
export function matchAdvisories(
  installed: Record<string, string[]>,
  advisories: Advisory[] = list.advisories,
) {
  return advisories.flatMap((a) =>
    (installed[a.package] ?? [])
      .filter((v) => semver.satisfies(v, a.range))
      .map((version) => ({ ...a, version })),
  );
}

export const ADVISORY_PACKAGES = [...new Set(list.advisories.map((a) => a.package))];
