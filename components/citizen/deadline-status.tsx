import { getTranslations } from "next-intl/server";
import type { DeadlineState } from "@/server/appeals/deadline-state";

/** Working days left to the deadline, or the law's verdict once it passed without an answer. */
export async function DeadlineStatus({ state }: { state: DeadlineState }) {
  const t = await getTranslations("citizen.deadline");
  const ts = await getTranslations("appeal.status");
  // APPC Art. 91(2): silence past the deadline counts as a refusal.
  if (state.overdue) return <span className="badge badge-danger">{ts("overdue")}</span>;
  if (state.paused) return <span className="badge">{t("paused")}</span>;
  if (state.daysLeft === null) return <span>{t("none")}</span>;
  if (state.daysLeft === 0) return <span className="badge badge-warn">{t("lastDay")}</span>;
  return <span>{t("daysLeft", { count: state.daysLeft })}</span>;
}
