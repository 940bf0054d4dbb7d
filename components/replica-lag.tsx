import { getTranslations } from "next-intl/server";
import type { ReplicaLag } from "@/server/replica/replica-lag";

/**
 * Says that a public page was read from a copy of the database and how far behind it may be, so that an
 * appeal filed a moment ago missing from it is not taken for lost. Nothing when read from the primary.
 */
export async function ReplicaLagNote({ lag }: { lag: ReplicaLag }) {
  if (!lag) return null;
  const t = await getTranslations("replica");
  return (
    <p className="hint" data-replica-lag={lag.seconds ?? "unknown"}>
      {lag.seconds === null ? t("unknown") : t("behind", { seconds: lag.seconds })}
    </p>
  );
}
