import { getTranslations } from "next-intl/server";
import type { DeadlineState } from "@/server/appeals/deadline-state";
import { DUE_SOON_WORKING_DAYS } from "@/server/appeals/deadline-state";

/** Where an appeal stands against its deadline, in working days; past it, the law's refusal. */
export async function DeadlineBadge({ state }: { state: DeadlineState }) {
  const t = await getTranslations("official.deadline");
  if (state.paused) return <span className="badge">{t("paused")}</span>;
  if (state.overdue) return <span className="badge badge-danger">{t("overdue")}</span>;
  if (state.daysLeft === null) return null;
  if (state.daysLeft === 0) return <span className="badge badge-warn">{t("lastDay")}</span>;
  const soon = state.daysLeft <= DUE_SOON_WORKING_DAYS;
  return (
    <span className={soon ? "badge badge-warn" : "badge"}>{t("daysLeft", { count: state.daysLeft })}</span>
  );
}
