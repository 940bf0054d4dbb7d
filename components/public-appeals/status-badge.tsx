import { getTranslations } from "next-intl/server";
import type { PublicAppealSummary } from "@/server/public-appeals/public-appeal-view";

/** Where a public appeal stands; past its deadline unanswered it reads as the law has it, a refusal. */
export async function PublicStatusBadge({
  status,
  overdue,
}: Pick<PublicAppealSummary, "status" | "overdue">) {
  const ts = await getTranslations("appeal.status");
  // APPC Art. 91(2): silence past the deadline counts as a refusal.
  if (overdue) return <span className="badge badge-danger">{ts("overdue")}</span>;
  const done = status === "answered" || status === "closed";
  return <span className={done ? "badge badge-ok" : "badge"}>{ts(status)}</span>;
}
